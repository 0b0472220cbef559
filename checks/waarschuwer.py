"""The warnings of `record`, one document after another, holding no more than a few gemeenten's state.

What a check needs of the documents before it in the same command (their ramingen, their BUIG
beschikkingen) is kept per gemeente for the last few gemeenten only; for another, it is made again
from the ledger and those documents, read again (`eerdere`). A record of files sorted by gemeente
never needs that.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from checks.proef import controle
from documents.waarschuwing import Waarschuwing
from events.getallen import euro
from projections.buig import Grootboekvragen
from storage.tabellen import Tables
from storage.verbinding import Verbinding
from taal import _

if TYPE_CHECKING:
    from documents.documenten import Document
    from events.base import Feit
    from events.beschikking import Grootboek, Waarschuwer
    from events.postbedragen import Postbedrag
    from projections.reader import Reader

BEGROOT = ("raming", "wijziging")
GEMEENTEN = 8
"""Gemeenten whose state is kept; another's is made again."""

Eerdere = Callable[[], Iterable["Document"]]
Sinds = dict[tuple[str, int], date]  # (post, jaar) -> the first bekend_op of a raming


class Waarschuwingen:
    """What `record` warns of against the ledger, on the record's own connection.

    A `controle` is checked by a dry run inside a savepoint that is rolled back: the record's
    transaction keeps what it wrote, and none of the dry run.
    """

    def __init__(self, v: Connection, t: Tables) -> None:
        self.v, self.t = v, t
        self.ramingen = Ramingen(v, t)
        self.typen = typen_waarschuwers(Grootboekvragen(Verbinding.van(v), t.namen))

    def __call__(self, doc: Document, eerdere: Eerdere) -> list[Waarschuwing]:
        meldingen = self.ramingen.zonder(doc, eerdere)
        for waarschuwer in self.typen:
            gevonden = waarschuwer(doc.gemeente, doc.eenheid, doc.feiten, lambda: (d.feiten for d in eerdere()))
            meldingen += [Waarschuwing(f"events[{i}]", melding, i) for i, melding in gevonden]
        if doc.controle:
            punt = self.v.begin_nested()
            try:
                meldingen += controle(self.v, self.t, doc, eerdere())
            finally:
                punt.rollback()
        return meldingen


class Ramingen:
    """The ramingen in force, of the ledger and of the documents of this command so far."""

    def __init__(self, v: Connection, t: Tables) -> None:
        self.v, self.t = v, t
        self.per_gemeente: OrderedDict[str, Sinds] = OrderedDict()

    def zonder(self, doc: Document, eerdere: Eerdere) -> list[Waarschuwing]:
        """The document's absolute amounts without a raming in force; then its own ramingen count for the next."""
        sinds = self._sinds(doc.gemeente, eerdere)
        meldingen = []
        for i, feit in enumerate(doc.feiten):
            _vroegste(sinds, _eigen(feit))
            meldingen += [_melding(i, r, feit.bekend_op) for r in _zonder(feit, sinds)]
        return meldingen

    def _sinds(self, gemeente: str, eerdere: Eerdere) -> Sinds:
        sinds = self.per_gemeente.pop(gemeente, None)
        if sinds is None:
            sinds = {}
            _vroegste(sinds, _ramingen(self.v, self.t, gemeente))
            for eerder in eerdere():
                for feit in eerder.feiten:
                    _vroegste(sinds, _eigen(feit))
        self.per_gemeente[gemeente] = sinds
        if len(self.per_gemeente) > GEMEENTEN:
            self.per_gemeente.popitem(last=False)
        return sinds


def _eigen(feit: Feit) -> list[tuple[str, int, date]]:
    return [(r.post, r.jaar, feit.bekend_op) for r in feit.lijnen() if r.soort in BEGROOT]


def _vroegste(sinds: Sinds, ramingen: Iterable[tuple[str, int, date]]) -> None:
    for post, jaar, op in ramingen:
        sleutel = (post, jaar)
        sinds[sleutel] = min(op, sinds.get(sleutel, op))


def _zonder(feit: Feit, sinds: Sinds) -> list[Postbedrag]:
    neutraal = {(r.post, r.jaar) for r in feit.lijnen() if r.soort == "neutraal"}  # no effect: nothing to warn of
    gezet = [
        r
        for r in feit.lijnen()
        if r.soort == "prognose" and not r.post.startswith("taakmutatie.") and (r.post, r.jaar) not in neutraal
    ]
    return [r for r in gezet if not sinds.get((r.post, r.jaar), date.max) <= feit.bekend_op]


def _melding(i: int, lijn: Postbedrag, op: date) -> Waarschuwing:
    bedrag = euro(Decimal(lijn.cents) / 100)
    melding = _("{post} {jaar}: geen raming van kracht op {op}, dus het hele bedrag {bedrag} telt als effect").format(
        post=lijn.post, jaar=lijn.jaar, op=op, bedrag=bedrag
    )
    return Waarschuwing(f"events[{i}]", melding, i)


def _ramingen(v: Connection, t: Tables, gemeente: str) -> list[tuple[str, int, date]]:
    p = t.postbedragen
    vraag = (
        select(p.c.post, p.c.jaar, func.min(p.c.bekend_op).label("bekend_op"))
        .where(p.c.gemeente == gemeente, p.c.soort.in_(BEGROOT), p.c.vervallen_op.is_(None))
        .group_by(p.c.post, p.c.jaar)
    )
    return [(r.post, r.jaar, r.bekend_op) for r in v.execute(vraag)]


def typen_waarschuwers(grootboek: Grootboek) -> list[Waarschuwer]:
    """The record-time warnings each registered type declares (`waarschuwer`), in the registry's order."""
    from events.registry import typen  # the models: record has them loaded already

    return [w for model in typen().values() if (w := model.waarschuwer(grootboek)) is not None]


def gewaarschuwd(reader: Reader, documenten: list[Document]) -> list[Document]:
    """The documents with what `record` warns of against the ledger added to their own warnings (the web's
    upload shows them before anything is written).

    Nothing is written: the checks run in a transaction that is rolled back.
    """
    reader.catch_up()
    uit: list[Document] = []
    with reader.app.factory.datastore.engine.connect() as v:
        waarschuwer = Waarschuwingen(v, reader.read_models.read_tables)
        try:
            for i, doc in enumerate(documenten):
                if reader.app.grootboek(doc.gemeente).heeft(list(doc.feiten), doc.bron, doc.hash, doc.controle):
                    uit.append(replace(doc, waarschuwingen=()))  # recorded before, unchanged: nothing to say
                    continue
                eerdere = [d for d in documenten[:i] if d.gemeente == doc.gemeente]
                meldingen = waarschuwer(doc, lambda eerdere=eerdere: eerdere)
                uit.append(replace(doc, waarschuwingen=(*doc.waarschuwingen, *meldingen)))
        finally:
            v.rollback()
    return uit
