"""A budget line as documents list it: a post with its richting and amounts per year."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import Field, ValidationInfo, model_validator

from events.base import Model
from events.keuring import Keuring
from events.taakvelden import check_taakveld, taakvelden
from events.waarden import Bedragen, Jaar, PostNaam, Richting, beschrijf

TAAKVELD_PATROON = re.compile(r"[0-9]{1,2}\.[0-9]{1,3}[a-z]?")


def valideer_taakveld(value: Any) -> str:
    if isinstance(value, Decimal):  # YAML and JSON give 6.3 as a number
        value = str(value)
    if not isinstance(value, str) or not TAAKVELD_PATROON.fullmatch(value):
        raise ValueError(f"taakveld {beschrijf(value)} is not an Iv3 code like 0.7 or 6.71a")
    if value not in taakvelden():
        raise ValueError(f"unknown taakveld {value!r}: not in the Iv3 list of taakvelden")
    return value


TaakveldCode = Annotated[str, Keuring(valideer_taakveld, "str")]
Incidenteel = bool | list[Jaar]
"""`true`: every year of the line is incidental; a list: these years (BBV art. 19)."""


def check_jaren(veld: str, jaren: Incidenteel, eigen: set[int]) -> None:
    """A year list (`incidenteel`, `budgetneutraal`) names only years the line has."""
    vreemd = sorted(set(jaren) - eigen) if isinstance(jaren, list) else []
    if vreemd:
        raise ValueError(f"{veld} names {', '.join(map(str, vreemd))}, a year the line does not have")


def check_reeks(
    bedragen: dict[int, Any], mutaties: dict[int, Any], incidenteel: Incidenteel, info: ValidationInfo
) -> None:
    """A series gives each year once, as an amount or as a change; `incidenteel` names only its years."""
    dubbel = sorted(set(bedragen) & set(mutaties))
    if dubbel:
        raise ValueError(f"{', '.join(map(str, dubbel))}: given both as an amount and as a change; give it one way")
    if not bedragen and not mutaties and info.context is not None:
        raise ValueError("gives no amounts; give at least one year, like {2021: 100}")
    check_jaren("incidenteel", incidenteel, set(bedragen) | set(mutaties))


class Post(Model):
    """A post with amounts per year.

    Attributes:
        post: the budget line, a lowercase dotted key.
        richting: baten or lasten; a post keeps one richting.
        taakveld: optional Iv3 code, checked against the years it is valid in.
        programma: optional programma (pijler) to group the post under.
        bedragen: euros per begrotingsjaar.
        pm: known and named, not yet quantified: a line without amounts, listed under pm.
    """

    post: PostNaam
    richting: Richting
    taakveld: TaakveldCode | None = None
    programma: Annotated[str, Keuring(lambda v: _programma(v), "str")] | None = None
    incidenteel: Incidenteel = False
    bedragen: Bedragen = Field(default_factory=dict)
    pm: bool = False

    @model_validator(mode="after")
    def _taakveld_past_bij_jaren(self, info: ValidationInfo) -> Post:
        meld_taakveld(self.taakveld, set(self.bedragen), info)
        if not check_pm(self.pm, self.bedragen):
            check_reeks(self.bedragen, {}, self.incidenteel, info)
        return self


def check_pm(pm: bool, *reeksen: dict[int, Any]) -> bool:
    """True for a pm line, which has no amounts: known and named, not yet quantified."""
    if pm and any(reeksen):
        raise ValueError("a pm line has no amounts; leave out pm: true or the amounts")
    return pm


def meld_taakveld(taakveld: str | None, jaren: set[int], info: ValidationInfo) -> None:
    """Refuse an unknown taakveld; note a code used outside its years as a warning."""
    if taakveld is None or info.context is None:
        return
    for waarschuwing in check_taakveld(taakveld, jaren):
        info.context.setdefault("waarschuwingen", []).append(waarschuwing)


def _programma(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"programma should be a name, got {beschrijf(value)}")
    return value.strip()
