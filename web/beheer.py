"""`/users`: the beheerder lists, adds and disables users in the browser, as `begroting user` does.

The same table as the CLI's (`begroting_gebruikers`), the same argon2id hash; every other role gets 403.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from events.errors import LedgerError
from web.gebruikers import Rol
from web.sessie import Geweigerd, check_csrf, gebruikers, is_open, vereist
from web.weergave import pagina

TITEL = "Gebruikers"


def mag_beheren(request: Request) -> str:
    """The beheerder's name; anyone else is refused."""
    gebruiker = vereist(request)
    if not gebruiker.rol.mag_beheren:
        raise Geweigerd(f"{gebruiker.naam} is {gebruiker.rol.value}: alleen een beheerder beheert gebruikers")
    return gebruiker.naam


def lijst(request: Request, status: int = 200, **context: Any) -> Response:
    mag_beheren(request)
    return pagina(request, "gebruikers.html.j2", status, titel=TITEL, leden=gebruikers(request).alle(), **context)


async def toevoegen(request: Request) -> Response:
    """A new user with a role; the password asked twice, as the terminal asks it."""
    mag_beheren(request)
    async with request.form(max_files=0, max_fields=10) as formulier:
        check_csrf(request, formulier.get("csrf"))
        naam, rol = str(formulier.get("naam", "")).strip(), str(formulier.get("rol", ""))
        wachtwoord, herhaald = str(formulier.get("wachtwoord", "")), str(formulier.get("herhaald", ""))
    if rol not in Rol.__members__:
        return lijst(request, 400, fout=f"error: {rol!r} is not a role: auditor, controller or beheerder", naam=naam)
    if wachtwoord != herhaald:
        return lijst(request, 400, fout="error: the two passwords differ; nothing was changed", naam=naam, rol=rol)
    try:
        nieuw = await run_in_threadpool(gebruikers(request).voeg_toe, naam, Rol(rol), wachtwoord)
    except LedgerError as fout:
        return lijst(request, 400, fout=f"error: {fout}", naam=naam, rol=rol)
    if is_open(request):  # the first user: from now on everyone logs in, the one who added it too
        return RedirectResponse("/login", status_code=303)
    return lijst(request, gedaan=f"user {nieuw.naam} added as {nieuw.rol.value}")


async def uitschakelen(request: Request) -> Response:
    """Disable a user: their session ends at their next request; they stay in the list."""
    zelf = mag_beheren(request)
    async with request.form(max_files=0, max_fields=5) as formulier:
        check_csrf(request, formulier.get("csrf"))
        naam = str(formulier.get("naam", ""))
    if naam == zelf:
        return lijst(request, 400, fout="error: you cannot disable yourself here; another beheerder can")
    try:
        gebruikers(request).schakel_uit(naam)
    except LedgerError as fout:
        return lijst(request, 400, fout=f"error: {fout}")
    return lijst(request, gedaan=f"user {naam} disabled")
