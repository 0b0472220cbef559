"""The BUIG beschikkingen: the rijk's budget for bijstandsuitkeringen."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from events.base import Feit, Informatie
from events.errors import RegelOvertreden
from events.postbedragen import Json, Postbedrag, cents, informatie_soort
from events.registry import registreer
from events.waarden import Bedrag, Jaar, euro

FASEN = ("voorlopig", "nader_voorlopig", "definitief")


@registreer
class BuigBeschikkingOntvangen(Informatie):
    """A BUIG beschikking for one year; its fase only moves forward by bekend_op.

    Attributes:
        fase: voorlopig, nader_voorlopig or definitief.
        bedrag: the budget for `jaar`.
    """

    type: Literal["buig_beschikking"] = "buig_beschikking"
    fase: Literal["voorlopig", "nader_voorlopig", "definitief"]
    jaar: Jaar
    bedrag: Bedrag

    def jaren(self) -> set[int]:
        return {self.jaar}

    @classmethod
    def postbedragen(cls, feit: Json) -> list[Postbedrag]:
        """The prognose of `buig` (baten) for its jaar."""
        return [Postbedrag(informatie_soort(feit), "buig", "baten", feit["jaar"], cents(feit["bedrag"]))]

    def check(self, keten: int, in_kracht: Mapping[int, Feit], correctie: bool) -> None:
        if not correctie:  # a correction may move a fase back: the SPEC allows it
            check_fase(
                self, [f for k, f in in_kracht.items() if k != keten and isinstance(f, BuigBeschikkingOntvangen)]
            )

    def samenvatting(self) -> str:
        return f"BUIG {self.jaar} {self.fase.replace('_', ' ')}: {euro(self.bedrag)}"


def check_fase(feit: BuigBeschikkingOntvangen, andere: list[BuigBeschikkingOntvangen]) -> None:
    """By bekend_op, a jaar's beschikkingen go voorlopig -> nader_voorlopig -> definitief."""
    rang = FASEN.index(feit.fase)
    zelfde_jaar = [b for b in andere if b.jaar == feit.jaar]
    for ander in sorted(zelfde_jaar, key=lambda b: FASEN.index(b.fase), reverse=True):
        ander_rang = FASEN.index(ander.fase)
        later_maar_eerder = ander.bekend_op <= feit.bekend_op and ander_rang > rang  # same day: recorded later
        eerder_maar_later = ander.bekend_op > feit.bekend_op and ander_rang < rang
        if later_maar_eerder or eerder_maar_later:
            raise RegelOvertreden(
                f"BUIG {feit.jaar}: a {feit.fase} beschikking known {feit.bekend_op} cannot "
                f"{'follow' if later_maar_eerder else 'precede'} the {ander.fase} one known "
                f"{ander.bekend_op}; the fase only moves forward (use `begroting correct` "
                "to replace a beschikking)"
            )
