"""The tamper-evident chain: each event carries the SHA-256 of itself and of its predecessor.

The hash is SHA-256 over the event's topic, a newline, and its stored JSON
state with its own `hash` value written as 64 zeros. So anyone can re-derive
it from the stored bytes alone: put the zeros back and hash again. (Inside a
JSON string a quote is always escaped, so `"hash":"` can only be the key.)
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from eventsourcing.utils import get_topic
from pydantic import BaseModel

GENESIS = "0" * 64
HASH_VELD = re.compile(rb'([{,]"hash":")([0-9a-f]{64})(")')


def bytes_hash(topic: str, toestand: bytes) -> str:
    return hashlib.sha256(topic.encode("utf-8") + b"\n" + toestand).hexdigest()


def verzegel(event_class: type[BaseModel], **velden: Any) -> Any:
    """Construct an event with its `hash` filled in; it keeps its stored bytes for the mapper."""
    concept = event_class.model_construct(hash=GENESIS, **velden)  # fields come from the aggregate, checked
    ongezegeld = concept.model_dump_json().encode("utf-8")
    hash_ = bytes_hash(get_topic(event_class), ongezegeld)
    event = concept.model_copy(update={"hash": hash_})
    event._opgeslagen = HASH_VELD.sub(lambda m: m[1] + hash_.encode() + m[3], ongezegeld, count=1)
    return event


def herbereken(topic: str, opgeslagen: bytes) -> tuple[str, str, str]:
    """(stored hash, stored vorige_hash, recomputed hash) of one stored event's bytes."""
    gevonden = HASH_VELD.search(opgeslagen)
    if gevonden is None:
        raise ValueError("no hash in the stored state")
    ongezegeld = opgeslagen[: gevonden.start(2)] + GENESIS.encode() + opgeslagen[gevonden.end(2) :]
    return gevonden[2].decode(), json.loads(opgeslagen)["vorige_hash"], bytes_hash(topic, ongezegeld)
