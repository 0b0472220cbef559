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
from sqlalchemy import insert, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from events import upcast

WEIGERING = "begroting: the event store is append-only"


class PydanticMapper(Mapper):
    """Stores a pydantic event as its own JSON; reads it back through the model."""

    def to_stored_event(self, domain_event: Any) -> StoredEvent:
        return StoredEvent(
            originator_id=domain_event.originator_id,
            originator_version=domain_event.originator_version,
            topic=get_topic(type(domain_event)),
            state=getattr(domain_event, "_opgeslagen", None) or domain_event.model_dump_json().encode("utf-8"),
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
    """Inserts a save's events with one INSERT .. RETURNING instead of one ORM object each.

    Same table, same locking, same notification ids; the ORM's per-object
    bookkeeping cost more than the database did.
    """

    def _insert_stored_events(self, session: Session, stored_events: Sequence[StoredEvent], **_: Any) -> Sequence[int]:
        if not stored_events:
            return []
        self._lock_table(session)
        tabel = self.events_record_cls.__table__
        rijen = [
            {
                "originator_id": e.originator_id,
                "originator_version": e.originator_version,
                "topic": e.topic,
                "state": e.state,
            }
            for e in stored_events
        ]
        ids = session.execute(insert(tabel).returning(tabel.c.id, sort_by_parameter_order=True), rijen).scalars()
        self._notify_channel(session)
        return list(ids)


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


def sqlite_triggers(tabel: str) -> list[str]:
    return [
        f"CREATE TRIGGER IF NOT EXISTS {tabel}_geen_update BEFORE UPDATE ON {tabel} "
        f"BEGIN SELECT RAISE(ABORT, '{WEIGERING}: UPDATE refused'); END",
        f"CREATE TRIGGER IF NOT EXISTS {tabel}_geen_delete BEFORE DELETE ON {tabel} "
        f"BEGIN SELECT RAISE(ABORT, '{WEIGERING}: DELETE refused'); END",
    ]


def postgres_triggers(tabel: str) -> list[str]:
    return [
        "CREATE OR REPLACE FUNCTION begroting_alleen_toevoegen() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        f"RAISE EXCEPTION '{WEIGERING}: % refused on %', TG_OP, TG_TABLE_NAME; END $$",
        f"DROP TRIGGER IF EXISTS {tabel}_alleen_toevoegen ON {tabel}",
        f"CREATE TRIGGER {tabel}_alleen_toevoegen BEFORE UPDATE OR DELETE ON {tabel} "
        "FOR EACH ROW EXECUTE FUNCTION begroting_alleen_toevoegen()",
        f"DROP TRIGGER IF EXISTS {tabel}_geen_truncate ON {tabel}",
        f"CREATE TRIGGER {tabel}_geen_truncate BEFORE TRUNCATE ON {tabel} "
        "FOR EACH STATEMENT EXECUTE FUNCTION begroting_alleen_toevoegen()",
    ]


def aantal_triggers(verbinding: Connection, tabel: str, postgres: bool) -> int:
    if postgres:
        vraag = "SELECT count(*) FROM pg_trigger WHERE tgrelid = to_regclass(:t) AND NOT tgisinternal"
    else:
        vraag = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"
    return verbinding.execute(text(vraag), {"t": tabel}).scalar_one()


def maak_alleen_toevoegen(engine: Engine, tabel: str) -> bool:
    """Install the triggers that make UPDATE and DELETE on the event table fail.

    Returns True when they were missing on a table that already held events:
    someone removed them, and `verify` says so.
    """
    postgres = engine.dialect.name == "postgresql"
    with engine.connect() as verbinding:
        if aantal_triggers(verbinding, tabel, postgres) >= 2:
            return False
    with engine.begin() as verbinding:
        if postgres:
            verbinding.execute(text("SELECT pg_advisory_xact_lock(4242)"))
        if aantal_triggers(verbinding, tabel, postgres) >= 2:
            return False
        for opdracht in postgres_triggers(tabel) if postgres else sqlite_triggers(tabel):
            verbinding.execute(text(opdracht))
        return verbinding.execute(text(f"SELECT count(*) FROM {tabel}")).scalar_one() > 0
