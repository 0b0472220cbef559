"""The CSV form: the answer's rows for programs, money with two decimals, dates in ISO 8601.

`excel_nl` writes it for Dutch Excel instead: `;` between fields and decimal commas. With an `eenheid`
the amounts are divided by it, exactly, and their headers say so ("raming (x € 1.000)").
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from documents.formules import csv_veld
from reports.model import Answer, Cel, Column, Report, Row
from reports.opmaak import bedrag


def tekst(answer: Answer, eenheid: int = 1, excel_nl: bool = False) -> str:
    """The answer's CSV form; an answer without one gives its first report."""
    return report_tekst(answer.csv or answer.reports[0], eenheid, excel_nl)


def report_tekst(report: Report, eenheid: int = 1, excel_nl: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", delimiter=";" if excel_nl else ",")
    writer.writerow([kop(k, eenheid) for k in report.columns])
    for rij in report.rows:
        writer.writerow(waarden(report, rij, eenheid, excel_nl))
    return buffer.getvalue()


def kop(kolom: Column, eenheid: int) -> str:
    """A money column's label names the unit when it is not the euro: "raming (x € 1.000)"."""
    if not kolom.money or eenheid == 1:
        return kolom.label
    return f"{kolom.label} (x € {eenheid:,})".replace(",", ".")


def waarden(report: Report, rij: Row, eenheid: int = 1, excel_nl: bool = False) -> list[object]:
    """A row's cells as the CSV holds them."""
    return [_waarde(rij.cells.get(k.key), (k.money and eenheid) or 1, excel_nl) for k in report.columns]


def _waarde(waarde: Cel, eenheid: int, excel_nl: bool) -> object:
    waarde = bedrag(waarde)
    if isinstance(waarde, Decimal):
        getal = getal_tekst(waarde, eenheid)
        return getal.replace(".", ",") if excel_nl else getal
    return waarde.isoformat() if isinstance(waarde, date) else csv_veld(waarde)


def getal_tekst(waarde: Decimal, eenheid: int = 1) -> str:
    """1683000.00 -> '1683000.00'; in thousands exactly, without trailing zeros: '1683', '1683.5'."""
    if eenheid == 1:
        return f"{waarde:.2f}"
    deel = (waarde / eenheid).quantize(Decimal(1).scaleb(-2 - len(str(eenheid)) + 1)).normalize()
    return f"{deel:f}"
