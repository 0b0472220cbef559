"""Reserves: what each event does to them, and the rules they must keep."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import singledispatch
from typing import Literal

from events import Feit, ReserveGemuteerd, ReserveIngesteld, ResultaatBestemd
from events.base import euro
from ledger.errors import RegelOvertreden

Mutatiesoort = Literal["beginstand", "dotatie", "onttrekking", "resultaatbestemming"]


@dataclass(frozen=True, slots=True)
class Reservemutatie:
    """One change to a reserve's stand in one year (`bedrag` signed: + adds to the stand)."""

    reserve: str
    soort: Mutatiesoort
    jaar: int
    bedrag: Decimal


@singledispatch
def reservemutaties(feit: Feit) -> list[Reservemutatie]:
    return []


@reservemutaties.register
def _(feit: ReserveIngesteld) -> list[Reservemutatie]:
    return [Reservemutatie(feit.reserve, "beginstand", feit.per.year, feit.beginstand)]


@reservemutaties.register
def _(feit: ReserveGemuteerd) -> list[Reservemutatie]:
    return [Reservemutatie(feit.reserve, feit.soort, feit.jaar, feit.mutatie())]


@reservemutaties.register
def _(feit: ResultaatBestemd) -> list[Reservemutatie]:
    return [Reservemutatie(t.reserve, "resultaatbestemming", feit.jaar + 1, t.bedrag) for t in feit.toevoegingen]


class Reserveboek:
    """The reserve events of one ledger as they stand now, by the event id (keten) that made them."""

    def __init__(self) -> None:
        self.feiten: dict[int, Feit] = {}
        self.mutaties: dict[int, tuple[Reservemutatie, ...]] = {}

    def met(self, keten: int, feit: Feit | None) -> Reserveboek:
        """A copy with the event of `keten` added, replaced, or (None) removed."""
        kopie = Reserveboek()
        kopie.feiten = {k: f for k, f in self.feiten.items() if k != keten}
        kopie.mutaties = {k: m for k, m in self.mutaties.items() if k != keten}
        mutaties = tuple(reservemutaties(feit)) if feit is not None else ()
        if mutaties:
            kopie.feiten[keten], kopie.mutaties[keten] = feit, mutaties  # type: ignore[assignment]
        return kopie

    def instellingen(self) -> dict[str, ReserveIngesteld]:
        return {f.reserve: f for f in self.feiten.values() if isinstance(f, ReserveIngesteld)}

    def standen(self, reserve: str) -> dict[int, Decimal]:
        """The stand at the end of each year, from the year of the beginstand on."""
        per_jaar: dict[int, Decimal] = {}
        for m in (m for ms in self.mutaties.values() for m in ms if m.reserve == reserve):
            per_jaar[m.jaar] = per_jaar.get(m.jaar, Decimal("0.00")) + m.bedrag
        if not per_jaar:
            return {}
        stand, standen = Decimal("0.00"), {}
        for jaar in range(min(per_jaar), max(per_jaar) + 1):
            stand += per_jaar.get(jaar, Decimal("0.00"))
            standen[jaar] = stand
        return standen


def check_reserve_uniek(boek: Reserveboek, keten: int, feit: Feit) -> None:
    if not isinstance(feit, ReserveIngesteld):
        return
    for k, ander in boek.feiten.items():
        if k != keten and isinstance(ander, ReserveIngesteld) and ander.reserve == feit.reserve:
            raise RegelOvertreden(f"reserve {feit.reserve!r} already exists (instituted {ander.per})")


def check_reserves_bestaan(boek: Reserveboek) -> None:
    ingesteld = boek.instellingen()
    for m in (m for ms in boek.mutaties.values() for m in ms):
        bestaand = ingesteld.get(m.reserve)
        if bestaand is None:
            raise RegelOvertreden(f"reserve {m.reserve!r} does not exist: institute it with a reserve_ingesteld first")
        if m.jaar < bestaand.per.year:
            raise RegelOvertreden(f"reserve {m.reserve!r} exists from {bestaand.per}; no {m.soort} for {m.jaar}")


def check_reserves_niet_negatief(boek: Reserveboek) -> None:
    for reserve in sorted(boek.instellingen()):
        for jaar, stand in boek.standen(reserve).items():
            if stand < 0:
                raise RegelOvertreden(
                    f"reserve {reserve!r} would stand at {euro(stand)} at the end of {jaar}; "
                    "a reserve cannot go negative"
                )


def check_reserves(boek: Reserveboek, keten: int, feit: Feit | None) -> Reserveboek:
    """The reserves after this change, if it keeps every rule; else RegelOvertreden."""
    if feit is not None:
        check_reserve_uniek(boek, keten, feit)
    nieuw = boek.met(keten, feit)
    check_reserves_bestaan(nieuw)
    check_reserves_niet_negatief(nieuw)
    return nieuw
