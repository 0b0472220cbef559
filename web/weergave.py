"""Rendering a page: the web's templates over the reports' own (the report partial included as is)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from functools import cache
from typing import Any

from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from events.gemeenten import met_naam
from events.klok import toon_iso, toon_moment
from reports.model import Answer, Cel, Column, Report, Row
from reports.render import html as report_html
from reports.render.json import tekst as json_tekst
from reports.teken import getekend
from web.sessie import Geweigerd, csrf_token, is_open, wie
from web.vraag import Vraag

KOPPELBARE_REPORTS = {"Diff", "Effect per post"}
EVENTKOLOMMEN = frozenset({"id", "event", "betreft", "vervangen_door"})
EVENT_ID = re.compile(r"(GM\d{4})-\d{4,}")


def naar_event(report: Report, rij: Row, kolom: Column, vraag: Vraag | None = None) -> str | None:
    """Every event id in a table (the journal's, an audit trail's, a snapshot's events) leads to its event page."""
    waarde = rij.cells.get(kolom.key)
    if isinstance(rij.cells.get(f"{kolom.key}_event"), str):  # the row names the event that set this cell
        waarde, kolom = rij.cells[f"{kolom.key}_event"], replace(kolom, key="event")
    gevonden = EVENT_ID.fullmatch(waarde) if kolom.key in EVENTKOLOMMEN and isinstance(waarde, str) else None
    if gevonden is None:
        return None
    pad = f"/gemeente/{gevonden[1]}/event/{waarde}"
    return pad if vraag is None else vraag.link(pad)


@cache
def omgeving() -> Environment:
    env = Environment(
        loader=ChoiceLoader([PackageLoader("web", "templates"), PackageLoader("reports", "templates")]),
        autoescape=select_autoescape(["j2"]),
        extensions=["jinja2.ext.i18n"],
    )
    report_html.vertaal(env)
    env.globals.update(report_html.omgeving().globals)
    env.filters["moment"] = toon_iso  # a stored ISO moment (UTC) as people read it, in Dutch time
    env.filters["exact_moment"] = lambda tekst: toon_iso(tekst, exact=True)
    env.filters["gemeente"] = met_naam  # GM1708 as Steenwijkerland (GM1708)
    return env


def pagina(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page with who is logged in and the session's CSRF token, for the menu and any form on it."""
    try:
        gebruiker = wie(request)
    except Geweigerd:  # the refusal's own page names nobody
        gebruiker = None
    context |= {"request": request, "gebruiker": gebruiker, "csrf": csrf_token(request)}
    context["open"] = is_open(request)
    return HTMLResponse(omgeving().get_template(template).render(context), status_code=status)


def antwoord(
    request: Request,
    vraag: Vraag,
    answers: list[Answer],
    gemeente: str,
    titel: str,
    status: int = 200,
    **context: Any,
) -> Response:
    """A question's answers: with ?format=json the first one's JSON exactly as the CLI writes it, else the page."""
    if vraag.json:
        return Response(json_tekst(answers[0]), media_type="application/json")

    def koppeling(report: Report, rij: Row, kolom: Column) -> str | None:
        """Every figure of a post and year leads to that figure's history and audit trail; every event's moment in
        the journal to the ledger just after that event (its exact moment, so a later event in the same second
        stays out); every event id to its event page."""
        if (naar := naar_event(report, rij, kolom, vraag)) is not None:
            return naar
        if report.name == "Journaal" and kolom.key == "geboekt_op" and rij.cells.get("moment"):
            return vraag.link(f"/gemeente/{gemeente}/saldo", geboekt_op=str(rij.cells["moment"]))
        if report.name not in KOPPELBARE_REPORTS or rij.kind != "post" or not kolom.money:
            return None
        waarde: Cel = rij.cells.get(kolom.key)
        return None if waarde is None else vraag.link(f"/gemeente/{gemeente}/post/{rij.cells['']}/{kolom.key}")

    answers = [getekend(a, vraag.teken) for a in answers]
    nu = toon_moment(datetime.now(UTC), exact=True)  # a later event in this same second stays out
    context |= {"answers": answers, "vraag": vraag, "gemeente": gemeente, "titel": titel, "koppeling": koppeling}
    context |= {"eenheid": vraag.eenheid, "nu": nu}
    return pagina(request, "vraag.html.j2", status, **context)
