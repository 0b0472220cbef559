"""The language the product speaks: Dutch source texts, English from a catalogue.

Every user-facing text is a Dutch msgid passed through `_()` (or `ngettext`, or marked with `N_()` where it
is a module-level constant and translated at use). `nl` needs no catalogue: the msgid is the text. `en` reads
`locale/en/LC_MESSAGES/begroting.mo`, compiled from `po/en/*.po` by `python -m tools.vertalingen`.

The process has one language (`kies`, once, from `--taal`, `BEGROTING_TAAL` or the locale); one web request
may speak another (`in_taal`), held in a context variable so that concurrent requests do not mix.
This room imports nothing of the project: every other room may import it.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

TALEN = ("nl", "en")
"""The languages there are, the default first."""
DOMEIN = "begroting"
LOCALE = Path(__file__).parent / "locale"

_proces = "nl"
_verzoek: ContextVar[str | None] = ContextVar("begroting_taal", default=None)


def code_van(tekst: str | None) -> str | None:
    """`en`, `EN`, `en_GB.UTF-8` -> en; `nl_BE` -> nl; anything else (C, POSIX, fr, '') -> None."""
    if not tekst:
        return None
    code = tekst.strip().lower()[:2]
    return code if code in TALEN and tekst.strip()[2:3] in ("", "_", "-", ".") else None


def uit_omgeving() -> str:
    """BEGROTING_TAAL when it names a language; else the locale (LC_ALL, LC_MESSAGES, LANG) when it is English;
    else Dutch."""
    gekozen = code_van(os.environ.get("BEGROTING_TAAL"))
    if gekozen:
        return gekozen
    locale = next((os.environ[n] for n in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(n)), "")
    return "en" if code_van(locale) == "en" else "nl"


def kies(code: str | None = None) -> str:
    """Sets the process language: `code` when given (nl or en), else from the environment. Returns it."""
    global _proces
    if code is not None and code_van(code) is None:
        raise ValueError(f"{code!r}: kies uit {', '.join(TALEN)}")
    _proces = code_van(code) or uit_omgeving()
    return _proces


def huidige() -> str:
    """The language of this request if one is chosen (`in_taal`), else the process's."""
    return _verzoek.get() or _proces


@contextmanager
def in_taal(code: str | None) -> Iterator[str]:
    """Speak `code` (nl or en; None: the process's language) inside the block, e.g. for one web request."""
    gekozen = code_van(code) or _proces
    teken = _verzoek.set(gekozen)
    try:
        yield gekozen
    finally:
        _verzoek.reset(teken)


@cache
def vertaling(code: str, domein: str = DOMEIN) -> gettext.NullTranslations:
    """The catalogue of a language, read once; a language without one (Dutch for our own texts: they are the
    source) gets the texts as they are."""
    pad = LOCALE / code / "LC_MESSAGES" / f"{domein}.mo"
    if not pad.exists():
        return gettext.NullTranslations()
    with pad.open("rb") as bestand:
        return gettext.GNUTranslations(bestand)


def _(bericht: str) -> str:
    """The Dutch text `bericht` in the current language."""
    return bericht if huidige() == "nl" else vertaling(huidige()).gettext(bericht)


def ngettext(enkel: str, meer: str, n: int) -> str:
    """`enkel` when n is 1, else `meer`, in the current language."""
    return vertaling(huidige()).ngettext(enkel, meer, n)


def N_(bericht: str) -> str:
    """Marks a text for the catalogue without translating it: for constants read before a language is chosen.
    Translate with `_()` where it is shown."""
    return bericht


__all__ = ["N_", "TALEN", "_", "huidige", "in_taal", "kies", "ngettext"]
