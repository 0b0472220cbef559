"""What a type's journal line (its `samenvatting`) may use: plain helpers over the stored JSON.

A listing shows a handful of events and needs no validation: building the pydantic models costs
a question more than answering it (issue 16). So each type declares its line as a plain function
of its stored JSON, next to its model (`@registreer(samenvatting=...)`), using only the names here;
`events.index`, generated from the registry, holds those functions for a listing that loads no model.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from events.getallen import euro

Json = dict[str, Any]

HULP = ("Decimal", "bedrag", "date", "euro", "jaren", "jaren_tekst")
"""The names a samenvatting may use besides the builtins: `events.index` imports exactly these."""

__all__ = ["Decimal", "Json", "bedrag", "date", "euro", "jaren", "jaren_tekst"]


def jaren_tekst(jaren: set[int]) -> str:
    """{2020, 2021, 2023} -> '2020-2023', as a journal line says it."""
    if not jaren:
        return "-"
    return f"{min(jaren)}-{max(jaren)}" if len(jaren) > 1 else str(min(jaren))


def jaren(*reeksen: Any) -> set[int]:
    """The years of amount series `{"2020": ...}` together."""
    return {int(j) for reeks in reeksen for j in reeks or {}}


def bedrag(tekst: Any) -> Decimal:
    """A stored amount ('12.00'), 0 when absent."""
    return Decimal(str(tekst)) if tekst is not None else Decimal(0)
