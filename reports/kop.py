"""Pieces that several reports share: the query's point in time, and year columns."""

from __future__ import annotations

from projections.peil import Peil
from reports.model import Column, kolom


def peil_tekst(peil: Peil) -> str:
    wanneer = f"bekend op {peil.as_of}"
    return wanneer + (f", geboekt tot {peil.recorded_by:%Y-%m-%d %H:%M:%S %Z}" if peil.recorded_by else "")


def jaarkolommen(jaren: list[int], *, signed: bool = False) -> tuple[Column, ...]:
    """A label column and one money column per year."""
    return (kolom("", ""), *(kolom(str(j), money=True, signed=signed) for j in jaren))
