"""The auditor's commands: verify, heads (a receipt of every chain) and seal-key new."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cli.app import app, omgeving

if TYPE_CHECKING:
    from projections.controle import Controle

ZONDER_SLEUTEL = "no seal key: --seal-key FILE or BEGROTING_SEAL_KEY_FILE"


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
    from ledger.koppen import lees_koppen
    from projections.controle import controleer

    omg = omgeving(ctx)
    ontvangst = None if heads is None else lees_koppen(heads)
    controle = controleer(omg.app, omg.zegelsleutel, ontvangst)
    for regel in [*_keten(controle), *_zegels(controle), *_rest(controle, heads)]:
        typer.echo(regel)
    typer.echo("verify: OK" if controle.in_orde else "verify: FAILED")
    if not controle.in_orde:
        raise typer.Exit(1)


def _keten(c: Controle) -> list[str]:
    k = c.keten
    regels = [f"hash chain: {k.events} events checked, {len(k.breuken)} broken stream(s)"]
    regels += [f"  BROKEN at {b.event}: {b.melding}" for b in k.breuken]
    return regels + [f"  UNDECODABLE {b.event}: {b.melding}" for b in k.onleesbaar]


def _zegels(c: Controle) -> list[str]:
    k = c.keten
    if c.zegel_gecontroleerd:
        kop = f"seals: {k.verzegeld} sealed event(s) checked, {len(k.zegelbreuken)} missing or wrong"
    else:
        kop = f"seals: not checked ({ZONDER_SLEUTEL}); {k.verzegeld} event(s) carry a seal"
    regels = [kop] + [f"  SEAL {b.event}: {b.melding}" for b in k.zegelbreuken]
    for s in sorted(k.stromen.values(), key=lambda s: s.naam):
        if s.onverzegeld and c.zegel_gecontroleerd:
            regels.append(f"  unsealed, recorded before the ledger was sealed: {s.naam}-0001..{s.onverzegeld:04d}")
    return regels


def _rest(c: Controle, heads: Path | None) -> list[str]:
    regels = []
    if c.koppen is not None:
        regels.append(f"heads: checked against {heads}, {len(c.koppen)} gemeente(n) no longer hold it")
        regels += [f"  HEAD {b.event}: {b.melding}" for b in c.koppen]
    regels.append("triggers: " + ("the append-only triggers stand" if not c.triggers else "NOT all in place"))
    regels += [f"  TRIGGER {t}" for t in c.triggers]
    if c.herbouw_fout:
        return [*regels, f"read models: NOT compared: {c.herbouw_fout}"]
    regels.append("read models: " + ", ".join(f"{naam} {n} rows" for naam, n in c.rijen.items()))
    for v in c.verschillen:
        regels.append(f"  DIFFERS {v.tabel}: {v.alleen_live} row(s) only live, {v.alleen_herbouwd} only in the rebuild")
        regels += [f"    {voorbeeld}" for voorbeeld in v.voorbeelden]
    return regels


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
    from ledger.integriteit import controleer_hashchains
    from ledger.koppen import koppen

    if out.exists():
        typer.echo(f"error: {out}: exists already; a receipt is never overwritten", err=True)
        raise typer.Exit(2)
    controle = controleer_hashchains(omgeving(ctx).app.recorder)
    if controle.breuken:
        for b in controle.breuken:
            typer.echo(f"  BROKEN at {b.event}: {b.melding}", err=True)
        typer.echo("error: a hash chain is broken: no receipt written (run verify)", err=True)
        raise typer.Exit(1)
    inhoud = koppen(controle)
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
