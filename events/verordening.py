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
    """The rules the controller's signals classify deviations by."""

    betekenis: ClassVar[str] = (
        "De financiële verordening: de grenzen waarmee de signalen een afwijking indelen, en die voor "
        "rechtmatigheid, investeringen en activering."
    )
    type: Literal["verordening"] = "verordening"
    inhoud_bewaren: ClassVar[bool] = True
    naam: RegelTekst
    rapportage_pct: Decimal = Field(
        default=Decimal("10"),
        ge=0,
        le=100,
        description="een overschrijding binnen dit percentage en van ten minste `rapportage_minimum` wordt gemeld "
        "in de standaardrapportage (art. 5)",
    )
    rapportage_minimum: Bedrag = Field(
        Decimal("10000.00"),
        description="het bedrag vanaf waar een overschrijding binnen `rapportage_pct` in de standaardrapportage "
        "wordt gemeld (art. 5)",
    )
    raad_pct: Decimal = Field(
        default=Decimal("10"),
        ge=0,
        le=100,
        description="boven dit percentage en vanaf `raad_minimum` wordt de raad direct geïnformeerd (art. 5)",
    )
    raad_minimum: Bedrag = Field(
        Decimal("100000.00"),
        description="het bedrag vanaf waar een overschrijding boven `raad_pct` direct aan de raad wordt gemeld "
        "(art. 5)",
    )
    rechtmatigheid_pct: Decimal = Field(
        default=Decimal("3"),
        ge=0,
        le=100,
        description="de verantwoordingsgrens, een percentage van de totale lasten inclusief dotaties aan reserves "
        "(art. 3 lid 6, art. 19)",
    )
    rapportagegrens: Bedrag = Field(
        Decimal("100000.00"),
        description="onrechtmatigheden boven dit bedrag worden toegelicht in de paragraaf bedrijfsvoering",
    )
    investering_grens: Bedrag = Field(
        Decimal("500000.00"),
        description="een investering boven dit bedrag noemt haar effect op de financiële positie (art. 5 lid 3)",
    )
    activeringsgrens: Bedrag = Field(
        Decimal("25000.00"),
        description="economisch nut onder dit bedrag wordt niet geactiveerd (bijlage afschrijvingsbeleid)",
    )


STANDAARD = VerordeningVastgesteld.model_construct(
    naam="Financiële verordening (standaard: seed 001, Aa en Hunze 2023)"
)
"""The rules that apply while a gemeente has recorded no verordening of its own."""
