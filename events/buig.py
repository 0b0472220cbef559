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

    jaar: Jaar
    fase: Fase
    bedrag: Bedrag


def samenvatting(f: Json) -> str:
    return f"BUIG {f['jaar']} {f['fase'].replace('_', ' ')}: {euro(bedrag(f['bedrag']))}"


@registreer(samenvatting=samenvatting, groepen={"buig": "buig"})
class BuigBeschikkingOntvangen(Beschikking):
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

    fasen: ClassVar[tuple[str, ...]] = ("voorlopig", "nader_voorlopig", "definitief")
    post: ClassVar[str] = "buig"
    label: ClassVar[str] = "BUIG"
