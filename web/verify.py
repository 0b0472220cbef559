"""`/verify`: the hash chains, seals, triggers and read models checked, as `begroting verify` does.

Verify rebuilds every read model in scratch tables to compare them, a write: so it runs on a POST with
the CSRF token, for a role that may change something; an auditor runs `begroting verify` itself.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ledger.application import BegrotingApp
from projections.verify import Verificatie, controleer
from reports.verify import regels
from taal import _
from web.sessie import check_csrf, check_gemeente, mag_boeken, vereist
from web.weergave import pagina


def verify_formulier(request: Request) -> Response:
    vereist(request)
    return pagina(request, "verify.html.j2", titel=_("Controle van het grootboek"))


async def verify(request: Request) -> Response:
    mag_boeken(request)
    for gemeente in request.app.state.reader.gemeenten():  # it checks, and names, every gemeente's events
        check_gemeente(request, gemeente, schrijven=True)
    async with request.form(max_files=0, max_fields=5) as formulier:
        check_csrf(request, formulier.get("csrf"))
    controle = await run_in_threadpool(_controleer, request.app.state.ledger)
    titel = _("Controle van het grootboek")
    return pagina(request, "verify.html.j2", titel=titel, regels=regels(controle), goed=controle.in_orde)


def _controleer(ledger: BegrotingApp) -> Verificatie:
    return controleer(ledger, getattr(ledger.mapper, "zegelsleutel", None), None)
