"""A gemeente's financiële verordening (art. 212 Gemeentewet) as data; defaults from seed 001 (Aa en Hunze 2023)."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import Field

from events.base import Feit
from events.registry import registreer
from events.samenvatting import Json
from events.waarden import Bedrag, RegelTekst


def samenvatting(f: Json) -> str:
    return f"{f['type']} -"  # the rules are the listing's detail; the line names only the type


@registreer(samenvatting=samenvatting, groepen={})
class VerordeningVastgesteld(Feit):
    """The rules the controller's signals classify deviations by.

    Attributes:
        rapportage_pct, rapportage_minimum: within this % and at least this amount,
            an overschrijding is reported in the standaardrapportage (art. 5).
        raad_pct, raad_minimum: over this % and at least this amount, the raad is
            informed at once (art. 5).
        rechtmatigheid_pct: the verantwoordingsgrens, % of total lasten including
            dotaties aan reserves (art. 3 lid 6, art. 19).
        rapportagegrens: onrechtmatigheden above it are explained in the paragraaf bedrijfsvoering.
        investering_grens: investeringen over it state their effect on the financial position (art. 5 lid 3).
        activeringsgrens: economisch nut below it is not activated (bijlage afschrijvingsbeleid).
    """

    type: Literal["verordening"] = "verordening"
    inhoud_bewaren: ClassVar[bool] = True
    naam: RegelTekst
    rapportage_pct: Decimal = Field(default=Decimal("10"), ge=0, le=100)
    rapportage_minimum: Bedrag = Decimal("10000.00")
    raad_pct: Decimal = Field(default=Decimal("10"), ge=0, le=100)
    raad_minimum: Bedrag = Decimal("100000.00")
    rechtmatigheid_pct: Decimal = Field(default=Decimal("3"), ge=0, le=100)
    rapportagegrens: Bedrag = Decimal("100000.00")
    investering_grens: Bedrag = Decimal("500000.00")
    activeringsgrens: Bedrag = Decimal("25000.00")


STANDAARD = VerordeningVastgesteld.model_construct(
    naam="Financiële verordening (standaard: seed 001, Aa en Hunze 2023)"
)
"""The rules that apply while a gemeente has recorded no verordening of its own."""
