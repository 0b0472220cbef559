"""Numbers, amounts, percentages and dates as the current language writes them: Babel's nl_NL, en_GB for en.

Rounding is half up, as the documents round (Babel's own default is half even). Money stays Decimal up to
the text. Babel is imported on first use, so a command that shows no figure does not load it.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import TYPE_CHECKING

from taal import huidige

if TYPE_CHECKING:
    from babel import Locale
    from babel.numbers import NumberPattern

LOCALES = {"nl": "nl_NL", "en": "en_GB"}


@cache
def locale(code: str) -> Locale:
    """Babel's locale for a language code; an unknown code is Dutch."""
    from babel import Locale

    return Locale.parse(LOCALES.get(code, LOCALES["nl"]))


@cache
def _patroon(decimalen: int) -> NumberPattern:
    from babel.numbers import parse_pattern

    return parse_pattern("#,##0" + ("." + "0" * decimalen if decimalen else ""))


def getal(waarde: Decimal | int, decimalen: int | None = 0) -> str:
    """1683000 -> '1.683.000' (en: '1,683,000'); `decimalen` None keeps the value's own: 0.76592 -> '0,76592'."""
    waarde = Decimal(waarde)
    if decimalen is None:
        decimalen = max(0, -int(waarde.normalize().as_tuple().exponent))
    afgerond = waarde.quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    tekst = _patroon(decimalen).apply(abs(afgerond), locale(huidige()))
    return f"-{tekst}" if afgerond < 0 else tekst


def bedrag(waarde: Decimal, eenheid: int = 1, teken: bool = False) -> str:
    """1683000 -> '1.683.000,00'; in thousands (eenheid 1000) '1.683'; teken writes '+ 1.683' / '- 1.683' like the
    documents, else a negative amount is '-1.683'."""
    decimalen = 2 if eenheid == 1 else 0
    afgerond = (waarde / eenheid).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    return _getekend(getal(abs(afgerond), decimalen), afgerond, teken)


def procent(per_cent: Decimal, decimalen: int | None = None, teken: bool = False) -> str:
    """28.04 per cent -> '28%'; with decimalen 1 '28,0%' (the locale's own percent pattern); teken '+ 28,0%'."""
    per_cent = Decimal(per_cent)
    if decimalen is None:
        decimalen = max(0, -int(per_cent.normalize().as_tuple().exponent))
    afgerond = per_cent.quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    tekst = _procentpatroon(huidige(), decimalen).apply(abs(afgerond) / 100, locale(huidige()))
    return _getekend(tekst, afgerond, teken)


@cache
def _procentpatroon(code: str, decimalen: int) -> NumberPattern:
    from babel.numbers import parse_pattern

    patroon = parse_pattern(locale(code).percent_formats[None].pattern)
    patroon.frac_prec = (decimalen, decimalen)
    return patroon


def _getekend(tekst: str, waarde: Decimal, teken: bool) -> str:
    if waarde < 0:
        return f"- {tekst}" if teken else f"-{tekst}"
    return f"+ {tekst}" if teken and waarde > 0 else tekst


def datum(dag: date, formaat: str = "long") -> str:
    """A date in words: 15 april 2021 (en: 15 April 2021); `formaat` is Babel's short, medium, long or full."""
    from babel.dates import format_date

    return format_date(dag, formaat, locale=locale(huidige()))
