"""Checking the tamper-evident hash chain of every stream, straight from the stored bytes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from uuid import UUID

from eventsourcing.persistence import ApplicationRecorder, Notification

from ledger.grootboek import event_id
from ledger.hashchain import GENESIS, herbereken

PAGINA = 2000


@dataclass(frozen=True)
class Breuk:
    """The first place where a stream's chain does not hold."""

    event: str
    melding: str


@dataclass
class Stroom:
    naam: str
    versie: int = 0
    hash: str = GENESIS
    gebroken: bool = False


def alle_notificaties(recorder: ApplicationRecorder) -> Iterator[Notification]:
    positie = None
    while True:
        pagina = recorder.select_notifications(start=positie, limit=PAGINA, inclusive_of_start=False)
        yield from pagina
        if len(pagina) < PAGINA:
            return
        positie = pagina[-1].id


def _naam(notificatie: Notification) -> str:
    try:
        return str(json.loads(notificatie.state)["gemeente"])
    except (ValueError, KeyError, TypeError):
        return str(notificatie.originator_id)


def _controleer(stroom: Stroom, n: Notification) -> str | None:
    if n.originator_version != stroom.versie + 1:
        return f"event(s) {stroom.versie + 1}..{n.originator_version - 1} of this stream are missing"
    try:
        opgeslagen, vorige, herberekend = herbereken(n.topic, n.state)
        versie = json.loads(n.state)["originator_version"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return "its stored content cannot be read: altered after recording"
    if versie != n.originator_version:
        return f"stored as version {n.originator_version} but its content says version {versie}"
    if herberekend != opgeslagen:
        return "its content does not match its hash: altered after recording"
    if vorige != stroom.hash:
        return "it does not link to the hash of the event before it"
    stroom.hash = opgeslagen
    return None


def controleer_hashchains(recorder: ApplicationRecorder) -> tuple[int, list[Breuk]]:
    """(number of events checked, the first break of each broken stream)."""
    stromen: dict[UUID, Stroom] = {}
    breuken, aantal = [], 0
    for n in alle_notificaties(recorder):
        aantal += 1
        stroom = stromen.setdefault(n.originator_id, Stroom(_naam(n)))
        if stroom.gebroken:
            continue
        melding = _controleer(stroom, n)
        stroom.versie = n.originator_version
        if melding:
            stroom.gebroken = True
            breuken.append(Breuk(event_id(stroom.naam, n.originator_version), melding))
    return aantal, breuken
