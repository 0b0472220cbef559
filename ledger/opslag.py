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
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from events import upcast
from events.errors import LedgerError
from ledger.hashchain import HASH_VELD, met_zegel


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
    """Inserts a save's events with one INSERT .. RETURNING instead of one ORM object each.

    Same table, same locking, same notification ids; the ORM's per-object
    bookkeeping cost more than the database did.
    """

    def _insert_stored_events(self, session: Session, stored_events: Sequence[StoredEvent], **_: Any) -> Sequence[int]:
        if not stored_events:
            return []
        self._lock_table(session)
        tabel = self.events_record_cls.__table__
        self._check_zegel(session, stored_events)
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

    def _check_zegel(self, session: Session, stored_events: Sequence[StoredEvent]) -> None:
        """Once the last stored event is sealed, every later one must be: `verify` holds the ledger to that."""
        if all(_verzegeld(e.state) for e in stored_events):
            return
        tabel = self.events_record_cls.__table__
        laatste = session.execute(select(tabel.c.state).order_by(tabel.c.id.desc()).limit(1)).scalar()
        if laatste is not None and _verzegeld(laatste):
            raise ZegelOntbreekt(
                "the ledger is sealed: record with its seal key (--seal-key FILE or BEGROTING_SEAL_KEY_FILE)"
            )


def _verzegeld(toestand: bytes) -> bool:
    gevonden = HASH_VELD.search(toestand)
    return gevonden is not None and gevonden[5] is not None


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
