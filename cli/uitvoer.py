"""Where a read command's answer goes: standard output, or with --format xlsx the file --out names."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.opties import Uitvoerformaat, check_uitvoerbestand
from reports.model import Answer, Teken
from taal import N_, _

Out = Annotated[
    Path | None,
    typer.Option(
        "--out", callback=check_uitvoerbestand, help=N_("Het bestand voor --format xlsx (of voor elk formaat).")
    ),
]
ExcelNl = Annotated[
    bool,
    typer.Option(
        "--excel-nl",
        help=N_("Met --format csv: ';' tussen velden en decimale komma's, voor Nederlandse Excel."),
    ),
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
        raise typer.BadParameter(_("--format xlsx schrijft een bestand: geef --out BESTAND.xlsx"), param_hint="--out")
    if excel_nl and formaat is not Uitvoerformaat.csv:
        raise typer.BadParameter(_("--excel-nl hoort bij --format csv"), param_hint="--excel-nl")
    render(antwoord, formaat.value, out, eenheid=eenheid, teken=teken, excel_nl=excel_nl)
    if out is not None:
        typer.echo(_("{formaat} geschreven naar {out}").format(formaat=formaat.value, out=out))
