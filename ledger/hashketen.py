"""The tamper-evident chain: each event carries the SHA-256 of itself and of its predecessor.

The hash covers the event's topic and its whole stored state except the hash
itself, in canonical JSON, so it can be re-derived from the stored bytes alone.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel

from eventsourcing.utils import get_topic

GENESIS = "0" * 64


def canonieke_hash(topic: str, toestand: dict[str, Any]) -> str:
    tekst = json.dumps(
        {"topic": topic, "toestand": toestand}, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


def verzegel(event_class: type[BaseModel], **velden: Any) -> Any:
    """Construct an event with its `hash` filled in."""
    concept = event_class(hash=GENESIS, **velden)
    toestand = json.loads(concept.model_dump_json(exclude={"hash"}))
    return concept.model_copy(update={"hash": canonieke_hash(get_topic(event_class), toestand)})


def herbereken(topic: str, opgeslagen: bytes) -> tuple[str, str, str]:
    """(stored hash, stored vorige_hash, recomputed hash) of one stored event's bytes."""
    toestand = json.loads(opgeslagen)
    opgeslagen_hash = toestand.pop("hash")
    return opgeslagen_hash, toestand["vorige_hash"], canonieke_hash(topic, toestand)
