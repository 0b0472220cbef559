"""Pieces that several reports share: the query's point in time, and year columns."""

from __future__ import annotations

from projections.zicht import Zicht
from reports.model import Column, kolom


def peil_tekst(zicht: Zicht) -> str:
    wanneer = f"bekend op {zicht.as_of}"
    return wanneer + (f", geboekt tot {zicht.recorded_by:%Y-%m-%d %H:%M:%S %Z}" if zicht.recorded_by else "")


def jaarkolommen(jaren: list[int], *, signed: bool = False) -> tuple[Column, ...]:
    """A label column and one money column per year."""
    return (kolom("", ""), *(kolom(str(j), money=True, signed=signed) for j in jaren))
