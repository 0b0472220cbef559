"""System time in the read models: integer microseconds since 1970 UTC, exact and fast on every backend."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
EINDE_DER_TIJDEN = 2**62


def naar_us(moment: datetime) -> int:
    return (moment - EPOCH) // timedelta(microseconds=1)


def iso_naar_us(tekst: str) -> int:
    """A stored ISO 8601 timestamp ('2026-11-23T05:15:26.584984Z') in microseconds."""
    return naar_us(datetime.fromisoformat(tekst))


def van_us(us: int) -> datetime:
    return EPOCH + timedelta(microseconds=us)


def iso(us: int) -> str:
    return van_us(us).isoformat(timespec="microseconds")
