"""Commands that write: record, correct, withdraw."""

from __future__ import annotations

import gc
import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from cli.app import app, omgeving
from cli.opties import Door, Reden
from taal import N_, _, ngettext

if TYPE_CHECKING:
    from documents.documenten import Document
    from ledger.application import Uitkomst


def wie(door: str | None) -> str:
    if door:
        return door
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekend"


def _bereik(ids: tuple[str, ...]) -> str:
    return ids[0] if len(ids) == 1 else f"{ids[0]} .. {ids[-1]}"


def verslag(uitkomst: Uitkomst) -> str:
    waar = f"{uitkomst.bestand}: " if uitkomst.bestand else ""
    if not uitkomst.nieuw:
        return _("ongewijzigd {waar}bron {bron} staat al met deze inhoud geboekt voor {gemeente}").format(
            waar=waar, bron=uitkomst.bron, gemeente=uitkomst.gemeente
        )
    n = len(uitkomst.event_ids)
    tekst = ngettext(
        "geboekt {waar}bron {bron} voor {gemeente}: {n} event ({ids})",
        "geboekt {waar}bron {bron} voor {gemeente}: {n} events ({ids})",
        n,
    )
    return tekst.format(waar=waar, bron=uitkomst.bron, gemeente=uitkomst.gemeente, n=n, ids=_bereik(uitkomst.event_ids))


def meld_waarschuwingen(documenten: list[Document], strikt: bool = False) -> None:
    """Print every warning; with --strict a warning is a refusal and nothing is written."""
    alle = [melding for doc in documenten for melding in doc.meldingen]
    if strikt:
        from documents.waarschuwing import weiger_bij_waarschuwing

        weiger_bij_waarschuwing(alle)
    for waarschuwing in alle:
        typer.echo(_("waarschuwing: {waarschuwing}").format(waarschuwing=waarschuwing), err=True)


EIGEN_PROCES = False
"""Set by the console script: the command has the process to itself, and it ends with the command."""


@contextmanager
def _minder_opruimen() -> Iterator[None]:
    """A record makes millions of short-lived objects. The collector need not walk, again each time, the
    objects that live as long as the command (modules, model schemas: most of its full collections), and
    can wait longer between young collections: a ledger's state grows until it is written, and at 7,000
    net allocations the young collections walked it 270 times in a 10,000-file record (0.8 s; 0.1 s at
    100,000, the same peak memory). Only in a process of its own: frozen, what a
    caller in the same process (a test) left unreachable would wait for a full collection that then comes
    rarely (closed engines holding their connections)."""
    if not EIGEN_PROCES:
        yield
        return
    drempels = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(100_000, 50, 10)
    try:
        yield
    finally:
        gc.set_threshold(*drempels)
        gc.unfreeze()


