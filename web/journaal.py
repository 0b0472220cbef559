"""The journal page: every event, filtered by bron, type, who and when recorded; in pages, or as a CSV or XLSX file."""

from __future__ import annotations

from dataclasses import replace

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from events.gemeenten import in_bestandsnaam, met_naam
from reports.journaal import Journaalfilter
from reports.model import Answer, Row
from reports.render import als_bytes
from taal import _, ngettext
from web.paginas import begin, vragen
from web.vraag import OngeldigeVraag, Vraag, geheel, moment, waarde
from web.weergave import antwoord

PER_PAGINA = 50
FILTERS = ("bron", "type", "door", "geboekt_van", "geboekt_tot")
BESTANDEN = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def journaal(request: Request) -> Response:
    """The journal, newest last as the CLI, in pages of 50; the filters apply to its JSON as well."""
    vraag, g = begin(request)
    answer = _gefilterd(request, vraag, g)
    if vraag.json:
        return antwoord(request, vraag, [answer], g, "")
    nummer = geheel(request.query_params, "pagina", 1)
    paginas = max(1, -(-len(answer.data) // PER_PAGINA))
    if nummer > paginas:
        raise OngeldigeVraag(
            ngettext("pagina: er is {n} pagina", "pagina: er zijn {n} pagina's", paginas).format(n=paginas)
        )
    eerste = (nummer - 1) * PER_PAGINA
    getoond = _alleen(answer, range(eerste, min(eerste + PER_PAGINA, len(answer.data))))
    filters = {k: v for k in FILTERS if (v := waarde(request.query_params, k))}
    context = {"pagina": nummer, "paginas": paginas, "filters": filters}
    return antwoord(request, vraag, [getoond], g, _("Journaal {gemeente}").format(gemeente=met_naam(g)), **context)


def download(request: Request) -> Response:
    """The (filtered) journal as `begroting events --format csv|xlsx` writes it: every field, the hash chain."""
    formaat = request.path_params["formaat"]
    if formaat not in BESTANDEN:
        raise HTTPException(404)
    vraag, g = begin(request)
    answer = _gefilterd(request, vraag, g)
    kop = {"content-disposition": f'attachment; filename="journaal-{in_bestandsnaam(g)}.{formaat}"'}
    return Response(als_bytes(answer, formaat), media_type=BESTANDEN[formaat], headers=kop)


def _gefilterd(request: Request, vraag: Vraag, gemeente: str) -> Answer:
    params = request.query_params
    filter = Journaalfilter(
        waarde(params, "type"), waarde(params, "door"), moment(params, "geboekt_van", begin=True),
        moment(params, "geboekt_tot"),
    )  # fmt: skip
    return vragen(request).journaal(gemeente, waarde(params, "bron"), vraag.recorded_by, filter)


def _alleen(answer: Answer, getoond: range) -> Answer:
    """The answer with only these events, in its table (each with its warning rows) and its JSON alike."""
    report = answer.reports[0]
    per_event: list[list[Row]] = []
    for rij in report.rows:
        if rij.kind == "waarschuwing" and per_event:
            per_event[-1].append(rij)
        else:
            per_event.append([rij])
    titel = (_("Journaal ({n} events, {getoond} getoond)").format(n=len(answer.data), getoond=len(getoond)),)
    rijen = tuple(r for i in getoond for r in per_event[i])
    report = replace(report, rows=rijen, title=titel)
    return replace(answer, reports=(report,), data=[answer.data[i] for i in getoond])
