"""Corona compensations from the rijk."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from events.base import Informatie
from events.postbedragen import AU, Json, Postbedrag, informatie_soort, reeks
from events.registry import registreer
from events.waarden import Bedragen, BedragenVerplicht, Naam, euro


@registreer
class CoronaCompensatieToegekend(Informatie):
    """A corona compensation for one maatregel.

    Attributes:
        route: `algemene_uitkering` (a component of the AU, no effect of its own)
            or `specifieke_uitkering` (baten on `corona.<maatregel>`).
        kosten: expected extra costs, lasten on `corona.<maatregel>.kosten`.
    """

    type: Literal["corona_compensatie"] = "corona_compensatie"
    maatregel: Naam
    route: Literal["algemene_uitkering", "specifieke_uitkering"]
    bedragen: BedragenVerplicht
    kosten: Bedragen | None = None

    def jaren(self) -> set[int]:
        return set(self.bedragen) | set(self.kosten or {})

    @classmethod
    def postbedragen(cls, feit: Json) -> list[Postbedrag]:
        """Baten on `corona.<maatregel>` (a component of the AU when paid through it), kosten as lasten."""
        post = f"corona.{feit['maatregel']}"
        if feit["route"] == "algemene_uitkering":
            lijnen = reeks("onderdeel", post, "baten", feit["bedragen"], AU)
        else:
            lijnen = reeks(informatie_soort(feit), post, "baten", feit["bedragen"])
        return lijnen + reeks(informatie_soort(feit), f"{post}.kosten", "lasten", feit["kosten"] or {})

    def samenvatting(self) -> str:
        totaal = sum(self.bedragen.values(), Decimal(0))
        return f"corona {self.maatregel} via {self.route.replace('_', ' ')}: {euro(totaal)}"
