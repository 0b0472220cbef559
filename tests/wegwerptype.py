"""A throwaway event type in one module, as docs/adding-a-type.md adds one: a SPUK beschikking.

Loaded before the CLI (tests/integration/test_wegwerptype.py), it registers itself and every
command finds it through the registry: record, the questions, the exports, the workbooks.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from events.beschikking import Beschikking
from events.postbedragen import Json
from events.registry import registreer
from events.samenvatting import bedrag, euro
from events.waarden import Bedrag, Jaar


def samenvatting(f: Json) -> str:
    return f"SPUK {f['regeling']} {f['jaar']} {f['fase']}: {euro(bedrag(f['bedrag']))}"


@registreer(samenvatting=samenvatting, groepen={"spuk": "specifieke uitkeringen"})
class SpukBeschikkingOntvangen(Beschikking):
    """A SPUK beschikking for one year: aanvraag, then verlening, then vaststelling."""

    betekenis: ClassVar[str] = (
        "Een beschikking voor een specifieke uitkering (SPUK) voor één jaar: eerst de aanvraag, dan de "
        "verlening, dan de vaststelling."
    )
    type: Literal["spuk_beschikking"] = "spuk_beschikking"
    regeling: Literal["sportakkoord", "cultuur"] = Field(description="de specifieke uitkering waarvoor ze is")
    fase: Literal["aanvraag", "verlening", "vaststelling"] = Field(
        description="`aanvraag`, `verlening` of `vaststelling`"
    )
    jaar: Jaar
    bedrag: Bedrag = Field(description="het bedrag voor `jaar`")

    fasen: ClassVar[tuple[str, ...]] = ("aanvraag", "verlening", "vaststelling")
    post: ClassVar[str] = "spuk"
    label: ClassVar[str] = "SPUK"
    vorige: ClassVar[None] = None
