"""The BTW-compensatiefonds plafond-ruimte paid through the gemeentefonds."""
from __future__ import annotations

from typing import Literal

from events.base import Bedrag, Informatie, Jaar, PostNaam


class BcfVoorschotOntvangen(Informatie):
    """The BCF voorschot of the septembercirculaire.

    Attributes:
        onderdeel_van: the post whose total already contains it (no effect of its own).
    """

    type: Literal["bcf_voorschot"] = "bcf_voorschot"
    jaar: Jaar
    bedrag: Bedrag
    onderdeel_van: PostNaam | None = None

    def jaren(self) -> set[int]:
        return {self.jaar}


class BcfAfrekeningOntvangen(Informatie):
    """The BCF afrekening, in the meicirculaire of the next year.

    Attributes:
        onderdeel_van: the post whose total already contains it (no effect of its own).
    """

    type: Literal["bcf_afrekening"] = "bcf_afrekening"
    jaar: Jaar
    bedrag: Bedrag
    onderdeel_van: PostNaam | None = None

    def jaren(self) -> set[int]:
        return {self.jaar}
