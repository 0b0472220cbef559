"""The record of security events: one JSON line per login, logout, user or role change, ended session and
refused write, with the moment (UTC), the user, the address and what happened.

`serve --security-log FILE` appends to FILE; without it the lines go to standard error. The lines are
written whole under a lock, so the workers' threads never interleave them.
"""

from __future__ import annotations

import json
import sys
import threading
from datetime import UTC, datetime
from typing import TextIO

from starlette.requests import Request


class Logboek:
    """Appends security events as JSON lines to a stream (a file opened for appending, or stderr)."""

    def __init__(self, uit: TextIO | None = None) -> None:
        self._uit = uit
        self._slot = threading.Lock()

    def meld(self, gebeurtenis: str, *, gebruiker: str | None, adres: str | None, **velden: object) -> None:
        regel = {
            "tijd": datetime.now(UTC).isoformat(),
            "gebeurtenis": gebeurtenis,
            "gebruiker": gebruiker,
            "adres": adres,
            **velden,
        }
        tekst = json.dumps(regel, ensure_ascii=False, default=str) + "\n"
        uit = self._uit or sys.stderr
        with self._slot:
            uit.write(tekst)
            uit.flush()


def adres(request: Request) -> str | None:
    return request.client.host if request.client else None


def meld(request: Request, gebeurtenis: str, gebruiker: str | None = None, **velden: object) -> None:
    """Records one security event of this request in the application's log."""
    logboek: Logboek = request.app.state.logboek
    logboek.meld(gebeurtenis, gebruiker=gebruiker, adres=adres(request), **velden)
