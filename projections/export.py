"""`export --format journal`: the raming and prognose amounts as an hledger / ledger-cli journal.

One transaction per gemeente and knowledge date, dated bekend_op, holding
the changes of that day as virtual (unbalanced) postings. Each post has two
accounts under `GMxxxx:saldo:JAAR:<richting>:<post>`: `:prognose` holds the
prognose and `:raming` minus the raming (for lasten the other way round), so
a post's balance is its effect (+ is voordeel) and

    hledger -f FILE bal -e DAY-AFTER-D '^GM1708:saldo:2020'

totals the verwacht saldo of 2020 as known on D (with `:begroot`, the begroot saldo).
The amounts are what the saldo's own rule (projections/verloop.py) left in force
at the end of each day.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from itertools import groupby
from typing import Any

from projections.verloop import BEGROOT_VERLOOP, POSTEN
from projections.zicht import Zicht, vraag
from storage.schema import Tabelnamen
from storage.verbinding import Verbinding

POSTEN_PER_DAG = (
    "WITH"
    + POSTEN
    + """
SELECT bekend_op, post, jaar, richting, raming_na, prognose_na FROM (
  SELECT verloop.*, MAX(nr) OVER (PARTITION BY post, jaar, bekend_op) AS laatste_van_dag FROM verloop
) per_dag WHERE nr = laatste_van_dag
"""
)
BEGROOT_PER_DAG = (
    "WITH"
    + BEGROOT_VERLOOP
    + """
SELECT bekend_op, jaar, begroot_na FROM (
  SELECT verloop.*, MAX(nr) OVER (PARTITION BY jaar, bekend_op) AS laatste_van_dag FROM verloop
) per_dag WHERE nr = laatste_van_dag
"""
)
BRONNEN = "SELECT bekend_op, bron FROM {postbedragen} WHERE {zichtbaar} ORDER BY {kennisvolgorde}"


def bedrag(cents: int) -> str:
    return f"{Decimal(cents) / 100:.2f} EUR"


def rekeningen(g: str, rij: Any) -> dict[str, int]:
    """The balances, in cents, of the accounts of one row: a post's raming and prognose, or a year's begroot."""
    if not hasattr(rij, "post"):
        return {f"{g}:saldo:{rij.jaar}:begroot": rij.begroot_na}
    teken = 1 if rij.richting == "baten" else -1
    bekend = rij.raming_na if rij.prognose_na is None else rij.prognose_na
    rekening = f"{g}:saldo:{rij.jaar}:{rij.richting}:{rij.post}"
    return {f"{rekening}:raming": -teken * rij.raming_na, f"{rekening}:prognose": teken * bekend}


def transacties(v: Verbinding, t: Tabelnamen, gemeente: str, recorded_by: datetime | None) -> Iterator[str]:
    zicht = Zicht(gemeente, date.max, recorded_by)
    rijen = [*v.execute(vraag(POSTEN_PER_DAG, postbedragen=t.postbedragen), zicht.params())]
    rijen += v.execute(vraag(BEGROOT_PER_DAG, postbedragen=t.postbedragen), zicht.params())
    bronnen: dict[date, dict[str, None]] = {}
    for r in v.execute(vraag(BRONNEN, postbedragen=t.postbedragen), zicht.params()):
        bronnen.setdefault(r.bekend_op, {})[r.bron] = None
    stand_van: dict[str, int] = {}
    for dag, van_de_dag in groupby(sorted(rijen, key=lambda r: r.bekend_op), key=lambda r: r.bekend_op):
        nu = {k: c for rij in van_de_dag for k, c in rekeningen(gemeente, rij).items()}
        boekingen = [
            f"    ({rekening})  {bedrag(cents - stand_van.get(rekening, 0))}"
            for rekening, cents in sorted(nu.items())
            if cents != stand_van.get(rekening, 0)
        ]
        stand_van.update(nu)
        if boekingen:
            yield f"{dag.isoformat()} {gemeente} {', '.join(bronnen[dag])}\n" + "\n".join(boekingen) + "\n"


def gemeenten(v: Verbinding, t: Tabelnamen) -> list[str]:
    return v.execute(f"SELECT DISTINCT gemeente FROM {t.journaal} ORDER BY gemeente").scalars()
