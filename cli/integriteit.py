"""The auditor's commands: verify, heads (a receipt of every chain) and seal-key new."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from cli.app import app, omgeving
from taal import N_, _, ngettext


@app.command()
def verify(
    ctx: typer.Context,
    heads: Annotated[
        Path | None,
        typer.Option(
            "--heads",
            help=N_("Een ontvangstbewijs van `begroting heads`: de ketens moeten het bevatten."),
        ),
    ] = None,
) -> None:
    """Controleer de eventopslag en bouw elk leesmodel opnieuw op uit de events om te vergelijken.

    Controleert de hashketen van elke stroom; de zegels, met --seal-key (een event
    geboekt voordat het grootboek verzegeld werd heet onverzegeld); met --heads, dat de
    keten van elke gemeente nog de versie en hash van het ontvangstbewijs bevat; dat de
    alleen-toevoegen-triggers bestaan en aan staan; en dat elk event te lezen is. Meldt
    wat er mis is en eindigt met 1; 0 betekent dat alles klopt.

    Voorbeeld: begroting --seal-key /etc/begroting/zegel.key verify --heads heads-2021-04-15.json
    """
    from cli.voortgang import voortgang
    from ledger.koppen import lees_koppen
    from projections.controle import controleer
    from reports.verify import regels

    omg = omgeving(ctx)
    ontvangst = None if heads is None else lees_koppen(heads)
    with voortgang(_("controleren: ketens, zegels en de leesmodellen opnieuw opgebouwd")):
        controle = controleer(omg.app, omg.zegelsleutel, ontvangst)
    for regel in regels(controle, heads):
        typer.echo(regel)
    if not controle.in_orde:
        raise typer.Exit(1)


@app.command()
def heads(
    ctx: typer.Context,
    out: Annotated[
        Path, typer.Option("--out", help=N_("Het ontvangstbewijs dat geschreven wordt (JSON); nooit overschreven."))
    ],
) -> None:
    """Schrijf een ontvangstbewijs: per gemeente het laatste event, zijn versie, hash en zegel.

    Bewaar het buiten de database (bij het jaarrekeningdossier); een latere
    `verify --heads BESTAND` faalt als een keten sindsdien herschreven of ingekort is.
    Zolang een keten gebroken is wordt niets geschreven.

    Voorbeeld: begroting heads --out heads-2021-04-15.json
    """
    from ledger.integriteit import controleer_hashchains
    from ledger.koppen import koppen

    if out.exists():
        typer.echo(_("fout: {out}: bestaat al; een ontvangstbewijs wordt nooit overschreven").format(out=out), err=True)
        raise typer.Exit(2)
    controle = controleer_hashchains(omgeving(ctx).app.recorder)
    if controle.breuken:
        for b in controle.breuken:
            typer.echo("  " + _("GEBROKEN bij {event}: {melding}").format(event=b.event, melding=b.melding), err=True)
        typer.echo(_("fout: een hashketen is gebroken: geen ontvangstbewijs geschreven (draai verify)"), err=True)
        raise typer.Exit(1)
    inhoud = koppen(controle)
    out.write_text(json.dumps(inhoud, indent=2) + "\n", encoding="utf-8")
    n = len(inhoud["heads"])
    typer.echo(
        ngettext("{n} gemeente geschreven naar {out}", "{n} gemeenten geschreven naar {out}", n).format(n=n, out=out)
    )


seal_key_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None)
app.add_typer(
    seal_key_app,
    name="seal-key",
    help=N_(
        "De zegelsleutel, bewaard buiten de database.\n\nVoorbeeld: begroting seal-key new /etc/begroting/zegel.key"
    ),
)


@seal_key_app.command("new")
def seal_key_new(
    bestand: Annotated[
        Path, typer.Argument(help=N_("Waar de sleutel komt (modus 0600); een bestaand bestand wordt geweigerd."))
    ],
) -> None:
    """Maak een nieuwe zegelsleutel: 32 willekeurige bytes, hexadecimaal, alleen leesbaar voor de eigenaar.

    Boek ermee (--seal-key BESTAND of BEGROTING_SEAL_KEY_FILE) en elk event draagt een
    zegel dat alleen de sleutel kan maken; houd hem weg bij wie de database beheert.

    Voorbeeld: begroting seal-key new /etc/begroting/zegel.key
    """
    from ledger.zegelsleutel import nieuwe_sleutel

    nieuwe_sleutel(bestand)
    typer.echo(_("zegelsleutel geschreven naar {bestand} (modus 0600)").format(bestand=bestand))
