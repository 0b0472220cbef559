"""Commands that read: events, saldo, diff, history, explain. Each catches the read models up first."""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cli.app import app, omgeving
from cli.opties import (
    AsOf,
    EenGemeente,
    Eenheid,
    Format,
    Gemeente,
    Jaren,
    RecordedBy,
    TekenOptie,
    Uitvoerformaat,
    lees_datum,
    lees_jaren,
    lees_moment,
)
from cli.uitvoer import ExcelNl, Out, toon
from reports.model import Teken
from taal import N_, _, ngettext

if TYPE_CHECKING:
    from reports.answers import Answers

Post = Annotated[str, typer.Option("--post", "-p", help=N_("De post, zoals buig of algemene_uitkering."))]
Jaar = Annotated[int, typer.Option("--jaar", "-j", help=N_("Het begrotingsjaar."))]


def zicht(gemeente: str, as_of: str | None, recorded_by: str | None, jaren: str | None = None):
    from projections.zicht import Zicht

    return Zicht(gemeente, lees_datum(as_of) or date.today(), lees_moment(recorded_by), lees_jaren(jaren))


def vragen(ctx: typer.Context) -> Answers:
    from reports.answers import Answers

    return Answers(omgeving(ctx).reader)


class JournaalFormaat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


@app.command()
def events(
    ctx: typer.Context,
    gemeente: EenGemeente = None,
    bron: Annotated[str | None, typer.Option("--bron", help=N_("Alleen de events van dit bron-id."))] = None,
    recorded_by: RecordedBy = None,
    format: Annotated[JournaalFormaat, typer.Option("--format", "-f", help=N_("table, json, csv of xlsx."))] = (
        JournaalFormaat.table
    ),
    out: Annotated[Path | None, typer.Option("--out", help=N_("Het bestand voor --format xlsx."))] = None,
    teken: TekenOptie = Teken.voordeel,
    excel_nl: ExcelNl = False,
) -> None:
    """Het journaal: elk event met zijn id, bron, bekend_op, geboekt_op en wie het boekte.

    csv en xlsx bevatten elk veld, de hashketen en de volledige inhoud van elk event.

    Voorbeeld: begroting events --gemeente GM1708 --format xlsx --out journaal.xlsx
    """
    if format is JournaalFormaat.xlsx and out is None:
        raise typer.BadParameter(_("--format xlsx schrijft een bestand: geef --out BESTAND.xlsx"), param_hint="--out")
    if excel_nl and format is not JournaalFormaat.csv:
        raise typer.BadParameter(_("--excel-nl hoort bij --format csv"), param_hint="--excel-nl")
    del teken  # the journal shows no amount that has a side: it reads the same either way
    from reports import journaalstroom

    stroom = vragen(ctx).journaalstroom(gemeente, bron, lees_moment(recorded_by))
    if format is JournaalFormaat.xlsx:
        n = journaalstroom.schrijf_xlsx(stroom, out)  # type: ignore[arg-type]
        typer.echo(
            ngettext("{n} event geschreven naar {out}", "{n} events geschreven naar {out}", n).format(n=n, out=out)
        )
        return
    if format is JournaalFormaat.csv:
        journaalstroom.schrijf_csv(stroom, sys.stdout, excel_nl)
        return
    schrijvers = {"table": journaalstroom.schrijf_tabel, "json": journaalstroom.schrijf_json}
    schrijvers[format.value](stroom, sys.stdout)


@app.command()
def saldo(
    ctx: typer.Context,
    gemeente: Gemeente,
    as_of: AsOf = None,
    recorded_by: RecordedBy = None,
    jaren: Jaren = None,
    format: Format = Uitvoerformaat.table,
    eenheid: Eenheid = 1,
    teken: TekenOptie = Teken.voordeel,
    out: Out = None,
    excel_nl: ExcelNl = False,
) -> None:
    """Het begrotingssaldo per jaar en per post, met de pm-posten en de componenten.

    csv en xlsx bevatten elke post en elk jaar; --format xlsx --out BESTAND.xlsx schrijft een
    werkboek met euro-getalnotatie, --format csv --excel-nl een CSV die Nederlandse Excel in kolommen opent.

    Voorbeeld: begroting saldo --gemeente GM1708 --as-of 2020-10-13 --eenheid 1000
    """
    toon(vragen(ctx).saldo(zicht(gemeente, as_of, recorded_by, jaren)), format, out, eenheid, teken, excel_nl)


