"""The BUIG beschikkingen: the rijk's budget for bijstandsuitkeringen."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from events.base import Model
from events.beschikking import Beschikking
from events.postbedragen import Json
from events.registry import registreer
from events.samenvatting import bedrag, euro
from events.waarden import Bedrag, Getal, Jaar, Letter

Fase = Literal["voorlopig", "nader_voorlopig", "definitief"]


class Vorige(Model):
    """The beschikking the opbouw explains the change against, as the document states it."""

    betekenis: ClassVar[str] = (
        "De eerdere beschikking waartegen de opbouw de verandering verklaart, zoals het document haar noemt."
    )

    jaar: Jaar
    fase: Fase
    bedrag: Bedrag


def samenvatting(f: Json) -> str:
    return f"BUIG {f['jaar']} {f['fase'].replace('_', ' ')}: {euro(bedrag(f['bedrag']))}"


@registreer(samenvatting=samenvatting, groepen={"buig": "buig"})
class BuigBeschikkingOntvangen(Beschikking):
    """A BUIG beschikking for one year; its fase only moves forward by bekend_op.

    Attributes:
        verdeling: the letters are those of seed 002, Tabel 4-2.
    """

    betekenis: ClassVar[str] = (
        "Een BUIG-beschikking: het budget van het Rijk voor bijstandsuitkeringen voor één jaar. Per jaar gaat de "
        "fase alleen vooruit: een beschikking die later bekend wordt, kan geen eerdere fase hebben."
    )
    type: Literal["buig_beschikking"] = "buig_beschikking"
    fase: Fase
    jaar: Jaar
    bedrag: Bedrag = Field(description="het BUIG-budget voor `jaar`")
    vorige: Vorige | None = Field(
        None,
        description="de beschikking waartegen de `opbouw` het verschil `bedrag − vorige.bedrag` verklaart, als "
        "het grootboek haar niet heeft (weggelaten: de definitieve beschikking van het jaar ervoor in het "
        "grootboek)",
    )
    verdeling: dict[Letter, Getal] = Field(
        default_factory=dict,
        description="de aantallen van het BUIG-verdeelmodel per letter, zoals de tabel van de beschikking ze noemt",
    )

    fasen: ClassVar[tuple[str, ...]] = ("voorlopig", "nader_voorlopig", "definitief")
    post: ClassVar[str] = "buig"
    label: ClassVar[str] = "BUIG"
