"""Corona compensations from the rijk."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import Field, ValidationInfo, model_validator

from events.base import Informatie
from events.postbedragen import AU, Json, Postbedrag, informatie_reeks, informatie_soort, reeks
from events.posten import Incidenteel, check_reeks
from events.registry import registreer
from events.samenvatting import bedrag, euro
from events.waarden import Bedragen, Naam
from taal import _


def samenvatting(f: Json) -> str:
    totaal = sum((bedrag(b) for b in f["bedragen"].values()), Decimal(0))
    return f"corona {f['maatregel']} via {f['route'].replace('_', ' ')}: {euro(totaal)}"


@registreer(samenvatting=samenvatting, groepen={"corona.": "corona"})
class CoronaCompensatieToegekend(Informatie):
    """A corona compensation for one maatregel: incidental unless it says `incidenteel: false`."""

    betekenis: ClassVar[str] = (
        "Een compensatie van het Rijk voor de gevolgen van corona, voor één maatregel; incidenteel, tenzij er "
        "`incidenteel: false` staat."
    )
    type: Literal["corona_compensatie"] = "corona_compensatie"
    maatregel: Naam = Field(description="de maatregel; wordt de post `corona.<maatregel>`")
    route: Literal["algemene_uitkering", "specifieke_uitkering"] = Field(
        description="`algemene_uitkering` (een onderdeel van de algemene uitkering, zonder eigen effect) of "
        "`specifieke_uitkering` (baten op `corona.<maatregel>`)"
    )
    bedragen: Bedragen = Field(default_factory=dict)
    mutaties: Bedragen = Field(
        default_factory=dict,
        description="jaren gegeven als mutatie op de prognose die net daarvoor bekend was (alleen bij "
        "`specifieke_uitkering`)",
    )
    kosten: Bedragen | None = Field(
        None, description="de verwachte extra kosten, lasten op `corona.<maatregel>.kosten`"
    )
    incidenteel: Incidenteel = True

    @model_validator(mode="after")
    def _reeks(self, info: ValidationInfo) -> CoronaCompensatieToegekend:
        if self.mutaties and self.route == "algemene_uitkering":
            raise ValueError(_("een deel van de algemene uitkering wordt als bedragen gegeven, niet als mutaties"))
        check_reeks(self.bedragen, self.mutaties, False, info)
        vreemd = sorted(set(self.incidenteel) - self.jaren()) if isinstance(self.incidenteel, list) else []
        if vreemd:
            raise ValueError(
                _("incidenteel noemt {jaren}, een jaar waarvoor het geen bedragen heeft").format(
                    jaren=", ".join(map(str, vreemd))
                )
            )
        return self

    def door_opbouw_verklaard(self) -> dict[int | None, Decimal]:
        return dict(self.mutaties)

    def jaren(self) -> set[int]:
        return set(self.bedragen) | set(self.mutaties) | set(self.kosten or {})

    @classmethod
    def postbedragen(cls, feit: Json) -> list[Postbedrag]:
        """Baten on `corona.<maatregel>` (a component of the AU when paid through it), kosten as lasten."""
        post, incidenteel = f"corona.{feit['maatregel']}", feit.get("incidenteel", True)
        if feit["route"] == "algemene_uitkering":
            lijnen = reeks("onderdeel", post, "baten", feit["bedragen"], AU, None, incidenteel)
        else:
            baten = {"bedragen": feit["bedragen"], "mutaties": feit.get("mutaties"), "incidenteel": incidenteel}
            lijnen = informatie_reeks(feit, post, "baten", baten)
        kosten = feit["kosten"] or {}
        return lijnen + reeks(informatie_soort(feit), f"{post}.kosten", "lasten", kosten, None, None, incidenteel)