@app.command()
def reserves(
    ctx: typer.Context,
    gemeente: Gemeente,
    as_of: AsOf = None,
    recorded_by: RecordedBy = None,
    jaren: Jaren = None,
    format: Format = Uitvoerformaat.table,
    eenheid: Eenheid = 1,
    teken: TekenOptie = Teken.voordeel,
    out: Out = None,
    excel_nl: ExcelNl = False,
) -> None:
    """De stand van de reserves aan het eind van elk jaar, met de dotaties, onttrekkingen en resultaatbestemmingen.

    Voorbeeld: begroting reserves --gemeente GM1708 --as-of 2021-12-31 --jaren 2020-2024
    """
    toon(vragen(ctx).reserves(zicht(gemeente, as_of, recorded_by, jaren)), format, out, eenheid, teken, excel_nl)


@app.command()
def diff(
    ctx: typer.Context,
    gemeente: Gemeente,
    van: Annotated[str, typer.Option("--van", help=N_("Vanaf deze kennisdatum."))],
    tot: Annotated[str, typer.Option("--tot", help=N_("Tot deze kennisdatum."))],
    recorded_by: RecordedBy = None,
    jaren: Jaren = None,
    format: Format = Uitvoerformaat.table,
    eenheid: Eenheid = 1,
    teken: TekenOptie = Teken.voordeel,
    out: Out = None,
    excel_nl: ExcelNl = False,
) -> None:
    """Wat er in het saldo veranderde tussen twee kennisdatums: een brug van de ene stand naar de andere.

    De tabel loopt van het saldo bekend op --van naar het saldo bekend op --tot, de regels
    in documentvolgorde gegroepeerd met subtotalen (de begrotingswijzigingen een eigen
    groep, de opbouw van een document ingesprongen), in de jaren die veranderden tenzij
    --jaren ze kiest; csv en json geven elke post en elk jaar met de events.

    Voorbeeld: begroting diff --gemeente GM1708 --van 2020-06-30 --tot 2020-10-13 --eenheid 1000
    """
    antwoord = vragen(ctx).diff(zicht(gemeente, tot, recorded_by, jaren), lees_datum(van))
    toon(antwoord, format, out, eenheid, teken, excel_nl)


@app.command()
def history(
    ctx: typer.Context,
    gemeente: Gemeente,
    post: Post,
    jaar: Jaar,
    as_of: AsOf = None,
    recorded_by: RecordedBy = None,
    format: Format = Uitvoerformaat.table,
    eenheid: Eenheid = 1,
    plot: Annotated[Path | None, typer.Option("--plot", help=N_("Teken het ook: BESTAND.png of BESTAND.svg."))] = None,
    teken: TekenOptie = Teken.voordeel,
    out: Out = None,
    excel_nl: ExcelNl = False,
) -> None:
    """Hoe de bekende waarde van één post en jaar zich ontwikkelde, event na event.

    Voorbeeld: begroting history --gemeente GM1708 --post buig --jaar 2020 --plot buig-2020.png
    """
    vraag = zicht(gemeente, as_of, recorded_by)
    stappen = omgeving(ctx).reader.history(vraag, post, jaar)
    if plot is not None:
        from cli.grafiek import teken_history

        teken_history(plot, vraag, post, jaar, stappen)
    from reports.spoor import history as history_answer

    toon(history_answer(vraag, post, jaar, stappen), format, out, eenheid, teken, excel_nl)


@app.command()
def explain(
    ctx: typer.Context,
    gemeente: Gemeente,
    post: Post,
    jaar: Jaar,
    as_of: AsOf = None,
    recorded_by: RecordedBy = None,
    format: Format = Uitvoerformaat.table,
    eenheid: Eenheid = 1,
    teken: TekenOptie = Teken.voordeel,
    out: Out = None,
    excel_nl: ExcelNl = False,
) -> None:
    """Het controlespoor van één bedrag: de events erachter, hun bron, datums, wie, en correcties.

    Voorbeeld: begroting explain --gemeente GM1708 --post algemene_uitkering --jaar 2021 --as-of 2020-10-13
    """
    antwoord = vragen(ctx).explain(zicht(gemeente, as_of, recorded_by), post, jaar)
    toon(antwoord, format, out, eenheid, teken, excel_nl)
