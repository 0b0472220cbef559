"""The controller's own revised expectations."""

from __future__ import annotations

from typing import Literal

from pydantic import ValidationInfo, model_validator

from events.base import Informatie, jaren_tekst
from events.postbedragen import Json, Postbedrag, informatie_soort, reeks
from events.posten import TaakveldCode, meld_taakveld
from events.registry import registreer
from events.waarden import BedragenVerplicht, PostNaam, Richting


@registreer
class PrognoseBijgesteld(Informatie):
    """A revised expectation for one post.

    Attributes:
        post: the post whose prognose this sets.
        bedragen: the expected amount per year.
    """

    type: Literal["prognose"] = "prognose"
    post: PostNaam
    richting: Richting
    taakveld: TaakveldCode | None = None
    bedragen: BedragenVerplicht

    @model_validator(mode="after")
    def _taakveld_past_bij_jaren(self, info: ValidationInfo) -> PrognoseBijgesteld:
        meld_taakveld(self.taakveld, set(self.bedragen), info)
        return self

    def jaren(self) -> set[int]:
        return set(self.bedragen)

    @classmethod
    def postbedragen(cls, feit: Json) -> list[Postbedrag]:
        return reeks(informatie_soort(feit), feit["post"], feit["richting"], feit["bedragen"])

    def samenvatting(self) -> str:
        return f"prognose {self.post} {jaren_tekst(set(self.bedragen))}"
