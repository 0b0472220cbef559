"""snapshot.xlsx: one sheet per part, real numbers with € formats, frozen headers, widths that fit."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from cli.snapshotdelen import Deel

EURO = '"€" #,##0.00;[Red]-"€" #,##0.00'
MAX_BREEDTE = 60


def _tekst(waarde: Any) -> str:
    return f"{waarde:,.2f}" if isinstance(waarde, Decimal) else "" if waarde is None else str(waarde)


def schrijf_werkboek(pad: Path, delen: list[Deel]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    boek = Workbook()
    boek.remove(boek.active)
    for deel in delen:
        blad = boek.create_sheet(deel.naam[:31])
        blad.append(deel.kolommen)
        for cel in blad[1]:
            cel.font = Font(bold=True)
        for rij in deel.rijen:
            blad.append([float(w) if isinstance(w, Decimal) else w for w in rij])
        for i, kolom in enumerate(deel.kolommen, start=1):
            letter = get_column_letter(i)
            if kolom in deel.geld:
                for cel in blad[letter][1:]:
                    cel.number_format = EURO
            breedte = max([len(str(kolom)), *(len(_tekst(r[i - 1])) + 3 for r in deel.rijen)])
            blad.column_dimensions[letter].width = min(breedte + 2, MAX_BREEDTE)
        blad.freeze_panes = "A2"
    boek.save(pad)
