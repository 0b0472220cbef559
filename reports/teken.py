"""An answer shown + = nadeel, as some gemeenten write it: the signed figures flipped, the legends saying so.

What is signed is said where a report is built (Column.signed, Bedrag.teken): effects, saldi and
mutaties are + = voordeel; plain amounts (a raming, a bedrag, a reserve's stand) have no such sign and
stay as they are. The JSON form (`Answer.data`) is never touched: it is + = voordeel always.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from reports.model import Answer, Bedrag, Cel, Column, Deel, Report, Row, Teken, Tekst


def getekend(answer: Answer, teken: Teken) -> Answer:
    """`answer` as `teken` says: as it is for voordeel; for nadeel every signed figure flipped."""
    if teken is Teken.voordeel:
        return answer
    return replace(
        answer,
        reports=tuple(_report(r) for r in answer.reports),
        csv=None if answer.csv is None else _report(answer.csv),
        title=_tekst(answer.title),
        intro=_tekst(answer.intro),
    )


def _report(report: Report) -> Report:
    return replace(
        report,
        title=_tekst(report.title),
        rows=tuple(_rij(r, report.columns) for r in report.rows),
        footnotes=tuple(_tekst(f) for f in report.footnotes),
    )


def _rij(rij: Row, kolommen: tuple[Column, ...]) -> Row:
    signed = {k.key for k in kolommen if k.signed}
    return replace(rij, cells={k: _cel(w, k in signed) for k, w in rij.cells.items()})


def _cel(waarde: Cel, signed: bool) -> Cel:
    """A Bedrag says itself whether it is signed; a bare Decimal is signed when its column is."""
    if isinstance(waarde, Bedrag):
        return _bedrag(waarde)
    if signed and isinstance(waarde, str) and waarde[:2] in ("+ ", "- "):  # a signed figure as text (a %)
        return ("- " if waarde[0] == "+" else "+ ") + waarde[2:]
    return _tegen(waarde) if signed and isinstance(waarde, Decimal) else waarde


def _bedrag(bedrag: Bedrag) -> Bedrag:
    return replace(bedrag, waarde=_tegen(bedrag.waarde)) if bedrag.teken else bedrag


def _tegen(bedrag: Decimal | None) -> Decimal | None:
    return -bedrag if bedrag else bedrag  # 0 stays 0, not -0.00


def _tekst(delen: Tekst) -> Tekst:
    return tuple(_deel(d) for d in delen)


def _deel(deel: Deel) -> Deel:
    if deel is Teken.voordeel:
        return Teken.nadeel
    return _bedrag(deel) if isinstance(deel, Bedrag) else deel
