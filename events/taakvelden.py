"""The Iv3 taakvelden (BBV), shipped as package data with the years each code is valid.

A code that is not in the list at all is refused. A known code used for a year
it is not valid in only gives a warning: the list has codes whose years could
not be verified, and refusing a real code is worse than letting one through.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from taal import _

EERSTE_IV3_JAAR = 2017


@dataclass(frozen=True)
class Taakveld:
    """One line of the Iv3 list.

    Attributes:
        van, tot: first and last budget year the code is valid (tot None: still valid).
        zeker: False where the years could not be verified in a source.
    """

    code: str
    naam: str
    van: int
    tot: int | None
    zeker: bool

    def geldig_in(self, jaar: int) -> bool:
        return self.van <= jaar and (self.tot is None or jaar <= self.tot)


@cache
def taakvelden() -> dict[str, tuple[Taakveld, ...]]:
    bestand = files("events").joinpath("data/iv3_taakvelden.csv")
    per_code: dict[str, list[Taakveld]] = {}
    with bestand.open(encoding="utf-8") as f:
        for rij in csv.DictReader(f):
            veld = Taakveld(
                code=rij["code"],
                naam=rij["naam"],
                van=int(rij["van"]),
                tot=int(rij["tot"]) if rij["tot"] else None,
                zeker=rij["zeker"] == "ja",
            )
            per_code.setdefault(veld.code, []).append(veld)
    return {code: tuple(velden) for code, velden in per_code.items()}


@cache
def geldig(code: str, jaar: int) -> bool:
    """Valid in that year; before Iv3 (2017) every known code passes: gemeenten used functies then."""
    return jaar < EERSTE_IV3_JAAR or any(v.geldig_in(jaar) for v in taakvelden()[code])


def check_taakveld(code: str, jaren: set[int]) -> list[str]:
    """Raise ValueError for an unknown code; return warnings for years it is not valid in."""
    velden = taakvelden().get(code)
    if velden is None:
        raise ValueError(_("onbekend taakveld {waarde}: niet in de Iv3-lijst van taakvelden").format(waarde=repr(code)))
    buiten = sorted(j for j in jaren if not geldig(code, j))
    if not buiten:
        return []
    perioden = ", ".join(f"{v.van}-{v.tot or ''}" for v in velden)
    jaren_tekst = ", ".join(map(str, buiten))
    return [f"taakveld {code} is not valid in {jaren_tekst} (valid {perioden}); recorded anyway"]
