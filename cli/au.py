"""`begroting au`: the algemene uitkering computed from its verdeelmaatstaven, and a change explained."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from cli.app import app, omgeving
from cli.opties import AsOf, Eenheid, Format, Gemeente, RecordedBy, TekenOptie, Uitvoerformaat, lees_datum
from cli.schrijven import verslag, wie
from cli.uitvoer import ExcelNl, Out, toon
from cli.vragen import Jaar, vragen, zicht
from reports.model import Teken
from taal import N_, _

if TYPE_CHECKING:
    from projections.au import Auberekening

Van = Annotated[str | None, typer.Option("--van", help=N_("Verklaar de mutatie vanaf deze kennisdatum (met --tot)."))]
Tot = Annotated[str | None, typer.Option("--tot", help=N_("… tot deze kennisdatum (met --van)."))]
Accept = Annotated[
    bool,
    typer.Option(
        "--accept", help=N_("Boek de berekende AU als prognose van algemene_uitkering, met haar delen als opbouw.")
    ),
]


@app.command()
def au(
    ctx: typer.Context,
    gemeente: Gemeente,
    jaar: Jaar,
    as_of: AsOf = None,
    recorded_by: RecordedBy = None,
    van: Van = None,
    tot: Tot = None,
    accept: Accept = False,
    format: Format = Uitvoerformaat.table,
    eenheid: Eenheid = 1,
    teken: TekenOptie = Teken.voordeel,
    out: Out = None,
    excel_nl: ExcelNl = False,
) -> None:
    """De algemene uitkering van een jaar, berekend uit het laatst bekende verdeelmodel en de maatstaven.

    Onderdeel A (aantal × tarief), onderdeel B (aantal × bedrag per eenheid) maal de
    uitkeringsfactor, de bedragen buiten de factor, en daarnaast de AU die het grootboek
    houdt (circulaires, prognoses) met het verschil. Met --van en --tot: de mutatie tussen
    twee kennisdata in uitkeringsfactor, aantallen, bedragen per eenheid en buiten de factor,
    in totaal en per maatstaf; de delen tellen op de cent op tot de mutatie. --accept boekt
    de berekende AU als prognose, bekend op --as-of (standaard vandaag), met haar delen als opbouw.

    Voorbeeld: begroting au --gemeente GM0502 --jaar 2021 --van 2020-06-01 --tot 2020-10-01
    """
    if (van is None) != (tot is None):
        raise typer.BadParameter(_("geef --van en --tot allebei, of geen van beide"), param_hint="--van/--tot")
    if van is not None and (accept or as_of is not None):
        raise typer.BadParameter(
            _("--van/--tot verklaren een mutatie; --accept en --as-of horen daar niet bij"), param_hint="--van"
        )
    if van is not None:
        antwoord = vragen(ctx).au_verklaring(zicht(gemeente, tot, recorded_by), lees_datum(van) or date.today(), jaar)
        toon(antwoord, format, out, eenheid, teken, excel_nl)
        return
    vraag = zicht(gemeente, as_of, recorded_by)
    berekening = omgeving(ctx).reader.au(vraag, jaar)
    from reports.au import au as au_answer

    if accept:
        _te_boeken(berekening)
    toon(au_answer(berekening), format, out, eenheid, teken, excel_nl)
    if accept:
        _accepteer(ctx, berekening, format)


def _te_boeken(berekening: Auberekening) -> None:
    """Refused before anything is shown or written: --accept without an AU to record."""
    if berekening.berekening is None or berekening.maatstaven is None or berekening.verdeelmodel is None:
        raise typer.BadParameter(
            _("geen AU om te boeken: het grootboek kent voor dat jaar geen verdeelmodel of maatstaven")
        )
    if berekening.au is None:
        raise typer.BadParameter(_("geen AU om te boeken: het verdeelmodel geeft voor dat jaar geen uitkeringsfactor"))


def _accepteer(ctx: typer.Context, berekening: Auberekening, format: Uitvoerformaat) -> None:
    from ledger.au_prognose import au_prognose_document

    assert berekening.berekening and berekening.maatstaven and berekening.verdeelmodel  # _te_boeken checked it
    herkomst = f"maatstaven {berekening.maatstaven.bron}, verdeelmodel {berekening.verdeelmodel.bron}"
    document = au_prognose_document(berekening.zicht.gemeente, berekening.berekening, herkomst, berekening.zicht.as_of)
    for u in omgeving(ctx).app.boek([document], wie(None)):
        typer.echo(verslag(u), err=format is not Uitvoerformaat.table)
