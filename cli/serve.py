"""`begroting serve` (the ledger in the browser) and `begroting user` (who may use it, in which role)."""

from __future__ import annotations

import ipaddress
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from cli.app import app, omgeving
from cli.beheer import zonder_wachtwoord
from web.rollen import Rol

if TYPE_CHECKING:
    from web.gebruikers import Gebruikers


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def gebruikers(ctx: typer.Context) -> Gebruikers:
    from web.gebruikers import Gebruikers

    return Gebruikers(omgeving(ctx, schrijft=True).app.factory.datastore.engine)


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the ledger to a browser: saldo, diff, history and audit trail, journal, reserves, record.

    Every page's question is in its URL (?bekend_op=DATE&geboekt_op=MOMENT&jaren=2020-2024);
    ?format=json gives the CLI's JSON. Without any user it listens on the loopback address only
    and acts as your OS user; with users, everyone logs in (see `begroting user add`).

    Example: begroting --db sqlite:///begroting.db serve --port 8000
    """
    import uvicorn

    from web.app import maak_app
    from web.sessie import os_gebruiker

    omg = omgeving(ctx)
    if not gebruikers(ctx).bestaan():
        if not is_loopback(host):
            typer.echo(f"error: no users yet: serve listens on the loopback address only, not {host}, until", err=True)
            typer.echo("`begroting user add NAME --role beheerder` has made one", err=True)
            raise typer.Exit(2)
        typer.echo(f"no users yet: acting as {os_gebruiker()}, on this machine only")
    typer.echo(f"serving {zonder_wachtwoord(omg.app.factory.datastore.engine.url.render_as_string())}")
    typer.echo(f"open http://{f'[{host}]' if ':' in host else host}:{port}/")
    uvicorn.run(maak_app(omg.app), host=host, port=port, log_level="warning")


user_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None)
app.add_typer(
    user_app,
    name="user",
    help="The users of `serve` and their roles.\n\nExample: begroting user add j.jansen --role controller",
)


def lees_wachtwoord() -> str:
    """From the terminal (asked twice), or the first line of standard input."""
    if sys.stdin.isatty():
        wachtwoord = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    else:
        wachtwoord = sys.stdin.readline().rstrip("\r\n")
    return wachtwoord


@user_app.command("add")
def user_add(
    ctx: typer.Context,
    naam: Annotated[str, typer.Argument(help="The user name, as it will stand in geboekt_door.")],
    role: Annotated[Rol, typer.Option("--role", help="auditor reads; controller also records; beheerder too.")],
) -> None:
    """Add a user; the password is read from standard input and kept as an argon2 hash.

    Example: printf '%s\\n' "$WACHTWOORD" | begroting user add j.jansen --role controller
    """
    gebruiker = gebruikers(ctx).voeg_toe(naam, role, lees_wachtwoord())
    typer.echo(f"user {gebruiker.naam} added as {gebruiker.rol.value}")


@user_app.command("list")
def user_list(ctx: typer.Context) -> None:
    """The users, their roles, and whether they are disabled.

    Example: begroting user list
    """
    for g in gebruikers(ctx).alle():
        typer.echo(f"{g.naam}\t{g.rol.value}\t{'active' if g.actief else 'disabled'}")


@user_app.command("disable")
def user_disable(
    ctx: typer.Context, naam: Annotated[str, typer.Argument(help="The user to disable; they stay in the list.")]
) -> None:
    """Disable a user: their sessions end at their next request and they can no longer log in.

    Example: begroting user disable j.jansen
    """
    gebruikers(ctx).schakel_uit(naam)
    typer.echo(f"user {naam} disabled")
