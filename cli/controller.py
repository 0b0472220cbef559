"""The controller's year: forecast from realisaties, and signals under the verordening."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from cli.app import app, omgeving
from cli.lezen import Jaar, vragen, zicht
from cli.opties import AsOf, Eenheid, Format, Gemeente, RecordedBy, TekenOptie, Uitvoerformaat
from cli.schrijven import verslag, wie
from cli.uitvoer import ExcelNl, Out, toon
from reports.model import Teken
from taal import N_


@app.command()
def forecast(
    ctx: typer.Context,
    gemeente: Gemeente,
    jaar: Jaar,
    post: Annotated[str | None, typer.Option("--post", "-p", help=N_("Alleen deze post."))] = None,
    as_of: AsOf = None,
    recorded_by: RecordedBy = None,
    format: Format = Uitvoerformaat.table,
    accept: Annotated[bool, typer.Option("--accept", help=N_("Boek elke verwachting als prognose-event."))] = False,
    teken: TekenOptie = Teken.voordeel,
    eenheid: Eenheid = 1,
    out: Out = None,
    excel_nl: ExcelNl = False,
) -> None:
    """De jaareindeverwachting uit realisaties naar tempo: gerealiseerd / verstreken perioden x perioden in het jaar.

    Met --accept wordt elke verwachting geboekt als prognose, met een eigen bron en de som
    als toelichting, bekend op --as-of (standaard vandaag); dan telt ze mee in het saldo.

    Voorbeeld: begroting forecast --gemeente GM0148 --jaar 2007 --post wmo.zorg_in_natura --accept
    """
    vraag = zicht(gemeente, as_of, recorded_by)
    uitkomst = omgeving(ctx).reader.forecasts(vraag, jaar, post)
    from reports.controller import forecast as forecast_answer

    toon(forecast_answer(gemeente, jaar, uitkomst), format, out, eenheid, teken, excel_nl)
    if accept:
        from ledger.forecast import prognose_document

        datum = vraag.as_of or date.today()
        documenten = [
            prognose_document(gemeente, f.post, f.richting, f.jaar, f.forecast, f.methode, f.laatste_periode, datum)
            for f in uitkomst
        ]
        for u in omgeving(ctx).app.boek(documenten, wie(None)):
            typer.echo(verslag(u), err=format is not Uitvoerformaat.table)


@app.command()
def signals(
    ctx: typer.Context,
    gemeente: Gemeente,
    jaar: Jaar,
    as_of: AsOf = None,
    recorded_by: RecordedBy = None,
    format: Format = Uitvoerformaat.table,
    teken: TekenOptie = Teken.voordeel,
    eenheid: Eenheid = 1,
    out: Out = None,
    excel_nl: ExcelNl = False,
) -> None:
    """Afwijkingen tussen raming en prognose (of verwachting), per post en programma, ingedeeld volgens de verordening.

    Zonder geboekte verordening gelden de standaardregels: binnen 10 % en vanaf
    € 10.000 de standaardrapportage; boven 10 % en vanaf € 100.000 direct de raad;
    investeringen boven € 500.000 noemen hun effect.

    Voorbeeld: begroting signals --gemeente GM0148 --jaar 2007 --as-of 2007-06-30
    """
    toon(vragen(ctx).signals(zicht(gemeente, as_of, recorded_by), jaar), format, out, eenheid, teken, excel_nl)
