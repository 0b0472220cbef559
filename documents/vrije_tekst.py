"""Free text that is not part of a document (a reason, a name) under the documents' own rule for text.

The same characters are refused as in a document (documents/laders.py VERBODEN_TEKEN: C0 controls but tab,
line feed and carriage return, DEL, C1 controls, lone surrogates; so NUL and ESC always): an auditor's
terminal prints a reason as it stands. A reason may run over several lines, as a toelichting does; a
name is one line, as a titel is. Both are bounded.
"""

from __future__ import annotations

from documents.lezen import tekst_fout
from events.errors import OngeldigeInvoer
from taal import _

LANGSTE_REDEN = 2_000
LANGSTE_NAAM = 100


def fout(tekst: str, hoogstens: int, een_regel: bool) -> str | None:
    """What is wrong with this text, or None."""
    if len(tekst) > hoogstens:
        return _("is {n} tekens lang; hoogstens {max}").format(n=f"{len(tekst):,}", max=f"{hoogstens:,}")
    if een_regel and any(teken in tekst for teken in "\t\n\r"):
        return _("hoort één regel te zijn, zonder tabs of regeleinden")
    return tekst_fout(tekst)


def reden_fout(reden: str) -> str | None:
    return fout(reden, LANGSTE_REDEN, een_regel=False)


def naam_fout(naam: str) -> str | None:
    return fout(naam, LANGSTE_NAAM, een_regel=True)


def keur(reden: str, door: str) -> None:
    """Refuse a write whose reason or author breaks the rule: nothing is written."""
    for veld, melding in (("reden", reden_fout(reden)), ("door", naam_fout(door))):
        if melding:
            raise OngeldigeInvoer(veld, "", _("{melding}; er is niets geboekt").format(melding=melding))
