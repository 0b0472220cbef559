"""The read pages: each parses its URL, asks `Answers` one question and renders it (or its JSON)."""

from __future__ import annotations

from dataclasses import replace

from starlette.requests import Request
from starlette.responses import Response

from events.errors import GeenGrootboek
from events.waarden import EERSTE_JAAR, LAATSTE_JAAR
from projections.reader import Reader
from reports.answers import Answers
from web.sessie import vereist
from web.vraag import OngeldigeVraag, Vraag, datum, waarde
from web.weergave import antwoord, pagina


def lezer(request: Request) -> Reader:
    """The application's one reader: it keeps no state of a question (each opens its own connection and
    catches the read models up first), so requests share it rather than build the read models' tables anew."""
    return request.app.state.reader


def vragen(request: Request) -> Answers:
    return Answers(lezer(request))


def begin(request: Request) -> tuple[Vraag, str]:
    vereist(request)
    return Vraag.uit(request.query_params), request.path_params.get("gemeente", "")


def gemeenten(request: Request) -> Response:
    vereist(request)
    vraag = Vraag.uit(request.query_params)
    namen = lezer(request).gemeenten()
    return pagina(request, "gemeenten.html.j2", titel="Gemeenten", vraag=vraag, gemeenten=namen)


def saldo(request: Request) -> Response:
    vraag, g = begin(request)
    return antwoord(request, vraag, [vragen(request).saldo(vraag.zicht(g))], g, f"Begrotingssaldo {g}")


def reserves(request: Request) -> Response:
    vraag, g = begin(request)
    return antwoord(request, vraag, [vragen(request).reserves(vraag.zicht(g))], g, f"Reserves {g}")


def diff(request: Request) -> Response:
    """From `van` to `tot` (default: bekend_op); the page's links then ask about `tot`."""
    vraag, g = begin(request)
    van, tot = datum(request.query_params, "van"), datum(request.query_params, "tot") or vraag.bekend_op
    vraag, titel = replace(vraag, bekend_op=tot), f"Wat veranderde in {g}"
    if van is None:
        if vraag.json:
            raise OngeldigeVraag("van: geef een datum, zoals van=2020-06-30")
        _bestaat(request, g)
        return antwoord(request, vraag, [], g, titel, van=None, tot=tot)
    return antwoord(request, vraag, [vragen(request).diff(vraag.zicht(g), van)], g, titel, van=van, tot=tot)


def signalen(request: Request) -> Response:
    vraag, g = begin(request)
    jaar = _jaar(request)
    return antwoord(request, vraag, [vragen(request).signals(vraag.zicht(g), jaar)], g, f"Signalen {g} {jaar}")


def buig(request: Request) -> Response:
    """The BUIG budget of a year explained, in euros unless asked; ?fase= picks another than the latest beschikking."""
    vraag, g = begin(request)
    vraag = vraag if "eenheid" in request.query_params else replace(vraag, eenheid=1)  # rounding shows in euros
    jaar, fase = _jaar(request), waarde(request.query_params, "fase")
    if fase not in (None, "voorlopig", "nader_voorlopig", "definitief"):
        raise OngeldigeVraag(f"fase: {fase!r} is niet voorlopig, nader_voorlopig of definitief")
    answer = vragen(request).buig(vraag.zicht(g), jaar, fase)
    return antwoord(request, vraag, [answer], g, f"BUIG {g} {jaar}", filters={"fase": fase} if fase else {}, jaar=jaar)


def _jaar(request: Request) -> int:
    jaar = request.path_params["jaar"]
    if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        raise OngeldigeVraag(f"jaar: {jaar} ligt niet binnen {EERSTE_JAAR}-{LAATSTE_JAAR}")
    return jaar


def post(request: Request) -> Response:
    """History and audit trail of one figure; its JSON is `explain`'s, or `history`'s with ?vraag=history."""
    vraag, g = begin(request)
    naam, jaar = request.path_params["post"], _jaar(request)
    welke = waarde(request.query_params, "vraag") or "explain"
    if welke not in ("explain", "history"):
        raise OngeldigeVraag(f"vraag: {welke!r} is niet explain of history")
    answers = vragen(request)
    uitleg = answers.explain(vraag.zicht(g), naam, jaar)
    if vraag.json and welke == "explain":
        return antwoord(request, vraag, [uitleg], g, "")
    verloop = answers.history(vraag.zicht(g), naam, jaar)
    lijst = [verloop] if vraag.json else [verloop, uitleg]
    return antwoord(request, vraag, lijst, g, f"{naam} {jaar} in {g}", post=naam, jaar=jaar)


def _bestaat(request: Request, gemeente: str) -> None:
    if gemeente not in lezer(request).gemeenten():
        raise GeenGrootboek(f"there is no ledger for {gemeente} in this database")
