"""The Starlette application: routes, the session cookie, and what each refusal looks like."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from events.errors import GeenGrootboek, OnbekendePost
from ledger.application import BegrotingApp
from projections.reader import Reader
from taal import _
from web import (
    beheer,
    corrigeren,
    eventpagina,
    forecast,
    inloggen,
    journaal,
    paginas,
    schrijven,
    snapshots,
    verify,
    wachtwoord,
)
from web.archief import Archief
from web.drempel import Inlogdrempel
from web.gebruikers import Gebruikers
from web.gezondheid import gezondheid
from web.grenzen import Lichaamsgrens, TeGroot
from web.headers import Webapp
from web.logboek import Logboek, meld
from web.sessie import Geweigerd, NietIngelogd
from web.sessies import Sessiekoekje, Sessies
from web.taalkeuze import Taalkeuze
from web.vraag import OngeldigeVraag
from web.weergave import pagina

G = "/gemeente/{gemeente:str}"
ROUTES = [
    Route("/", paginas.gemeenten),
    Route(f"{G}/saldo", paginas.saldo),
    Route(f"{G}/diff", paginas.diff),
    Route(f"{G}/post/{{post:str}}/{{jaar:getal}}", paginas.post),
    Route(f"{G}/journaal", journaal.journaal),
    Route(f"{G}/journaal.{{formaat:str}}", journaal.download),
    Route(f"{G}/event/{{id:str}}", eventpagina.event),
    Route(f"{G}/reserves", paginas.reserves),
    Route(f"{G}/signalen", paginas.naar_jaar),
    Route(f"{G}/signalen/{{jaar:getal}}", paginas.signalen),
    Route(f"{G}/buig", paginas.naar_jaar),
    Route(f"{G}/buig/{{jaar:getal}}", paginas.buig),
    Route(f"{G}/au", paginas.naar_jaar),
    Route(f"{G}/au/{{jaar:getal}}", paginas.au),
    Route(f"{G}/forecast", forecast.forecast, methods=["GET"]),
    Route(f"{G}/forecast", forecast.accepteren, methods=["POST"]),
    Route("/record", schrijven.boeken_formulier, methods=["GET"]),
    Route("/record", schrijven.boeken, methods=["POST"]),
    Route("/correct", corrigeren.corrigeren, methods=["POST"]),
    Route("/withdraw", corrigeren.intrekken, methods=["POST"]),
    Route("/snapshots", snapshots.lijst, methods=["GET"]),
    Route("/snapshots", snapshots.bevriezen, methods=["POST"]),
    Route("/snapshots/verify", snapshots.verifieer_bestand, methods=["POST"]),
    Route("/snapshots/{nummer:getal}/verify", snapshots.verifieer, methods=["GET"]),
    Route("/snapshots/{nummer:getal}/{bestand:str}", snapshots.download, methods=["GET"]),
    Route("/verify", verify.verify_formulier, methods=["GET"]),
    Route("/verify", verify.verify, methods=["POST"]),
    Route("/login", schrijven.inloggen_formulier, methods=["GET"]),
    Route("/login", inloggen.inloggen, methods=["POST"]),
    Route("/users", beheer.lijst, methods=["GET"]),
    Route("/users", beheer.toevoegen, methods=["POST"]),
    Route("/users/disable", beheer.uitschakelen, methods=["POST"]),
    Route("/logout", schrijven.uitloggen, methods=["POST"]),
    Route("/password", wachtwoord.formulier, methods=["GET"]),
    Route("/password", wachtwoord.wijzigen, methods=["POST"]),
    Route("/health", gezondheid, methods=["GET"]),
    Mount("/static", StaticFiles(packages=[("web", "static")]), name="static"),
]


def maak_app(ledger: BegrotingApp, logboek: Logboek | None = None, vertrouwd: Sequence[str] = ()) -> Starlette:
    """The web application over one ledger; open (no login, the OS user) while the database has no users.

    `vertrouwd`: the proxies (addresses, networks) whose X-Forwarded-For and -Proto are believed.
    """
    leden = Gebruikers(ledger.factory.datastore.engine)
    fouten = {
        OngeldigeVraag: _fout(400),
        GeenGrootboek: _fout(404),
        OnbekendePost: _fout(404),
        Geweigerd: _geweigerd,
        TeGroot: _te_groot,
        NietIngelogd: _naar_inloggen,
        HTTPException: _http_fout,
    }
    middleware = [Middleware(Taalkeuze), Middleware(Lichaamsgrens), Middleware(Sessiekoekje)]
    web = Webapp(routes=ROUTES, middleware=middleware, exception_handlers=fouten)  # type: ignore[arg-type]
    web.state.ledger, web.state.gebruikers, web.state.reader = ledger, leden, Reader(ledger)
    web.state.archief, web.state.drempel = Archief(ledger.factory.datastore.engine), Inlogdrempel()
    web.state.logboek, web.vertrouwd = logboek or Logboek(), tuple(vertrouwd)
    web.state.sessies, web.state.csrf_sleutel = Sessies(ledger.factory.datastore.engine), leden.sleutel().encode()
    return web


def _fout(status: int) -> Callable[[Request, Exception], Response]:
    def toon(request: Request, fout: Exception) -> Response:
        return _foutpagina(request, status, str(fout))

    return toon


def _geweigerd(request: Request, fout: Exception) -> Response:
    """Every refused request is a security event: who, from where, and why."""
    gebruiker = getattr(request.state, "gebruiker", None)
    meld(request, "geweigerd", gebruiker=gebruiker and gebruiker.naam, reden=str(fout), pad=request.url.path)
    return _foutpagina(request, 403, str(fout))


def _te_groot(request: Request, fout: Exception) -> Response:
    meld(request, "geweigerd", reden=str(fout), pad=request.url.path)
    return _foutpagina(request, 413, str(fout))


def _foutpagina(request: Request, status: int, melding: str) -> Response:
    if request.query_params.get("format") == "json":
        return JSONResponse({"error": melding}, status_code=status)
    return pagina(request, "fout.html.j2", status, titel=_("Fout {status}").format(status=status), melding=melding)


def _http_fout(request: Request, fout: Exception) -> Response:
    status = fout.status_code if isinstance(fout, HTTPException) else 500
    meldingen = {404: _("deze pagina bestaat niet"), 405: _("deze methode kan hier niet")}
    return _foutpagina(request, status, meldingen.get(status, str(getattr(fout, "detail", fout))))


def _naar_inloggen(request: Request, fout: Exception) -> Response:
    if request.method != "GET" or request.query_params.get("format") == "json":
        return _foutpagina(request, 403, "log eerst in")
    terug = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?{urlencode({'terug': terug})}", status_code=303)
