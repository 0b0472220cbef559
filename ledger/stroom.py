"""`record` of many files: one transaction, written a part at a time, so memory does not grow with the files.

Each file in turn is read, validated and checked against the ledger (its warnings); its events go into
its gemeente's ledger, and whenever PER_KEER events wait they are written, inside the one transaction.
A document is not kept once its events are written. Nothing is committed unless every file is valid
(else exit 2, naming them all), --strict finds no warning and no document is refused by the ledger:
the refusals come in that order, as when every file was read before anything was written, and any of
them rolls the whole transaction back. Another writer getting in first means all of it once more.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Protocol

from documents.documenten import Document
from documents.waarschuwing import Waarschuwing, weiger_bij_waarschuwing
from events.errors import LedgerError, OngeldigeInvoer
from ledger.application import BegrotingApp, Uitkomst, per_event
from ledger.grootboek import Grootboek
from ledger.ids import event_id
from ledger.voorraad import Stapel, Voorraad
from storage.recorder import Transactie

PER_KEER = 500
"""Events held before they are written; a few megabytes."""
BEWAARD = 4
"""Ledgers kept in memory once their events are written; another one is read again, inside the transaction."""


class Waarschuwer(Protocol):
    """What `record` warns of for a document against the ledger; `eerdere`: the documents of its gemeente
    before it in this command, read again when the check needs them."""

    def __call__(self, doc: Document, eerdere: Callable[[], Iterator[Document]]) -> list[Waarschuwing]: ...


@dataclass
class Verslag:
    """What a record did: per document its outcome, and every warning as printed (`FILE: events[1]: ...`).

    Both kept on disk until they are printed; `nieuw`: the events recorded.
    """

    uitkomsten: Stapel[Uitkomst] = field(default_factory=Stapel)
    meldingen: Stapel[str] = field(default_factory=Stapel)
    nieuw: int = 0
    afrondingen: Stapel[str] = field(default_factory=Stapel)


def boek_bestanden(
    app: BegrotingApp, voorraad: Voorraad, door: str, waarschuwer: Callable[[Transactie], Waarschuwer], strikt: bool
) -> Verslag:
    """Record the documents of the files in `voorraad` in one transaction: all of them or none."""

    def poging(verbinding: Transactie) -> Verslag:
        opname = Opname(app, door, voorraad, waarschuwer(verbinding), strikt)
        for i, gelezen in enumerate(voorraad.documenten()):
            opname.neem(i, gelezen)
        return opname.einde()

    return app.in_een_transactie(poging)


class Opname:
    """One attempt at the record, inside its transaction."""

    def __init__(
        self, app: BegrotingApp, door: str, voorraad: Voorraad, waarschuwer: Waarschuwer, strikt: bool
    ) -> None:
        self.app, self.door, self.voorraad, self.waarschuwer, self.strikt = app, door, voorraad, waarschuwer, strikt
        self.grootboeken: OrderedDict[str, Grootboek] = OrderedDict()
        self.volgorde: dict[str, None] = {}  # the gemeenten used since the last write, first used first
        self.wachtend = 0
        self.verslag = Verslag()
        self.fouten: list[OngeldigeInvoer] = []
        self.weigering: LedgerError | None = None
        self.per_gemeente: dict[str, array[int]] = {}  # the documents read so far, by gemeente

    def neem(self, i: int, gelezen: Document | OngeldigeInvoer) -> None:
        """One file: once a file is invalid the rest is only validated; once one is refused, only checked."""
        if isinstance(gelezen, OngeldigeInvoer):
            self.fouten.append(gelezen)
        elif not self.fouten and (self.weigering is None or self.strikt):
            doc = self._gewaarschuwd(i, gelezen)
            if self.weigering is None and not (self.strikt and self.verslag.meldingen):
                self._boek(doc)

    def einde(self) -> Verslag:
        if self.fouten:
            raise OngeldigeInvoer.samen(self.fouten)
        if self.strikt:
            weiger_bij_waarschuwing(list(self.verslag.meldingen))
        if self.weigering is not None:
            raise self.weigering
        self._schrijf()
        return self.verslag

    def _gewaarschuwd(self, i: int, doc: Document) -> Document:
        eerdere = self.per_gemeente.setdefault(doc.gemeente, array("l"))
        if self._grootboek(doc.gemeente).heeft(list(doc.feiten), doc.bron, doc.hash, doc.controle):
            return replace(doc, waarschuwingen=())  # recorded before, unchanged: a no-op says nothing more
        n = len(eerdere)  # read again only when a check needs them
        meldingen = self.waarschuwer(doc, lambda: (self.voorraad.document(j) for j in eerdere[:n]))
        eerdere.append(i)
        if meldingen:
            doc = replace(doc, waarschuwingen=(*doc.waarschuwingen, *meldingen))
        for melding in doc.meldingen:
            self.verslag.meldingen.voeg_toe(melding)
        for afronding in doc.afrondingen:
            self.verslag.afrondingen.voeg_toe(afronding)
        return doc

    def _boek(self, doc: Document) -> None:
        gb = self._grootboek(doc.gemeente)
        try:
            versies = gb.boek(
                list(doc.feiten), doc.bron, doc.hash, self.door, per_event(doc), doc.controle, doc.eenheid
            )
        except LedgerError as fout:
            self.weigering = fout.met_plaats(doc.bestand)
            return
        ids = tuple(event_id(doc.gemeente, v) for v in versies)
        self.verslag.uitkomsten.voeg_toe(Uitkomst(doc.gemeente, doc.bron.id, ids, doc.bestand))
        self.verslag.nieuw += len(versies)
        self.wachtend += len(versies)
        if self.wachtend >= PER_KEER:
            self._schrijf()

    def _grootboek(self, gemeente: str) -> Grootboek:
        gb = self.grootboeken.pop(gemeente, None) or self.app.grootboek(gemeente, self.door)
        self.grootboeken[gemeente] = gb  # the most recently used last
        self.volgorde.setdefault(gemeente)
        return gb

    def _schrijf(self) -> None:
        """Write what waits, ledger by ledger in the order first used (as one save of them all did),
        and forget all but the ledgers used last: nothing of theirs waits any more."""
        self.app.save(*(self.grootboeken[g] for g in self.volgorde))
        self.wachtend, self.volgorde = 0, {}
        while len(self.grootboeken) > BEWAARD:
            self.grootboeken.popitem(last=False)
