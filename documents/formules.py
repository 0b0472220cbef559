"""Text a spreadsheet would run as a formula, written as text: every export's one rule (CSV and xlsx alike).

A kenmerk `=1+2` or a titel `=HYPERLINK(...)` is what a recorder typed; an auditor opening the export
must see it, not run it. Text that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
leading `'` in CSV (as spreadsheets themselves write such text) and is a string cell in xlsx. Only text:
numbers (a negative amount included) stay numbers, and so does a text that is nothing but a number.
"""

from __future__ import annotations

import re
from typing import Any

FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")
GETAL = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
"""A number written as text (a fraction of a BUIG verdeling, `-0.0000049133`): a spreadsheet reads it as that
number and runs nothing, so it stays as it is."""


def is_formuleachtig(waarde: Any) -> bool:
    return isinstance(waarde, str) and waarde.startswith(FORMULE_BEGIN) and not GETAL.fullmatch(waarde)


def csv_veld(waarde: Any) -> Any:
    """A CSV field as a spreadsheet reads it as text: `=1+2` becomes `'=1+2`; anything else unchanged."""
    return f"'{waarde}" if is_formuleachtig(waarde) else waarde


def als_tekstcel(cel: Any) -> Any:
    """An openpyxl cell holding text, kept a string cell: openpyxl makes any text that begins with `=` a formula."""
    if isinstance(cel.value, str):
        cel.data_type = "s"
    return cel
