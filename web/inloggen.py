"""`POST /login` behind the guard of `drempel.py`: a name guessed too often from one address gets 429."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from web import schrijven
from web.drempel import Inlogdrempel
from web.sessie import check_csrf
from web.weergave import pagina


def drempel(request: Request) -> Inlogdrempel:
    return request.app.state.drempel


async def inloggen(request: Request) -> Response:
    """Refused before the password is even checked while the limit holds; a success forgets the failures."""
    formulier = await request.form(max_files=0, max_fields=10)  # kept by the request: the login reads it again
    check_csrf(request, formulier.get("csrf"))
    naam, adres = str(formulier.get("naam", "")), request.client.host if request.client else "?"
    wachten = drempel(request).wachttijd(naam, adres)
    if wachten:
        minuten = -(-wachten // 60)
        fout = (
            f"te veel mislukte pogingen om als {naam} in te loggen vanaf dit adres: probeer het over "
            f"{minuten} {'minuut' if minuten == 1 else 'minuten'} opnieuw"
        )
        terug = str(formulier.get("terug", "/"))
        antwoord = pagina(request, "inloggen.html.j2", 429, titel="Inloggen", fout=fout, naam=naam, terug=terug)
        antwoord.headers["retry-after"] = str(wachten)
        return antwoord
    antwoord = await schrijven.inloggen(request)
    if antwoord.status_code == 401:
        drempel(request).noteer_mislukt(naam, adres)
    elif antwoord.status_code == 303:
        drempel(request).noteer_gelukt(naam, adres)
    return antwoord
