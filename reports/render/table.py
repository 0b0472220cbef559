"""Tables for people in the terminal (rich), amounts in the Dutch format."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from reports.model import Answer, Report
from reports.opmaak import cel, tekst

if TYPE_CHECKING:
    from rich.table import Table


def schrijf(answer: Answer, stroom: TextIO, eenheid: int = 1) -> None:
    """A terminal gets its own width and styles; a pipe or file gets 200 columns, so scripts see whole rows."""
    from rich.console import Console

    console = Console(file=stroom, width=None if stroom.isatty() else 200, highlight=False)
    for report in answer.reports:
        console.print(tabel(report, eenheid))


def tabel(report: Report, eenheid: int = 1) -> Table:
    from rich.table import Table

    voet = "\n".join(tekst(f, eenheid) for f in report.footnotes)
    t = Table(title=tekst(report.title, eenheid), title_justify="left", caption=voet or None, caption_justify="left")
    for kolom in report.columns:
        t.add_column(kolom.label, justify=kolom.align)
    for rij in report.rows:
        cellen = [cel(rij.cells.get(k.key), k, eenheid) for k in report.columns]
        t.add_row(" " * rij.indent + cellen[0], *cellen[1:])
    return t
