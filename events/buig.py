"""The BUIG beschikkingen: the rijk's budget for bijstandsuitkeringen."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from events.base import Feit, Informatie, Model
from events.errors import RegelOvertreden
from events.opbouw import Opbouw
from events.postbedragen import Json, Postbedrag, cents, informatie_soort
from events.registry import registreer
from events.samenvatting import bedrag, euro
from events.waarden import Bedrag, Getal, Jaar, Letter

FASEN = ("voorlopig", "nader_voorlopig", "definitief")
Fase = Literal["voorlopig", "nader_voorlopig", "definitief"]


class Vorige(Model):
    """The beschikking the opbouw explains the change against, as the document states it."""

    jaar: Jaar
    fase: Fase
    bedrag: Bedrag


def samenvatting(f: Json) -> str:
    return f"BUIG {f['jaar']} {f['fase'].replace('_', ' ')}: {euro(bedrag(f['bedrag']))}"


@registreer(samenvatting=samenvatting, groepen={"buig": "buig"})
class BuigBeschikkingOntvangen(Informatie):
    """A BUIG beschikking for one year; its fase only moves forward by bekend_op.

    Attributes:
        fase: voorlopig, nader_voorlopig or definitief.
        bedrag: the budget for `jaar`.
        vorige: the beschikking its `opbouw` explains `bedrag − vorige.bedrag` against, when the
            ledger lacks it (default: the definitief of jaar − 1 in the ledger).
        verdeling: the quantities of the verdeelmodel by their letter (seed 002, Tabel 4-2).
    """

    type: Literal["buig_beschikking"] = "buig_beschikking"
    fase: Fase
    jaar: Jaar
    bedrag: Bedrag
    vorige: Vorige | None = None
    verdeling: dict[Letter, Getal] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _vorige_gaat_voor(self) -> BuigBeschikkingOntvangen:
        if self.vorige and (self.vorige.jaar, FASEN.index(self.vorige.fase)) >= (self.jaar, FASEN.index(self.fase)):
            raise ValueError(
                f"vorige ({self.vorige.fase} {self.vorige.jaar}) must come before this "
                f"{self.fase} beschikking for {self.jaar}"
            )
        check_eenjarig(self.opbouw)
        return self

    def door_opbouw_verklaard(self) -> dict[int | None, Decimal]:
        return {None: self.bedrag - self.vorige.bedrag} if self.vorige else {}

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


def check_eenjarig(opbouw: Opbouw, waar: str = "opbouw") -> None:
    """A beschikking is for one year: each part is an amount, not a map of years."""
    for naam, deel in opbouw.items():
        if deel.bedragen:
            raise ValueError(f"{waar}.{naam}: give an amount, not amounts per year (a beschikking is for one year)")
        check_eenjarig(deel.opbouw, f"{waar}.{naam}")
