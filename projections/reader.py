"""The read side in one place: every question catches the read models up first, then asks SQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy.engine import Connection

from ledger.application import BegrotingApp
from ledger.documenten import Document
from projections.buig import Buiganalyse, buiganalyse, vorige_waarschuwingen
from projections.diff import Diff, diff
from projections.explain import Uitleg, explain
from projections.export import gemeenten, transacties
from projections.forecast import Forecast, forecasts
from projections.history import Stap, history
from projections.journaal import Journaalpost, check_gemeente, event_hash, journaal
from projections.proef import controle, zonder_raming
from projections.projector import Projector, read_models
from projections.reserves import Reserve, reserves
from projections.saldo import Saldo, saldo
from projections.signals import Signalen, signals
from projections.snapshot import Snapshotvraag, laatste_event, maak, met_hash
from projections.snapshot_verify import Uitslag, vergelijk_snapshot
from projections.tijd import naar_us
from projections.zicht import Zicht


class Reader:
    """Answers the users' questions from the read models of one application."""

    def __init__(self, app: BegrotingApp) -> None:
        self.app = app
        self.read_models = read_models(app)
        self.tables = self.read_models.read_tables
        self.projector = Projector(app, self.read_models)

    @contextmanager
    def verbinding(self, gemeente: str | None = None) -> Iterator[Connection]:
        """A connection to read models that are caught up; for `gemeente`, one that has a ledger here."""
        self.projector.catch_up()
        with self.app.factory.datastore.engine.connect() as verbinding:
            if gemeente is not None:
                check_gemeente(verbinding, self.tables, gemeente)
            yield verbinding

    def gewaarschuwd(self, documenten: list[Document]) -> list[Document]:
        """The documents with what `record` warns of against the ledger added to their own warnings.

        Nothing is written: the `controle` dry run's rows are rolled back.
        """
        with self.verbinding() as v:
            per_document = zonder_raming(v, self.tables, documenten)
            buig = vorige_waarschuwingen(v, self.tables, documenten)
        uit = []
        for i, (doc, meldingen) in enumerate(zip(documenten, per_document, strict=True)):
            meldingen += buig[i]
            if doc.controle:
                eerdere = [d for d in documenten[:i] if d.gemeente == doc.gemeente]
                with self.verbinding() as v:
                    try:
                        meldingen += controle(v, self.tables, doc, eerdere)
                    finally:
                        v.rollback()
            uit.append(replace(doc, waarschuwingen=(*doc.waarschuwingen, *meldingen)))
        return uit

    def gemeenten(self) -> list[str]:
        """The gemeenten that have a ledger here."""
        with self.verbinding() as v:
            return gemeenten(v, self.tables)

    def journaal(
        self, gemeente: str | None = None, bron: str | None = None, recorded_by: datetime | None = None
    ) -> list[Journaalpost]:
        """The journal as it stood at `recorded_by` (None: now)."""
        tot = None if recorded_by is None else naar_us(recorded_by)
        with self.verbinding(gemeente) as v:
            return journaal(v, self.tables, gemeente, bron, tot)

    def saldo(self, zicht: Zicht) -> Saldo:
        with self.verbinding(zicht.gemeente) as v:
            return saldo(v, self.tables, zicht)

    def diff(self, zicht: Zicht, van: date) -> Diff:
        with self.verbinding(zicht.gemeente) as v:
            return diff(v, self.tables, zicht, van)

    def reserves(self, zicht: Zicht) -> dict[str, Reserve]:
        with self.verbinding(zicht.gemeente) as v:
            return reserves(v, self.tables, zicht)

    def snapshot(self, vraag: Snapshotvraag, gemaakt: dict[str, Any]) -> dict[str, Any]:
        with self.verbinding(vraag.gemeente) as v:
            return met_hash(maak(v, self.tables, vraag), gemaakt)

    def verifieer_snapshot(self, bestand: dict[str, Any]) -> Uitslag:
        """Re-derive a snapshot with its own query and compare."""
        vraag = Snapshotvraag.uit_json(bestand["query"])
        gemaakt = datetime.fromisoformat(bestand["gemaakt"]["op"])
        with self.verbinding() as v:
            toen = maak(v, self.tables, vraag if vraag.recorded_by else replace(vraag, recorded_by=gemaakt))
            nu = maak(v, self.tables, vraag)
            laatste = laatste_event(vraag.gemeente, bestand)
            laatste_hash = event_hash(v, self.tables, *BegrotingApp.ontleed(laatste[0])) if laatste else None
        return vergelijk_snapshot(bestand, toen, nu, laatste_hash)

    def journal_export(self, gemeente: str | None, recorded_by: datetime | None) -> Iterator[str]:
        """The hledger journal, transaction by transaction, of one gemeente or of all."""
        with self.verbinding(gemeente) as v:
            for g in [gemeente] if gemeente else gemeenten(v, self.tables):
                yield from transacties(v, self.tables, g, recorded_by)

    def forecasts(self, zicht: Zicht, jaar: int, post: str | None = None) -> list[Forecast]:
        with self.verbinding(zicht.gemeente) as v:
            return forecasts(v, self.tables, zicht, jaar, post)

    def signals(self, zicht: Zicht, jaar: int) -> Signalen:
        with self.verbinding(zicht.gemeente) as v:
            return signals(v, self.tables, zicht, jaar)

    def history(self, zicht: Zicht, post: str, jaar: int) -> list[Stap]:
        with self.verbinding(zicht.gemeente) as v:
            return history(v, self.tables, zicht, post, jaar)

    def buig(self, zicht: Zicht, jaar: int, fase: str | None = None) -> Buiganalyse:
        with self.verbinding(zicht.gemeente) as v:
            return buiganalyse(v, self.tables, zicht, jaar, fase)

    def explain(self, zicht: Zicht, post: str, jaar: int) -> Uitleg:
        with self.verbinding(zicht.gemeente) as v:
            return explain(v, self.tables, zicht, post, jaar)
