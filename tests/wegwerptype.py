"""A throwaway event type in one module, as docs/adding-a-type.md adds one: a SPUK beschikking.

Loaded before the CLI (tests/integration/test_wegwerptype.py), it registers itself and every
command finds it through the registry: record, the questions, the exports, the workbooks.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from events.beschikking import Beschikking
from events.postbedragen import Json
from events.registry import registreer
from events.samenvatting import bedrag, euro
from events.waarden import Bedrag, Jaar


def samenvatting(f: Json) -> str:
    return f"SPUK {f['regeling']} {f['jaar']} {f['fase']}: {euro(bedrag(f['bedrag']))}"


@registreer(samenvatting=samenvatting, groepen={"spuk": "specifieke uitkeringen"})
class SpukBeschikkingOntvangen(Beschikking):
    """A SPUK beschikking for one year: aanvraag, then verlening, then vaststelling.

    Attributes:
        regeling: the specifieke uitkering it is for.
        fase: aanvraag, verlening or vaststelling.
        bedrag: the amount for `jaar`.
    """

    type: Literal["spuk_beschikking"] = "spuk_beschikking"
    regeling: Literal["sportakkoord", "cultuur"]
    fase: Literal["aanvraag", "verlening", "vaststelling"]
    jaar: Jaar
    bedrag: Bedrag

    fasen: ClassVar[tuple[str, ...]] = ("aanvraag", "verlening", "vaststelling")
    post: ClassVar[str] = "spuk"
    label: ClassVar[str] = "SPUK"
    vorige: ClassVar[None] = None
