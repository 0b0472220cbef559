"""Who is asking, and whether they may: the session's user, its CSRF token, the role's rights, the scope.

Without any user the server runs on the loopback address only and acts as the operating-system user,
with every right (as the CLI does on the same machine).
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import secrets

from starlette.requests import Request

from events.errors import GeenGrootboek
from taal import _
from web.gebruikers import Gebruiker, Gebruikers, Rol
from web.logboek import meld
from web.sessies import Sessies, kaart

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


def sessies(request: Request) -> Sessies:
    return request.app.state.sessies


def is_open(request: Request) -> bool:
    """No user exists (yet): asked once per request, so the first `user add` closes a running server."""
    if not hasattr(request.state, "open"):
        request.state.open = not gebruikers(request).bestaan()
    return request.state.open


def wie(request: Request) -> Gebruiker | None:
    """The user of this request: the OS user while there are no users, else the live session's."""
    if is_open(request):
        if request.url.hostname not in LOOPBACK_NAMEN:
            # DNS rebinding: a web page elsewhere could otherwise reach this server through a name of its own
            raise Geweigerd(_("zonder gebruikers antwoordt deze server alleen op 127.0.0.1 of localhost"))
        request.state.gebruiker = Gebruiker(os_gebruiker(), Rol.beheerder)
    elif not hasattr(request.state, "gebruiker"):
        request.state.gebruiker = _van_sessie(request)
    return request.state.gebruiker


def _van_sessie(request: Request) -> Gebruiker | None:
    token = kaart(request).token
    naam, einde = (None, None) if token is None else sessies(request).open(token)
    if einde is not None:
        meld(request, "sessie_beeindigd", gebruiker=naam, reden=einde)
        return None
    return None if naam is None else gebruikers(request).zoek(naam)


def vereist(request: Request) -> Gebruiker:
    gebruiker = wie(request)
    if gebruiker is None:
        raise NietIngelogd()
    return gebruiker


def csrf_token(request: Request) -> str:
    """Made from the session's token with the server's key: per session, and nothing to keep."""
    sleutel: bytes = request.app.state.csrf_sleutel
    return hmac.new(sleutel, kaart(request).zeker().encode("ascii"), hashlib.sha256).hexdigest()


def check_csrf(request: Request, gegeven: object) -> None:
    verwacht = csrf_token(request) if kaart(request).token and not kaart(request).nieuw else None
    if not (isinstance(gegeven, str) and verwacht and secrets.compare_digest(gegeven, verwacht)):
        raise Geweigerd(_("het formulier is verlopen of niet van deze sessie (CSRF): er is niets veranderd"))


def mag_boeken(request: Request) -> Gebruiker:
    gebruiker = vereist(request)
    if not gebruiker.rol.mag_boeken:
        raise Geweigerd(
            _("{naam} is {rol}: die rol leest alleen; er is niets veranderd").format(
                naam=gebruiker.naam, rol=gebruiker.rol.naam
            )
        )
    return gebruiker


def check_gemeente(request: Request, gemeente: str, schrijven: bool = False) -> Gebruiker:
    """The one check of a user's scope: reading another gemeente is a 404 as if it had no ledger, writing a 403."""
    gebruiker = mag_boeken(request) if schrijven else vereist(request)
    if mag_zien(request, gemeente):
        return gebruiker
    if not schrijven:
        raise GeenGrootboek(_("er is geen grootboek voor {gemeente} in deze database").format(gemeente=gemeente))
    raise Geweigerd(
        _("{naam} werkt niet voor {gemeente}: er is niets veranderd").format(naam=gebruiker.naam, gemeente=gemeente)
    )


def mag_zien(request: Request, gemeente: str) -> bool:
    return vereist(request).mag(gemeente)


def zichtbaar(request: Request, gemeenten: list[str]) -> list[str]:
    """Of these gemeenten, those the user may see."""
    return [g for g in gemeenten if mag_zien(request, g)]


def nieuwe_sessie(request: Request, gebruiker: Gebruiker) -> None:
    """At login a new session with a new token (and so a new CSRF token); the one before, if any, ends."""
    if kaart(request).token is not None:
        sessies(request).beeindig(kaart(request).token or "", "logout")
    kaart(request).vernieuw(sessies(request).begin(gebruiker.naam))
    request.state.gebruiker = gebruiker


def einde_sessie(request: Request) -> None:
    """Logout: the session ends in the database, so a copy of its cookie is nobody's from now on."""
    token = kaart(request).token
    naam = None if token is None else sessies(request).beeindig(token, "logout")
    kaart(request).vernieuw()
    if naam is not None:
        meld(request, "logout", gebruiker=naam)
        meld(request, "sessie_beeindigd", gebruiker=naam, reden="logout")
