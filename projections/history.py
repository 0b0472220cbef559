"""How the known value of one post and year evolved, event by event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ledger.ids import event_id
from projections.journaal import beschrijving
from projections.opbouw import Opbouw, opbouw_van
from projections.saldo import posten
from projections.zicht import Zicht, euros, vraag
from storage.schema import Tabelnamen
from storage.verbinding import Verbinding

NUL = Decimal("0.00")

STAPPEN = """
SELECT r.soort, r.cents, r.bekend_op, r.versie, r.bron, j.type, j.feit_type, e.state
FROM {postbedragen} r JOIN {journaal} j ON j.gemeente = r.gemeente AND j.versie = r.versie
JOIN {events} e ON e.id = j.positie
WHERE {zichtbaar_r} AND r.post = :post AND r.jaar = :jaar AND r.soort NOT IN ('saldo', 'saldo_incidenteel')
ORDER BY r.bekend_op, r.keten_geboekt_op, r.keten_positie
"""


@dataclass(frozen=True)
class Stap:
    """One event on the post, and what was known after the events of its day.

    Attributes:
        soort: raming, wijziging, prognose, pm or onderdeel.
        raming, prognose, effect: the post's values as known at the end of `bekend_op` (effect + = voordeel).
        opbouw: the parts its event states for this post and year.
    """

    bekend_op: date
    event_id: str
    type: str
    soort: str
    bedrag: Decimal
    bron: str
    samenvatting: str
    raming: Decimal
    prognose: Decimal
    effect: Decimal
    opbouw: Opbouw | None = None


def history(verbinding: Verbinding, t: Tabelnamen, zicht: Zicht, post: str, jaar: int) -> list[Stap]:
    jaarzicht = Zicht(zicht.gemeente, zicht.as_of, zicht.recorded_by, (jaar, jaar))
    sql = vraag(STAPPEN, postbedragen=t.postbedragen, journaal=t.journaal, events=t.events)
    rijen = verbinding.execute(sql, jaarzicht.params(post=post, jaar=jaar)).all()
    stand: dict[date, tuple[Decimal, Decimal, Decimal]] = {}
    for dag in sorted({r.bekend_op for r in rijen}):
        gevonden = [p for p in posten(verbinding, t, jaarzicht.op(dag)) if p.post == post]
        stand[dag] = (gevonden[0].raming, gevonden[0].prognose, gevonden[0].effect) if gevonden else (NUL,) * 3
    return [
        Stap(
            r.bekend_op,
            event_id(zicht.gemeente, r.versie),
            r.feit_type or r.type,
            r.soort,
            euros(r.cents),
            r.bron,
            beschrijving(r.state)[0],
            *stand[r.bekend_op],
            opbouw_van(r.state, post, jaar),
        )
        for r in rijen
    ]
