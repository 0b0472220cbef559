"""`begroting serve`: the ledger in the browser (who may use it: `begroting user`, in cli/gebruikers.py)."""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING, Annotated

import typer

from cli.app import app, omgeving
from cli.beheer import zonder_wachtwoord

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
