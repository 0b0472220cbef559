"""Each request in the language its browser asks for: Accept-Language with its q-values, Dutch by default."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from taal import TALEN, in_taal


def gevraagde_taal(kop: str | None) -> str:
    """`en-GB,en;q=0.9,nl;q=0.8` -> en; `nl;q=0.5, en;q=0.7` -> en; `fr, *` or nothing -> nl (the first of TALEN).

    The highest q wins, the earlier of two equal ones; q=0 means "not this one"; a tag counts by its language.
    """
    beste, beste_q = TALEN[0], 0.0
    for deel in (kop or "").split(","):
        tag, *parameters = (p.strip() for p in deel.split(";"))
        q = _q(parameters)
        code = tag.lower().split("-")[0]
        if code in TALEN and q > beste_q:
            beste, beste_q = code, q
    return beste


def _q(parameters: list[str]) -> float:
    for p in parameters:
        naam, _, waarde = p.partition("=")
        if naam.strip().lower() == "q":
            try:
                return min(max(float(waarde), 0.0), 1.0)
            except ValueError:
                return 0.0
    return 1.0


class Taalkeuze:
    """Pure ASGI, so that the language (a context variable) holds in the endpoint, its error pages included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        with in_taal(gevraagde_taal(Headers(scope=scope).get("accept-language"))):
            await self.app(scope, receive, send)
