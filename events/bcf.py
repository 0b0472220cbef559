"""The BTW-compensatiefonds plafond-ruimte paid through the gemeentefonds."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import Field, ValidationInfo, model_validator

from events.base import Informatie
from events.postbedragen import Json, Postbedrag, Soort, cents, informatie_soort
from events.registry import registreer
from events.samenvatting import bedrag, euro
from events.waarden import Bedrag, Jaar, PostNaam
from taal import _


class BcfOntvangen(Informatie):
    """BCF money for one year: an amount, or a change of the prognose known just before it."""

    jaar: Jaar
    bedrag: Bedrag | None = None
    mutatie: Bedrag | None = Field(None, description="in plaats van `bedrag`: de mutatie die het document noemt")
    onderdeel_van: PostNaam | None = Field(
        None, description="de post waarvan het totaal dit bedrag al bevat (het telt dan niet apart mee in het saldo)"
    )

    @model_validator(mode="after")
    def _een_bedrag(self, info: ValidationInfo) -> BcfOntvangen:
        if info.context is not None and (self.bedrag is None) == (self.mutatie is None):
            raise ValueError(_("geef bedrag (het bedrag) of mutatie (de verandering), niet beide of geen van beide"))
        if self.mutatie is not None and self.onderdeel_van:
            raise ValueError(
                _("een deel van een andere post (onderdeel_van) wordt als bedrag gegeven, niet als mutatie")
            )
        return self

    def door_opbouw_verklaard(self) -> dict[int | None, Decimal]:
        return {} if self.mutatie is None else {None: self.mutatie}

    def jaren(self) -> set[int]:
        return {self.jaar}

    @classmethod
    def postbedragen(cls, feit: Json) -> list[Postbedrag]:
        """The prognose of `bcf` (baten), a change of it, or a component of the post whose total holds it."""
        van = feit["onderdeel_van"]
        soort: Soort = "onderdeel" if van else informatie_soort(feit)
        if feit.get("mutatie") is not None:
            soort = "pm_mutatie" if soort == "pm" else "mutatie"
            return [Postbedrag(soort, "bcf", "baten", feit["jaar"], cents(feit["mutatie"]))]
        return [Postbedrag(soort, "bcf", "baten", feit["jaar"], cents(feit["bedrag"]), van)]


def samenvatting(f: Json) -> str:
    deel = f" (in {f['onderdeel_van']})" if f.get("onderdeel_van") else ""
    tekst = euro(bedrag(f["bedrag"])) if f.get("bedrag") is not None else f"mutatie {euro(bedrag(f.get('mutatie')))}"
    return f"BCF {f['type'].removeprefix('bcf_')} {f['jaar']}: {tekst}{deel}"


@registreer(samenvatting=samenvatting, groepen={"bcf": "bcf"})
class BcfVoorschotOntvangen(BcfOntvangen):
    """The BCF voorschot of the septembercirculaire."""

    betekenis: ClassVar[str] = (
        "Het voorschot uit het BTW-compensatiefonds (BCF) voor één jaar, zoals de septembercirculaire het noemt: "
        "de ruimte onder het plafond die via het gemeentefonds wordt uitgekeerd."
    )

    type: Literal["bcf_voorschot"] = "bcf_voorschot"


@registreer(samenvatting=samenvatting, groepen={"bcf": "bcf"})
class BcfAfrekeningOntvangen(BcfOntvangen):
    """The BCF afrekening, in the meicirculaire of the next year."""

    betekenis: ClassVar[str] = (
        "De afrekening van het BTW-compensatiefonds (BCF) over één jaar, in de meicirculaire van het jaar erna."
    )

    type: Literal["bcf_afrekening"] = "bcf_afrekening"
