"""The ledger application: get the gemeente's ledger, give it a command, save, retrying on conflict."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import IntegrityError, Mapper, OperationalError, Transcoder
from sqlalchemy.engine import Connection

from documents import vrije_tekst
from documents.documenten import Document
from events import Feit
from events.errors import LedgerError, OnbekendEvent, OngeldigeInvoer, SchrijfConflict
from ledger.grootboek import Grootboek, grootboek_id
from ledger.ids import event_id, ontleed
from ledger.opslag import GeenTranscoder, PydanticMapper
from storage.adres import APP_NAAM
from taal import _

T = TypeVar("T")
POGINGEN = 30


@dataclass(frozen=True)
class Uitkomst:
    """What one command did to one gemeente's ledger.

    Attributes:
        event_ids: the events recorded; empty when it was a no-op.
    """

    gemeente: str
    bron: str
    event_ids: tuple[str, ...]
    bestand: str = ""

    @property
    def nieuw(self) -> bool:
        return bool(self.event_ids)


class BegrotingApp(Application):
    """Records documents, corrections and withdrawals into per-gemeente ledgers."""

    name = APP_NAAM
    triggers_hersteld: tuple[str, ...] = ()  # set by the bootstrap: the append-only triggers it had to put back

    def construct_mapper(self) -> Mapper:
        return self.factory.mapper(transcoder=self.construct_transcoder(), mapper_class=PydanticMapper)

    def construct_transcoder(self) -> Transcoder:
        return GeenTranscoder()

    def grootboek(self, gemeente: str, door: str = "") -> Grootboek:
        try:
            return self.repository.get(grootboek_id(gemeente))
        except AggregateNotFoundError:
            return Grootboek.open(gemeente, door)

    def boek(self, documenten: list[Document], door: str) -> list[Uitkomst]:
        """Record all documents in one transaction: all of them or none."""

        def poging() -> tuple[list[Grootboek], list[Uitkomst]]:
            grootboeken: dict[str, Grootboek] = {}
            uitkomsten = []
            for doc in documenten:
                gb = grootboeken.get(doc.gemeente) or self.grootboek(doc.gemeente, door)
                grootboeken[doc.gemeente] = gb
                try:
                    versies = gb.boek(
                        list(doc.feiten), doc.bron, doc.hash, door, per_event(doc), doc.controle, doc.eenheid
                    )
                except LedgerError as fout:
                    raise fout.met_plaats(doc.bestand) from None
                ids = tuple(event_id(doc.gemeente, v) for v in versies)
                uitkomsten.append(Uitkomst(doc.gemeente, doc.bron.id, ids, doc.bestand))
            return list(grootboeken.values()), uitkomsten

        return self._met_herhaling(poging)

    def corrigeer(self, doel: str, document: Document, reden: str, door: str) -> Uitkomst:
        vrije_tekst.keur(reden, door)
        gemeente, versie = self.ontleed(doel)
        feit = self._enige_feit(document, gemeente)

        def poging() -> tuple[list[Grootboek], Uitkomst]:
            gb = self.bestaand_grootboek(gemeente, doel)
            nieuw = gb.corrigeer(versie, feit, document.bron, reden, door, document.waarschuwingen_van(0))
            ids = () if nieuw is None else (event_id(gemeente, nieuw),)
            return [gb], Uitkomst(gemeente, document.bron.id, ids, document.bestand)

        return self._met_herhaling(poging)

    def bekend_op_van(self, doel: str) -> date:
        """The bekend_op of an event as it stands: the date its correction keeps unless it states its own."""
        gemeente, versie = self.ontleed(doel)
        gb = self.bestaand_grootboek(gemeente, doel)
        return gb.ketens[gb.keten_van_versie(versie)].feit.bekend_op

    def trek_in(self, doel: str, reden: str, door: str) -> Uitkomst:
        vrije_tekst.keur(reden, door)
        gemeente, versie = self.ontleed(doel)

        def poging() -> tuple[list[Grootboek], Uitkomst]:
            gb = self.bestaand_grootboek(gemeente, doel)
            nieuw = gb.trek_in(versie, reden, door)
            return [gb], Uitkomst(gemeente, "", (event_id(gemeente, nieuw),))

        return self._met_herhaling(poging)

    def bestaand_grootboek(self, gemeente: str, doel: str) -> Grootboek:
        try:
            return self.repository.get(grootboek_id(gemeente))
        except AggregateNotFoundError:
            raise OnbekendEvent(
                _("event {doel}: er is geen grootboek voor {gemeente}").format(doel=doel, gemeente=gemeente)
            ) from None

    @staticmethod
    def ontleed(doel: str) -> tuple[str, int]:
        """GM1708-0007 -> ("GM1708", 7)"""
        return ontleed(doel)

    @staticmethod
    def _enige_feit(document: Document, gemeente: str) -> Feit:
        if document.gemeente != gemeente:
            melding = _("is {document}, het event is van {gemeente}").format(
                document=document.gemeente, gemeente=gemeente
            )
            raise OngeldigeInvoer(document.bestand, "gemeente", melding)
        if len(document.feiten) != 1:
            melding = _("een correctie bevat precies één event, deze heeft er {n}").format(n=len(document.feiten))
            raise OngeldigeInvoer(document.bestand, "events", melding)
        return document.feiten[0]

    def _met_herhaling(self, poging: Callable[[], tuple[list[Grootboek], T]]) -> T:
        """Run a read-command-save cycle; when another writer got there first, read again and retry."""

        def stap() -> T:
            grootboeken, uitkomst = poging()
            self.save(*grootboeken)
            return uitkomst

        return self._herhaal(stap)

    def in_een_transactie(self, poging: Callable[[Connection], T]) -> T:
        """Run `poging` in one transaction of the store, its reads and saves included; on a clash, all again.

        It gets the transaction's connection, to read the read models inside it.
        """

        def stap() -> T:
            with self.factory.datastore.transaction(commit=True) as sessie:  # type: ignore[attr-defined]
                return poging(sessie.connection())

        return self._herhaal(stap)

    @staticmethod
    def _herhaal(stap: Callable[[], T]) -> T:
        for ronde in range(POGINGEN):
            try:
                return stap()
            except (IntegrityError, OperationalError) as fout:
                if not _andere_schrijver(fout):
                    raise
                time.sleep(random.uniform(0, 0.01 * 2 ** min(ronde, 6)))
        raise SchrijfConflict(
            _("andere schrijvers bleven het grootboek wijzigen; opgegeven na {n} pogingen").format(n=POGINGEN)
        )


def per_event(doc: Document) -> list[tuple[str, ...]]:
    return [doc.waarschuwingen_van(i) for i in range(len(doc.feiten))]


def _andere_schrijver(fout: Exception) -> bool:
    """A version clash or a lock held by another writer: worth a retry. A full disk or a lost server is not."""
    if isinstance(fout, IntegrityError):
        return True
    tekst = str(fout).lower()
    return any(teken in tekst for teken in ("locked", "deadlock", "could not serialize", "lock timeout"))
