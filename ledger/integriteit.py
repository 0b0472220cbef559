"""Checking every stream straight from the stored bytes: its hash chain, its seals, that it decodes."""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from uuid import UUID

from eventsourcing.persistence import ApplicationRecorder, Notification

from ledger.grootboek import event_id
from ledger.hashchain import GENESIS, Herberekend, herbereken, zegel
from taal import _, ngettext

PAGINA = 2000


@dataclass(frozen=True)
class Breuk:
    """A place where a stream does not hold: its event id (and position in the store) and what is wrong."""

    event: str
    melding: str


@dataclass
class Stroom:
    naam: str
    versie: int = 0
    hash: str = GENESIS
    zegel: str | None = None
    gebroken: bool = False
    onverzegeld: int = 0  # unsealed events before the ledger was sealed: always the first ones of a stream


@dataclass
class Ketencontrole:
    """What `verify` found in the event store itself.

    Attributes:
        breuken: the first break of each broken chain.
        zegelbreuken: every event whose seal is missing (once the ledger is sealed) or wrong.
        verzegeld_vanaf: the first sealed event; events before it are unsealed, not broken.
        onleesbaar: every event that cannot be decoded into its event type.
    """

    events: int = 0
    breuken: list[Breuk] = field(default_factory=list)
    zegelbreuken: list[Breuk] = field(default_factory=list)
    onleesbaar: list[Breuk] = field(default_factory=list)
    verzegeld: int = 0
    verzegeld_vanaf: str | None = None
    stromen: dict[UUID, Stroom] = field(default_factory=dict)


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


def _lees(n: Notification) -> tuple[Herberekend, int] | None:
    try:
        return herbereken(n.topic, n.state), json.loads(n.state)["originator_version"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def _controleer(stroom: Stroom, n: Notification, gelezen: tuple[Herberekend, int] | None) -> str | None:
    if n.originator_version != stroom.versie + 1:
        van, tot = stroom.versie + 1, n.originator_version - 1
        return ngettext(
            "event {van}..{tot} van deze stroom ontbreekt",
            "events {van}..{tot} van deze stroom ontbreken",
            tot - van + 1,
        ).format(van=van, tot=tot)
    if gelezen is None:
        return _("de opgeslagen inhoud is niet te lezen: gewijzigd na het boeken")
    keten, versie = gelezen
    if versie != n.originator_version:
        return _("opgeslagen als versie {opgeslagen} maar de inhoud zegt versie {versie}").format(
            opgeslagen=n.originator_version, versie=versie
        )
    if keten.herberekend != keten.hash:
        return _("de inhoud past niet bij de hash: gewijzigd na het boeken")
    if keten.vorige_hash != stroom.hash:
        return _("het verwijst niet naar de hash van het event ervoor")
    stroom.hash, stroom.zegel = keten.hash, keten.zegel
    return None


def _zegelmelding(k: Ketencontrole, keten: Herberekend, sleutel: bytes | None) -> str | None:
    """Seals start with the ledger's first sealed event: an unsealed one after it was not recorded by `begroting`."""
    if keten.zegel is None:
        if k.verzegeld_vanaf is None:
            return None
        return _(
            "het heeft geen zegel, terwijl het grootboek verzegeld is vanaf {vanaf}: buiten het grootboek om toegevoegd"
        ).format(vanaf=k.verzegeld_vanaf)
    if sleutel is not None and not hmac.compare_digest(keten.zegel, zegel(sleutel, keten.hash)):
        return _(
            "het zegel past niet bij de hash: vervalst of gewijzigd na het boeken (of met een andere sleutel verzegeld)"
        )
    return None


def _verzegeling(
    k: Ketencontrole, stroom: Stroom, id_: str, gelezen: tuple[Herberekend, int] | None, sleutel: bytes | None
) -> None:
    if gelezen is None:
        return
    keten = gelezen[0]
    melding = _zegelmelding(k, keten, sleutel)
    if melding:
        k.zegelbreuken.append(Breuk(id_, melding))
    elif keten.zegel is None:
        stroom.onverzegeld += 1
    if keten.zegel is not None:
        k.verzegeld += 1
        k.verzegeld_vanaf = k.verzegeld_vanaf or id_


def controleer_hashchains(
    recorder: ApplicationRecorder,
    sleutel: bytes | None = None,
    decodeer: Callable[[Notification], object] | None = None,
) -> Ketencontrole:
    """Walk every stored event once, in the order they were stored."""
    k = Ketencontrole()
    for n in alle_notificaties(recorder):
        k.events += 1
        stroom = k.stromen.setdefault(n.originator_id, Stroom(_naam(n)))
        id_ = event_id(stroom.naam, n.originator_version)
        gelezen = _lees(n)
        _verzegeling(k, stroom, id_, gelezen, sleutel)
        _decodeer(k, n, id_, decodeer)
        if stroom.gebroken:
            continue
        melding = _controleer(stroom, n, gelezen)
        stroom.versie = n.originator_version
        if melding:
            stroom.gebroken = True
            k.breuken.append(Breuk(id_, melding))
    return k


def _decodeer(k: Ketencontrole, n: Notification, id_: str, decodeer: Callable[[Notification], object] | None) -> None:
    if decodeer is None:
        return
    try:
        decodeer(n)
    except Exception as fout:  # whatever a stored event does to the decoder, verify names it and goes on
        k.onleesbaar.append(
            Breuk(
                _("{id} (positie {positie})").format(id=id_, positie=n.id),
                _("niet te decoderen: {fout}").format(fout=f"{type(fout).__name__}: {str(fout).splitlines()[0][:200]}"),
            )
        )
