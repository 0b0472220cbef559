"""The read pages: each parses its URL, asks `Answers` one question and renders it (or its JSON)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from events.errors import GeenGrootboek
from events.gemeenten import OnduidelijkeGemeente, gemeentecode, met_naam
from events.waarden import EERSTE_JAAR, LAATSTE_JAAR
from projections.bronnen import Bronstand
from projections.reader import Reader
from reports.answers import Answers
from reports.model import Answer
from reports.postnaam import postlabel
from reports.verloopgrafiek import verloopgrafiek
from reports.waterval import watervalgrafiek
from taal import _
from web.sessie import check_gemeente, vereist, zichtbaar
from web.vraag import OngeldigeVraag, Vraag, buiten_jaren, datum, geheel, waarde
from web.weergave import antwoord, pagina


def lezer(request: Request) -> Reader:
    """The application's one reader: it keeps no state of a question (each opens its own connection and
    catches the read models up first), so requests share it rather than build the read models' tables anew."""
    return request.app.state.reader


def vraag_json(request: Request) -> bool:
    return request.query_params.get("format") == "json"


def vragen(request: Request) -> Answers:
    return Answers(lezer(request))


def begin(request: Request) -> tuple[Vraag, str]:
    vereist(request)
    vraag, gemeente = Vraag.uit(request.query_params), gemeente_van(request)
    check_gemeente(request, gemeente)
    return vraag, gemeente


def gemeente_van(request: Request) -> str:
    """The URL's gemeente as a CBS code: `/gemeente/GM1708/`, `/gemeente/1708/` or `/gemeente/steenwijkerland/`."""
    try:
        return gemeentecode(request.path_params.get("gemeente", ""))
    except OnduidelijkeGemeente as fout:
        raise GeenGrootboek(str(fout)) from None


def gemeenten(request: Request) -> Response:
    vereist(request)
    vraag = Vraag.uit(request.query_params)
    namen = zichtbaar(request, lezer(request).gemeenten())
    return pagina(request, "gemeenten.html.j2", titel=_("Gemeenten"), vraag=vraag, gemeenten=namen)


def saldo(request: Request) -> Response:
    vraag, g = begin(request)
    return antwoord(
        request,
        vraag,
        [vragen(request).saldo(vraag.zicht(g))],
        g,
        _("Begrotingssaldo {gemeente}").format(gemeente=met_naam(g)),
    )


def reserves(request: Request) -> Response:
    vraag, g = begin(request)
    return antwoord(
        request,
        vraag,
        [vragen(request).reserves(vraag.zicht(g))],
        g,
        _("Reserves {gemeente}").format(gemeente=met_naam(g)),
    )


def diff(request: Request) -> Response:
    """From `van` to `tot` (default: bekend_op), each a date or a document (`van_bron`, `tot_bron`): then the
    bekend_op of that document's latest event. The page's links then ask about `tot`."""
    vraag, g = begin(request)
    bronnen = vragen(request).bronnen(g, vraag.recorded_by)
    van, tot = _datum_of_bron(request, bronnen, "van"), _datum_of_bron(request, bronnen, "tot") or vraag.as_of
    vraag, titel = replace(vraag, as_of=tot), _("Wat veranderde in {gemeente}").format(gemeente=met_naam(g))
    gekozen = {k: v for k in ("van_bron", "tot_bron") if (v := waarde(request.query_params, k))}
    context = {"van": van, "tot": tot, "bronnen": bronnen, "gekozen": gekozen}
    if van is None:
        if vraag.json:
            raise OngeldigeVraag(_("van: geef een datum, zoals van=2020-06-30, of een document: van_bron=..."))
        return antwoord(request, vraag, [], g, titel, **context)
    answer = vragen(request).diff(vraag.zicht(g), van)
    return antwoord(request, vraag, [answer], g, titel, **context, **_waterval(request, answer))


def _waterval(request: Request, answer: Answer) -> dict[str, Any]:
    """The bridge of one year as a waterfall: `brugjaar` when it is one of the bridge's years, else its first."""
    report = answer.reports[0]
    jaren = [int(k.key) for k in report.columns if k.key.isdigit()]
    if not jaren or vraag_json(request):
        return {}
    jaar = geheel(request.query_params, "brugjaar", jaren[0])
    if jaar not in jaren:
        raise OngeldigeVraag(
            _("brugjaar: {jaar} is geen jaar van deze brug ({jaren})").format(
                jaar=jaar, jaren=", ".join(map(str, jaren))
            )
        )
    return {"grafiek": watervalgrafiek(report, jaar), "brugjaren": jaren, "brugjaar": jaar}


def _datum_of_bron(request: Request, bronnen: list[Bronstand], kant: str) -> date | None:
    """`kant`'s date: from `{kant}_bron` when given (an unknown document is a 400 naming it), else `kant` itself."""
    bron = waarde(request.query_params, f"{kant}_bron")
    if bron is None:
        return datum(request.query_params, kant)
    gevonden = [b.bekend_op for b in bronnen if b.id == bron]
    if not gevonden:
        raise OngeldigeVraag(
            _("{kant}_bron: {bron!r} is geen document (bron) van {gemeente}").format(
                kant=kant, bron=bron, gemeente=request.path_params["gemeente"]
            )
        )
    return gevonden[0]


