"""The controller's own revised expectations."""

from __future__ import annotations

from typing import Literal

from pydantic import ValidationInfo, model_validator

from events.base import Bedragen, Informatie, PostNaam, Richting
from events.posten import TaakveldCode, meld_taakveld


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
    bedragen: Bedragen

    @model_validator(mode="after")
    def _taakveld_past_bij_jaren(self, info: ValidationInfo) -> PrognoseBijgesteld:
        meld_taakveld(self.taakveld, set(self.bedragen), info)
        return self

    def jaren(self) -> set[int]:
        return set(self.bedragen)
