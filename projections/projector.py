"""Keeps the read models up to date with the event store: exactly once, resumable, in pages.

The read models live in the same database as the events. Their position is
kept with the library's tracking recorder, written in the same transaction
as the rows, so a crash never leaves rows without their position or the
other way round. Concurrent readers that catch up at the same time queue on
the tracking row: the second one continues where the first one stopped.
"""

from __future__ import annotations

from typing import Any

from eventsourcing.persistence import IntegrityError
from eventsourcing_sqlalchemy.datastore import SQLAlchemyDatastore
from eventsourcing_sqlalchemy.recorders import SQLAlchemyTrackingRecorder
from sqlalchemy import insert, inspect, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import IntegrityError as SAIntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.schema import CreateIndex, DropIndex

from ledger.application import BegrotingApp
from projections.rijen import Notificatie
from projections.writer import Writer
from storage.tabellen import SCHEMA_VERSIE, Tables, make_tables

PAGINA = 5000  # events per transaction: 1,000 made a rebuild 5-10% slower (a commit and an executemany per table each)
ANALYZE_NA = 10_000  # events in one catch-up after which PostgreSQL gets an ANALYZE
UITSTELLEN_VANAF = 10_000  # events of a rebuild from nothing from which the question indexes are made after the rows


class ReadModels(SQLAlchemyTrackingRecorder):
    """The read-model tables of one prefix, with their tracking position."""

    def __init__(self, datastore: SQLAlchemyDatastore, *, tables: Tables, bron: str, **kwargs: Any) -> None:
        super().__init__(datastore, tracking_table_name=f"{tables.prefix}projectie_tracking", **kwargs)
        self.read_tables = tables
        self.naam = f"{bron}.v{SCHEMA_VERSIE}"

    def klaar(self) -> None:
        """Ready for questions: one SELECT when the schema is current, DDL only when it is not."""
        if not self._schema_actueel():
            self.create_table()

    def _schema_actueel(self) -> bool:
        try:
            with self.datastore.engine.connect() as verbinding:
                namen = verbinding.execute(select(self.tracking_table.c.application_name)).scalars().all()
        except DBAPIError:
            return False  # no tracking table yet
        return namen == [self.naam]

    def create_table(self) -> None:
        """Create the tables; read models of an older schema are dropped, to be rebuilt from the events."""
        super().create_table()
        engine = self.datastore.engine
        with engine.begin() as verbinding:
            t = self.tracking_table
            oud = verbinding.execute(select(t.c.application_name).where(t.c.application_name != self.naam)).first()
            if oud is not None:
                self.read_tables.metadata.drop_all(verbinding)
                verbinding.execute(t.delete())
        self.read_tables.metadata.create_all(engine, checkfirst=True)
        try:
            with self.transaction(commit=True) as session:
                self.begin_positie(session, self.naam)  # the row the cheap check looks for
        except (IntegrityError, SAIntegrityError):
            pass  # another process made it at the same moment

    def begin_positie(self, session: Session, naam: str) -> int:
        """Lock the position for this transaction (other catch-ups wait) and return it."""
        t = self.tracking_table
        gevonden = session.execute(
            update(t).where(t.c.application_name == naam).values(notification_id=t.c.notification_id)
        ).rowcount
        if not gevonden:
            session.execute(insert(t).values(application_name=naam, notification_id=0))
        return session.execute(select(t.c.notification_id).where(t.c.application_name == naam)).scalar_one()

    def zet_positie(self, session: Session, naam: str, positie: int) -> None:
        t = self.tracking_table
        session.execute(update(t).where(t.c.application_name == naam).values(notification_id=positie))


class Projector:
    """Brings one set of read models up to date with the application's events."""

    def __init__(self, app: BegrotingApp, read_models: ReadModels, pagina: int = PAGINA) -> None:
        self.app, self.read_models, self.pagina = app, read_models, pagina
        self.uitstellen, self.eerste = False, True

    def catch_up(self, tot: int | None = None) -> int:
        """Process every event not yet in the read models (up to position `tot`); return how many."""
        positie, laatste = self.positie(), tot or self.app.recorder.max_notification_id() or 0
        if positie >= laatste:
            return 0  # up to date: no write transaction for a plain read
        self.uitstellen = positie == 0 and laatste >= UITSTELLEN_VANAF
        self.eerste, totaal = True, 0
        while True:
            try:
                aantal = self._pagina(tot)
            except (IntegrityError, SAIntegrityError):
                continue  # another process created the tracking row first: read again
            totaal += aantal
            if aantal < self.pagina:
                break
        self._statistieken(totaal)
        return totaal

    def _statistieken(self, verwerkt: int) -> None:
        """After a large catch-up, PostgreSQL's planner needs fresh statistics, or it plans for empty tables."""
        engine = self.app.factory.datastore.engine
        if verwerkt >= ANALYZE_NA and engine.dialect.name == "postgresql":
            with engine.begin() as verbinding:
                for tabel in self.read_models.read_tables.metadata.sorted_tables:
                    verbinding.execute(text(f"ANALYZE {tabel.name}"))

    def positie(self) -> int:
        return self.read_models.max_tracking_id(self.read_models.naam) or 0

    def _pagina(self, tot: int | None) -> int:
        naam = self.read_models.naam
        with self.read_models.transaction(commit=True) as session:
            positie = self.read_models.begin_positie(session, naam)
            if self.eerste:  # holding the position: no other catch-up writes while the indexes change
                self._indexen(session, weg=self.uitstellen and positie == 0)
            notificaties = self._lees(session, positie, tot)
            writer = Writer(session, self.read_models.read_tables)
            for notificatie in notificaties:
                writer.verwerk(*notificatie)
            writer.schrijf_weg()
            if notificaties:
                self.read_models.zet_positie(session, naam, notificaties[-1][0])
            if self.uitstellen and len(notificaties) < self.pagina:
                self._indexen(session, weg=False)  # with the last rows: at the store's end the indexes stand
        self.eerste = False
        return len(notificaties)

    def _indexen(self, session: Session, weg: bool) -> None:
        """Drop the question indexes before a large rebuild from nothing; else make any a broken-off one left out."""
        verbinding = session.connection()
        inspector = inspect(verbinding)
        for index in self.read_models.read_tables.vraagindexen:
            if inspector.has_index(index.table.name, index.name) == weg:  # type: ignore[union-attr]
                verbinding.execute(DropIndex(index) if weg else CreateIndex(index))

    def _lees(self, session: Session, positie: int, tot: int | None) -> list[Notificatie]:
        """The next page of stored events as the driver gives them (id, topic, state): the state stays JSON."""
        tabel = self.app.recorder.events_record_cls.__table__.name
        p = "?" if session.get_bind().dialect.name == "sqlite" else "%s"
        tot_sql = f" AND id <= {p}" if tot is not None else ""
        cursor = session.connection().connection.cursor()
        cursor.execute(
            f"SELECT id, topic, state FROM {tabel} WHERE id > {p}{tot_sql} ORDER BY id LIMIT {p}",
            (positie, tot, self.pagina) if tot is not None else (positie, self.pagina),
        )
        return cursor.fetchall()


def read_models(app: BegrotingApp, prefix: str = "") -> ReadModels:
    tables = make_tables(prefix, app.recorder.events_table_name)
    modellen = ReadModels(app.factory.datastore, tables=tables, bron=app.name)
    modellen.klaar()
    return modellen