def naar_jaar(request: Request) -> Response:
    """`/gemeente/G/signalen` or `/buig` without a year: to the year of the form's `jaar` field, else the latest year
    the ledger has amounts for (of buig, for the BUIG page), else the year of bekend_op."""
    vraag, g = begin(request)
    soort = request.url.path.rstrip("/").rsplit("/", 1)[-1]
    buig = {"soorten": ("prognose", "pm"), "post": "buig"} if soort == "buig" else {}  # the years of beschikkingen
    jaar = geheel(request.query_params, "jaar", 0) or standaardjaar(request, g, vraag, **buig)
    if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        raise OngeldigeVraag(buiten_jaren(jaar))
    rest = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "jaar" and v.strip()])
    return RedirectResponse(f"/gemeente/{g}/{soort}/{jaar}" + (f"?{rest}" if rest else ""), status_code=303)


def standaardjaar(
    request: Request, gemeente: str, vraag: Vraag, soorten: tuple[str, ...] = (), post: str | None = None
) -> int:
    """Where a page of a year opens: the latest year with amounts (of these soorten, this post), else bekend_op's."""
    return lezer(request).laatste_jaar(gemeente, soorten, post) or vraag.as_of.year


def signalen(request: Request) -> Response:
    vraag, g = begin(request)
    jaar = _jaar(request)
    answer = vragen(request).signals(vraag.zicht(g), jaar)
    return antwoord(
        request, vraag, [answer], g, _("Signalen {gemeente} {jaar}").format(gemeente=met_naam(g), jaar=jaar), jaar=jaar
    )


def buig(request: Request) -> Response:
    """The BUIG budget of a year explained, in euros unless asked; ?fase= picks another than the latest beschikking."""
    vraag, g = begin(request)
    vraag = vraag if "eenheid" in request.query_params else replace(vraag, eenheid=1)  # rounding shows in euros
    jaar, fase = _jaar(request), waarde(request.query_params, "fase")
    if fase not in (None, "voorlopig", "nader_voorlopig", "definitief"):
        raise OngeldigeVraag(_("fase: {fase!r} is niet voorlopig, nader_voorlopig of definitief").format(fase=fase))
    answer = vragen(request).buig(vraag.zicht(g), jaar, fase)
    return antwoord(
        request,
        vraag,
        [answer],
        g,
        _("BUIG {gemeente} {jaar}").format(gemeente=met_naam(g), jaar=jaar),
        filters={"fase": fase} if fase else {},
        jaar=jaar,
    )


def au(request: Request) -> Response:
    """The AU of a year from its verdeelmaatstaven, in euros unless asked; with ?van= (and ?tot=, default bekend_op)
    its change in factor, aantallen, bedragen per eenheid and buiten de factor, drawn as a waterfall."""
    vraag, g = begin(request)
    vraag = vraag if "eenheid" in request.query_params else replace(vraag, eenheid=1)  # cents show in euros
    jaar, van = _jaar(request), datum(request.query_params, "van")
    titel = _("Algemene uitkering {gemeente} {jaar}").format(gemeente=met_naam(g), jaar=jaar)
    if van is None:
        return antwoord(request, vraag, [vragen(request).au(vraag.zicht(g), jaar)], g, titel, jaar=jaar)
    vraag = replace(vraag, as_of=datum(request.query_params, "tot") or vraag.as_of)
    answer = vragen(request).au_verklaring(vraag.zicht(g), van, jaar)
    grafiek = None
    if answer.data["mutatie"] is not None and not vraag.json:
        uitleg = _("De algemene uitkering {jaar} van bekend op {van} naar bekend op {tot} (x € 1.000)").format(
            jaar=jaar, van=van, tot=vraag.as_of
        )
        grafiek = watervalgrafiek(answer.reports[0], jaar, uitleg)
    extra = {"van": van.isoformat(), "tot": vraag.as_of.isoformat()}
    return antwoord(request, vraag, [answer], g, titel, jaar=jaar, grafiek=grafiek, filters=extra)


def _jaar(request: Request) -> int:
    jaar = request.path_params["jaar"]
    if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        raise OngeldigeVraag(buiten_jaren(jaar))
    return jaar


def post(request: Request) -> Response:
    """History and audit trail of one figure; its JSON is `explain`'s, or `history`'s with ?vraag=history."""
    vraag, g = begin(request)
    naam, jaar = request.path_params["post"], _jaar(request)
    welke = waarde(request.query_params, "vraag") or "explain"
    if welke not in ("explain", "history"):
        raise OngeldigeVraag(_("vraag: {welke!r} is niet explain of history").format(welke=welke))
    answers = vragen(request)
    uitleg = answers.explain(vraag.zicht(g), naam, jaar)
    if vraag.json and welke == "explain":
        return antwoord(request, vraag, [uitleg], g, "")
    verloop = answers.history(vraag.zicht(g), naam, jaar)
    if vraag.json:
        return antwoord(request, vraag, [verloop], g, "")
    grafiek = verloopgrafiek(verloop.data, uitleg.data)
    return antwoord(
        request,
        vraag,
        [verloop, uitleg],
        g,
        _("{post} {jaar} in {gemeente}").format(post=postlabel(naam), jaar=jaar, gemeente=met_naam(g)),
        post=naam,
        jaar=jaar,
        grafiek=grafiek,
    )
