"""`begroting user`: who may use `serve`, in which role, for which gemeenten, and their sessions.

These commands act as the operating-system user, as every command does: they write no security events.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from cli.app import app, omgeving
from cli.serve import gebruikers
from web.rollen import Rol

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
    gemeenten: Annotated[
        str | None, typer.Option("--gemeenten", help="Only these gemeenten, like GM0363,GM1708 (default: all).")
    ] = None,
) -> None:
    """Add a user; the password is read from standard input and kept as an argon2 hash.

    With --gemeenten the role holds for those gemeenten only: others are not found (404)
    for reading and refused (403) for writing.

    Example: printf '%s\\n' "$WACHTWOORD" | begroting user add j.jansen --role controller --gemeenten GM0363
    """
    from web.gebruikers import lees_bereik

    bereik = lees_bereik(gemeenten)
    gebruiker = gebruikers(ctx).voeg_toe(naam, role, lees_wachtwoord(), bereik)
    typer.echo(f"user {gebruiker.naam} added as {gebruiker.rol.value} for {bereik_tekst(gebruiker.gemeenten)}")


def bereik_tekst(gemeenten: frozenset[str] | None) -> str:
    return "all gemeenten" if gemeenten is None else ",".join(sorted(gemeenten))


@user_app.command("list")
def user_list(ctx: typer.Context) -> None:
    """The users, their roles, whether they are disabled, and their gemeenten.

    Example: begroting user list
    """
    for g in gebruikers(ctx).alle():
        typer.echo(f"{g.naam}\t{g.rol.value}\t{'active' if g.actief else 'disabled'}\t{bereik_tekst(g.gemeenten)}")


@user_app.command("disable")
def user_disable(
    ctx: typer.Context, naam: Annotated[str, typer.Argument(help="The user to disable; they stay in the list.")]
) -> None:
    """Disable a user: their sessions end at once and they can no longer log in.

    Example: begroting user disable j.jansen
    """
    geeindigd = gebruikers(ctx).schakel_uit(naam)
    typer.echo(f"user {naam} disabled; {sessies_tekst(geeindigd)} ended")


@user_app.command("password")
def user_password(
    ctx: typer.Context, naam: Annotated[str, typer.Argument(help="The user whose password changes.")]
) -> None:
    """Set a new password, read from standard input as `user add` reads it; the user's sessions end at once.

    Example: printf '%s\\n' "$NIEUW_WACHTWOORD" | begroting user password j.jansen
    """
    geeindigd = gebruikers(ctx).wijzig_wachtwoord(naam, lees_wachtwoord())
    typer.echo(f"password of {naam} changed; {sessies_tekst(geeindigd)} ended")


sessions_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None)
user_app.add_typer(
    sessions_app,
    name="sessions",
    help="The users' sessions in `serve`.\n\nExample: begroting user sessions end j.jansen",
)


@sessions_app.command("end")
def user_sessions_end(
    ctx: typer.Context, naam: Annotated[str, typer.Argument(help="The user whose sessions end.")]
) -> None:
    """End every session of a user at once (a lost laptop, a shared screen): their next request logs in again.

    Example: begroting user sessions end j.jansen
    """
    from web.sessies import Sessies

    if not any(g.naam == naam for g in gebruikers(ctx).alle()):
        typer.echo(f"error: there is no user {naam}", err=True)
        raise typer.Exit(2)
    geeindigd = Sessies(omgeving(ctx).app.factory.datastore.engine).beeindig_van(naam, "beheer")
    typer.echo(f"{sessies_tekst(geeindigd)} of {naam} ended")


def sessies_tekst(aantal: int) -> str:
    return f"{aantal} session{'' if aantal == 1 else 's'}"
