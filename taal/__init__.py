"""Stand-in until r28-taal's gettext package is merged: the current language only (nl unless chosen)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

TALEN = ("nl", "en")
_TAAL: ContextVar[str] = ContextVar("taal", default="nl")


def huidige() -> str:
    return _TAAL.get()


def kies(code: str) -> None:
    _TAAL.set(code)


@contextmanager
def in_taal(code: str) -> Iterator[None]:
    token = _TAAL.set(code)
    try:
        yield
    finally:
        _TAAL.reset(token)


def _(bericht: str) -> str:
    return bericht


def ngettext(enkel: str, meer: str, n: int) -> str:
    return enkel if n == 1 else meer


def N_(bericht: str) -> str:
    return bericht
