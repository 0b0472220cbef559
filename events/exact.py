"""Exact numbers of the rijk's arithmetic: a decimal as printed, or a fraction `"5924/3"` (a three-year average).

A document's value is kept as the text it was given (so an answer shows it as given) and computed on as a
`Fraction`; nothing is rounded before the end, and then to the cent, half away from zero.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Annotated, Any

from events.getallen import beschrijf
from events.keuring import Keuring
from taal import _

BREUK = re.compile(r"\s*(-?[0-9]+(?:\.[0-9]+)?)\s*/\s*([0-9]+(?:\.[0-9]+)?)\s*")
GROOTST = Decimal(10) ** 15


def _decimaal(tekst: str, value: Any) -> Decimal:
    try:
        getal = Decimal(tekst)
    except InvalidOperation:
        raise ValueError(
            _('verwacht een getal of een breuk als "5924/3", kreeg {waarde}').format(waarde=beschrijf(value))
        ) from None
    if not getal.is_finite() or abs(getal) >= GROOTST or getal.as_tuple().exponent < -12:  # type: ignore[operator]
        raise ValueError(_("{waarde} is te groot, niet eindig of heeft meer dan 12 decimalen").format(waarde=value))
    return getal


def valideer_exact(value: Any) -> str:
    """The value as text: `67900`, `697.99`, `-0.0894`, or a fraction `5924/3` (denominator not 0)."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, float, str)):
        raise ValueError(
            _('verwacht een getal of een breuk als "5924/3", kreeg {waarde}').format(waarde=beschrijf(value))
        )
    tekst = str(value).strip()
    breuk = BREUK.fullmatch(tekst)
    if breuk:
        _decimaal(breuk[1], value)
        if not _decimaal(breuk[2], value):
            raise ValueError(_("{waarde}: een breuk met noemer 0").format(waarde=value))
        return f"{breuk[1]}/{breuk[2]}"
    _decimaal(tekst, value)
    return tekst


Exact = Annotated[str, Keuring(valideer_exact, "str")]
"""A number as the document gives it: a decimal or an exact fraction, computed on with `exact`."""


def exact(tekst: str) -> Fraction:
    """The exact value of an `Exact`: `"5924/3"` is 5924/3, `"697.99"` is 69799/100."""
    teller, _, noemer = tekst.partition("/")
    waarde = Fraction(Decimal(teller))
    return waarde / Fraction(Decimal(noemer)) if noemer else waarde


def centen(waarde: Fraction) -> int:
    """To whole cents, half away from zero (as a printed table rounds)."""
    honderd = abs(waarde) * 100
    heel = int(honderd + Fraction(1, 2))
    return heel if waarde >= 0 else -heel


def euro_exact(waarde: Fraction) -> Decimal:
    """The exact value shown to the cent."""
    return Decimal(centen(waarde)) / 100


def verdeel(delen: list[Fraction], totaal: int) -> list[int]:
    """Parts in cents that add up to `totaal` cents exactly: each rounded down, the cents left over to the
    largest remainders (taken from the smallest when the floors add up to more)."""
    vloer = [int((d * 100).__floor__()) for d in delen]
    rest = sorted(range(len(delen)), key=lambda i: d_rest(delen[i], vloer[i]), reverse=True)
    over = totaal - sum(vloer)
    for n in range(abs(over)):
        if not rest:
            break
        i = rest[n % len(rest)] if over > 0 else rest[::-1][n % len(rest)]
        vloer[i] += 1 if over > 0 else -1
    return vloer


def d_rest(deel: Fraction, vloer: int) -> Fraction:
    return deel * 100 - vloer
