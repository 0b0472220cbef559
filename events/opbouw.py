"""Opbouw: the parts a document explains an amount by (accres, uitkeringsbasis, ...), as a tree.

A node is an amount (events of one year), a year map `{2019: -337}`, or
`{bedrag: …, opbouw: {…}}` / `{bedragen: {…}, opbouw: {…}}` for a part with
parts of its own. Parts have no saldo effect; where they do not add up, the
ledger warns and keeps what the document says.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from events.getallen import AFRONDING, oordeel
from events.waarden import Bedrag, Bedragen, Naam, euro
from taal import _

SLEUTELS = {"bedrag", "bedragen", "opbouw"}


class Deel(BaseModel):
    """One part: its amount (one year) or amounts per year, and its own parts."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    bedrag: Bedrag | None = None
    bedragen: Bedragen = Field(default_factory=dict)
    opbouw: dict[Naam, Deel] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _vorm(cls, waarde: Any) -> Any:
        """A bare amount or a bare year map is a part without parts of its own."""
        if isinstance(waarde, dict) and waarde and not set(map(str, waarde)) & SLEUTELS:
            return {"bedragen": waarde}
        if isinstance(waarde, (int, Decimal, str)) and not isinstance(waarde, bool):
            return {"bedrag": waarde}
        return waarde

    @model_validator(mode="after")
    def _iets_gegeven(self, info: ValidationInfo) -> Deel:
        if info.context is not None and self.bedrag is None and not self.bedragen and not self.opbouw:
            raise ValueError(_("een deel geeft geen bedrag: geef een bedrag, bedragen per jaar, of eigen delen"))
        return self

    def per_jaar(self) -> dict[int | None, Decimal]:
        """Its amount per year; None keys the amount of a one-year event."""
        if self.bedrag is not None:
            return {None: self.bedrag}
        if self.bedragen:
            return dict(self.bedragen)
        som: dict[int | None, Decimal] = {}
        for deel in self.opbouw.values():
            for jaar, bedrag in deel.per_jaar().items():
                som[jaar] = som.get(jaar, Decimal(0)) + bedrag
        return som


Opbouw = dict[Naam, Deel]


def som(opbouw: Opbouw) -> dict[int | None, Decimal]:
    """The sum of the parts per year."""
    return Deel(opbouw=opbouw).per_jaar()


def verschillen(
    opbouw: Opbouw, gegeven: dict[int | None, Decimal], waar: str = "opbouw", afronding: Decimal = AFRONDING
) -> list[str]:
    """Where the parts do not add up to the amount they explain (beyond rounding), at this node and below it."""
    meldingen = [
        _("{waar}: de delen tellen op tot {delen}, het bedrag is {bedrag} (verschil {verschil})").format(
            waar=waar if jaar is None else f"{waar}.{jaar}",
            delen=euro(delen),
            bedrag=euro(gegeven[jaar]),
            verschil=euro(gegeven[jaar] - delen),
        )
        for jaar, delen in sorted(som(opbouw).items(), key=lambda x: (x[0] is None, x[0] or 0))
        if jaar in gegeven and oordeel(gegeven[jaar] - delen, afronding) == "verschil"
    ]
    for naam, deel in opbouw.items():
        if deel.opbouw and (deel.bedrag is not None or deel.bedragen):
            meldingen += verschillen(deel.opbouw, deel.per_jaar(), f"{waar}.{naam}", afronding)
    return meldingen
