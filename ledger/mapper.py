"""How an event is stored: its pydantic state as JSON, sealed when there is a key, read back through its model.

The database under it (the recorder, the bulk insert, the factory) is storage's: `storage/recorder.py`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from eventsourcing.persistence import Mapper, StoredEvent, Transcoder, Transcoding
from eventsourcing.utils import get_topic, resolve_topic
from pydantic import BaseModel, ValidationError

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


def check_zegel(nieuw: Sequence[bytes], laatste: Callable[[], bytes | None]) -> None:
    """Once the last stored event is sealed, every later one must be: `verify` holds the ledger to that.

    The recorder asks this before it inserts; `laatste` reads the last stored state, only when needed.
    """
    if all(_verzegeld(toestand) for toestand in nieuw):
        return
    vorige = laatste()
    if vorige is not None and _verzegeld(vorige):
        raise ZegelOntbreekt(
            _("het grootboek is verzegeld: boek met de zegelsleutel (--seal-key BESTAND of BEGROTING_SEAL_KEY_FILE)")
        )


def _verzegeld(toestand: bytes) -> bool:
    gevonden = HASH_VELD.search(toestand)
    return gevonden is not None and gevonden[5] is not None


class GeenTranscoder(Transcoder):
    """The mapper does its own JSON; this only satisfies the library's constructor."""

    def register(self, transcoding: Transcoding) -> None:
        raise NotImplementedError

    def encode(self, obj: Any) -> bytes:
        raise NotImplementedError

    def decode(self, data: bytes) -> Any:
        raise NotImplementedError
