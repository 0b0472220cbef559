"""`begroting snapshot`: freeze the jaarrekening figures; `snapshot verify` re-derives and compares."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from cli.app import app, omgeving
from cli.opties import AsOf, EenGemeente, RecordedBy, lees_datum, lees_moment
from cli.schrijven import wie
from taal import N_, _

snapshot_app = typer.Typer(invoke_without_command=True, no_args_is_help=False, rich_markup_mode=None)
app.add_typer(snapshot_app, name="snapshot")


@snapshot_app.callback()
def snapshot(
    ctx: typer.Context,
    gemeente: EenGemeente = None,
    jaar: Annotated[int | None, typer.Option("--jaar", "-j", help=N_("Het jaar van de jaarrekening."))] = None,
    as_of: AsOf = None,
    recorded_by: RecordedBy = None,
    out: Annotated[Path | None, typer.Option("--out", help=N_("Map waarin de snapshot komt."))] = None,
    force: Annotated[bool, typer.Option("--force", help=N_("Vervang een snapshot die al in --out staat."))] = False,
) -> None:
    """Leg de jaarrekeningcijfers van één jaar vast in snapshot.json, .xlsx, .md en report.html.

    De snapshot bevat het saldo (alle jaren), de diff tegen de begroting, de reserves,
    de pm-lijst en het journaal van de bijdragende events, de vraag, de hash van het
    laatste event dat hij zag, en een SHA-256 over de inhoud.

    Voorbeeld: begroting snapshot --gemeente GM1708 --jaar 2020 --as-of 2021-04-15 --out jaarrekening-2020
    Daarna:    begroting snapshot verify jaarrekening-2020/snapshot.json
    """
    if ctx.invoked_subcommand is not None:
        return
    if gemeente is None or jaar is None or as_of is None or out is None:
        raise typer.BadParameter(_("geef --gemeente, --jaar, --as-of en --out (of: snapshot verify BESTAND)"))
    from cli.lezen import vragen
    from cli.voortgang import voortgang
    from projections.snapshot import Snapshotvraag
    from reports.render import render

    check_snapshotmap(out, force)
    vraag = Snapshotvraag(gemeente, jaar, lees_datum(as_of), lees_moment(recorded_by))
    gemaakt = {"op": datetime.now(UTC).isoformat(), "door": wie(None)}
    bestanden = {"json": "snapshot.json", "xlsx": "snapshot.xlsx", "markdown": "snapshot.md", "html": "report.html"}
    with voortgang(_("snapshot maken"), 1 + len(bestanden)) as v:
        antwoord = vragen(ctx).snapshot(vraag, gemaakt)
        v.stap()
        out.mkdir(parents=True, exist_ok=True)
        for formaat, bestand in bestanden.items():
            render(antwoord, formaat, out / bestand)
            v.stap()
    melding = _(
        "snapshot {gemeente} {jaar} bekend op {as_of}: {out}/snapshot.json, snapshot.xlsx, snapshot.md, report.html\n"
        "sha256 {sha256}"
    )
    typer.echo(melding.format(gemeente=gemeente, jaar=jaar, as_of=as_of, out=out, sha256=antwoord.data["sha256"]))


def check_snapshotmap(out: Path, force: bool) -> None:
    """A directory that may be written, without an earlier snapshot in it unless --force says to replace it."""
    if out.exists() and not out.is_dir():
        raise typer.BadParameter(_("{out} is een bestand; --out noemt een map").format(out=out))
    if (out / "snapshot.json").exists() and not force:
        raise typer.BadParameter(
            _("{out} bevat al een snapshot; geef een andere --out, of --force om hem te vervangen").format(out=out)
        )
    bestaand = next((m for m in (out, *out.parents) if m.exists()), Path("."))
    if not os.access(bestaand, os.W_OK):
        raise typer.BadParameter(_("kan niet schrijven in {map}: niet schrijfbaar").format(map=bestaand))


@snapshot_app.command()
def verify(
    ctx: typer.Context,
    bestand: Annotated[Path, typer.Argument(help=N_("Een snapshot.json geschreven door `begroting snapshot`."))],
) -> None:
    """Leid een snapshot opnieuw af uit het grootboek met zijn eigen vraag en vergelijk; exit 1 bij een verschil.

    Voorbeeld: begroting snapshot verify jaarrekening-2020/snapshot.json
    """
    from events.errors import OngeldigeInvoer
    from projections.snapshot_keuring import lees_snapshot

    try:
        gegevens = lees_snapshot(bestand.read_bytes())
        uitslag = omgeving(ctx).reader.verifieer_snapshot(gegevens)
    except (OSError, ValueError, KeyError, TypeError) as fout:
        melding = _("geen snapshot geschreven door begroting ({fout})").format(fout=fout)
        raise OngeldigeInvoer(str(bestand), "", melding) from None
    from reports.snapshot_verify import regels

    for regel in regels(uitslag, str(bestand), gegevens.get("gemaakt", {}).get("op", "")):
        typer.echo(regel)
    if not uitslag.identiek:
        raise typer.Exit(1)
