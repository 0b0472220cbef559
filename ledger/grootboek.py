"""The per-gemeente ledger: one aggregate, one stream, one hash chain."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, CanInitAggregate, CanMutateAggregate
from eventsourcing.utils import get_topic
from pydantic import BaseModel, ConfigDict, PrivateAttr

from documents.controlecijfers import Controlecijfers, uit_opslag
from documents.documenten import document_hash
from events import AnyFeit, Bron, Feit
from events.errors import LedgerError
from events.postbedragen import richtingen
from events.reserves import mutaties_per_jaar, standen
from ledger import checks
from ledger.hashchain import GENESIS, verzegel
from ledger.ids import event_id


def grootboek_id(gemeente: str) -> UUID:
    return uuid5(NAMESPACE_URL, f"begroting:grootboek:{gemeente}")


@dataclass(frozen=True)
class Keten:
    """An event with its corrections: `versies` oldest first, withdrawn ones left out."""

    feit: Feit
    versies: tuple[int, ...]
    ingetrokken: bool = False


class Grootboek(Aggregate):
    """All budget information of one gemeente, as recorded."""

    class Event(BaseModel, CanMutateAggregate[UUID]):
        """Every event: who recorded it, when, and its link in the hash chain.

        Attributes:
            timestamp: geboekt_op, the system time of recording (UTC).
        """

        model_config = ConfigDict(frozen=True, extra="forbid")
        _opgeslagen: bytes | None = PrivateAttr(default=None)  # its stored JSON, kept from sealing
        originator_id: UUID
        originator_version: int
        timestamp: datetime
        gemeente: str
        geboekt_door: str
        vorige_hash: str
        hash: str
        zegel: str | None = None  # HMAC of `hash` under the seal key, written by the mapper; outside the hash

        def apply(self, grootboek: Grootboek) -> None:
            """Each kind of event has its own handler on the ledger: a call, not a dispatch on its type."""
            raise NotImplementedError(type(self))

        def __eq__(self, other: object) -> bool:
            """Equal when the fields are equal: the kept bytes are a cache, not content."""
            return type(self) is type(other) and self.__dict__ == other.__dict__

    class Created(Event, CanInitAggregate[UUID]):
        originator_topic: str

    class Geopend(Created):
        """The ledger of a gemeente was opened (the start of its hash chain)."""

        def apply(self, grootboek: Grootboek) -> None:
            grootboek.geopend(self)

    class FeitGeboekt(Event):
        """An event of a source document was recorded."""

        feit: AnyFeit
        bron: Bron
        document_hash: str
        waarschuwingen: tuple[str, ...] = ()  # what `record` warned of about it; stored only when there is any
        controle: dict[str, Any] | None = None  # the document's stated figures, with its first event only
        eenheid: int | None = None  # what the document wrote its amounts in, with its first event, when not 1

        def apply(self, grootboek: Grootboek) -> None:
            grootboek.geboekt(self)

    class FeitGecorrigeerd(Event):
        """An earlier event was replaced; `keten` is the first event of its line."""

        vervangt: int
        keten: int
        feit: AnyFeit
        bron: Bron
        reden: str
        waarschuwingen: tuple[str, ...] = ()

        def apply(self, grootboek: Grootboek) -> None:
            grootboek.gecorrigeerd(self)

    class FeitIngetrokken(Event):
        """An earlier event was withdrawn; withdrawing a correction restores the version before it."""

        trekt_in: int
        keten: int
        reden: str

        def apply(self, grootboek: Grootboek) -> None:
            grootboek.ingetrokken(self)

    @classmethod
    def open(cls, gemeente: str, door: str) -> Grootboek:
        geopend = verzegel(
            cls.Geopend,
            originator_id=grootboek_id(gemeente),
            originator_version=cls.INITIAL_VERSION,
            timestamp=datetime.now(UTC),
            originator_topic=get_topic(cls),
            gemeente=gemeente,
            geboekt_door=door,
            vorige_hash=GENESIS,
        )
        grootboek = geopend.mutate(None)
        grootboek.pending_events.append(geopend)
        return grootboek

    # Commands

    def boek(
        self,
        feiten: list[Feit],
        bron: Bron,
        hash_: str,
        door: str,
        waarschuwingen: list[tuple[str, ...]] | None = None,
        controle: Controlecijfers | None = None,
        eenheid: int = 1,
    ) -> list[int]:
        """Record a document's events, each with its warnings; [] when this bron is already here with this content.

        The first event keeps what belongs to the document as a whole: its `controle` and its `eenheid`.
        """
        feiten = [f.zoals_geboekt(self.in_kracht) for f in feiten]
        waarschuwingen = waarschuwingen or [()] * len(feiten)
        if self.al_geboekt(bron, hash_, feiten, controle):
            return []
        kop: dict[str, Any] = {"controle": controle and controle.inhoud(), "eenheid": None if eenheid == 1 else eenheid}
        for i, feit in enumerate(feiten):
            try:
                self.check_feit(self.version + 1, feit)
            except LedgerError as fout:
                raise fout.met_plaats(f"events[{i}]") from None
            eigen = kop if i == 0 else {}
            self._trigger(
                self.FeitGeboekt,
                door,
                feit=feit,
                bron=bron,
                document_hash=hash_,
                waarschuwingen=waarschuwingen[i],
                **eigen,
            )
        return list(range(self.version - len(feiten) + 1, self.version + 1))

    def corrigeer(
        self, versie: int, feit: Feit, bron: Bron, reden: str, door: str, waarschuwingen: tuple[str, ...] = ()
    ) -> int | None:
        """Replace an event; None when the replacement equals the version in force."""
        keten = self.keten_van_versie(versie)
        feit = feit.zoals_geboekt(self.in_kracht)
        checks.check_zelfde_type(self.ketens[keten].feit, feit, event_id(self.gemeente, versie))
        if feit == self.ketens[keten].feit:
            return None
        self.check_feit(keten, feit, correctie=True)
        self._trigger(
            self.FeitGecorrigeerd,
            door,
            vervangt=versie,
            keten=keten,
            feit=feit,
            bron=bron,
            reden=reden,
            waarschuwingen=waarschuwingen,
        )
        return self.version

    def trek_in(self, versie: int, reden: str, door: str) -> int:
        keten = self.keten_van_versie(versie)
        overblijvend = [v for v in self.ketens[keten].versies if v != versie]
        if versie != keten and overblijvend:
            vorige = self.versie_feiten[overblijvend[-1]]
            self.check_feit(keten, vorige, correctie=True)
        else:
            type(self.ketens[keten].feit).check_intrekking(keten, self.in_kracht)
        self._trigger(self.FeitIngetrokken, door, trekt_in=versie, keten=keten, reden=reden)
        return self.version

    # Guards over the current state

    def keten_van_versie(self, versie: int) -> int:
        keten = self.keten_van.get(versie)
        ingetrokken = keten is not None and (self.ketens[keten].ingetrokken or versie not in self.ketens[keten].versies)
        return checks.check_corrigeerbaar(keten, ingetrokken, event_id(self.gemeente, versie))

    def check_feit(self, keten: int, feit: Feit, correctie: bool = False) -> None:
        """The rules a new version must keep; a correction may move a BUIG fase back (the SPEC allows it)."""
        checks.check_richting(self.posten, keten, feit.lijnen())
        feit.check(keten, self.in_kracht, correctie)

    def reserve_standen(self, reserve: str) -> dict[int, Decimal]:
        """A reserve's stand at the end of each year, by the events in force."""
        return standen(mutaties_per_jaar(self.in_kracht.values()).get(reserve, {}))

    def al_geboekt(self, bron: Bron, hash_: str, feiten: list[Feit], controle: Controlecijfers | None = None) -> bool:
        """True when this bron is here with this content; a conflict when it is here with other content.

        A document recorded by an earlier version has a stored hash that also covered the
        defaults of that day: then what it says, its controle included, is compared as today's models read it.
        """
        gevonden = self.bronnen.get(bron.id)
        if gevonden is None or gevonden[2] == hash_:
            return gevonden is not None
        feiten_ = [self.versie_feiten[v] for v in gevonden[1]]
        opgeslagen = document_hash(self.gemeente, gevonden[0], feiten_, uit_opslag(self.controles.get(bron.id)))
        return checks.check_bron(opgeslagen, bron.id, document_hash(self.gemeente, bron, feiten, controle))

    def heeft(self, feiten: list[Feit], bron: Bron, hash_: str, controle: Controlecijfers | None) -> bool:
        """This bron is here with exactly this content (a conflict is not: `boek` refuses it)."""
        if bron.id not in self.bronnen:  # the common case, a new document: nothing to compare
            return False
        try:
            return self.al_geboekt(bron, hash_, [f.zoals_geboekt(self.in_kracht) for f in feiten], controle)
        except LedgerError:
            return False

    def _trigger(self, event_class: type[Grootboek.Event], door: str, **velden: object) -> None:
        event = verzegel(
            event_class,
            originator_id=self.id,
            originator_version=self.version + 1,
            timestamp=datetime.now(UTC),
            gemeente=self.gemeente,
            geboekt_door=door,
            vorige_hash=self.laatste_hash,
            **velden,
        )
        event.mutate(self)
        self.pending_events.append(event)

    # Evolving the state

    def geopend(self, event: Grootboek.Geopend) -> None:
        self.gemeente = event.gemeente
        self.laatste_hash = event.hash
        self.bronnen: dict[str, tuple[Bron, list[int], str]] = {}  # bron id -> (bron, its versions, its hash)
        self.controles: dict[str, dict[str, Any] | None] = {}  # bron id -> its stored controle
        self.eenheden: dict[str, int] = {}  # bron id -> the eenheid its document wrote
        self.ketens: dict[int, Keten] = {}
        self.keten_van: dict[int, int] = {}
        self.versie_feiten: dict[int, Feit] = {}
        self.in_kracht: dict[int, Feit] = {}  # keten -> the version in force, withdrawn ones left out
        self.posten: dict[str, dict[int, str]] = {}  # post -> {keten in force: richting}
        self.posten_van: dict[int, set[str]] = {}

    def geboekt(self, event: Grootboek.FeitGeboekt) -> None:
        versie = event.originator_version
        if event.bron.id not in self.bronnen:
            self.controles[event.bron.id], self.eenheden[event.bron.id] = event.controle, event.eenheid or 1
        self.bronnen.setdefault(event.bron.id, (event.bron, [], event.document_hash))[1].append(versie)
        self._zet_keten(versie, Keten(event.feit, (versie,)))
        self._onthoud(versie, versie, event.feit, event.hash)

    def gecorrigeerd(self, event: Grootboek.FeitGecorrigeerd) -> None:
        versie = event.originator_version
        oud = self.ketens[event.keten]
        self.bronnen.setdefault(event.bron.id, (event.bron, [versie], ""))  # an erratum's bron is taken too
        self._zet_keten(event.keten, Keten(event.feit, (*oud.versies, versie)))
        self._onthoud(versie, event.keten, event.feit, event.hash)

    def ingetrokken(self, event: Grootboek.FeitIngetrokken) -> None:
        oud = self.ketens[event.keten]
        over = tuple(v for v in oud.versies if v != event.trekt_in)
        if event.trekt_in == event.keten or not over:
            self._zet_keten(event.keten, Keten(oud.feit, over, ingetrokken=True))
        else:
            self._zet_keten(event.keten, Keten(self.versie_feiten[over[-1]], over))
        self.laatste_hash = event.hash

    def _onthoud(self, versie: int, keten: int, feit: Feit, hash: str) -> None:
        self.keten_van[versie] = keten
        self.versie_feiten[versie] = feit
        self.laatste_hash = hash

    def _zet_keten(self, keten: int, nieuw: Keten) -> None:
        self.ketens[keten] = nieuw
        actueel = None if nieuw.ingetrokken else nieuw.feit
        for post in self.posten_van.pop(keten, ()):
            self.posten[post].pop(keten, None)
        nu = richtingen(actueel.lijnen()) if actueel else {}
        for post, richting in nu.items():
            self.posten.setdefault(post, {})[keten] = richting
        self.posten_van[keten] = set(nu)
        if actueel is None:
            self.in_kracht.pop(keten, None)
        else:
            self.in_kracht[keten] = actueel
