"""Documents as spreadsheets: `template` writes an empty workbook for an event type, `document` a recorded one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.app import app, omgeving
from cli.opties import lees_gemeente

WERKBOEK = (".xlsx", ".ods")
DOCUMENT = (*WERKBOEK, ".yaml", ".yml")


def check_out(out: Path, soorten: tuple[str, ...], force: bool) -> None:
    """A file of a kind we write, not replacing one that is there unless --force says so (as `snapshot`)."""
    if out.suffix.lower() not in soorten:
        raise typer.BadParameter(f"{out} should end in {', '.join(soorten)}", param_hint="--out")
    if out.exists() and not force:
        raise typer.BadParameter(f"{out} exists already; give another --out, or --force to replace it")


Out = Annotated[Path, typer.Option("--out", help="The file to write.", show_default=False)]
Force = Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")]


@app.command()
def template(
    type_naam: Annotated[str, typer.Argument(metavar="TYPE", help="An event type, like circulaire.")],
    out: Out,
    jaren: Annotated[
        str | None, typer.Option("--jaren", help="The years across, like 2021-2025 (default: this year and 4 more).")
    ] = None,
    force: Force = False,
) -> None:
    """Write an empty, annotated workbook for one event type: fill it in and record it.

    Sheet `bron` has the document's key/value rows, sheet `1 TYPE` the
    event's; every key and column has a hint (a cell comment), fixed choices a
    list, and the years run across. Copy the event sheet (`2 TYPE`, ...) for
    more events, or add sheets of other types.

    Example: begroting template circulaire --out septembercirculaire-2021.xlsx --jaren 2021-2025
    """
    from documents.werkboek_bestanden import schrijf_xlsx
    from documents.werkboek_writer import sjabloon, vandaag_jaren
    from events.registry import model_van

    model_van(type_naam)
    check_out(out, (".xlsx",), force)
    schrijf_xlsx(sjabloon(type_naam, _jaren(jaren) if jaren else vandaag_jaren()), out)
    typer.echo(f"wrote {out}: an empty {type_naam} document")


def _jaren(tekst: str) -> list[int]:
    van, _, tot = tekst.partition("-")
    if not (van.isdigit() and (tot or van).isdigit() and int(van) <= int(tot or van) <= int(van) + 50):
        raise typer.BadParameter(f"{tekst!r} is not a range of years like 2021-2025", param_hint="--jaren")
    return list(range(int(van), int(tot or van) + 1))


@app.command()
def document(
    ctx: typer.Context,
    gemeente: Annotated[
        str, typer.Argument(callback=lees_gemeente, help="CBS code or name, like GM1708.", show_default=False)
    ],
    bron_id: Annotated[str, typer.Argument(help="The bron id of a recorded document.", show_default=False)],
    out: Out,
    force: Force = False,
) -> None:
    """Write a recorded document back out, as a workbook (.xlsx, .ods) or YAML, amounts in euros.

    It holds the bron and its events as the ledger stored them (corrections
    are documents of their own); recording the file again changes nothing.

    Example: begroting document GM1708 septembercirculaire-2020 --out septembercirculaire-2020.xlsx
    """
    from ledger.uitvoer import document_gegevens, schrijf_document

    check_out(out, DOCUMENT, force)
    gegevens = document_gegevens(omgeving(ctx).app, gemeente, bron_id)
    schrijf_document(gegevens, out)
    n = len(gegevens["events"])
    typer.echo(f"wrote {out}: bron {bron_id} of {gemeente}, {n} event{'s' * (n != 1)}")
