"""The tamper-evident chain: each event carries the SHA-256 of itself and of its predecessor.

The hash is SHA-256 over the event's topic, a newline, and its stored JSON
state with its own `hash` value written as 64 zeros. So anyone can re-derive
it from the stored bytes alone: put the zeros back and hash again. (Inside a
JSON string a quote is always escaped, so `"hash":"` can only be the key.)

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
from functools import cache
from typing import Any

from eventsourcing.utils import get_topic
from pydantic import BaseModel

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
    ongezegeld = _als_json(concept, leeg)
    hash_ = bytes_hash(get_topic(event_class), ongezegeld)
    concept.__dict__["hash"] = hash_  # made here and not yet shared: filled in rather than copied
    concept._opgeslagen = HASH_VELD.sub(lambda m: m[1] + hash_.encode() + m[3], ongezegeld, count=1)
    return concept


def _als_json(event: Any, leeg: frozenset[str]) -> bytes:
    """The event's JSON as pydantic writes it, its feit's part as the feit made it once (`Feit.als_bytes`,
    by the record's reading helper): serialising the feit again was a third of recording it."""
    if "feit" not in type(event).model_fields:
        return event.model_dump_json(exclude={"zegel", *leeg}).encode("utf-8")
    voor, na = _rond_feit(type(event), leeg)
    kop = event.model_dump_json(include=voor).encode("utf-8")
    staart = event.model_dump_json(include=na).encode("utf-8")
    feit = b'"feit":' + event.feit.als_bytes()
    return b",".join(deel for deel in (kop[1:-1], feit, staart[1:-1]) if deel).join((b"{", b"}"))


@cache
def _rond_feit(event_class: type[BaseModel], leeg: frozenset[str]) -> tuple[set[str], set[str]]:
    """The fields written before and after `feit`, in the model's order; `zegel` and empty later ones left out."""
    namen = [naam for naam in event_class.model_fields if naam not in {"zegel", *leeg}]
    i = namen.index("feit")
    return set(namen[:i]), set(namen[i + 1 :])


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
        raise ValueError("no hash in the stored state")
    ongezegeld = opgeslagen[: gevonden.start(2)] + GENESIS.encode() + b'"' + opgeslagen[gevonden.end() :]
    zegel_ = gevonden[5].decode() if gevonden[5] else None
    vorige = json.loads(opgeslagen)["vorige_hash"]
    return Herberekend(gevonden[2].decode(), vorige, bytes_hash(topic, ongezegeld), zegel_)
