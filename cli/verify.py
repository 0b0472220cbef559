"""The auditor's commands: verify, heads (a receipt of every chain) and seal-key new."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from cli.app import app, omgeving


@app.command()
def verify(
    ctx: typer.Context,
    heads: Annotated[
        Path | None, typer.Option("--heads", help="A receipt written by `begroting heads`: the chains must hold it.")
    ] = None,
) -> None:
    """Check the event store and rebuild every read model from the events to compare.

    Checks the hash chain of every stream; the seals, with --seal-key (an
    event recorded before the ledger was sealed is reported as unsealed);
    with --heads, that every gemeente's chain still holds the receipt's
    version and hash; that the append-only triggers exist and are enabled;
    and that every event can be decoded. Prints what is wrong and exits 1;
    exit 0 means everything holds.

    Example: begroting --seal-key /etc/begroting/zegel.key verify --heads heads-2021-04-15.json
    """
    from cli.voortgang import voortgang
    from ledger.bonnen import lees_bonnen
    from projections.verify import controleer
    from reports.verify import regels

    omg = omgeving(ctx)
    ontvangst = None if heads is None else lees_bonnen(heads)
    with voortgang("controleren: ketens, zegels en de leesmodellen opnieuw opgebouwd"):
        controle = controleer(omg.app, omg.zegelsleutel, ontvangst)
    for regel in regels(controle, heads):
        typer.echo(regel)
    if not controle.in_orde:
        raise typer.Exit(1)


@app.command()
def heads(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option("--out", help="The receipt file to write (JSON); never overwritten.")],
) -> None:
    """Write a receipt: per gemeente the last event, its version, hash and seal.

    Keep it outside the database (with the jaarrekening dossier); a later
    `verify --heads FILE` fails when a chain was rewritten or truncated
    since. Nothing is written while a chain is broken.

    Example: begroting heads --out heads-2021-04-15.json
    """
    from ledger.bonnen import bonnen
    from ledger.verify import controleer_hashchains

    if out.exists():
        typer.echo(f"error: {out}: exists already; a receipt is never overwritten", err=True)
        raise typer.Exit(2)
    controle = controleer_hashchains(omgeving(ctx).app.recorder)
    if controle.breuken:
        for b in controle.breuken:
            typer.echo(f"  BROKEN at {b.event}: {b.melding}", err=True)
        typer.echo("error: a hash chain is broken: no receipt written (run verify)", err=True)
        raise typer.Exit(1)
    inhoud = bonnen(controle)
    out.write_text(json.dumps(inhoud, indent=2) + "\n", encoding="utf-8")
    typer.echo(f"{len(inhoud['heads'])} gemeente(n) written to {out}")


seal_key_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None)
app.add_typer(
    seal_key_app,
    name="seal-key",
    help="The seal key, kept outside the database.\n\nExample: begroting seal-key new /etc/begroting/zegel.key",
)


@seal_key_app.command("new")
def seal_key_new(
    bestand: Annotated[Path, typer.Argument(help="Where to write the key (mode 0600); an existing file is refused.")],
) -> None:
    """Make a new seal key: 32 random bytes, as hex, readable by its owner only.

    Record with it (--seal-key FILE or BEGROTING_SEAL_KEY_FILE) and every
    event carries a seal that only the key can make; keep it away from
    whoever administers the database.

    Example: begroting seal-key new /etc/begroting/zegel.key
    """
    from ledger.zegelsleutel import nieuwe_sleutel

    nieuwe_sleutel(bestand)
    typer.echo(f"seal key written to {bestand} (mode 0600)")
