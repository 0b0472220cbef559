"""Tables for people in the terminal, amounts in the Dutch format: drawn as rich draws them.

A table that fits is drawn by `kaal` without loading rich; rich draws the others (wrapping cells).
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING, NamedTuple, TextIO

from reports.model import Answer, Report
from reports.opmaak import cel, kolomkop, tekst
from reports.render.kaal import tekening

if TYPE_CHECKING:
    from rich.table import Table

PIJP_BREEDTE = 200


class Tabeltekst(NamedTuple):
    """A report's texts as the table shows them."""

    titel: str
    voet: str
    koppen: list[str]
    rechts: list[bool]
    rijen: list[list[str]]


def schrijf(answer: Answer, stroom: TextIO, eenheid: int = 1) -> None:
    """A terminal gets its own width; a pipe or file gets 200 columns, so scripts see whole rows."""
    breedte = shutil.get_terminal_size().columns if stroom.isatty() else PIJP_BREEDTE
    for report in answer.reports:
        t = teksten(report, eenheid)
        if not report.columns:  # nothing to draw: the title says so in words
            stroom.write("\n".join(filter(None, (t.titel, t.voet))) + "\n")
            continue
        getekend = tekening(t.titel, t.voet, t.koppen, t.rechts, t.rijen, breedte)
        if getekend is None:
            _met_rich(tabel(t), stroom, breedte)
        else:
            stroom.write(getekend)


def _met_rich(t: Table, stroom: TextIO, breedte: int) -> None:
    from rich.console import Console

    Console(file=stroom, width=breedte, highlight=False).print(t)


def teksten(report: Report, eenheid: int = 1) -> Tabeltekst:
    rijen = []
    for rij in report.rows:
        cellen = [cel(rij.cells.get(k.key), k, eenheid) for k in report.columns]
        rijen.append([" " * rij.indent + cellen[0], *cellen[1:]])
    return Tabeltekst(
        tekst(report.title, eenheid),
        "\n".join(tekst(f, eenheid) for f in report.footnotes),
        [kolomkop(k) for k in report.columns],
        [k.align == "right" for k in report.columns],
        rijen,
    )


def tabel(t: Tabeltekst) -> Table:
    from rich.table import Table

    uit = Table(title=t.titel, title_justify="left", caption=t.voet or None, caption_justify="left")
    for kop, rechts in zip(t.koppen, t.rechts, strict=True):
        uit.add_column(kop, justify="right" if rechts else "left")
    for rij in t.rijen:
        uit.add_row(*rij)
    return uit
