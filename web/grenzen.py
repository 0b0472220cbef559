"""What a request may bring: bodies counted while they are read, chunked or not, and refused with 413 past the cap.

Only the routes that take files (record, correct, verify an uploaded snapshot) accept a large body: 50 MB a
request, 10 MB a file, 20 files. Every other body (a login, a form) is at most 64 KB. A declared
Content-Length past the cap is refused before a byte is read; a body without one is counted as it arrives.
The multipart parser stops a file at 10 MB while it is being written, and closes (so deletes) every
temporary file it had made when it stops.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import PurePath

from starlette.convertors import IntegerConvertor, register_url_convertor
from starlette.datastructures import FormData, Headers
from starlette.formparsers import FormParser, MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from documents.laders import GROOTSTE_BESTAND
from taal import _
from web.logboek import meld
from web.vraag import OngeldigeVraag

GROOTSTE_UPLOAD = 50 * 2**20
MEESTE_BESTANDEN = 20
GROOTSTE_FORMULIER = 64 * 2**10
UPLOADS = frozenset({"/record", "/correct", "/snapshots/verify"})


class Getal(IntegerConvertor):
    """A number in a path (a snapshot, a year) of at most 18 digits: longer is no page here (404), never
    an integer past what the database holds (2^63) or Python reads from text."""

    regex = "[0-9]{1,18}"


register_url_convertor("getal", Getal())


class TeGroot(Exception):
    """A body past its cap: refused while it is read (413), nothing kept of it."""


def grens(pad: str) -> int:
    """The most bytes a body to this path may have."""
    return GROOTSTE_UPLOAD if pad in UPLOADS else GROOTSTE_FORMULIER


def _mb(grootte: int) -> str:
    return f"{grootte // 2**20} MB" if grootte >= 2**20 else f"{grootte // 2**10} KB"


class Lichaamsgrens:
    """Pure ASGI middleware: counts the bytes `receive` gives and raises TeGroot past the path's cap."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        hoogstens = grens(scope["path"])
        gezegd = Headers(scope=scope).get("content-length", "")
        if gezegd.isdigit() and int(gezegd) > hoogstens:
            await _weiger(
                scope,
                send,
                _("dit verzoek is groter dan {grens} (Content-Length {gezegd})").format(
                    grens=_mb(hoogstens), gezegd=gezegd
                ),
            )
            return
        await self.app(scope, _geteld(receive, hoogstens), send)


def _geteld(receive: Receive, hoogstens: int) -> Receive:
    gelezen = 0

    async def ontvang() -> Message:
        nonlocal gelezen
        bericht = await receive()
        gelezen += len(bericht.get("body", b""))
        if gelezen > hoogstens:
            raise TeGroot(_("dit verzoek is groter dan {grens}; niets is bewaard").format(grens=_mb(hoogstens)))
        return bericht

    return ontvang


async def _weiger(scope: Scope, send: Send, reden: str) -> None:
    request = Request(scope)
    meld(request, "geweigerd", reden=reden, pad=scope["path"])
    inhoud = f"413: {reden}\n".encode()
    kop = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(inhoud)).encode())]
    await send({"type": "http.response.start", "status": 413, "headers": [*kop, (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": inhoud})


class _Delen(MultiPartParser):
    """Starlette's multipart parser, which stops a file at GROOTSTE_BESTAND while it is being written."""

    def on_part_begin(self) -> None:
        super().on_part_begin()
        self._grootte = 0

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._current_part.file is not None:
            self._grootte += end - start
            if self._grootte > GROOTSTE_BESTAND:
                naam = PurePath(self._current_part.file.filename or "").name[:100]
                raise TeGroot(
                    _("{naam}: is groter dan 10 MB; zo groot is een document nooit; er is niets geboekt").format(
                        naam=naam
                    )
                )
        super().on_part_data(data, start, end)


@asynccontextmanager
async def formulier(request: Request, bestanden: int = 0, velden: int = 10) -> AsyncIterator[FormData]:
    """The request's form with at most this many files (each at most 10 MB) and fields; closed after use.

    A malformed form is an OngeldigeVraag (400), a form past a cap TeGroot (413); a body of another kind
    is an empty form, as Starlette's own `request.form()` gives.
    """
    soort = request.headers.get("content-type", "")
    try:
        grenzen = {"max_fields": velden, "max_part_size": GROOTSTE_FORMULIER}  # a field that is no file
        if soort.startswith("multipart/form-data"):
            gegevens = await _Delen(request.headers, request.stream(), max_files=bestanden, **grenzen).parse()
        elif soort.startswith("application/x-www-form-urlencoded"):
            gegevens = await FormParser(request.headers, request.stream(), **grenzen).parse()
        else:
            gegevens = FormData()
    except MultiPartException as fout:
        meld(request, "geweigerd", reden=fout.message, pad=request.url.path)
        raise OngeldigeVraag(_("dit formulier kan niet gelezen worden: {fout}").format(fout=fout.message)) from None
    try:
        yield gegevens
    finally:
        await gegevens.close()
