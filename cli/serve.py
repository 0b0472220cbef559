"""`begroting serve`: the ledger in the browser (who may use it: `begroting user`, in cli/gebruikers.py)."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cli.app import app, omgeving
from cli.beheer import zonder_wachtwoord
from taal import N_, _

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
    host: Annotated[str, typer.Option("--host", help=N_("Adres om op te luisteren."))] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help=N_("Poort om op te luisteren."))] = 8000,
    trusted_proxy: Annotated[
        list[str] | None,
        typer.Option(
            "--trusted-proxy", help=N_("Een proxy (IP of netwerk) wiens X-Forwarded-For/-Proto geloofd worden.")
        ),
    ] = None,
    security_log: Annotated[
        Path | None,
        typer.Option(
            "--security-log", help=N_("Voeg beveiligingsgebeurtenissen (JSON-regels) hier toe; standaard stderr.")
        ),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help=N_("Werkprocessen."))] = 1,
    header_timeout: Annotated[
        float,
        typer.Option(
            "--header-timeout", min=0.1, help=N_("Seconden waarin de headers van een verzoek binnen moeten zijn.")
        ),
    ] = 10.0,
    body_timeout: Annotated[
        float,
        typer.Option("--body-timeout", min=0.1, help=N_("Seconden waarin de body van een verzoek binnen moet zijn.")),
    ] = 60.0,
) -> None:
    """Toon het grootboek in een browser: saldo, diff, verloop en controlespoor, journaal, reserves, boeken.

    De vraag van elke pagina staat in haar URL (?bekend_op=DATUM&geboekt_op=MOMENT&jaren=2020-2024);
    ?format=json geeft de JSON van de CLI. Zonder gebruikers luistert hij alleen op het loopbackadres
    en handelt als uw OS-gebruiker; met gebruikers logt iedereen in (zie `begroting user add`). Achter
    een TLS-proxy: noem die met --trusted-proxy; GET /health antwoordt 200 zolang de database dat doet.

    Voorbeeld: begroting --db sqlite:///begroting.db serve --port 8000 --workers 2 --trusted-proxy 127.0.0.1
    """
    import uvicorn

    from web.server import Instellingen

    omg = omgeving(ctx)
    vertrouwd = [_proxy(adres) for adres in trusted_proxy or []]
    _open_of_alleen_hier(ctx, host)
    if security_log is not None:
        _schrijfbaar(security_log)
    sleutel = str(omg.zegelsleutel_pad.resolve()) if omg.zegelsleutel_pad else None
    logboek = str(security_log.resolve()) if security_log else None
    Instellingen(omg.db, sleutel, logboek, vertrouwd, header_timeout, body_timeout).bewaar()
    typer.echo(_("serveert {db}").format(db=zonder_wachtwoord(omg.app.factory.datastore.engine.url.render_as_string())))
    typer.echo(_("open {url}").format(url=f"http://{f'[{host}]' if ':' in host else host}:{port}/"))
    omg.app.factory.datastore.engine.dispose()  # each worker opens its own
    uvicorn.run(
        "web.server:fabriek", factory=True, host=host, port=port, workers=workers, http="web.server:Termijnprotocol",
        proxy_headers=False, log_level="warning",
    )  # fmt: skip


def _proxy(adres: str) -> str:
    try:
        return str(ipaddress.ip_network(adres, strict=False))
    except ValueError:
        typer.echo(
            _("fout: --trusted-proxy {adres} is geen IP-adres of netwerk (10.0.0.5, 10.0.0.0/24)").format(
                adres=repr(adres)
            ),
            err=True,
        )
        raise typer.Exit(2) from None


def _schrijfbaar(pad: Path) -> None:
    try:
        pad.open("a", encoding="utf-8").close()
    except OSError as fout:
        typer.echo(_("fout: --security-log {pad}: {reden}").format(pad=pad, reden=fout.strerror), err=True)
        raise typer.Exit(2) from None


def _open_of_alleen_hier(ctx: typer.Context, host: str) -> None:
    """Without users the server is open (the OS user) and so listens on the loopback address only."""
    from web.sessie import os_gebruiker

    if gebruikers(ctx).bestaan():
        return
    if not is_loopback(host):
        typer.echo(
            _("fout: nog geen gebruikers: serve luistert alleen op het loopbackadres, niet op {host}, totdat").format(
                host=host
            ),
            err=True,
        )
        typer.echo(_("`begroting user add NAAM --role beheerder` er een heeft gemaakt"), err=True)
        raise typer.Exit(2)
    typer.echo(_("nog geen gebruikers: handelt als {wie}, alleen op deze machine").format(wie=os_gebruiker()))
