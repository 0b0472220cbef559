"""The event store in the database: eventsourcing_sqlalchemy's recorder with a bulk insert, and its factory.

The ledger asks for it through `persistentie` (the application's environment) and never imports SQLAlchemy;
how an event becomes stored bytes is the ledger's mapper (`ledger/mapper.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from eventsourcing.persistence import StoredEvent
from eventsourcing_sqlalchemy.factory import SQLAlchemyFactory
from eventsourcing_sqlalchemy.recorders import SQLAlchemyApplicationRecorder
from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from storage.adres import database_url

Transactie = Connection
"""What a step inside the store's transaction gets: its connection, to read the read models inside it."""
Keuring = Callable[[Sequence[bytes], Callable[[], bytes | None]], None]
"""A check of the states about to be inserted, given a way to read the last state stored (the ledger's seal rule)."""


def persistentie(db: str | None = None) -> dict[str, str]:
    """The environment that makes an eventsourcing Application store its events here."""
    return {"PERSISTENCE_MODULE": f"{__name__}:Factory", "SQLALCHEMY_URL": database_url(db), "CREATE_TABLE": "y"}


def _niets(nieuw: Sequence[bytes], laatste: Callable[[], bytes | None]) -> None:
    return None


class BulkRecorder(SQLAlchemyApplicationRecorder):
    """The recorder's public `insert_events`, as one INSERT .. RETURNING instead of one ORM object each.

    Same table, same lock, same notification ids, same NOTIFY as the library's own; the ORM's
    per-object bookkeeping cost more than the database did (record of 2,700 bench files on SQLite:
    20-25 % slower through the library's insert). Only the library's public interface is used:
    `insert_events`, `transaction`, the table and channel names. `keuring` is what the ledger checks first.
    """

    keuring: Keuring = staticmethod(_niets)

    def insert_events(
        self, stored_events: Sequence[StoredEvent], *, session: Session | None = None, **_: Any
    ) -> Sequence[int]:
        if session is not None:
            return self._voeg_toe(session, stored_events)
        with self.transaction(commit=True) as sessie:
            return self._voeg_toe(sessie, stored_events)

    def _voeg_toe(self, session: Session, stored_events: Sequence[StoredEvent]) -> Sequence[int]:
        if not stored_events:
            return []
        verbinding, postgres = session.connection(), self.datastore.engine.dialect.name == "postgresql"
        naam = f"{self.schema_name}.{self.events_table_name}" if self.schema_name else self.events_table_name
        if postgres:  # writers take turns, so notification ids are committed in order (as the library does)
            verbinding.exec_driver_sql(f"LOCK TABLE {naam} IN EXCLUSIVE MODE")
        self.keuring([e.state for e in stored_events], lambda: self._laatste(session))
        ids = voeg_in(verbinding, naam, stored_events)
        if postgres:
            verbinding.exec_driver_sql(f"NOTIFY {self.channel_name}")
        return ids

    def _laatste(self, session: Session) -> bytes | None:
        tabel = self.events_record_cls.__table__
        return session.execute(select(tabel.c.state).order_by(tabel.c.id.desc()).limit(1)).scalar()


def voeg_in(verbinding: Connection, tabel: str, events: Sequence[StoredEvent]) -> list[int]:
    """Insert through the driver and return the new ids in order: SQLAlchemy's insert-many with RETURNING
    cost twice what the database did. The table is locked for this transaction (PostgreSQL) or written by
    it alone from its first insert (SQLite), so SQLite's new rowids follow each other. A driver error
    becomes SQLAlchemy's, as from any other statement: a clash with another writer is then retried."""
    cursor = verbinding.connection.cursor()
    sql = f"INSERT INTO {tabel} (originator_id, originator_version, topic, state) VALUES "
    fout_van_driver = verbinding.dialect.loaded_dbapi.Error
    try:
        if verbinding.dialect.name == "postgresql":
            return _voeg_in_postgresql(cursor, sql, events)
        cursor.executemany(sql + "(?, ?, ?, ?)", [(e.originator_id.bytes, *_rest(e)) for e in events])
        laatste = cursor.execute("SELECT last_insert_rowid()").fetchone()[0]
    except fout_van_driver as fout:
        raise DBAPIError.instance(sql, None, fout, fout_van_driver, dialect=verbinding.dialect) from fout
    return list(range(laatste - len(events) + 1, laatste + 1))


def _voeg_in_postgresql(cursor: Any, sql: str, events: Sequence[StoredEvent]) -> list[int]:
    cursor.executemany(
        sql + "(%s, %s, %s, %s) RETURNING id", [(e.originator_id, *_rest(e)) for e in events], returning=True
    )
    ids = [cursor.fetchone()[0]]
    while cursor.nextset():
        ids.append(cursor.fetchone()[0])
    return ids


def _rest(e: StoredEvent) -> tuple[int, str, bytes]:
    return e.originator_version, e.topic, e.state


class Factory(SQLAlchemyFactory):
    """eventsourcing_sqlalchemy, with the bulk insert."""

    application_recorder_class = BulkRecorder
