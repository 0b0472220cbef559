"""One entry point for every format: `render(answer, formaat, out, eenheid=...)`."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TextIO

from reports.model import Answer


class Formaat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    markdown = "markdown"
    html = "html"


def render(answer: Answer, formaat: Formaat | str, out: Path | TextIO | None = None, eenheid: int = 1) -> None:
    """Write `answer` as `formaat` to `out`: a file path, a text stream, or standard output."""
    from reports.render import csv, html, json, markdown, table, xlsx

    formaat = Formaat(formaat)
    if formaat is Formaat.xlsx:
        if not isinstance(out, Path):
            raise ValueError("xlsx is written to a file")
        xlsx.schrijf(answer, out)
    elif formaat is Formaat.table:
        if isinstance(out, Path):
            with out.open("w", encoding="utf-8") as stroom:
                table.schrijf(answer, stroom, eenheid)
        else:
            table.schrijf(answer, out or sys.stdout, eenheid)
    else:
        teksten = {
            Formaat.json: json.tekst,
            Formaat.csv: csv.tekst,
            Formaat.markdown: lambda a: markdown.tekst(a, eenheid),
            Formaat.html: lambda a: html.tekst(a, eenheid),
        }
        _schrijf(teksten[formaat](answer), out)


def _schrijf(tekst: str, out: Path | TextIO | None) -> None:
    if isinstance(out, Path):
        out.write_text(tekst, encoding="utf-8")
    else:
        (out or sys.stdout).write(tekst)
