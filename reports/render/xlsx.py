"""Workbooks: one sheet per report, real numbers with € formats, frozen headers, widths that fit."""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from documents.formules import als_tekstcel, is_formuleachtig
from reports.model import Answer, Cel, Report, Row
from reports.opmaak import bedrag
from reports.render.csv import kop as csv_kop

EURO = '"€" #,##0.00;[Red]-"€" #,##0.00'
EURO_HEEL = '"€" #,##0;[Red]-"€" #,##0'
"""In thousands (or another unit) a cell shows whole units, as the documents do; it keeps the exact value."""
MAX_BREEDTE = 60

if TYPE_CHECKING:
    from openpyxl import Workbook


def schrijf(answer: Answer, pad: Path, eenheid: int = 1) -> None:
    """The answer's CSV form as one sheet when it has one (every field), else one sheet per report.

    With an `eenheid` the money cells hold the amount divided by it and their headers name it.
    """
    schrijf_reports([answer.csv] if answer.csv else list(answer.reports), pad, eenheid)


def schrijf_reports(reports: list[Report], pad: Path, eenheid: int = 1) -> None:
    from openpyxl import Workbook

    boek = Workbook(write_only=True)
    for report in reports:
        _blad(boek, report, report.rows, eenheid)
    boek.save(pad)


def schrijf_stroom(kop: Report, rijen: Iterable[Row], pad: Path) -> int:
    """One sheet of `kop`'s columns and these rows, however many; returns how many."""
    from openpyxl import Workbook

    boek = Workbook(write_only=True)
    aantal = _blad(boek, kop, rijen)
    boek.save(pad)
    return aantal


def _blad(boek: Workbook, kop: Report, rijen: Iterable[Row], eenheid: int = 1) -> int:
    """A sheet in openpyxl's write-only mode, which holds no row in memory; returns how many rows.

    A write-only sheet needs its column widths before its first row: the rows wait in a temporary
    file while the widths are measured, then are written from there.
    """
    koppen = [csv_kop(k, eenheid) for k in kop.columns]
    delers = [eenheid if k.money else 1 for k in kop.columns]
    breedtes, aantal = [len(k) for k in koppen], 0
    with tempfile.TemporaryFile() as wachtrij:
        for r in rijen:
            waarden = [_gedeeld(bedrag(r.cells.get(k.key)), d) for k, d in zip(kop.columns, delers, strict=True)]
            breedtes = [max(b, len(_tekst(w)) + 3) for b, w in zip(breedtes, waarden, strict=True)]
            pickle.dump(waarden, wachtrij)
            aantal += 1
        blad = _kop(boek.create_sheet(kop.name[:31]), koppen, breedtes)
        formaat = EURO if eenheid == 1 else EURO_HEEL
        geld = [formaat if k.money else None for k in kop.columns]
        wachtrij.seek(0)
        for _ in range(aantal):
            blad.append([_cel(blad, w, g) for w, g in zip(pickle.load(wachtrij), geld, strict=True)])
    return aantal


def _gedeeld(waarde: Cel, deler: int) -> Cel:
    return waarde / deler if isinstance(waarde, Decimal) and deler != 1 else waarde


def _cel(blad: Any, waarde: Any, geld: str | None) -> Any:
    """Money in € with negatives in red."""
    from openpyxl.cell import WriteOnlyCell

    waarde = float(waarde) if isinstance(waarde, Decimal) else waarde
    if is_formuleachtig(waarde):
        return als_tekstcel(WriteOnlyCell(blad, value=waarde))
    if not geld:
        return waarde
    cel = WriteOnlyCell(blad, value=waarde)
    cel.number_format = geld
    return cel


def _kop(blad: Any, koppen: list[str], breedtes: list[int]) -> Any:
    """Widths that fit the longest value, within reason; a bold header row, frozen."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    for i, breedte in enumerate(breedtes, start=1):
        blad.column_dimensions[get_column_letter(i)].width = min(breedte + 2, MAX_BREEDTE)
    blad.freeze_panes = "A2"
    cellen = [als_tekstcel(WriteOnlyCell(blad, value=k)) for k in koppen]
    for cel in cellen:
        cel.font = Font(bold=True)
    blad.append(cellen)
    return blad


def _tekst(waarde: Cel) -> str:
    return f"{waarde:,.2f}" if isinstance(waarde, Decimal) else "" if waarde is None else str(waarde)
