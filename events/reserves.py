"""Reserves: instituted, fed and drawn on, and the jaarrekening result put into them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import Field, field_validator, model_validator

from events.base import Bedrag, Feit, Jaar, Model, Naam, euro


class ReserveIngesteld(Feit):
    """A reserve opened with a beginstand.

    Attributes:
        soort: algemene_reserve or bestemmingsreserve.
        beginstand: the stand on `per`; it counts from the year of `per`.
    """

    type: Literal["reserve_ingesteld"] = "reserve_ingesteld"
    reserve: Naam
    soort: Literal["algemene_reserve", "bestemmingsreserve"]
    beginstand: Bedrag
    per: date
    doel: str | None = None

    @field_validator("beginstand")
    @classmethod
    def _niet_negatief(cls, bedrag: Decimal) -> Decimal:
        if bedrag < 0:
            raise ValueError(f"a reserve cannot start negative, got {bedrag}")
        return bedrag

    def jaren(self) -> set[int]:
        return {self.per.year}


class ReserveGemuteerd(Feit):
    """A dotatie to or an onttrekking from a reserve, for one year.

    Attributes:
        bedrag: positive; `soort` says which way it goes.
    """

    type: Literal["reserve_mutatie"] = "reserve_mutatie"
    reserve: Naam
    jaar: Jaar
    soort: Literal["dotatie", "onttrekking"]
    bedrag: Bedrag

    @field_validator("bedrag")
    @classmethod
    def _positief(cls, bedrag: Decimal) -> Decimal:
        if bedrag <= 0:
            raise ValueError(f"should be more than 0 (soort says dotatie or onttrekking), got {bedrag}")
        return bedrag

    def mutatie(self) -> Decimal:
        return self.bedrag if self.soort == "dotatie" else -self.bedrag

    def jaren(self) -> set[int]:
        return {self.jaar}


class Toevoeging(Model):
    """Part of a result put into one reserve; negative draws on it."""

    reserve: Naam
    bedrag: Bedrag


class ResultaatBestemd(Feit):
    """The raad's decision on the jaarrekening result of `jaar`, taken in the next year.

    Its toevoegingen are dotaties (or, negative, onttrekkingen) of `jaar` + 1.

    Attributes:
        resultaat: the result of the jaarrekening (+ is voordelig).
        toevoegingen: where it goes; together they are the whole resultaat.
    """

    type: Literal["resultaatbestemming"] = "resultaatbestemming"
    jaar: Jaar
    resultaat: Bedrag
    toevoegingen: list[Toevoeging] = Field(min_length=1)

    @model_validator(mode="after")
    def _hele_resultaat_bestemd(self) -> ResultaatBestemd:
        totaal = sum((t.bedrag for t in self.toevoegingen), Decimal(0))
        if totaal != self.resultaat:
            raise ValueError(f"toevoegingen add up to {euro(totaal)}, not to the resultaat {euro(self.resultaat)}")
        return self

    def jaren(self) -> set[int]:
        return {self.jaar + 1}
