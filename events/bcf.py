"""The BTW-compensatiefonds plafond-ruimte paid through the gemeentefonds."""

from __future__ import annotations

from typing import Literal

from events.base import Informatie
from events.postbedragen import Json, Postbedrag, Soort, cents, informatie_soort
from events.registry import registreer
from events.waarden import Bedrag, Jaar, PostNaam, euro


class BcfOntvangen(Informatie):
    """BCF money for one year.

    Attributes:
        onderdeel_van: the post whose total already contains it (no effect of its own).
    """

    jaar: Jaar
    bedrag: Bedrag
    onderdeel_van: PostNaam | None = None

    def jaren(self) -> set[int]:
        return {self.jaar}

    @classmethod
    def postbedragen(cls, feit: Json) -> list[Postbedrag]:
        """The prognose of `bcf` (baten), or a component of the post whose total holds it."""
        van = feit["onderdeel_van"]
        soort: Soort = "onderdeel" if van else informatie_soort(feit)
        return [Postbedrag(soort, "bcf", "baten", feit["jaar"], cents(feit["bedrag"]), van)]

    def samenvatting(self) -> str:
        deel = f" (in {self.onderdeel_van})" if self.onderdeel_van else ""
        return f"BCF {self.type.removeprefix('bcf_')} {self.jaar}: {euro(self.bedrag)}{deel}"


@registreer
class BcfVoorschotOntvangen(BcfOntvangen):
    """The BCF voorschot of the septembercirculaire."""

    type: Literal["bcf_voorschot"] = "bcf_voorschot"


@registreer
class BcfAfrekeningOntvangen(BcfOntvangen):
    """The BCF afrekening, in the meicirculaire of the next year."""

    type: Literal["bcf_afrekening"] = "bcf_afrekening"
