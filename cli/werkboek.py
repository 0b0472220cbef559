"""Documents as spreadsheets: `template` writes an empty workbook for an event type, `document` a recorded one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.app import app, omgeving
from cli.opties import check_eenheid, lees_gemeente
from taal import N_, _, ngettext

WERKBOEK = (".xlsx", ".ods")
DOCUMENT = (*WERKBOEK, ".yaml", ".yml")


def check_out(out: Path, soorten: tuple[str, ...], force: bool) -> None:
    """A file of a kind we write, not replacing one that is there unless --force says so (as `snapshot`)."""
    if out.suffix.lower() not in soorten:
        raise typer.BadParameter(
            _("{out} moet eindigen op {soorten}").format(out=out, soorten=", ".join(soorten)), param_hint="--out"
        )
    if out.exists() and not force:
        raise typer.BadParameter(
            _("{out} bestaat al; geef een andere --out, of --force om het te vervangen").format(out=out)
        )


Out = Annotated[Path, typer.Option("--out", help=N_("Het bestand dat geschreven wordt."), show_default=False)]
Force = Annotated[bool, typer.Option("--force", help=N_("Vervang het bestand als het bestaat."))]


@app.command()
def template(
    ctx: typer.Context,
    type_naam: Annotated[str, typer.Argument(metavar="TYPE", help=N_("Een eventtype, zoals circulaire."))],
    out: Out,
    jaren: Annotated[str | None, typer.Option("--jaren", help=N_("De jaren naar rechts, zoals 2021-2025."))] = None,
    gemeente: Annotated[
        str | None,
        typer.Option(
            "--gemeente",
            "-g",
            callback=lees_gemeente,
            help=N_("Zonder --jaren: de jaren van haar laatste begroting."),
        ),
    ] = None,
    force: Force = False,
) -> None:
    """Schrijf een leeg werkboek met aanwijzingen voor een document van een type: vul het in en boek het.

    Blad `bron` bevat de sleutel/waarde-regels van het document, blad `1 TYPE` die van het event,
    en de typen die een document van die soort bevat hebben elk een blad: circulaire met
    bcf_voorschot, bcf_afrekening, corona_compensatie en prognose; begroting met
    begrotingswijziging en reserve_mutatie; reserve_ingesteld met reserve_mutatie. Verwijder de
    bladen die het document niet heeft, kopieer een blad (`6 corona_compensatie`, ...) voor meer
    events. Elke sleutel en kolom heeft een hint (een celopmerking), vaste keuzes een lijst, en de
    jaren lopen naar rechts: --jaren, of de jaren van de laatste begroting van --gemeente.

    Voorbeeld: begroting template circulaire --out septembercirculaire-2021.xlsx --jaren 2021-2025
    """
    from documents.werkboek_bestanden import schrijf_xlsx
    from documents.werkboek_writer import familie, sjabloon
    from events.registry import model_van

    model_van(type_naam)
    check_out(out, (".xlsx",), force)
    schrijf_xlsx(sjabloon(type_naam, _sjabloonjaren(ctx, type_naam, jaren, gemeente)), out)
    andere = familie(type_naam)[1:]
    if andere:
        melding = _(
            "{out} geschreven: een leeg {type} document met bladen voor {andere} (verwijder wat het niet bevat)"
        )
    else:
        melding = _("{out} geschreven: een leeg {type} document")
    typer.echo(melding.format(out=out, type=type_naam, andere=", ".join(andere)))


def _sjabloonjaren(ctx: typer.Context, type_naam: str, jaren: str | None, gemeente: str | None) -> list[int]:
    """--jaren, or the years of the gemeente's latest begroting; no guess when neither is given."""
    from documents.werkboek_writer import heeft_jaren

    if jaren is not None:
        return _jaren(jaren)
    if not heeft_jaren(type_naam):
        return []
    if gemeente is None:
        raise typer.BadParameter(
            _("welke jaren? geef --jaren, zoals 2021-2025, of --gemeente G voor de jaren van haar laatste begroting"),
            param_hint="--jaren",
        )
    from ledger.uitvoer import begroting_jaren

    return begroting_jaren(omgeving(ctx).app, gemeente)


def _jaren(tekst: str) -> list[int]:
    van, _streep, tot = tekst.partition("-")
    if not (van.isdigit() and (tot or van).isdigit() and int(van) <= int(tot or van) <= int(van) + 50):
        raise typer.BadParameter(
            _("{tekst} is geen reeks jaren zoals 2021-2025").format(tekst=repr(tekst)), param_hint="--jaren"
        )
    return list(range(int(van), int(tot or van) + 1))


@app.command()
def document(
    ctx: typer.Context,
    gemeente: Annotated[
        str, typer.Argument(callback=lees_gemeente, help=N_("CBS-code of naam, zoals GM1708."), show_default=False)
    ],
    bron_id: Annotated[str, typer.Argument(help=N_("Het bron-id van een geboekt document."), show_default=False)],
    out: Out,
    force: Force = False,
    eenheid: Annotated[
        int | None,
        typer.Option(
            "--eenheid",
            callback=lambda e: None if e is None else check_eenheid(e),
            help=N_(
                "Schrijf de bedragen in deze eenheid, zoals 1000, als elk bedrag er heel in is "
                "(standaard: die van het document)."
            ),
        ),
    ] = None,
) -> None:
    """Schrijf een geboekt document terug, als werkboek (.xlsx, .ods) of YAML, in de eigen eenheid van het document.

    Het bevat de bron en de events zoals het grootboek ze bewaarde (correcties zijn eigen
    documenten); het bestand opnieuw boeken verandert niets. De bedragen in een werkboek
    hebben een euro-getalnotatie. --eenheid 1000 schrijft het in duizenden, als elk bedrag
    heel is in duizenden (anders geweigerd, exit 2).

    Voorbeeld: begroting document GM1708 septembercirculaire-2020 --out septembercirculaire-2020.xlsx
    """
    from ledger.uitvoer import document_gegevens, schrijf_document

    check_out(out, DOCUMENT, force)
    gegevens = document_gegevens(omgeving(ctx).app, gemeente, bron_id, eenheid)
    schrijf_document(gegevens, out)
    n = len(gegevens["events"])
    melding = ngettext(
        "{out} geschreven: bron {bron} van {gemeente}, {n} event",
        "{out} geschreven: bron {bron} van {gemeente}, {n} events",
        n,
    )
    typer.echo(melding.format(out=out, bron=bron_id, gemeente=gemeente, n=n))
