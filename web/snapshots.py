"""`/snapshots`: freeze a jaarrekening snapshot, list those made here, download their files, verify one.

Freezing is a change (a controller or beheerder, with the CSRF token); listing, downloading and verifying
only read, so an auditor does them too. Verifying re-derives the figures with the snapshot's own query and
compares, as `begroting snapshot verify` does; a snapshot.json from elsewhere can be uploaded to verify.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from documents.laders import GROOTSTE_BESTAND
from events.errors import LedgerError
from events.gemeenten import OnduidelijkeGemeente, gemeentecode, in_bestandsnaam
from events.klok import NEDERLAND
from events.waarden import EERSTE_JAAR, LAATSTE_JAAR
from projections.snapshot import Snapshotvraag
from projections.snapshot_keuring import lees_snapshot
from reports.answers import Answers
from reports.render import als_bytes
from reports.render.json import tekst as json_tekst
from reports.snapshot import snapshot as snapshot_answer
from reports.snapshot_verify import kopregels, regels, verificatie
from taal import N_, _
from web.archief import Archief, Bewaard
from web.grenzen import formulier as formulier_van
from web.logboek import meld
from web.paginas import lezer
from web.sessie import check_csrf, check_gemeente, mag_boeken, mag_zien, vereist, zichtbaar
from web.vraag import OngeldigeVraag, datum, geheel, moment, waarde
from web.weergave import naar_event, pagina

TITEL = N_("Jaarrekening-snapshots")
BESTANDEN = {
    "snapshot.json": ("json", "application/json", ".json"),
    "snapshot.xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    "snapshot.md": ("markdown", "text/markdown; charset=utf-8", ".md"),
    "report.html": ("html", "text/html; charset=utf-8", "-report.html"),
}


def archief(request: Request) -> Archief:
    return request.app.state.archief


def lijst(request: Request, status: int = 200, **context: Any) -> Response:
    """Every snapshot made here (of one gemeente with ?gemeente=), newest first, and the form to freeze one."""
    vereist(request)
    gemeente = _code(waarde(request.query_params, "gemeente")) or context.pop("gemeente", None)
    if gemeente:
        check_gemeente(request, gemeente)
    gemeenten = zichtbaar(request, lezer(request).gemeenten())
    snapshots = [s for s in archief(request).lijst(gemeente) if mag_zien(request, s.gemeente)]
    nieuw = next((s.id for s in snapshots if str(s.id) == request.query_params.get("nieuw")), None)
    context |= {"gemeente": gemeente, "gemeenten": gemeenten, "snapshots": snapshots, "nieuw": nieuw}
    context.setdefault("vandaag", datetime.now(NEDERLAND).date().isoformat())
    return pagina(request, "snapshots.html.j2", status, titel=_(TITEL), bestanden=list(BESTANDEN), **context)


async def bevriezen(request: Request) -> Response:
    """Freeze as the logged-in user; then back to the list, where the new one is marked."""
    door = mag_boeken(request).naam
    async with request.form(max_files=0, max_fields=10) as formulier:
        check_csrf(request, formulier.get("csrf"))
        velden = QueryParams({k: str(v) for k, v in formulier.items() if k != "csrf"})
    try:
        vraag = _snapshotvraag(velden)
        check_gemeente(request, vraag.gemeente, schrijven=True)
        nummer = await run_in_threadpool(_bevries, request, vraag, door)
    except (OngeldigeVraag, LedgerError) as fout:
        return lijst(
            request,
            400,
            fout=_("fout: {fout}").format(fout=fout),
            gemeente=velden.get("gemeente"),
            formulier=dict(velden),
        )
    return RedirectResponse(f"/snapshots?{urlencode({'gemeente': vraag.gemeente, 'nieuw': nummer})}", 303)


def _snapshotvraag(velden: QueryParams) -> Snapshotvraag:
    gemeente = _code(waarde(velden, "gemeente"))
    if gemeente is None:
        raise OngeldigeVraag(_("gemeente: kies een gemeente"))
    jaar, bekend_op = geheel(velden, "jaar", 0), datum(velden, "bekend_op")
    if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        raise OngeldigeVraag(
            _("jaar: geef het jaar van de jaarrekening, binnen {van}-{tot}").format(van=EERSTE_JAAR, tot=LAATSTE_JAAR)
        )
    if bekend_op is None:
        raise OngeldigeVraag(_("bekend_op: geef een datum, zoals 2021-04-15"))
    return Snapshotvraag(gemeente, jaar, bekend_op, moment(velden, "geboekt_op"))


def _bevries(request: Request, vraag: Snapshotvraag, door: str) -> int:
    gemaakt = {"op": datetime.now(UTC).isoformat(), "door": door}
    answer = Answers(lezer(request)).snapshot(vraag, gemaakt)
    return archief(request).bewaar(json_tekst(answer))


def _bewaard(request: Request) -> Bewaard:
    gevonden = archief(request).zoek(request.path_params["nummer"])
    if gevonden is None or not mag_zien(request, gevonden.gemeente):
        raise HTTPException(404)
    return gevonden


def _code(gemeente: str | None) -> str | None:
    """A code or name as the code (`steenwijkerland` is GM1708)."""
    try:
        return None if gemeente is None else gemeentecode(gemeente)
    except OnduidelijkeGemeente as fout:
        raise OngeldigeVraag(_("gemeente: {fout}").format(fout=fout)) from None


def download(request: Request) -> Response:
    """One of the four files `begroting snapshot` writes, rendered from the kept snapshot.json."""
    vereist(request)
    bewaard, bestand = _bewaard(request), request.path_params["bestand"]
    if bestand not in BESTANDEN:
        raise HTTPException(404)
    formaat, soort, staart = BESTANDEN[bestand]
    naam = f"snapshot-{bewaard.id}-{in_bestandsnaam(bewaard.gemeente)}-{bewaard.jaar}{staart}"
    kop = {"content-disposition": f'attachment; filename="{naam}"'}
    return Response(_inhoud(bewaard, formaat), media_type=soort, headers=kop)


def _inhoud(bewaard: Bewaard, formaat: str) -> bytes:
    if formaat == "json":
        return bewaard.inhoud.encode("utf-8")
    return als_bytes(snapshot_answer(bewaard.gegevens), formaat)


async def verifieer(request: Request) -> Response:
    """Re-derive a kept snapshot and compare: what differs, and which events recorded since explain it."""
    vereist(request)
    bewaard = _bewaard(request)
    return await _verificatie(request, bewaard.gegevens, _("snapshot {nummer}").format(nummer=bewaard.id), bewaard)


async def verifieer_bestand(request: Request) -> Response:
    """Verify an uploaded snapshot.json (one kept with the jaarrekening dossier, say): it only reads."""
    vereist(request)
    async with formulier_van(request, bestanden=1, velden=5) as formulier:
        check_csrf(request, formulier.get("csrf"))
        bestand = formulier.get("bestand")
        if not isinstance(bestand, UploadFile) or not bestand.filename:
            return lijst(request, 400, fout=_("fout: kies een snapshot.json"))
        naam, inhoud = Path(bestand.filename).name, await bestand.read(GROOTSTE_BESTAND + 1)
    try:
        if len(inhoud) > GROOTSTE_BESTAND:
            raise ValueError(_("groter dan 10 MB"))
        gegevens = lees_snapshot(inhoud)
    except ValueError as fout:
        meld(request, "geweigerd", reden=f"{naam}: not a snapshot written by begroting ({fout})", pad=request.url.path)
        return lijst(request, 400, fout=geen_snapshot(naam, fout))
    if isinstance(query := gegevens.get("query"), dict) and isinstance(query.get("gemeente"), str):
        check_gemeente(request, query["gemeente"])
    return await _verificatie(request, gegevens, naam, None)


def geen_snapshot(naam: str, fout: Exception) -> str:
    return _("fout: {naam}: geen snapshot geschreven door begroting ({fout})").format(naam=naam, fout=fout)


async def _verificatie(request: Request, gegevens: dict[str, Any], naam: str, bewaard: Bewaard | None) -> Response:
    reader = lezer(request)
    try:
        uitslag = await run_in_threadpool(reader.verifieer_snapshot, gegevens)
    except (LedgerError, ValueError, KeyError, TypeError) as fout:
        return lijst(request, 400, fout=geen_snapshot(naam, fout))
    gemaakt = gegevens.get("gemaakt") or {}
    kop, slot = kopregels(uitslag, gemaakt.get("op", "")), regels(uitslag, naam, gemaakt.get("op", ""))[-1]
    context = {"uitslag": uitslag, "regels": [*kop, slot], "naam": naam}
    context |= {"answer": verificatie(uitslag), "bewaard": bewaard, "query": gegevens.get("query", {})}
    context["koppeling"] = naar_event
    return pagina(
        request, "snapshot_verify.html.j2", titel=_("Controle van {naam}").format(naam=naam), gemaakt=gemaakt, **context
    )
