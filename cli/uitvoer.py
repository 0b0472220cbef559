"""Where a read command's answer goes: standard output, or with --format xlsx the file --out names."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.opties import Uitvoerformaat, check_uitvoerbestand
from reports.model import Answer, Teken

Out = Annotated[
    Path | None,
    typer.Option("--out", callback=check_uitvoerbestand, help="The file for --format xlsx (or for any format)."),
]
ExcelNl = Annotated[
    bool,
    typer.Option("--excel-nl", help="With --format csv: ';' between fields and decimal commas, for Dutch Excel."),
]


def toon(
    antwoord: Answer,
    formaat: Uitvoerformaat,
    out: Path | None = None,
    eenheid: int = 1,
    teken: Teken = Teken.voordeel,
    excel_nl: bool = False,
) -> None:
    """The answer as `formaat`; a workbook needs --out, and --excel-nl belongs to csv."""
    from reports.render import render

    if formaat is Uitvoerformaat.xlsx and out is None:
        raise typer.BadParameter("--format xlsx writes a file: give --out FILE.xlsx", param_hint="--out")
    if excel_nl and formaat is not Uitvoerformaat.csv:
        raise typer.BadParameter("--excel-nl is for --format csv", param_hint="--excel-nl")
    render(antwoord, formaat.value, out, eenheid=eenheid, teken=teken, excel_nl=excel_nl)
    if out is not None:
        typer.echo(f"{formaat.value} written to {out}")
