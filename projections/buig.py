"""A year's BUIG budget explained: its beschikkingen, the mutation and its opbouw, the verdeelmodel checked.

The beschikkingen come from the amount rows of post `buig` that BUIG beschikkingen made,
visible on both axes; their content (vorige, opbouw, verdeling) from the event store.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from events.buig_formules import Toets, toets
from events.getallen import oordeel
from ledger.ids import event_id
from projections.opbouw import knopen as opbouw_knopen
from projections.zicht import Zicht, vraag
from storage.schema import Tabelnamen
from storage.verbinding import Verbinding

BESCHIKKINGEN = """
SELECT r.jaar, r.bekend_op, r.bron, r.versie, e.state
FROM {postbedragen} r JOIN {journaal} j ON j.gemeente = r.gemeente AND j.versie = r.versie
JOIN {events} e ON e.id = j.positie
WHERE {zichtbaar_r} AND r.post = :post AND j.feit_type = :type AND r.jaar IN (:jaar, :jaar - 1)
ORDER BY r.bekend_op, r.keten_geboekt_op, r.keten_positie
"""


@dataclass(frozen=True)
class Beschikking:
    """One beschikking as the ledger holds it."""

    jaar: int
    fase: str
    bedrag: Decimal
    bekend_op: date
    bron: str
    event_id: str
    feit: dict[str, Any]


@dataclass(frozen=True)
class Knoop:
    """A part of the mutation: its stated amount, the sum of its own parts, and the difference (bedrag − som)."""

    naam: str
    bedrag: Decimal
    som: Decimal | None
    verschil: Decimal | None
    oordeel: str
    opbouw: tuple[Knoop, ...] = ()


@dataclass(frozen=True)
class Mutatie:
    """bedrag − van.bedrag, and the parts the document explains it by.

    Attributes:
        van: the beschikking it is the change against; its bron None when only the document states it.
    """

    van: Beschikking
    bedrag: Decimal
    opbouw: tuple[Knoop, ...]
    som: Decimal | None
    verschil: Decimal | None
    oordeel: str | None


@dataclass(frozen=True)
class Buiganalyse:
    zicht: Zicht
    jaar: int
    fasen: tuple[Beschikking, ...]
    beschikking: Beschikking | None
    mutatie: Mutatie | None
    verdeling: tuple[Toets, ...]


def buiganalyse(v: Verbinding, t: Tabelnamen, zicht: Zicht, jaar: int, fase: str | None = None) -> Buiganalyse:
    """The analysis of the latest beschikking of `jaar` in force (or of its `fase`)."""
    alle = beschikkingen(v, t, zicht, jaar)
    fasen = tuple(b for b in alle if b.jaar == jaar)
    gekozen = [b for b in fasen if fase is None or b.fase == fase]
    beschikking = gekozen[-1] if gekozen else None
    if beschikking is None:
        return Buiganalyse(zicht, jaar, fasen, None, None, ())
    verdeling = {k: Decimal(w) for k, w in (beschikking.feit.get("verdeling") or {}).items()}
    definitieve = [b for b in alle + _vermeld(alle) if (b.jaar, b.fase) == (jaar - 1, "definitief")]
    vorige = _vorige(beschikking, definitieve, alle)
    mutatie = None if vorige is None else _mutatie(beschikking, vorige)
    return Buiganalyse(zicht, jaar, fasen, beschikking, mutatie, tuple(toets(verdeling)))


def beschikkingen(
    v: Verbinding, t: Tabelnamen, zicht: Zicht, jaar: int, type: str = "buig_beschikking", post: str = "buig"
) -> list[Beschikking]:
    """The beschikkingen (of a type with fasen, on its post) of `jaar` and `jaar` − 1 in force, in knowledge order."""
    sql = vraag(BESCHIKKINGEN, postbedragen=t.postbedragen, journaal=t.journaal, events=t.events)
    uit = []
    for r in v.execute(sql, zicht.params(jaar=jaar, type=type, post=post)):
        feit = json.loads(r.state)["feit"]
        bedrag = Decimal(feit["bedrag"])
        uit.append(
            Beschikking(r.jaar, feit["fase"], bedrag, r.bekend_op, r.bron, event_id(zicht.gemeente, r.versie), feit)
        )
    return uit


def _vermeld(alle: list[Beschikking]) -> list[Beschikking]:
    """The vorige beschikkingen that documents state: known as the documents say them, without a bron of their own."""
    uit = []
    for b in alle:
        if v := b.feit.get("vorige"):
            uit.append(Beschikking(v["jaar"], v["fase"], Decimal(v["bedrag"]), b.bekend_op, "", "", {}))
    return uit


def _vorige(beschikking: Beschikking, definitieve: list[Beschikking], alle: list[Beschikking]) -> Beschikking | None:
    """What the document states as vorige (the ledger's, when it has that one), else the definitief of the year
    before in the ledger, else as another document states it."""
    eigen = _vermeld([beschikking])
    if eigen:
        zelfde = [b for b in alle if (b.jaar, b.fase, b.bedrag) == (eigen[0].jaar, eigen[0].fase, eigen[0].bedrag)]
        return (zelfde or eigen)[-1]
    in_grootboek = [b for b in definitieve if b.bron]
    return (in_grootboek or definitieve or [None])[-1]


def _mutatie(beschikking: Beschikking, vorige: Beschikking) -> Mutatie:
    bedrag = beschikking.bedrag - vorige.bedrag
    opbouw = tuple(knopen(beschikking.feit.get("opbouw") or {}))
    som = sum((k.bedrag for k in opbouw), Decimal(0)) if opbouw else None
    verschil = None if som is None else bedrag - som
    return Mutatie(vorige, bedrag, opbouw, som, verschil, oordeel(verschil) if opbouw else None)


def knopen(opbouw: dict[str, Any]) -> list[Knoop]:
    """The stored opbouw as nodes (projections.opbouw's, for a one-year amount), each with its oordeel."""
    return [_knoop(k) for k in opbouw_knopen(opbouw, jaar=0)]  # a beschikking's parts are amounts, not years


def _knoop(deel: dict[str, Any]) -> Knoop:
    som = deel.get("som")
    verschil = None if som is None else deel["bedrag"] - som
    return Knoop(deel["naam"], deel["bedrag"], som, verschil, oordeel(verschil), tuple(map(_knoop, deel["opbouw"])))


class Grootboekvragen:
    """What a type's record-time warnings ask of the ledger (events.beschikking.Grootboek), on record's connection."""

    def __init__(self, v: Verbinding, t: Tabelnamen) -> None:
        self.v, self.t = v, t

    def beschikkingen(self, type: str, post: str, gemeente: str, as_of: date, jaar: int) -> list[Beschikking]:
        """The beschikkingen of its year and the year before known on `as_of`, as recorded now."""
        return beschikkingen(self.v, self.t, Zicht(gemeente, as_of), jaar, type, post)

    def inhoud(self, type: str, gemeente: str, as_of: date) -> list[dict[str, Any]]:
        """The content of the events of a type known on `as_of`, as recorded now, in knowledge order."""
        from projections.au import inhoud

        return [rij.feit for rij in inhoud(self.v, self.t, Zicht(gemeente, as_of), type)]
