"""The ids users see and type for events, without loading the ledger's aggregate."""

from __future__ import annotations

from events.errors import OnbekendEvent


def event_id(gemeente: str, versie: int) -> str:
    """The id users see and type: GM1708-0007 is the 7th event of GM1708's ledger."""
    return f"{gemeente}-{versie:04d}"


def ontleed(doel: str) -> tuple[str, int]:
    """GM1708-0007 -> ("GM1708", 7)"""
    gemeente, _, nummer = doel.partition("-")
    if not (gemeente.startswith("GM") and len(gemeente) == 6 and nummer.isascii() and nummer.isdigit()):
        raise OnbekendEvent(f"{doel[:40]!r} is not an event id like GM1708-0007")
    if len(nummer) > 18:  # no ledger holds 10^18 events; Python refuses to read 4,300 digits
        raise OnbekendEvent(f"event {doel[:40]}...: no ledger holds that many events")
    return gemeente, int(nummer)
