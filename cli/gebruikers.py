"""`begroting user`: who may use `serve`, in which role, for which gemeenten, and their sessions.

These commands act as the operating-system user, as every command does: they write no security events.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from cli.app import app, omgeving
from cli.serve import gebruikers
from taal import N_, _, ngettext
from web.rollen import Rol

user_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None)
app.add_typer(
    user_app,
    name="user",
    help=N_("De gebruikers van `serve` en hun rollen.\n\nVoorbeeld: begroting user add j.jansen --role controller"),
)


def lees_wachtwoord() -> str:
    """From the terminal (asked twice), or the first line of standard input."""
    if sys.stdin.isatty():
        wachtwoord = typer.prompt(_("wachtwoord"), hide_input=True, confirmation_prompt=True)
    else:
        wachtwoord = sys.stdin.readline().rstrip("\r\n")
    return wachtwoord


@user_app.command("add")
def user_add(
    ctx: typer.Context,
    naam: Annotated[str, typer.Argument(help=N_("De gebruikersnaam, zoals die in geboekt_door komt te staan."))],
    role: Annotated[Rol, typer.Option("--role", help=N_("auditor leest; controller boekt ook; beheerder ook."))],
    gemeenten: Annotated[
        str | None,
        typer.Option("--gemeenten", help=N_("Alleen deze gemeenten, zoals GM0363,GM1708 (standaard: alle).")),
    ] = None,
) -> None:
    """Voeg een gebruiker toe; het wachtwoord wordt van standaardinvoer gelezen en als argon2-hash bewaard.

    Met --gemeenten geldt de rol alleen voor die gemeenten: andere worden bij lezen niet
    gevonden (404) en bij schrijven geweigerd (403).

    Voorbeeld: printf '%s\\n' "$WACHTWOORD" | begroting user add j.jansen --role controller --gemeenten GM0363
    """
    from web.gebruikers import lees_bereik

    bereik = lees_bereik(gemeenten)
    gebruiker = gebruikers(ctx).voeg_toe(naam, role, lees_wachtwoord(), bereik)
    typer.echo(
        _("gebruiker {naam} toegevoegd als {rol} voor {bereik}").format(
            naam=gebruiker.naam, rol=gebruiker.rol.value, bereik=bereik_tekst(gebruiker.gemeenten)
        )
    )


def bereik_tekst(gemeenten: frozenset[str] | None) -> str:
    return _("alle gemeenten") if gemeenten is None else ",".join(sorted(gemeenten))


@user_app.command("list")
def user_list(ctx: typer.Context) -> None:
    """De gebruikers, hun rollen, of ze uitgeschakeld zijn, en hun gemeenten.

    Voorbeeld: begroting user list
    """
    for g in gebruikers(ctx).alle():
        staat = _("actief") if g.actief else _("uitgeschakeld")
        typer.echo(f"{g.naam}\t{g.rol.value}\t{staat}\t{bereik_tekst(g.gemeenten)}")


@user_app.command("disable")
def user_disable(
    ctx: typer.Context,
    naam: Annotated[str, typer.Argument(help=N_("De gebruiker die uitgeschakeld wordt; hij blijft in de lijst."))],
) -> None:
    """Schakel een gebruiker uit: de sessies eindigen direct en inloggen kan niet meer.

    Voorbeeld: begroting user disable j.jansen
    """
    geeindigd = gebruikers(ctx).schakel_uit(naam)
    typer.echo(
        _("gebruiker {naam} uitgeschakeld; {sessies} beëindigd").format(naam=naam, sessies=sessies_tekst(geeindigd))
    )


@user_app.command("password")
def user_password(
    ctx: typer.Context, naam: Annotated[str, typer.Argument(help=N_("De gebruiker wiens wachtwoord verandert."))]
) -> None:
    """Stel een nieuw wachtwoord in, van standaardinvoer gelezen zoals `user add` het leest; de sessies eindigen direct.

    Voorbeeld: printf '%s\\n' "$NIEUW_WACHTWOORD" | begroting user password j.jansen
    """
    geeindigd = gebruikers(ctx).wijzig_wachtwoord(naam, lees_wachtwoord())
    typer.echo(
        _("wachtwoord van {naam} gewijzigd; {sessies} beëindigd").format(naam=naam, sessies=sessies_tekst(geeindigd))
    )


sessions_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None)
user_app.add_typer(
    sessions_app,
    name="sessions",
    help=N_("De sessies van de gebruikers in `serve`.\n\nVoorbeeld: begroting user sessions end j.jansen"),
)


@sessions_app.command("end")
def user_sessions_end(
    ctx: typer.Context, naam: Annotated[str, typer.Argument(help=N_("De gebruiker wiens sessies eindigen."))]
) -> None:
    """Beëindig alle sessies van een gebruiker (verloren laptop, gedeeld scherm): het volgende verzoek logt weer in.

    Voorbeeld: begroting user sessions end j.jansen
    """
    from web.sessies import Sessies

    if not any(g.naam == naam for g in gebruikers(ctx).alle()):
        typer.echo(_("fout: er is geen gebruiker {naam}").format(naam=naam), err=True)
        raise typer.Exit(2)
    geeindigd = Sessies(omgeving(ctx).app.factory.datastore.engine).beeindig_van(naam, "beheer")
    typer.echo(_("{sessies} van {naam} beëindigd").format(sessies=sessies_tekst(geeindigd), naam=naam))


def sessies_tekst(aantal: int) -> str:
    return ngettext("{n} sessie", "{n} sessies", aantal).format(n=aantal)
