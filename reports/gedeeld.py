"""Pieces that several reports share: the query's point in time, and year columns."""

from __future__ import annotations

from events.klok import toon_moment
from projections.zicht import Zicht
from reports.model import Column, kolom
from taal import N_, _


def peil_tekst(zicht: Zicht) -> str:
    wanneer = _("bekend op {datum}").format(datum=zicht.as_of)
    if zicht.recorded_by is None:
        return wanneer
    tot = zicht.recorded_by  # the end of the span asked: a whole second reads as that second, as it was given
    moment = toon_moment(tot, exact=tot.microsecond != 999_999)
    return _("{wanneer}, geboekt tot {moment}").format(wanneer=wanneer, moment=moment)


def jaarkolommen(jaren: list[int], *, signed: bool = False) -> tuple[Column, ...]:
    """A label column and one money column per year."""
    return (kolom("", ""), *(kolom(str(j), money=True, signed=signed) for j in jaren))


OORDELEN = {"klopt": N_("klopt"), "afronding": N_("afronding"), "verschil": N_("VERSCHIL")}
"""A check's verdict (`events.getallen.oordeel`) as a table says it; JSON and CSV keep the word itself."""


def oordeel_tekst(oordeel: str | None) -> str:
    return _(OORDELEN[oordeel]) if oordeel in OORDELEN else oordeel or ""
