"""The forms that change something: record (upload documents), login and logout; each checks its CSRF token."""

from __future__ import annotations

from pathlib import PurePath

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from documents.documenten import documenten_uit
from documents.laders import GROOTSTE_BESTAND
from documents.waarschuwing import weiger_bij_waarschuwing
from events.errors import BronConflict, LedgerError, SchrijfConflict
from ledger.application import Uitkomst
from projections.reader import Reader
from taal import _, ngettext
from web.corrigeren import TITEL
from web.grenzen import MEESTE_BESTANDEN
from web.grenzen import formulier as formulier_van
from web.logboek import meld
from web.sessie import check_csrf, check_gemeente, einde_sessie, gebruikers, mag_boeken, nieuwe_sessie, vereist
from web.weergave import pagina


def boeken_formulier(request: Request) -> Response:
    vereist(request)
    return pagina(request, "boeken.html.j2", titel=_(TITEL))


async def boeken(request: Request) -> Response:
    """Record the uploaded documents as the logged-in user, all or nothing, and say what happened."""
    gebruiker = mag_boeken(request)
    async with formulier_van(request, bestanden=MEESTE_BESTANDEN) as formulier:
        check_csrf(request, formulier.get("csrf"))
        bestanden = [b for b in formulier.getlist("bestanden") if isinstance(b, UploadFile) and b.filename]
        if not bestanden:
            return pagina(request, "boeken.html.j2", 400, titel=_(TITEL), fout=_("kies een of meer bestanden"))
        inhoud = [(PurePath(b.filename or "").name, await b.read(GROOTSTE_BESTAND + 1)) for b in bestanden]
        strikt = formulier.get("strict") is not None
    try:
        uitkomsten = await run_in_threadpool(_boek, request, inhoud, gebruiker.naam, strikt)
    except LedgerError as fout:
        status = 409 if isinstance(fout, (BronConflict, SchrijfConflict)) else 400
        meld(request, "geweigerd", gebruiker=gebruiker.naam, reden=str(fout), pad=request.url.path)
        return pagina(request, "boeken.html.j2", status, titel=_(TITEL), fout=_("fout: {fout}").format(fout=fout))
    regels, waarschuwingen = uitkomsten
    return pagina(request, "boeken.html.j2", titel=_(TITEL), regels=regels, waarschuwingen=waarschuwingen)


def _boek(request: Request, inhoud: list[tuple[str, bytes]], door: str, strikt: bool) -> tuple[list[str], list[str]]:
    """The warnings of `record`, the document's own and against the ledger; strict: a warning refuses the upload."""
    gelezen = documenten_uit(inhoud)
    for gemeente in sorted({d.gemeente for d in gelezen}):  # all or nothing: one outside the scope refuses all
        check_gemeente(request, gemeente, schrijven=True)
    from checks.waarschuwer import gewaarschuwd  # the write side's checks: loaded by a record only

    documenten = gewaarschuwd(Reader(request.app.state.ledger), gelezen)
    meldingen = [m for d in documenten for m in d.meldingen]
    if strikt:
        weiger_bij_waarschuwing(meldingen)
    uitkomsten = request.app.state.ledger.boek(documenten, door)
    return [verslag(u, door) for u in uitkomsten], meldingen


def verslag(u: Uitkomst, door: str) -> str:
    if not u.nieuw:
        gezegd = _("{bestand}: bron {bron} staat al zo geboekt voor {gemeente}; niets veranderd")
        return gezegd.format(bestand=u.bestand, bron=u.bron, gemeente=u.gemeente)
    ids = u.event_ids[0] if len(u.event_ids) == 1 else f"{u.event_ids[0]} .. {u.event_ids[-1]}"
    aantal = ngettext("{n} event", "{n} events", len(u.event_ids)).format(n=len(u.event_ids))
    gezegd = _("{bestand}: bron {bron} geboekt voor {gemeente} door {door}: {aantal} ({ids})")
    return gezegd.format(bestand=u.bestand, bron=u.bron, gemeente=u.gemeente, door=door, aantal=aantal, ids=ids)


def inloggen_formulier(request: Request) -> Response:
    return pagina(request, "inloggen.html.j2", titel=_("Inloggen"), terug=_terug(request.query_params.get("terug")))


async def inloggen(request: Request) -> Response:
    formulier = await request.form(max_files=0, max_fields=10)
    check_csrf(request, formulier.get("csrf"))
    naam, wachtwoord = str(formulier.get("naam", "")), str(formulier.get("wachtwoord", ""))
    gebruiker = await run_in_threadpool(gebruikers(request).controleer, naam, wachtwoord)
    terug = _terug(str(formulier.get("terug", "/")))
    if gebruiker is None:
        fout = "naam of wachtwoord onjuist, of de gebruiker is uitgeschakeld"
        return pagina(request, "inloggen.html.j2", 401, titel="Inloggen", fout=fout, terug=terug, naam=naam)
    nieuwe_sessie(request, gebruiker)
    return RedirectResponse(terug, status_code=303)


async def uitloggen(request: Request) -> Response:
    formulier = await request.form(max_files=0, max_fields=10)
    check_csrf(request, formulier.get("csrf"))
    einde_sessie(request)
    return RedirectResponse("/login", status_code=303)


def _terug(pad: str | None) -> str:
    """Only a path on this site: a login never sends anyone elsewhere."""
    return pad if pad and pad.startswith("/") and not pad.startswith("//") and "\\" not in pad else "/"
