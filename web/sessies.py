"""Sessions on the server: the cookie holds a random token, the database a row under the token's SHA-256.

A session ends at logout, when its user is disabled or changes password, by `begroting user sessions end`,
after 30 minutes without a request and 12 hours after login; a cookie of an ended session is nobody's.
The cookie is HttpOnly, SameSite=Lax, and Secure exactly when the request came over https.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from collections.abc import Callable

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from web.tabellen import METADATA, SESSIES, sessies_beeindigen

STIL = 30 * 60
HOOGSTENS = 12 * 60 * 60
GEZIEN_PER = 60  # last seen is written at most once a minute: not every page view is a write
KOEKJE = "begroting"
TOKEN = re.compile(r"[A-Za-z0-9_-]{32,64}")


def _id(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


class Sessies:
    """The sessions of one database; `klok` gives seconds since the epoch (a test gives its own clock)."""

    def __init__(self, engine: Engine, klok: Callable[[], float] = time.time) -> None:
        self.engine, self.klok = engine, klok
        METADATA.create_all(engine)

    def begin(self, naam: str) -> str:
        """A new session of `naam`; its token, for the cookie only."""
        token, nu = secrets.token_urlsafe(32), self.klok()
        with self.engine.begin() as v:
            v.execute(insert(SESSIES).values(id=_id(token), naam=naam, gemaakt=nu, gezien=nu))
        return token

    def open(self, token: str) -> tuple[str | None, str | None]:
        """The user of the live session of `token` (or None), and why it ended if this look ended it."""
        nu = self.klok()
        with self.engine.begin() as v:
            r = v.execute(select(SESSIES).where(SESSIES.c.id == _id(token), SESSIES.c.beeindigd.is_(None))).first()
            if r is None:
                return None, None
            reden = "absoluut" if nu - r.gemaakt >= HOOGSTENS else "idle" if nu - r.gezien >= STIL else None
            if reden is not None:
                v.execute(update(SESSIES).where(SESSIES.c.id == r.id).values(beeindigd=nu, reden=reden))
                return r.naam, reden
            if nu - r.gezien >= GEZIEN_PER:
                v.execute(update(SESSIES).where(SESSIES.c.id == r.id).values(gezien=nu))
        return r.naam, None

    def beeindig(self, token: str, reden: str) -> str | None:
        """End the session of `token`; its user, if it was live."""
        nu = self.klok()
        with self.engine.begin() as v:
            live = (SESSIES.c.id == _id(token)) & SESSIES.c.beeindigd.is_(None)
            naam = v.execute(select(SESSIES.c.naam).where(live)).scalar()
            v.execute(update(SESSIES).where(live).values(beeindigd=nu, reden=reden))
        return naam

    def beeindig_van(self, naam: str, reden: str) -> int:
        """End every live session of `naam`; how many there were."""
        with self.engine.begin() as v:
            return sessies_beeindigen(v, naam, reden, self.klok())


class Kaart:
    """This request's token: the one its cookie brought, or a new one, set on the response."""

    def __init__(self, token: str | None) -> None:
        self.token, self.nieuw = token, False

    def vernieuw(self, token: str | None = None) -> str:
        self.token, self.nieuw = token or secrets.token_urlsafe(32), True
        return self.token

    def zeker(self) -> str:
        return self.token or self.vernieuw()

    def koekje(self, https: bool) -> str:
        return f"{KOEKJE}={self.token}; Path=/; Max-Age={HOOGSTENS}; HttpOnly; SameSite=Lax" + (
            "; Secure" if https else ""
        )


def kaart(request: Request) -> Kaart:
    return request.scope["begroting.kaart"]


class Sessiekoekje:
    """ASGI middleware: reads the token from the cookie (anything else is no token) and sets a new one."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        gegeven = Request(scope).cookies.get(KOEKJE, "")
        scope["begroting.kaart"] = deze = Kaart(gegeven if TOKEN.fullmatch(gegeven) else None)

        async def zend(bericht: Message) -> None:
            if bericht["type"] == "http.response.start" and deze.nieuw:
                MutableHeaders(scope=bericht).append("set-cookie", deze.koekje(scope.get("scheme") == "https"))
            await send(bericht)

        await self.app(scope, receive, zend)
