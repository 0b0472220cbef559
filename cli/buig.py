"""`begroting buig`: a year's BUIG budget explained from the beschikkingen's own figures."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from cli.app import app
from cli.lezen import Jaar, vragen, zicht
from cli.opties import AsOf, Eenheid, Format, Gemeente, RecordedBy, TekenOptie, Uitvoerformaat
from cli.uitvoer import ExcelNl, Out, toon
from reports.model import Teken
from taal import N_


class Fase(str, Enum):
    voorlopig = "voorlopig"
    nader_voorlopig = "nader_voorlopig"
    definitief = "definitief"


@app.command()
def buig(
    ctx: typer.Context,
    gemeente: Gemeente,
    jaar: Jaar,
    fase: Annotated[
        Fase | None, typer.Option("--fase", help=N_("De beschikking van deze fase (standaard: de laatste)."))
    ] = None,
    as_of: AsOf = None,
    recorded_by: RecordedBy = None,
    format: Format = Uitvoerformaat.table,
    teken: TekenOptie = Teken.voordeel,
    eenheid: Eenheid = 1,
    out: Out = None,
    excel_nl: ExcelNl = False,
) -> None:
    """Het BUIG-budget van een jaar: elke beschikking, de mutatie en haar opbouw, het verdeelmodel nagerekend.

    De mutatie is ten opzichte van de `vorige` van de beschikking, of anders de definitieve
    van het jaar ervoor in het grootboek; elk deel toont zijn genoemde bedrag, de som van
    zijn eigen delen en het verschil. Elke formule van het verdeelmodel toont de genoemde
    waarde, de waarde berekend uit de genoemde invoer en het verschil: tot € 1 is afronding,
    meer wordt gemarkeerd als VERSCHIL.

    Voorbeeld: begroting buig --gemeente GM0556 --jaar 2023 --format json
    """
    antwoord = vragen(ctx).buig(zicht(gemeente, as_of, recorded_by), jaar, fase.value if fase else None)
    toon(antwoord, format, out, eenheid, teken, excel_nl)
