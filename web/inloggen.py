"""`POST /login` behind the guard of `drempel.py`: a name guessed too often from one address gets 429.

A name that cannot be a user's (over 100 characters, or with control characters) is a 400 before it is
counted or checked, so no one fills the limiter's memory with long names.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from taal import _, ngettext
from web import schrijven
from web.drempel import Inlogdrempel
from web.logboek import meld
from web.sessie import check_csrf
from web.weergave import pagina

LANGSTE_NAAM = 100


def drempel(request: Request) -> Inlogdrempel:
    return request.app.state.drempel


async def inloggen(request: Request) -> Response:
    """Refused before the password is even checked while the limit holds; a success forgets the failures."""
    formulier = await request.form(max_files=0, max_fields=10)  # kept by the request: the login reads it again
    check_csrf(request, formulier.get("csrf"))
    naam, adres = str(formulier.get("naam", "")), request.client.host if request.client else "?"
    terug = str(formulier.get("terug", "/"))
    if len(naam) > LANGSTE_NAAM or not naam.isprintable():
        meld(request, "login_mislukt", reden=f"geen gebruikersnaam: {len(naam)} tekens")
        fout = _("een gebruikersnaam is één regel van hoogstens {n} tekens").format(n=LANGSTE_NAAM)
        return pagina(request, "inloggen.html.j2", 400, titel=_("Inloggen"), fout=fout, terug=terug)
    wachten = drempel(request).wachttijd(naam, adres)
    if wachten:
        return _te_vaak(request, naam, adres, wachten, terug)
    antwoord = await schrijven.inloggen(request)
    if antwoord.status_code == 401:
        drempel(request).noteer_mislukt(naam, adres)
        meld(request, "login_mislukt", gebruiker=naam, reden="naam of wachtwoord onjuist, of uitgeschakeld")
    elif antwoord.status_code == 303:
        drempel(request).noteer_gelukt(naam, adres)
        meld(request, "login", gebruiker=naam)
    return antwoord


def _te_vaak(request: Request, naam: str, adres: str, wachten: int, terug: str) -> Response:
    minuten = -(-wachten // 60)
    if drempel(request).houdt_adres(adres):
        fout = ngettext(
            "te veel mislukte pogingen vanaf dit adres: probeer het over {n} minuut opnieuw",
            "te veel mislukte pogingen vanaf dit adres: probeer het over {n} minuten opnieuw",
            minuten,
        ).format(n=minuten)
    else:
        fout = ngettext(
            "te veel mislukte pogingen om als {naam} in te loggen vanaf dit adres: probeer het over {n} minuut opnieuw",
            "te veel mislukte pogingen om als {naam} in te loggen vanaf dit adres: probeer het over {n} minuten "
            "opnieuw",
            minuten,
        ).format(naam=naam, n=minuten)
    meld(request, "login_mislukt", gebruiker=naam, reden=f"te veel mislukte pogingen: nog {wachten} s")
    antwoord = pagina(request, "inloggen.html.j2", 429, titel=_("Inloggen"), fout=fout, naam=naam, terug=terug)
    antwoord.headers["retry-after"] = str(wachten)
    return antwoord
