"""`export --format journal`: the raming and prognose amounts as an hledger / ledger-cli journal.

One transaction per gemeente and knowledge date, dated bekend_op, holding
the changes of that day as virtual (unbalanced) postings. Each post has two
accounts under `GMxxxx:saldo:JAAR:<richting>:<post>`: `:prognose` holds the
prognose and `:raming` minus the raming (for lasten the other way round), so
a post's balance is its effect (+ is voordeel) and

    hledger -f FILE bal -e DAY-AFTER-D '^GM1708:saldo:2020'

totals the verwacht saldo of 2020 as known on D (with `:begroot`, the begroot saldo).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.engine import Connection

from projections.tabellen import Tabellen
from projections.verloop import Stand, verloop


def bedrag(cents: int) -> str:
    return f"{Decimal(cents) / 100:.2f} EUR"


def rekeningen(g: str, stand: Stand) -> dict[str, int]:
    """The balance, in cents, of every account that the last day touched."""
    saldi: dict[str, int] = {}
    for post, jaar in stand.gewijzigd:
        p = stand.posten[(post, jaar)]
        teken = 1 if p.richting == "baten" else -1
        saldi[f"{g}:saldo:{jaar}:{p.richting}:{post}:raming"] = -teken * p.raming
        saldi[f"{g}:saldo:{jaar}:{p.richting}:{post}:prognose"] = teken * p.bekend
    for jaar in stand.gewijzigde_jaren:
        saldi[f"{g}:saldo:{jaar}:begroot"] = stand.begroot(jaar)
    return saldi


def transacties(v: Connection, t: Tabellen, gemeente: str, tot_us: int) -> Iterator[str]:
    stand_van: dict[str, int] = {}
    for dag, bronnen, stand in verloop(v, t, gemeente, tot_us):
        nu = rekeningen(gemeente, stand)
        boekingen = [
            f"    ({rekening})  {bedrag(cents - stand_van.get(rekening, 0))}"
            for rekening, cents in sorted(nu.items())
            if cents != stand_van.get(rekening, 0)
        ]
        stand_van.update(nu)
        if boekingen:
            yield f"{dag.isoformat()} {gemeente} {', '.join(bronnen)}\n" + "\n".join(boekingen) + "\n"


def gemeenten(v: Connection, t: Tabellen) -> list[str]:
    return list(v.execute(select(t.journaal.c.gemeente).distinct().order_by(t.journaal.c.gemeente)).scalars())
