"""A reserve's mutaties and stands as plain values: what the read side needs of reserves, without validators."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

NUL = Decimal("0.00")
Mutatiesoort = Literal["beginstand", "dotatie", "onttrekking", "resultaatbestemming"]


@dataclass(frozen=True, slots=True)
class Reservemutatie:
    """One change to a reserve's stand in one year (`bedrag` signed: + adds to the stand)."""

    reserve: str
    soort: Mutatiesoort
    jaar: int
    bedrag: Decimal
    reserve_soort: str | None = None  # algemene_reserve or bestemmingsreserve, said when it is instituted


def standen(per_jaar: Mapping[int, Decimal], tot: int | None = None) -> dict[int, Decimal]:
    """The stand at the end of each year: the sum of the mutaties of that year and all before it.

    From the first year with a mutatie through the last (or through `tot`).
    """
    if not per_jaar:
        return {}
    stand, uitkomst = NUL, {}
    for jaar in range(min(per_jaar), (max(per_jaar) if tot is None else tot) + 1):
        stand += per_jaar.get(jaar, NUL)
        uitkomst[jaar] = stand
    return uitkomst
