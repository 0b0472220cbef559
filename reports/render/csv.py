"""The CSV form: the answer's rows for programs, money with two decimals, dates in ISO 8601."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from documents.formules import csv_veld
from reports.model import Answer, Cel, Report, Row
from reports.opmaak import bedrag


def tekst(answer: Answer) -> str:
    """The answer's CSV form; an answer without one gives its first report."""
    return report_tekst(answer.csv or answer.reports[0])


def report_tekst(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([k.label for k in report.columns])
    for rij in report.rows:
        writer.writerow(waarden(report, rij))
    return buffer.getvalue()


def waarden(report: Report, rij: Row) -> list[object]:
    """A row's cells as the CSV holds them."""
    return [_waarde(rij.cells.get(k.key)) for k in report.columns]


def _waarde(waarde: Cel) -> object:
    waarde = bedrag(waarde)
    if isinstance(waarde, Decimal):
        return f"{waarde:.2f}"
    return waarde.isoformat() if isinstance(waarde, date) else csv_veld(waarde)
