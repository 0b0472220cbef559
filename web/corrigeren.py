"""Correct and withdraw: the two forms beside record, with a reason an auditor reads with the event."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import Response

from documents.documenten import lees_document
from documents.laders import GROOTSTE_BESTAND
from events.errors import BronConflict, LedgerError, OnbekendEvent, SchrijfConflict
from ledger.application import BegrotingApp, Uitkomst
from ledger.ids import ontleed
from taal import N_, _
from web.grenzen import formulier as formulier_van
from web.logboek import meld
from web.sessie import check_csrf, check_gemeente, mag_boeken
from web.vraag import OngeldigeVraag
from web.weergave import pagina

TITEL = N_("Documenten boeken")


async def intrekken(request: Request) -> Response:
    """Withdraw an event as the logged-in user; before now it still shows."""
    door = mag_boeken(request).naam
    async with formulier_van(request, velden=5) as formulier:
        check_csrf(request, formulier.get("csrf"))
        doel, reden = _doel_en_reden(formulier)
    _mag_wijzigen(request, doel)
    ledger: BegrotingApp = request.app.state.ledger
    return await _uitvoeren(request, lambda: _gezegd(ledger.trek_in(doel, reden, door), N_("intrekking"), doel, reden))


async def corrigeren(request: Request) -> Response:
    """Replace an event by the one event of an uploaded document (YAML, JSON or a workbook), as `begroting correct`."""
    door = mag_boeken(request).naam
    async with formulier_van(request, bestanden=1, velden=5) as formulier:
        check_csrf(request, formulier.get("csrf"))
        doel, reden = _doel_en_reden(formulier)
        _mag_wijzigen(request, doel)
        bestand = formulier.get("bestand")
        if not isinstance(bestand, UploadFile) or not bestand.filename:
            return pagina(request, "boeken.html.j2", 400, titel=_(TITEL), fout=_("fout: kies het herstelde document"))
        naam, inhoud = PurePath(bestand.filename).name, await bestand.read(GROOTSTE_BESTAND + 1)
    ledger: BegrotingApp = request.app.state.ledger

    def corrigeer() -> list[str]:
        document = lees_document(naam, bekend_op=ledger.bekend_op_van(doel), inhoud=inhoud)
        return _gezegd(ledger.corrigeer(doel, document, reden, door), N_("correctie"), doel, reden)

    return await _uitvoeren(request, corrigeer)


def _doel_en_reden(formulier: FormData) -> tuple[str, str]:
    doel, reden = str(formulier.get("event", "")).strip(), str(formulier.get("reden", ""))
    if not reden.strip():
        raise OngeldigeVraag(_("reden: zeg waarom: een auditor leest de reden bij het event; er is niets geboekt"))
    return doel, reden


def _mag_wijzigen(request: Request, doel: str) -> None:
    """The event's gemeente in the user's scope; an id that names none is the ledger's to refuse (400)."""
    try:
        gemeente, _nummer = ontleed(doel)
    except OnbekendEvent:
        return
    check_gemeente(request, gemeente, schrijven=True)


async def _uitvoeren(request: Request, opdracht: Callable[[], list[str]]) -> Response:
    try:
        regels = await run_in_threadpool(opdracht)
    except LedgerError as fout:
        status = 409 if isinstance(fout, (BronConflict, SchrijfConflict)) else 400
        meld(request, "geweigerd", gebruiker=mag_boeken(request).naam, reden=str(fout), pad=request.url.path)
        return pagina(request, "boeken.html.j2", status, titel=_(TITEL), fout=_("fout: {fout}").format(fout=fout))
    return pagina(request, "boeken.html.j2", titel=_(TITEL), regels=regels)


def _gezegd(uitkomst: Uitkomst, wat: str, doel: str, reden: str) -> list[str]:
    if not uitkomst.nieuw:
        return [_("{doel} staat al zoals dit document zegt; niets veranderd").format(doel=doel)]
    gezegd = _("geboekt {id}: {wat} van {doel} ({reden})")
    return [gezegd.format(id=uitkomst.event_ids[0], wat=_(wat), doel=doel, reden=reden)]
