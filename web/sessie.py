"""Who is asking, and whether they may: the session's user, its CSRF token, the role's rights.

Without any user the server runs on the loopback address only and acts as the operating-system user,
with every right (as the CLI does on the same machine).
"""

from __future__ import annotations

import getpass
import secrets

from starlette.requests import Request

from web.gebruikers import Gebruiker, Gebruikers, Rol

LOOPBACK_NAMEN = {"127.0.0.1", "localhost", "::1", "[::1]"}


class Geweigerd(Exception):
    """Not allowed: shown with status 403, and nothing changed."""


class NietIngelogd(Exception):
    """Users exist and this request has none: to the login page."""


def os_gebruiker() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekend"


def gebruikers(request: Request) -> Gebruikers:
    return request.app.state.gebruikers


def is_open(request: Request) -> bool:
    """No user exists (yet): asked once per request, so the first `user add` closes a running server."""
    if not hasattr(request.state, "open"):
        request.state.open = not gebruikers(request).bestaan()
    return request.state.open


def wie(request: Request) -> Gebruiker | None:
    """The user of this request: the OS user while there are no users, else the session's, if still active."""
    if is_open(request):
        if request.url.hostname not in LOOPBACK_NAMEN:
            # DNS rebinding: a web page elsewhere could otherwise reach this server through a name of its own
            raise Geweigerd("zonder gebruikers antwoordt deze server alleen op 127.0.0.1 of localhost")
        return Gebruiker(os_gebruiker(), Rol.beheerder)
    naam = request.session.get("naam")
    return None if naam is None else gebruikers(request).zoek(naam)


def vereist(request: Request) -> Gebruiker:
    gebruiker = wie(request)
    if gebruiker is None:
        raise NietIngelogd()
    return gebruiker


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if token is None:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


def check_csrf(request: Request, gegeven: object) -> None:
    verwacht = request.session.get("csrf")
    if not (isinstance(gegeven, str) and verwacht and secrets.compare_digest(gegeven, verwacht)):
        raise Geweigerd("het formulier is verlopen of niet van deze sessie (CSRF): er is niets veranderd")


def mag_boeken(request: Request) -> Gebruiker:
    gebruiker = vereist(request)
    if not gebruiker.rol.mag_boeken:
        raise Geweigerd(f"{gebruiker.naam} is {gebruiker.rol.value}: die rol leest alleen; er is niets veranderd")
    return gebruiker


def nieuwe_sessie(request: Request, gebruiker: Gebruiker) -> None:
    """At login everything of the session before is dropped: a new session id and a new CSRF token."""
    request.session.clear()
    request.session.update(naam=gebruiker.naam, sid=secrets.token_urlsafe(16), csrf=secrets.token_urlsafe(32))
