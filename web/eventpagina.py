"""`/gemeente/G/event/ID`: one event, with correct and withdraw forms for a user who may; ?format=json its JSON."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from events.errors import GeenGrootboek
from ledger.ids import ontleed
from ledger.zegeldekking import zegeldekking
from reports.eventpagina import eventpagina
from reports.render.json import tekst as json_tekst
from taal import _
from web.paginas import begin, lezer
from web.weergave import naar_event, pagina


def event(request: Request) -> Response:
    """An id the gemeente's ledger does not hold is a 404, as a gemeente outside the user's scope is."""
    vraag, g = begin(request)
    id_ = request.path_params["id"]
    journaal = lezer(request).journaal(g)
    gevonden = [e for e in journaal if e.id == id_]
    if not gevonden:
        raise GeenGrootboek(_("{id} is geen event in het grootboek van {gemeente}").format(id=id_, gemeente=g))
    ledger = request.app.state.ledger
    dekking = zegeldekking(ledger.recorder, g, ontleed(id_)[1], getattr(ledger.mapper, "zegelsleutel", None))
    answer = eventpagina(gevonden[0], [e for e in journaal if e.betreft == id_], dekking)
    if vraag.json:
        return Response(json_tekst(answer), media_type="application/json")
    titel = _("Event {id}").format(id=id_)
    context = {"answer": answer, "event": gevonden[0], "gemeente": g, "vraag": vraag, "koppeling": naar_event}
    return pagina(request, "event.html.j2", titel=titel, **context)