@app.command()
def record(
    ctx: typer.Context,
    bestanden: Annotated[
        list[str],
        typer.Argument(help=N_("Documenten in YAML, JSON of als werkboek (.xlsx, .ods)."), show_default=False),
    ],
    door: Door = None,
    strict: Annotated[bool, typer.Option("--strict", help=N_("Weiger elk document met een waarschuwing."))] = False,
) -> None:
    """Controleer brondocumenten en boek ze, alles in één transactie.

    Elk bestand wordt eerst gecontroleerd: is er één ongeldig, dan wordt niets geschreven (exit 2).
    Een document dat eerder met dezelfde inhoud geboekt is wordt overgeslagen (exit 0); hetzelfde
    bron-id met andere inhoud is een conflict (exit 3). Het waarschuwt waar een bedrag geen raming
    heeft om tegen te tellen, waar een opbouw niet optelt, en waar de eigen `controle` van het
    document afwijkt van wat de events doen; --strict weigert zulke documenten (exit 2, niets
    geschreven). Elk event bewaart zijn waarschuwingen: `events` en `explain` tonen ze.

    Voorbeeld: begroting record 01-begroting.yaml 03-septembercirculaire-2020.yaml --door j.jansen
    """
    from cli.voortgang import GevolgdeVoorraad, voortgang
    from ledger.voorraad import Voorraad

    with _minder_opruimen(), Voorraad(bestanden) as voorraad:  # the bytes read kept for a retry
        from checks.waarschuwer import Waarschuwingen
        from ledger.stroom import boek_bestanden

        with voortgang(_("grootboek bijwerken")):
            omgeving(ctx, schrijft=True).reader.catch_up()
        tabellen = omgeving(ctx).reader.read_models.read_tables
        with voortgang(_("documenten lezen"), len(bestanden)) as gevolgd:
            gedaan = boek_bestanden(  # each event keeps its warnings
                omgeving(ctx).app,
                GevolgdeVoorraad(voorraad, gevolgd),  # type: ignore[arg-type]
                wie(door),
                lambda v: Waarschuwingen(v, tabellen),
                strict,
            )
    for waarschuwing in gedaan.meldingen:  # once recorded: a refusal says enough on its own
        typer.echo(_("waarschuwing: {waarschuwing}").format(waarschuwing=waarschuwing), err=True)
    for afronding in gedaan.afrondingen:
        typer.echo(_("afronding: {afronding}").format(afronding=afronding))
    for uitkomst in gedaan.uitkomsten:
        typer.echo(verslag(uitkomst))
    n, documenten = gedaan.nieuw, len(gedaan.uitkomsten)
    if n:
        uit = ngettext("{n} document", "{n} documenten", documenten).format(n=documenten)
        typer.echo(ngettext("{n} event geboekt uit {uit}", "{n} events geboekt uit {uit}", n).format(n=n, uit=uit))
    else:
        typer.echo(
            ngettext(
                "niets nieuws: het document stond al geboekt",
                "niets nieuws: alle {n} documenten stonden al geboekt",
                documenten,
            ).format(n=documenten)
        )


@app.command()
def correct(
    ctx: typer.Context,
    event_id: Annotated[
        str, typer.Argument(help=N_("Het event dat vervangen wordt, zoals GM1708-0004."), show_default=False)
    ],
    bestand: Annotated[str, typer.Argument(help=N_("Een document met precies één event van hetzelfde type."))],
    reden: Reden,
    door: Door = None,
) -> None:
    """Boek een vervanging van een eerder event; het origineel blijft in het grootboek.

    Op de kennisas telt de vervanging vanaf de bekend_op van het origineel (tenzij ze
    een eigen noemt); op de transactieas vanaf nu, zodat `--recorded-by` vóór nu nog
    het origineel toont.

    Voorbeeld: begroting correct GM1708-0004 circulaire-hersteld.yaml --reden "AU 2021 is 77.891, niet 78.891"
    """
    from documents.documenten import lees_document

    app = omgeving(ctx).app
    document = lees_document(bestand, bekend_op=app.bekend_op_van(event_id))
    meld_waarschuwingen([document])
    uitkomst = app.corrigeer(event_id, document, reden, wie(door))
    if uitkomst.nieuw:
        typer.echo(
            _("geboekt {id}: correctie van {event_id} ({reden})").format(
                id=uitkomst.event_ids[0], event_id=event_id, reden=reden
            )
        )
    else:
        typer.echo(_("ongewijzigd: {event_id} staat al zoals dit document zegt").format(event_id=event_id))


@app.command()
def withdraw(
    ctx: typer.Context,
    event_id: Annotated[
        str, typer.Argument(help=N_("Het event dat ingetrokken wordt, zoals GM1708-0017."), show_default=False)
    ],
    reden: Reden,
    door: Door = None,
) -> None:
    """Trek een eerder event in: vanaf nu telt het niet meer; vóór nu is het nog te zien.

    Wie een correctie intrekt, krijgt de versie terug die zij verving.

    Voorbeeld: begroting withdraw GM1708-0017 --reden "beschikking ingetrokken door SZW"
    """
    uitkomst = omgeving(ctx).app.trek_in(event_id, reden, wie(door))
    typer.echo(
        _("geboekt {id}: intrekking van {event_id} ({reden})").format(
            id=uitkomst.event_ids[0], event_id=event_id, reden=reden
        )
    )
