"""How `serve` runs under uvicorn: the application factory each worker calls, and the protocol with deadlines.

uvicorn (0.55, h11) arms no timer on a new connection: one that sends nothing, or half a request line,
is held for ever (20,000 of them exhaust the descriptors and stop the server), and a body may trickle in
as slowly as its sender likes. `Termijnprotocol` is uvicorn's own h11 protocol with two deadlines: a
request's headers must be in within `kop` seconds of the connection (or of the previous response), its
body within `body` seconds of its headers; else the connection is closed (with a 408 when a request had
begun). The workers are separate processes (spawned, not forked): each calls `fabriek()`, which opens its
own engine from the settings `serve` leaves in the environment.
"""

from __future__ import annotations

import asyncio
import json
import os
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

import h11
from starlette.applications import Starlette
from uvicorn.protocols.http.h11_impl import H11Protocol

OMGEVING = "BEGROTING_SERVE"
TE_LAAT = b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"


@dataclass(frozen=True)
class Instellingen:
    """What `serve` was told; handed to the workers as JSON in the environment variable BEGROTING_SERVE."""

    db: str | None = None
    zegelsleutel: str | None = None
    logboek: str | None = None
    vertrouwd: list[str] = field(default_factory=list)
    kop: float = 10.0
    body: float = 60.0

    def bewaar(self) -> None:
        os.environ[OMGEVING] = json.dumps(asdict(self))


@cache
def instellingen() -> Instellingen:
    return Instellingen(**json.loads(os.environ.get(OMGEVING, "{}")))


def fabriek() -> Starlette:
    """The application of one worker: its own engine, its own handle on the security log."""
    from ledger.bootstrap import bootstrap
    from ledger.zegelsleutel import lees_sleutel
    from web.app import maak_app
    from web.logboek import Logboek

    opties = instellingen()
    sleutel = lees_sleutel(Path(opties.zegelsleutel)) if opties.zegelsleutel else None
    uit = open(opties.logboek, "a", encoding="utf-8") if opties.logboek else None  # noqa: SIM115  # the worker's life
    return maak_app(bootstrap(opties.db, sleutel), Logboek(uit), opties.vertrouwd)


class Termijnprotocol(H11Protocol):
    """uvicorn's h11 protocol, closing a connection whose request headers or body are late."""

    _wekker: asyncio.TimerHandle | None = None
    _fase: object = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._volg()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._volg()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._volg()

    def connection_lost(self, exc: Exception | None) -> None:
        self._zet(None, 0)
        super().connection_lost(exc)

    def _volg(self) -> None:
        """A deadline per phase: from the first byte of a request's headers' wait, from the end of them."""
        fase = self.conn.their_state
        if self.transport.is_closing() or fase not in (h11.IDLE, h11.SEND_BODY):
            self._zet(None, 0)
        elif fase is not self._fase:
            self._zet(fase, instellingen().kop if fase is h11.IDLE else instellingen().body)

    def _zet(self, fase: object, seconden: float) -> None:
        if self._wekker is not None:
            self._wekker.cancel()
        self._fase, self._wekker = fase, None
        if fase is not None:
            self._wekker = self.loop.call_later(seconden, self._te_laat)

    def _te_laat(self) -> None:
        """A request that had begun is told why; an idle connection is just closed, as a proxy would."""
        halve_kop = self.conn.their_state is h11.IDLE and bool(self.conn.trailing_data[0])
        onbeantwoord = self.conn.their_state is h11.SEND_BODY and not self.cycle.response_started
        if halve_kop or onbeantwoord:
            self.transport.write(TE_LAAT)
        if self.cycle is not None:
            self.cycle.disconnected = True
        self.transport.close()
