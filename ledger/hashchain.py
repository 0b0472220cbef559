"""The tamper-evident chain: each event carries the SHA-256 of itself and of its predecessor.

The hash is SHA-256 over the event's topic, a newline, and its stored JSON
state with its own `hash` value written as 64 zeros. So anyone can re-derive
it from the stored bytes alone: put the zeros back and hash again. (Inside a
JSON string a quote is always escaped, so `"hash":"` can only be the key.)
Verifying never serialises an event again, so how the bytes were once written
does not matter to it; a new event's bytes are `als_json`, a form defined here.

A seal (`zegel`, HMAC-SHA256 of the hash under a key kept outside the
database) is stored right after the hash and left out of the hashed bytes:
it is made from the hash, and an unsealed event hashes exactly as it did
before seals existed. Likewise an optional field added to an event later
(`waarschuwingen`) is left out while empty, so an event that does not use it
is stored, and hashed, byte for byte as before the field existed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from typing import Any

from eventsourcing.utils import get_topic
from pydantic import BaseModel

from taal import _

GENESIS = "0" * 64
LATER_TOEGEVOEGD = ("waarschuwingen", "controle", "eenheid")
"""Optional event fields added later: stored only when not empty."""
HASH_VELD = re.compile(rb'([{,]"hash":")([0-9a-f]{64})(")(,"zegel":"([0-9a-f]{64})")?')


@dataclass(frozen=True)
class Herberekend:
    """One stored event's chain fields as stored, and its hash as re-derived from its bytes."""

    hash: str
    vorige_hash: str
    herberekend: str
    zegel: str | None


def bytes_hash(topic: str, toestand: bytes) -> str:
    return hashlib.sha256(topic.encode("utf-8") + b"\n" + toestand).hexdigest()


def zegel(sleutel: bytes, hash_: str) -> str:
    return hmac.new(sleutel, hash_.encode("ascii"), hashlib.sha256).hexdigest()


def verzegel(event_class: type[BaseModel], **velden: Any) -> Any:
    """Construct an event with its `hash` filled in; it keeps its stored bytes for the mapper."""
    concept = event_class.model_construct(hash=GENESIS, **velden)  # fields come from the aggregate, checked
    leeg = frozenset(
        naam for naam in LATER_TOEGEVOEGD if naam in event_class.model_fields and not getattr(concept, naam)
    )
    ongezegeld = als_json(concept, leeg)
    hash_ = bytes_hash(get_topic(event_class), ongezegeld)
    concept.__dict__["hash"] = hash_  # made here and not yet shared: filled in rather than copied
    concept._opgeslagen = HASH_VELD.sub(lambda m: m[1] + hash_.encode() + m[3], ongezegeld, count=1)
    return concept


def als_json(event: BaseModel, leeg: frozenset[str] = frozenset()) -> bytes:
    """The bytes hashed and stored: the event's fields in the model's order (`zegel` and empty later ones left
    out), in JSON mode, written by the standard library compactly and without escaping non-ASCII text.

    Defined here, not by pydantic's serialiser: a pydantic release that writes JSON otherwise changes nothing.
    For every event so far the two give the same bytes, so new events look like the old ones.
    """
    velden = event.model_dump(mode="json", exclude={"zegel", *leeg})
    return json.dumps(velden, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def met_zegel(opgeslagen: bytes, sleutel: bytes) -> bytes:
    """The stored bytes of an event with its seal written after its hash."""
    return HASH_VELD.sub(
        lambda m: m[1] + m[2] + m[3] + b',"zegel":"' + zegel(sleutel, m[2].decode()).encode() + b'"',
        opgeslagen,
        count=1,
    )


def herbereken(topic: str, opgeslagen: bytes) -> Herberekend:
    """The chain fields of one stored event's bytes, and its hash recomputed from them."""
    gevonden = HASH_VELD.search(opgeslagen)
    if gevonden is None:
        raise ValueError(_("geen hash in de opgeslagen toestand"))
    ongezegeld = opgeslagen[: gevonden.start(2)] + GENESIS.encode() + b'"' + opgeslagen[gevonden.end() :]
    zegel_ = gevonden[5].decode() if gevonden[5] else None
    vorige = json.loads(opgeslagen)["vorige_hash"]
    return Herberekend(gevonden[2].decode(), vorige, bytes_hash(topic, ongezegeld), zegel_)
