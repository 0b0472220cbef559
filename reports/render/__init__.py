"""One entry point for every format: `render(answer, formaat, out, eenheid=..., teken=...)`."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from enum import Enum
from io import StringIO
from pathlib import Path
from typing import TextIO

from reports.model import Answer, Teken


class Formaat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    markdown = "markdown"
    html = "html"


def render(
    answer: Answer,
    formaat: Formaat | str,
    out: Path | TextIO | None = None,
    eenheid: int = 1,
    teken: Teken = Teken.voordeel,
    excel_nl: bool = False,
) -> None:
    """Write `answer` as `formaat` to `out`: a file path, a text stream, or standard output (xlsx: a path).

    `teken` nadeel shows + = nadeel in every format for people and in CSV; JSON stays + = voordeel.
    `eenheid` divides the amounts of every format but JSON; `excel_nl`: CSV with `;` and decimal commas.
    """
    from reports.render import csv, html, json, markdown, table, xlsx
    from reports.teken import getekend

    formaat = Formaat(formaat)
    answer = getekend(answer, teken)
    if formaat is Formaat.xlsx:
        if not isinstance(out, Path):
            raise TypeError("xlsx is written to a file: out must be a Path")  # the CLI asks for --out first
        xlsx.schrijf(answer, out, eenheid)
        return
    schrijvers: dict[Formaat, Callable[[TextIO], object]] = {
        Formaat.table: lambda stroom: table.schrijf(answer, stroom, eenheid),
        Formaat.json: lambda stroom: stroom.write(json.tekst(answer)),
        Formaat.csv: lambda stroom: stroom.write(csv.tekst(answer, eenheid, excel_nl)),
        Formaat.markdown: lambda stroom: stroom.write(markdown.tekst(answer, eenheid)),
        Formaat.html: lambda stroom: stroom.write(html.tekst(answer, eenheid)),
    }
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8") as stroom:
            schrijvers[formaat](stroom)
    else:
        schrijvers[formaat](out or sys.stdout)


def als_bytes(answer: Answer, formaat: Formaat | str, eenheid: int = 1) -> bytes:
    """`answer` as the file `formaat` gives (a download): UTF-8 text, or the xlsx workbook's bytes."""
    if Formaat(formaat) is Formaat.xlsx:
        with tempfile.TemporaryDirectory() as map_:
            pad = Path(map_) / "antwoord.xlsx"
            render(answer, formaat, pad, eenheid)
            return pad.read_bytes()
    stroom = StringIO()
    render(answer, formaat, stroom, eenheid)
    return stroom.getvalue().encode("utf-8")
