"""Plain values and their wording, without validation: what the read side needs of the domain.

Kept apart from `events.waarden` so that a question to the ledger does not load the validators.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from taal import N_, _

CENT = Decimal("0.01")
EERSTE_JAAR, LAATSTE_JAAR = 1990, 2100


def beschrijf(value: Any) -> str:
    """Name a wrong value the way a user wrote it."""
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (dict, list)):
        return _("een lijst") if isinstance(value, list) else _("een mapping")
    if value is None:
        return _("niets")
    return str(value)


AFRONDING = Decimal(1)
"""A difference of at most one euro (or one unit of the document's eenheid) is rounding, not a warning."""


NIET_GEWAARSCHUWD = N_("geen waarschuwing")
"""How a kept rounding line ends (the record printed it as `afronding:`), so listings tell it from a warning."""
EINDEN_AFRONDING = ("geen waarschuwing", "not a warning")
"""The endings a kept rounding line has: in Dutch, in English, and as versions before issue 28 wrote it."""


def soort_melding(melding: str) -> str:
    """A kept line of an event: `afronding` (a stated figure within one unit) or `waarschuwing`."""
    return "afronding" if melding.endswith(EINDEN_AFRONDING) else "waarschuwing"


def oordeel(verschil: Decimal | None, afronding: Decimal = AFRONDING) -> str:
    """klopt, afronding (at most `afronding` off) or verschil."""
    if not verschil:
        return "klopt"
    return "afronding" if abs(verschil) <= afronding else "verschil"


def euro(bedrag: Decimal) -> str:
    """€ 1.234.567,89, as the documents write it."""
    tekst = f"{abs(bedrag):,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"€ {'-' if bedrag < 0 else ''}{tekst}"


def bedrag_als_tekst(bedrag: Decimal) -> str:
    return f"{bedrag:.2f}"


__all__ = ["AFRONDING", "CENT", "EERSTE_JAAR", "LAATSTE_JAAR", "bedrag_als_tekst", "beschrijf", "euro", "oordeel"]
