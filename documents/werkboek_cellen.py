"""The values of a workbook's cells as a document's plain data: numbers through their text, never float arithmetic.

A spreadsheet stores every number as a binary float. An amount becomes a Decimal through the
shortest text that gives the same float (repr), and through 15 significant digits when that text is
longer: Excel keeps no more than 15, and shows 0.30000000000000004 (from =0.1+0.2) as 0.3. Whole
numbers become integers, as YAML gives them.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from documents.lezen import tekst_fout
from documents.werkboek_layout import Soort
from events.waarden import beschrijf, valideer_jaar
from taal import _

EXCEL_CIJFERS = 15
GEWONE_BLADNAAM = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")
SoortOfBedrag = Soort | str


class CelFout(ValueError):
    """A cell that cannot be what its place asks for: its sheet, row and column (0-based) and what is wrong."""

    def __init__(self, blad: str, rij: int, kolom: int, melding: str) -> None:
        super().__init__(melding)
        self.blad, self.rij, self.kolom, self.melding = blad, rij, kolom, melding

    @property
    def plaats(self) -> str:
        return plaats(self.blad, self.rij, self.kolom)


def kolom_letters(kolom: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    kolom += 1
    while kolom:
        kolom, rest = divmod(kolom - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def blad_naam(blad: str) -> str:
    """A sheet as a reference names it: quoted when it holds more than letters and digits ('1 circulaire')."""
    return blad if GEWONE_BLADNAAM.fullmatch(blad) else "'" + blad.replace("'", "''") + "'"


def plaats(blad: str, rij: int, kolom: int) -> str:
    """('1 circulaire', 6, 3) -> '1 circulaire'!D7"""
    return f"{blad_naam(blad)}!{kolom_letters(kolom)}{rij + 1}"


def getal(waarde: float) -> int | Decimal:
    """A cell's float as the number its text says (see the module)."""
    if waarde.is_integer() and abs(waarde) < 2**53:
        return int(waarde)
    tekst = repr(waarde)
    uitkomst = Decimal(tekst)
    if len(uitkomst.as_tuple().digits) > EXCEL_CIJFERS:
        uitkomst = Decimal(format(waarde, f".{EXCEL_CIJFERS}g"))
    return uitkomst


def _als_datum(waarde: date) -> date | datetime:
    """A date cell; a date-and-time at midnight is a date (the cell's format showed the time)."""
    if isinstance(waarde, datetime) and waarde.time() == time(0):
        return waarde.date()
    return waarde


def _wat(soort: SoortOfBedrag) -> str:
    namen = {
        "bedrag": _("een bedrag"),
        "getal": _("een getal"),
        "geheel": _("een geheel getal"),
        "datum": _("een datum"),
    }
    return namen.get(soort, _("tekst"))


def _getal_of_fout(waarde: float, soort: SoortOfBedrag) -> int | Decimal:
    if not math.isfinite(waarde):
        raise ValueError(_("{waarde} is niet {wat}").format(waarde=waarde, wat=_wat(soort)))
    if soort == "tekst":
        raise ValueError(
            _("{waarde} is een getal waar tekst hoort; maak de cel tekst (in Excel: typ er een ' voor)").format(
                waarde=getal(waarde)
            )
        )
    return getal(waarde)


def _tekst_of_fout(waarde: str, soort: SoortOfBedrag) -> str:
    fout = tekst_fout(waarde)
    if fout:
        raise ValueError(fout)
    if soort in ("bedrag", "getal") and not _leest_als_getal(waarde):
        raise ValueError(_("{waarde} is niet {wat}").format(waarde=repr(waarde), wat=_wat(soort)))
    return waarde


def _leest_als_getal(tekst: str) -> bool:
    try:
        return Decimal(tekst.strip()).is_finite()
    except ArithmeticError:
        return False


def _jaren(cel: Any) -> list[int]:
    """`2020, 2021` (or one year, typed as a number): the years a field like incidenteel holds for."""
    delen = [getal(float(cel))] if isinstance(cel, float | int) else cel.replace(";", ",").split(",")
    try:
        return [valideer_jaar(str(d).strip()) for d in delen]
    except ValueError:
        raise ValueError(
            _("{waarde} is geen TRUE, FALSE of jaren zoals 2020, 2021").format(waarde=beschrijf(cel))
        ) from None


def waarde(cel: Any, soort: SoortOfBedrag) -> Any:
    """A cell's value for a field of this soort, or None when it is empty; ValueError says what is wrong."""
    if soort == "ja_nee_jaren" and not isinstance(cel, bool) and cel not in ("", None):
        return _jaren(cel)
    if isinstance(cel, str):
        return _tekst_of_fout(cel, soort) if cel != "" else None
    if isinstance(cel, bool):
        if soort in ("bedrag", "getal", "geheel"):
            raise ValueError(_("{waarde} is niet {wat}").format(waarde=beschrijf(cel), wat=_wat(soort)))
        return cel
    if isinstance(cel, float | int):
        return _getal_of_fout(float(cel), soort)
    if isinstance(cel, date):
        if soort != "datum":
            raise ValueError(
                _("{waarde} is een datum waar {wat} hoort").format(waarde=_als_datum(cel), wat=_wat(soort))
            )
        return _als_datum(cel)
    if isinstance(cel, time | timedelta):
        raise ValueError(_("{waarde} is een tijd waar {wat} hoort").format(waarde=cel, wat=_wat(soort)))
    raise ValueError(_("{waarde} is niet {wat}").format(waarde=repr(cel), wat=_wat(soort)))
