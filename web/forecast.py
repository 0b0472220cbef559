"""`/gemeente/G/forecast?jaar=Y&post=P`: the run-rate forecast, as `begroting forecast`; a controller accepts it."""

from __future__ import annotations

from datetime import date

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import Response

from events.errors import BronConflict, LedgerError, SchrijfConflict
from events.gemeenten import met_naam
from events.waarden import EERSTE_JAAR, LAATSTE_JAAR
from ledger.application import BegrotingApp
from ledger.forecast import prognose_document
from projections.reader import Reader
from projections.zicht import Zicht
from taal import _
from web.paginas import gemeente_van, lezer, standaardjaar, vragen
from web.schrijven import verslag
from web.sessie import check_csrf, check_gemeente
from web.vraag import OngeldigeVraag, Vraag, buiten_jaren, geheel, waarde
from web.weergave import antwoord


def forecast(request: Request) -> Response:
    """The forecast of `jaar` (default: the year of bekend_op), of one post or all, with the CLI's JSON."""
    check_gemeente(request, gemeente_van(request))
    return _pagina(request, request.query_params)


async def accepteren(request: Request) -> Response:
    """Record each forecast as a prognose known on bekend_op, as `forecast --accept`, under the user's name."""
    door = check_gemeente(request, gemeente_van(request), schrijven=True).naam
    async with request.form(max_files=0, max_fields=10) as formulier:
        check_csrf(request, formulier.get("csrf"))
        params = QueryParams({k: str(v) for k, v in formulier.items() if k in ("bekend_op", "jaar", "post")})
    vraag, g = Vraag.uit(params), gemeente_van(request)
    jaar, post = _jaar_en_post(params, _standaard(request, g, vraag))
    try:
        ledger, reader = request.app.state.ledger, lezer(request)
        regels = await run_in_threadpool(_accepteer, ledger, reader, vraag.zicht(g), jaar, post, door)
    except LedgerError as fout:
        status = 409 if isinstance(fout, (BronConflict, SchrijfConflict)) else 400
        return _pagina(request, params, status, fout=_("fout: {fout}").format(fout=fout))
    return _pagina(request, params, geboekt=regels or [_("er is geen forecast om te boeken; niets geboekt")])


def _pagina(request: Request, params: QueryParams, status: int = 200, **melding: object) -> Response:
    vraag, g = Vraag.uit(params), gemeente_van(request)
    jaar, post = _jaar_en_post(params, _standaard(request, g, vraag))
    answer = vragen(request).forecast(vraag.zicht(g), jaar, post)
    filters = {"jaar": str(jaar), **({"post": post} if post else {})}
    titel = _("Forecast {gemeente} {jaar}").format(gemeente=met_naam(g), jaar=jaar) + (f" · {post}" if post else "")
    return antwoord(request, vraag, [answer], g, titel, status, filters=filters, **melding)


def _standaard(request: Request, gemeente: str, vraag: Vraag) -> int:
    """The latest year with realisaties, else with any amount, else bekend_op's year."""
    if waarde(request.query_params, "jaar"):
        return vraag.as_of.year  # asked: no need to look
    return lezer(request).laatste_jaar(gemeente, ("realisatie",)) or standaardjaar(request, gemeente, vraag)


def _jaar_en_post(params: QueryParams, standaard: int) -> tuple[int, str | None]:
    jaar = geheel(params, "jaar", standaard)
    if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        raise OngeldigeVraag(buiten_jaren(jaar))
    return jaar, waarde(params, "post")


def _accepteer(ledger: BegrotingApp, reader: Reader, zicht: Zicht, jaar: int, post: str | None, door: str) -> list[str]:
    datum: date = zicht.as_of
    documenten = [
        prognose_document(zicht.gemeente, f.post, f.richting, f.jaar, f.forecast, f.methode, f.laatste_periode, datum)
        for f in reader.forecasts(zicht, jaar, post)
    ]
    return [verslag(u, door) for u in ledger.boek(documenten, door)] if documenten else []
