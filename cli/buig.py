"""`begroting buig`: a year's BUIG budget explained from the beschikkingen's own figures."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from cli.app import app
from cli.opties import AsOf, Eenheid, Format, Gemeente, RecordedBy, TekenOptie, Uitvoerformaat
from cli.uitvoer import ExcelNl, Out, toon
from cli.vragen import Jaar, vragen, zicht
from reports.model import Teken


class Fase(str, Enum):
    voorlopig = "voorlopig"
    nader_voorlopig = "nader_voorlopig"
    definitief = "definitief"


@app.command()
def buig(
    ctx: typer.Context,
    gemeente: Gemeente,
    jaar: Jaar,
    fase: Annotated[Fase | None, typer.Option("--fase", help="This fase's beschikking (default: the latest).")] = None,
    as_of: AsOf = None,
    recorded_by: RecordedBy = None,
    format: Format = Uitvoerformaat.table,
    teken: TekenOptie = Teken.voordeel,
    eenheid: Eenheid = 1,
    out: Out = None,
    excel_nl: ExcelNl = False,
) -> None:
    """The BUIG budget of a year: every beschikking, the mutation and its opbouw, the verdeelmodel checked.

    The mutation is against the beschikking's `vorige`, or else the definitief of the
    year before in the ledger; each part shows its stated amount, the sum of its own
    parts and the difference. Each formula of the verdeelmodel shows the stated value,
    the value computed from the stated inputs and the difference: at most € 1 is
    rounding, more is flagged VERSCHIL.

    Example: begroting buig --gemeente GM0556 --jaar 2023 --format json
    """
    antwoord = vragen(ctx).buig(zicht(gemeente, as_of, recorded_by), jaar, fase.value if fase else None)
    toon(antwoord, format, out, eenheid, teken, excel_nl)
