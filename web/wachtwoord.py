"""`/password`: a logged-in user changes their own password, as `begroting user password` does; every
session of theirs ends, this one too. A wrong current password counts as a failed login."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from events.errors import LedgerError
from taal import N_, _
from web.gebruikers import Gebruiker
from web.inloggen import drempel
from web.logboek import adres, meld
from web.sessie import Geweigerd, check_csrf, gebruikers, is_open, vereist
from web.sessies import kaart
from web.weergave import pagina

TITEL = N_("Wachtwoord wijzigen")


def eigen(request: Request) -> Gebruiker:
    gebruiker = vereist(request)
    if is_open(request):
        raise Geweigerd(_("er zijn nog geen gebruikers, dus geen wachtwoorden: maak eerst een gebruiker"))
    return gebruiker


def formulier(request: Request, status: int = 200, **context: Any) -> Response:
    eigen(request)
    return pagina(request, "wachtwoord.html.j2", status, titel=_(TITEL), **context)


async def wijzigen(request: Request) -> Response:
    zelf, waar = eigen(request), adres(request) or "?"
    async with request.form(max_files=0, max_fields=10) as velden:
        check_csrf(request, velden.get("csrf"))
        huidig, nieuw = str(velden.get("huidig", "")), str(velden.get("wachtwoord", ""))
        herhaald = str(velden.get("herhaald", ""))
    if drempel(request).wachttijd(zelf.naam, waar):
        return formulier(request, 429, fout="te veel mislukte pogingen vanaf dit adres: probeer het later opnieuw")
    if nieuw != herhaald:
        return formulier(request, 400, fout=_("fout: de twee wachtwoorden verschillen; er is niets veranderd"))
    if await run_in_threadpool(gebruikers(request).controleer, zelf.naam, huidig) is None:
        drempel(request).noteer_mislukt(zelf.naam, waar)
        meld(request, "login_mislukt", gebruiker=zelf.naam, reden="huidig wachtwoord onjuist bij wijzigen")
        return formulier(request, 400, fout=_("fout: het huidige wachtwoord klopt niet; er is niets veranderd"))
    try:
        klok = request.app.state.sessies.klok
        geeindigd = await run_in_threadpool(gebruikers(request).wijzig_wachtwoord, zelf.naam, nieuw, klok())
    except LedgerError as fout:
        return formulier(request, 400, fout=_("fout: {fout}").format(fout=fout))
    meld(request, "wachtwoord_gewijzigd", gebruiker=zelf.naam)
    for _sessie in range(geeindigd):
        meld(request, "sessie_beeindigd", gebruiker=zelf.naam, reden="wachtwoord")
    kaart(request).vernieuw()
    return RedirectResponse("/login", status_code=303)
