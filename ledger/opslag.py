"""How events are stored: pydantic state as JSON, in tables that refuse UPDATE and DELETE."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from eventsourcing.persistence import Mapper, StoredEvent, Transcoder, Transcoding
from eventsourcing.utils import get_topic, resolve_topic
from eventsourcing_sqlalchemy.factory import SQLAlchemyFactory
from eventsourcing_sqlalchemy.recorders import SQLAlchemyApplicationRecorder
from pydantic import BaseModel, ValidationError
from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from events import upcast
from events.errors import LedgerError
from ledger.hashchain import HASH_VELD, met_zegel
from taal import _


class ZegelOntbreekt(LedgerError):
    """The ledger is sealed: an event without a seal would read as inserted behind its back."""


class PydanticMapper(Mapper):
    """Stores a pydantic event as its own JSON, sealed when there is a key; reads it back through the model."""

    zegelsleutel: bytes | None = None  # set by the bootstrap from --seal-key

    def to_stored_event(self, domain_event: Any) -> StoredEvent:
        toestand = getattr(domain_event, "_opgeslagen", None) or domain_event.model_dump_json().encode("utf-8")
        return StoredEvent(
            originator_id=domain_event.originator_id,
            originator_version=domain_event.originator_version,
            topic=get_topic(type(domain_event)),
            state=met_zegel(toestand, self.zegelsleutel) if self.zegelsleutel else toestand,
        )

    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        """Today's events validate as stored; an older form goes through the one upcasting step first."""
        event_class: type[BaseModel] = resolve_topic(stored_event.topic)
        try:
            return event_class.model_validate_json(stored_event.state)
        except ValidationError:
            toestand = json.loads(stored_event.state)
            if "feit" in toestand:
                toestand["feit"] = upcast(toestand["feit"])
            return event_class.model_validate(toestand)


class BulkRecorder(SQLAlchemyApplicationRecorder):
    """The recorder's public `insert_events`, as one INSERT .. RETURNING instead of one ORM object each.

    Same table, same lock, same notification ids, same NOTIFY as the library's own; the ORM's
    per-object bookkeeping cost more than the database did (record of 2,700 bench files on SQLite:
    20-25 % slower through the library's insert). Only the library's public interface is used:
    `insert_events`, `transaction`, the table and channel names.
    """

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
        self._check_zegel(session, stored_events)
        ids = voeg_in(verbinding, naam, stored_events)
        if postgres:
            verbinding.exec_driver_sql(f"NOTIFY {self.channel_name}")
        return ids

    def _check_zegel(self, session: Session, stored_events: Sequence[StoredEvent]) -> None:
        """Once the last stored event is sealed, every later one must be: `verify` holds the ledger to that."""
        if all(_verzegeld(e.state) for e in stored_events):
            return
        tabel = self.events_record_cls.__table__
        laatste = session.execute(select(tabel.c.state).order_by(tabel.c.id.desc()).limit(1)).scalar()
        if laatste is not None and _verzegeld(laatste):
            raise ZegelOntbreekt(
                _(
                    "het grootboek is verzegeld: boek met de zegelsleutel "
                    "(--seal-key BESTAND of BEGROTING_SEAL_KEY_FILE)"
                )
            )


def _verzegeld(toestand: bytes) -> bool:
    gevonden = HASH_VELD.search(toestand)
    return gevonden is not None and gevonden[5] is not None


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


class GeenTranscoder(Transcoder):
    """The mapper does its own JSON; this only satisfies the library's constructor."""

    def register(self, transcoding: Transcoding) -> None:
        raise NotImplementedError

    def encode(self, obj: Any) -> bytes:
        raise NotImplementedError

    def decode(self, data: bytes) -> Any:
        raise NotImplementedError
