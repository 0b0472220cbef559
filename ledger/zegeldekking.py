"""Which seal covers one event: its own, or the first later sealed event's, whose hash the chain links back to it.

A seal is an HMAC of an event's hash, and each hash covers the hash before it: so an event recorded before the
ledger was sealed is covered by the first sealed event after it, as long as the chain between them holds.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from dataclasses import dataclass

from eventsourcing.persistence import ApplicationRecorder, StoredEvent

from ledger.grootboek import grootboek_id
from ledger.hashchain import herbereken, zegel
from ledger.ids import event_id

PAGINA = 200


@dataclass(frozen=True)
class Zegeldekking:
    """`door`: the sealed event that covers this one (itself, or a later one); None when no seal covers it.

    `klopt`: whether that seal matches its hash under this server's key; None when the server has no key.
    `breuk`: the event where the chain stops holding before a seal was reached.
    """

    door: str | None = None
    zegel: str | None = None
    klopt: bool | None = None
    breuk: str | None = None


def zegeldekking(recorder: ApplicationRecorder, gemeente: str, versie: int, sleutel: bytes | None) -> Zegeldekking:
    """Walk the stream from `versie` on, checking each link, until the first sealed event."""
    vorige: str | None = None
    for opgeslagen in _vanaf(recorder, gemeente, versie):
        id_ = event_id(gemeente, opgeslagen.originator_version)
        try:
            keten = herbereken(opgeslagen.topic, opgeslagen.state)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return Zegeldekking(breuk=id_)
        if keten.herberekend != keten.hash or (vorige is not None and keten.vorige_hash != vorige):
            return Zegeldekking(breuk=id_)
        if keten.zegel is not None:
            klopt = None if sleutel is None else hmac.compare_digest(keten.zegel, zegel(sleutel, keten.hash))
            return Zegeldekking(id_, keten.zegel, klopt)
        vorige = keten.hash
    return Zegeldekking()


def _vanaf(recorder: ApplicationRecorder, gemeente: str, versie: int) -> Iterator[StoredEvent]:
    positie = versie - 1
    while pagina := recorder.select_events(grootboek_id(gemeente), gt=positie, limit=PAGINA):
        yield from pagina
        positie = pagina[-1].originator_version
