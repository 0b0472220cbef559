"""The BTW-compensatiefonds plafond-ruimte paid through the gemeentefonds."""

from __future__ import annotations

from typing import Literal

from events.base import Bedrag, Informatie, Jaar, PostNaam


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


class BcfVoorschotOntvangen(BcfOntvangen):
    """The BCF voorschot of the septembercirculaire."""

    type: Literal["bcf_voorschot"] = "bcf_voorschot"


class BcfAfrekeningOntvangen(BcfOntvangen):
    """The BCF afrekening, in the meicirculaire of the next year."""

    type: Literal["bcf_afrekening"] = "bcf_afrekening"
