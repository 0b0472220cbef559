"""`/users`: the beheerder lists, adds and disables users in the browser, as `begroting user` does.

The same table as the CLI's (`begroting_gebruikers`), the same argon2id hash; every other role gets 403.
A beheerder with a scope sees and manages only the users whose gemeenten lie within it.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from events.errors import LedgerError
from taal import N_, _
from web.gebruikers import Gebruiker, Rol, lees_bereik
from web.logboek import meld
from web.sessie import Geweigerd, check_csrf, gebruikers, is_open, vereist
from web.weergave import pagina

TITEL = N_("Gebruikers")


def mag_beheren(request: Request) -> Gebruiker:
    """The beheerder; anyone else is refused."""
    gebruiker = vereist(request)
    if not gebruiker.rol.mag_beheren:
        raise Geweigerd(
            _("{naam} is {rol}: alleen een beheerder beheert gebruikers").format(
                naam=gebruiker.naam, rol=gebruiker.rol.naam
            )
        )
    return gebruiker


def lijst(request: Request, status: int = 200, **context: Any) -> Response:
    zelf = mag_beheren(request)
    leden = [lid for lid in gebruikers(request).alle() if zelf.omvat(lid.gemeenten)]
    return pagina(request, "gebruikers.html.j2", status, titel=_(TITEL), leden=leden, zelf=zelf, **context)


async def toevoegen(request: Request) -> Response:
    """A new user with a role and a scope within the beheerder's own; the password asked twice."""
    zelf = mag_beheren(request)
    async with request.form(max_files=0, max_fields=10) as formulier:
        check_csrf(request, formulier.get("csrf"))
        naam, rol = str(formulier.get("naam", "")).strip(), str(formulier.get("rol", ""))
        wachtwoord, herhaald = str(formulier.get("wachtwoord", "")), str(formulier.get("herhaald", ""))
        tekst = str(formulier.get("gemeenten", ""))
    context = {"naam": naam, "rol": rol, "gemeenten": tekst}
    if rol not in Rol.__members__:
        return lijst(
            request,
            400,
            fout=_("fout: {rol!r} is geen rol: auditor, controller of beheerder").format(rol=rol),
            naam=naam,
        )
    if wachtwoord != herhaald:
        return lijst(request, 400, fout=_("fout: de twee wachtwoorden verschillen; er is niets veranderd"), **context)
    try:
        bereik = lees_bereik(tekst)
        if not zelf.omvat(bereik):
            raise Geweigerd(
                _("{naam} beheert alleen gebruikers van {gemeenten}").format(
                    naam=zelf.naam, gemeenten=", ".join(sorted(zelf.gemeenten or ()))
                )
            )
        nieuw = await run_in_threadpool(gebruikers(request).voeg_toe, naam, Rol(rol), wachtwoord, bereik)
    except LedgerError as fout:
        return lijst(request, 400, fout=_("fout: {fout}").format(fout=fout), **context)
    meld(request, "gebruiker_toegevoegd", gebruiker=zelf.naam, naam=nieuw.naam, rol=rol, gemeenten=tekst or None)
    if is_open(request):  # the first user: from now on everyone logs in, the one who added it too
        return RedirectResponse("/login", status_code=303)
    return lijst(request, gedaan=_("gebruiker {naam} toegevoegd als {rol}").format(naam=nieuw.naam, rol=nieuw.rol.naam))


async def uitschakelen(request: Request) -> Response:
    """Disable a user: their sessions end at once; they stay in the list."""
    zelf = mag_beheren(request)
    async with request.form(max_files=0, max_fields=5) as formulier:
        check_csrf(request, formulier.get("csrf"))
        naam = str(formulier.get("naam", ""))
    if naam == zelf.naam:
        return lijst(request, 400, fout=_("fout: uzelf uitschakelen kan hier niet; een andere beheerder kan het"))
    lid = next((g for g in gebruikers(request).alle() if g.naam == naam), None)
    if lid is not None and not zelf.omvat(lid.gemeenten):
        raise Geweigerd(
            _("{zelf} beheert {naam} niet: die werkt ook voor andere gemeenten").format(zelf=zelf.naam, naam=naam)
        )
    try:
        geeindigd = gebruikers(request).schakel_uit(naam, request.app.state.sessies.klok())
    except LedgerError as fout:
        return lijst(request, 400, fout=_("fout: {fout}").format(fout=fout))
    meld(request, "gebruiker_uitgeschakeld", gebruiker=zelf.naam, naam=naam)
    for _sessie in range(geeindigd):
        meld(request, "sessie_beeindigd", gebruiker=naam, reden="uitgeschakeld")
    return lijst(request, gedaan=_("gebruiker {naam} uitgeschakeld").format(naam=naam))
