"""The course of the known values through time: one pass over a gemeente's rows in knowledge order.

Rows come in (bekend_op, geboekt_op of their first event, position) order, so
"the begroting in force" is simply the last raming seen, and a wijziging adds
to it; the last prognose is the prognose. `saldo` answers one date with SQL;
this answers every date at once, for the journal export.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby

from sqlalchemy import or_, select
from sqlalchemy.engine import Connection

from projections.tabellen import Tabellen


@dataclass
class Post:
    richting: str
    basis: int = 0
    wijzigingen: int = 0
    prognose: int | None = None

    @property
    def raming(self) -> int:
        return self.basis + self.wijzigingen

    @property
    def bekend(self) -> int:
        return self.raming if self.prognose is None else self.prognose

    @property
    def effect(self) -> int:
        return self.bekend - self.raming if self.richting == "baten" else self.raming - self.bekend


@dataclass
class Stand:
    """Everything known after the rows so far, in cents."""

    posten: dict[tuple[str, int], Post] = field(default_factory=dict)
    saldo_basis: dict[int, int] = field(default_factory=dict)
    saldo_wijzigingen: dict[int, int] = field(default_factory=dict)
    gewijzigd: set[tuple[str, int]] = field(default_factory=set)
    gewijzigde_jaren: set[int] = field(default_factory=set)

    def begroot(self, jaar: int) -> int:
        return self.saldo_basis.get(jaar, 0) + self.saldo_wijzigingen.get(jaar, 0)

    def verwerk(self, soort: str, post: str, richting: str, jaar: int, cents: int) -> None:
        if soort == "saldo":
            self.saldo_basis[jaar], self.saldo_wijzigingen[jaar] = cents, 0
            self.gewijzigde_jaren.add(jaar)
            return
        if soort not in ("raming", "wijziging", "prognose"):
            return  # pm and components have no effect
        p = self.posten.setdefault((post, jaar), Post(richting))
        self.gewijzigd.add((post, jaar))
        if soort == "raming":
            p.basis, p.wijzigingen = cents, 0
        elif soort == "wijziging":
            p.wijzigingen += cents
            self.gewijzigde_jaren.add(jaar)
            self.saldo_wijzigingen[jaar] = self.saldo_wijzigingen.get(jaar, 0) + (
                cents if richting == "baten" else -cents
            )
        else:
            p.prognose = cents


def verloop(v: Connection, t: Tabellen, gemeente: str, tot_us: int) -> Iterator[tuple[date, list[str], Stand]]:
    """(day, the bronnen of that day, the Stand after it) for every knowledge date, as recorded by `tot_us`."""
    r = t.regels
    vraag = (
        select(r.c.bekend_op, r.c.bron, r.c.soort, r.c.post, r.c.richting, r.c.jaar, r.c.cents)
        .where(
            r.c.gemeente == gemeente,
            r.c.zichtbaar_vanaf <= tot_us,
            or_(r.c.vervallen_op.is_(None), r.c.vervallen_op > tot_us),
        )
        .order_by(r.c.bekend_op, r.c.orde_ts, r.c.orde, r.c.id)
    )
    stand = Stand()
    for dag, rijen in groupby(v.execute(vraag), key=lambda rij: rij.bekend_op):
        stand.gewijzigd.clear()
        stand.gewijzigde_jaren.clear()
        bronnen: list[str] = []
        for rij in rijen:
            stand.verwerk(rij.soort, rij.post, rij.richting, rij.jaar, rij.cents)
            if rij.bron not in bronnen:
                bronnen.append(rij.bron)
        yield dag, bronnen, stand
