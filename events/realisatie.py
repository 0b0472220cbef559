"""What was actually spent or received, per period: the controller's own administration."""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, ValidationInfo, model_validator

from events.base import Feit
from events.keuring import Keuring
from events.postbedragen import Json, Postbedrag, cents
from events.posten import TaakveldCode, meld_taakveld
from events.registry import registreer
from events.waarden import Bedrag, PostNaam, Richting, beschrijf, valideer_jaar
from taal import N_, _

PERIODE = re.compile(r"([0-9]{4})-(P([0-9]{2})|Q([0-9])|([0-9]{2}))")
PERIODEN_PER_JAAR = {"P": 13, "M": 12, "Q": 4}
SOORT_NAAM = {"P": N_("vierwekenperioden"), "M": N_("maanden"), "Q": N_("kwartalen")}


def ontleed_periode(tekst: str) -> tuple[int, str, int]:
    """'2007-P03' -> (2007, 'P', 3); '2007-03' -> (2007, 'M', 3); '2007-Q1' -> (2007, 'Q', 1)."""
    gevonden = PERIODE.fullmatch(tekst)
    if gevonden is None:
        raise ValueError(
            _(
                "periode {tekst} is geen 2007-P03 (vierwekelijks), 2007-03 (maandelijks) of 2007-Q1 (per kwartaal)"
            ).format(tekst=repr(tekst))
        )
    jaar = valideer_jaar(int(gevonden[1]))
    soort, nummer = ("P", gevonden[3]) if gevonden[3] else ("Q", gevonden[4]) if gevonden[4] else ("M", gevonden[5])
    if not 1 <= int(nummer) <= PERIODEN_PER_JAAR[soort]:
        raise ValueError(
            _("periode {tekst}: een jaar heeft {n} {soort}, geen {nummer}").format(
                tekst=repr(tekst), n=PERIODEN_PER_JAAR[soort], soort=_(SOORT_NAAM[soort]), nummer=int(nummer)
            )
        )
    return jaar, soort, int(nummer)


def valideer_periode(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(
            _("verwachtte een periode zoals 2007-P03 als tekst, kreeg {waarde}").format(waarde=beschrijf(value))
        )
    ontleed_periode(value)
    return value


Periode = Annotated[str, Keuring(valideer_periode, "str")]


def samenvatting(f: Json) -> str:
    return f"realisatie {int(f['periode'][:4])}"


@registreer(samenvatting=samenvatting, groepen={})
class RealisatieGeboekt(Feit):
    """The actual amount of one post in one period; it does not set the prognose by itself."""

    betekenis: ClassVar[str] = (
        "Het werkelijke bedrag (de realisatie) van één post in één periode; het stelt de prognose niet zelf bij."
    )
    type: Literal["realisatie"] = "realisatie"
    post: PostNaam
    richting: Richting
    periode: Periode = Field(
        description="`2007-P03` (vierwekelijks, 13 per jaar), `2007-03` (maand) of `2007-Q1` (kwartaal)"
    )
    bedrag: Bedrag
    taakveld: TaakveldCode | None = None
    programma: str | None = None

    @model_validator(mode="after")
    def _taakveld_past_bij_jaar(self, info: ValidationInfo) -> RealisatieGeboekt:
        meld_taakveld(self.taakveld, self.jaren(), info)
        return self

    def jaren(self) -> set[int]:
        return {ontleed_periode(self.periode)[0]}

    @classmethod
    def postbedragen(cls, feit: Json) -> list[Postbedrag]:
        """The amount of the post in its periode (P03, M03, Q1); it sets no prognose by itself."""
        jaar, soort, nummer = ontleed_periode(feit["periode"])
        periode = f"{soort}{nummer:02d}"
        return [Postbedrag("realisatie", feit["post"], feit["richting"], jaar, cents(feit["bedrag"]), None, periode)]
