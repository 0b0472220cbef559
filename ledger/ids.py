"""The ids users see and type for events, without loading the ledger's aggregate."""

from __future__ import annotations

from events.errors import OnbekendEvent
from taal import _


def event_id(gemeente: str, versie: int) -> str:
    """The id users see and type: GM1708-0007 is the 7th event of GM1708's ledger."""
    return f"{gemeente}-{versie:04d}"


def ontleed(doel: str) -> tuple[str, int]:
    """GM1708-0007 -> ("GM1708", 7)"""
    gemeente, _streep, nummer = doel.partition("-")
    if not (gemeente.startswith("GM") and len(gemeente) == 6 and nummer.isascii() and nummer.isdigit()):
        raise OnbekendEvent(_("{doel} is geen event-id zoals GM1708-0007").format(doel=repr(doel[:40])))
    if len(nummer) > 18:  # no ledger holds 10^18 events; Python refuses to read 4,300 digits
        raise OnbekendEvent(_("event {doel}...: geen grootboek bevat zoveel events").format(doel=doel[:40]))
    return gemeente, int(nummer)
