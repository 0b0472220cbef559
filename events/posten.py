"""A budget line as documents list it: a post with its richting and amounts per year."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, ClassVar

from pydantic import Field, ValidationInfo, model_validator

from events.base import Model
from events.keuring import Keuring
from events.taakvelden import check_taakveld, taakvelden
from events.waarden import Bedragen, Jaar, PostNaam, Richting, beschrijf
from taal import _

TAAKVELD_PATROON = re.compile(r"[0-9]{1,2}\.[0-9]{1,3}[a-z]?")


def valideer_taakveld(value: Any) -> str:
    if isinstance(value, Decimal):  # YAML and JSON give 6.3 as a number
        value = str(value)
    if not isinstance(value, str) or not TAAKVELD_PATROON.fullmatch(value):
        raise ValueError(_("taakveld {waarde} is geen Iv3-code zoals 0.7 of 6.71a").format(waarde=beschrijf(value)))
    if value not in taakvelden():
        raise ValueError(
            _("onbekend taakveld {waarde}: niet in de Iv3-lijst van taakvelden").format(waarde=repr(value))
        )
    return value


TaakveldCode = Annotated[str, Keuring(valideer_taakveld, "str")]
Incidenteel = bool | list[Jaar]
"""`true`: every year of the line is incidental; a list: these years (BBV art. 19)."""


def check_jaren(veld: str, jaren: Incidenteel, eigen: set[int]) -> None:
    """A year list (`incidenteel`, `budgetneutraal`) names only years the line has."""
    vreemd = sorted(set(jaren) - eigen) if isinstance(jaren, list) else []
    if vreemd:
        raise ValueError(
            _("{veld} noemt {jaren}, een jaar dat de regel niet heeft").format(
                veld=veld, jaren=", ".join(map(str, vreemd))
            )
        )


def check_reeks(
    bedragen: dict[int, Any], mutaties: dict[int, Any], incidenteel: Incidenteel, info: ValidationInfo
) -> None:
    """A series gives each year once, as an amount or as a change; `incidenteel` names only its years."""
    dubbel = sorted(set(bedragen) & set(mutaties))
    if dubbel:
        raise ValueError(
            _("{jaren}: gegeven als bedrag én als mutatie; geef het op één manier").format(
                jaren=", ".join(map(str, dubbel))
            )
        )
    if not bedragen and not mutaties and info.context is not None:
        raise ValueError(_("geeft geen bedragen; geef minstens één jaar, zoals {{2021: 100}}").format())
    check_jaren("incidenteel", incidenteel, set(bedragen) | set(mutaties))


class Post(Model):
    """A post with amounts per year."""

    betekenis: ClassVar[str] = "Een begrotingspost met zijn bedragen per jaar."
    post: PostNaam
    richting: Richting
    taakveld: TaakveldCode | None = None
    programma: Annotated[str, Keuring(lambda v: _programma(v), "str")] | None = Field(
        None, description="het programma (de pijler) waaronder de post valt"
    )
    incidenteel: Incidenteel = False
    bedragen: Bedragen = Field(default_factory=dict)
    pm: bool = Field(
        False,
        description="`true`: bekend en benoemd, maar nog niet in geld uitgedrukt: een regel zonder bedragen, "
        "genoemd onder pm",
    )

    @model_validator(mode="after")
    def _taakveld_past_bij_jaren(self, info: ValidationInfo) -> Post:
        meld_taakveld(self.taakveld, set(self.bedragen), info)
        if not check_pm(self.pm, self.bedragen):
            check_reeks(self.bedragen, {}, self.incidenteel, info)
        return self


def check_pm(pm: bool, *reeksen: dict[int, Any]) -> bool:
    """True for a pm line, which has no amounts: known and named, not yet quantified."""
    if pm and any(reeksen):
        raise ValueError(_("een pm-regel heeft geen bedragen; laat pm: true of de bedragen weg"))
    return pm


def meld_taakveld(taakveld: str | None, jaren: set[int], info: ValidationInfo) -> None:
    """Refuse an unknown taakveld; note a code used outside its years as a warning."""
    if taakveld is None or info.context is None:
        return
    for waarschuwing in check_taakveld(taakveld, jaren):
        info.context.setdefault("waarschuwingen", []).append(waarschuwing)


def _programma(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(_("programma hoort een naam te zijn, kreeg {waarde}").format(waarde=beschrijf(value)))
    return value.strip()
