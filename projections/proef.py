"""Checks of documents against the ledger before they are recorded: the warnings of `record`.

- an absolute information amount on a post and year without a raming in force at its
  bekend_op (other than a taakmutatie): the whole amount counts as effect;
- a document's `controle`: the effect on the verwacht saldo it states per year, against what
  its events do at their bekend_op, computed by a dry run of its rows inside a transaction
  that is rolled back. Nothing is written.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from events.base import Feit
from events.getallen import euro
from events.postbedragen import Postbedrag
from ledger.waarschuwing import Waarschuwing
from projections.saldo import saldo
from projections.tables import Tables
from projections.tijd import naar_us
from projections.writer import KOLOMMEN, postbedragrijen
from projections.zicht import Zicht

if TYPE_CHECKING:
    from ledger.documenten import Document

NUL = Decimal("0.00")
PROEF_VERSIE = 2**30  # above any real version: the dry run's rows are its own
BEGROOT = ("raming", "wijziging")


class Waarschuwingen:
    """What `record` warns of against the ledger, one document after another, on the record's own connection.

    A `controle` is checked by a dry run inside a savepoint that is rolled back: the record's
    transaction keeps what it wrote, and none of the dry run.
    """

    def __init__(self, v: Connection, t: Tables) -> None:
        from projections.buig_vorige import Vorige

        self.v, self.t = v, t
        self.ramingen, self.vorige = Ramingen(v, t), Vorige(v, t)

    def __call__(self, doc: Document, eerdere: Callable[[], Iterable[Document]]) -> list[Waarschuwing]:
        meldingen = self.ramingen.zonder(doc) + self.vorige.waarschuwingen(doc)
        if doc.controle:
            punt = self.v.begin_nested()
            try:
                meldingen += controle(self.v, self.t, doc, eerdere())
            finally:
                punt.rollback()
        return meldingen


def zonder_raming(v: Connection, t: Tables, documenten: list[Document]) -> list[list[Waarschuwing]]:
    """Per document: absolute information on a post and year that has no raming in force at its bekend_op.

    The ramingen of documents earlier in the same command count, as they will be recorded first.
    """
    ramingen = Ramingen(v, t)
    return [ramingen.zonder(doc) for doc in documenten]


class Ramingen:
    """The ramingen in force, of the ledger and of the documents of this command so far, one document after another."""

    def __init__(self, v: Connection, t: Tables) -> None:
        self.v, self.t = v, t
        self.sinds: dict[tuple[str, str, int], date] = {}  # (gemeente, post, jaar) -> the first bekend_op of a raming
        self.gelezen: set[str] = set()

    def zonder(self, doc: Document) -> list[Waarschuwing]:
        """The document's absolute amounts without a raming in force; then its own ramingen count for the next."""
        if doc.gemeente not in self.gelezen:
            self.gelezen.add(doc.gemeente)
            _vroegste(self.sinds, _ramingen(self.v, self.t, doc.gemeente))
        meldingen = []
        for i, feit in enumerate(doc.feiten):
            op = feit.bekend_op
            _vroegste(self.sinds, [(doc.gemeente, r.post, r.jaar, op) for r in feit.lijnen() if r.soort in BEGROOT])
            meldingen += [_melding(i, r, feit.bekend_op) for r in _zonder(doc.gemeente, feit, self.sinds)]
        return meldingen


def _vroegste(sinds: dict[tuple[str, str, int], date], ramingen: Iterable[tuple[str, str, int, date]]) -> None:
    for gemeente, post, jaar, op in ramingen:
        sleutel = (gemeente, post, jaar)
        sinds[sleutel] = min(op, sinds.get(sleutel, op))


def _zonder(gemeente: str, feit: Feit, sinds: dict[tuple[str, str, int], date]) -> list[Postbedrag]:
    gezet = [r for r in feit.lijnen() if r.soort == "prognose" and not r.post.startswith("taakmutatie.")]
    return [r for r in gezet if not sinds.get((gemeente, r.post, r.jaar), date.max) <= feit.bekend_op]


def _melding(i: int, lijn: Postbedrag, op: date) -> Waarschuwing:
    bedrag = euro(Decimal(lijn.cents) / 100)
    melding = f"{lijn.post} {lijn.jaar}: no raming in force on {op}, so the whole amount {bedrag} counts as effect"
    return Waarschuwing(f"events[{i}]", melding, i)


def _ramingen(v: Connection, t: Tables, gemeente: str) -> list[tuple[str, str, int, date]]:
    p = t.postbedragen
    vraag = (
        select(p.c.post, p.c.jaar, func.min(p.c.bekend_op).label("bekend_op"))
        .where(p.c.gemeente == gemeente, p.c.soort.in_(("raming", "wijziging")), p.c.vervallen_op.is_(None))
        .group_by(p.c.post, p.c.jaar)
    )
    return [(gemeente, r.post, r.jaar, r.bekend_op) for r in v.execute(vraag)]


def controle(v: Connection, t: Tables, doc: Document, eerdere: Iterable[Document]) -> list[Waarschuwing]:
    """The document's own statement of its effect per year, against a dry run of its events.

    The documents before it in the same command are in the dry run first: they are recorded first.
    """
    if not doc.controle:
        return []
    for eerder in eerdere:
        _proefboeking(v, t, eerder)
    zicht = Zicht(doc.gemeente, max(f.bekend_op for f in doc.feiten))
    voor = saldo(v, t, zicht)
    _proefboeking(v, t, doc)
    na = saldo(v, t, zicht)
    meldingen = []
    for jaar, gesteld in sorted(doc.controle.items()):
        berekend = _verwacht(na, jaar) - _verwacht(voor, jaar)
        if berekend != gesteld:
            melding = f"the document states {euro(gesteld)}, the ledger computes {euro(berekend)}"
            meldingen.append(Waarschuwing(f"controle.saldo.{jaar}", melding))
    return meldingen


_volgnummers = itertools.count()


def _teller() -> int:
    return next(_volgnummers) % 2**29


def _verwacht(s: object, jaar: int) -> Decimal:
    jaren = s.jaren  # type: ignore[attr-defined]
    return jaren[jaar].verwacht_saldo if jaar in jaren else NUL


def _proefboeking(v: Connection, t: Tables, doc: Document) -> None:
    """The document's rows as the writer would add them, recorded now: for the caller to roll back."""
    nu = naar_us(datetime.now(UTC))
    rijen = []
    for feit in doc.feiten:
        versie = PROEF_VERSIE + _teller()
        basis = (doc.gemeente, versie, versie, feit.bekend_op, nu, versie, nu, None, None, doc.bron.id)
        rijen += postbedragrijen(type(feit), feit.als_json(), basis)
    if rijen:
        v.execute(insert(t.postbedragen), [dict(zip(KOLOMMEN["postbedragen"], r, strict=True)) for r in rijen])
