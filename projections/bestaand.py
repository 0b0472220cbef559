"""What a gemeente has had: its posts (a question about another is refused with the closest ones) and the latest
year it has amounts for (where the pages that take a year open)."""

from __future__ import annotations

import difflib

from events.errors import OnbekendePost
from events.gemeenten import met_naam
from projections.namen import Tabelnamen
from storage.verbinding import Verbinding
from taal import _


def check_post(v: Verbinding, t: Tabelnamen, gemeente: str, post: str) -> None:
    """A post without a single row for the gemeente, ever (superseded ones count: they were there), is refused."""
    if v.execute(
        f"SELECT 1 FROM {t.postbedragen} WHERE gemeente = :g AND post = :p LIMIT 1", {"g": gemeente, "p": post}
    ).first():
        return
    posten = v.execute(f"SELECT DISTINCT post FROM {t.postbedragen} WHERE gemeente = :g", {"g": gemeente}).scalars()
    dichtbij = difflib.get_close_matches(post, posten, n=3, cutoff=0.6)
    if dichtbij:
        raad = _("; bedoelde u {posten}?").format(posten=_(" of ").join(dichtbij))
    else:
        raad = _("; zijn posten: {posten}").format(posten=", ".join(sorted(posten)[:20]))
    raise OnbekendePost(
        _("{gemeente} heeft nooit een post {post} gehad{raad}").format(
            gemeente=met_naam(gemeente), post=repr(post), raad=raad
        )
    )


def laatste_jaar(
    v: Verbinding, t: Tabelnamen, gemeente: str, soorten: tuple[str, ...] = (), post: str | None = None
) -> int | None:
    """The latest year with an amount as the ledger stands now (of these soorten, of this post); None: none."""
    namen = {f"s{i}": s for i, s in enumerate(soorten)}
    waar = f" AND soort IN ({', '.join(':' + n for n in namen)})" if namen else ""
    waar += " AND post = :post" if post is not None else ""
    sql = f"SELECT MAX(jaar) FROM {t.postbedragen} WHERE gemeente = :g AND vervallen_op IS NULL{waar}"
    return v.execute(sql, {"g": gemeente, "post": post, **namen}).scalar()
