"""The read-model rows of one stored event, made from its JSON state alone.

An opened ledger and a recorded document event need nothing but themselves: `eigen_rijen` makes
their rows. A correction or a withdrawal looks at the rows
of its keten already written; the Writer makes those, in order, inside its transaction.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from eventsourcing.utils import get_topic

from events import Feit, model_van, upcast
from events.postbedragen import Json, Postbedrag
from ledger.grootboek import Grootboek
from projections.journaal import journaalrij
from storage.schema import BASIS, BITEMPORELE, POSTBEDRAGEN

SOORT = {
    get_topic(Grootboek.Geopend): "geopend",
    get_topic(Grootboek.FeitGeboekt): "geboekt",
    get_topic(Grootboek.FeitGecorrigeerd): "correctie",
    get_topic(Grootboek.FeitIngetrokken): "intrekking",
}
EIGEN = frozenset(("geopend", "geboekt"))
"""The kinds of stored event whose rows follow from the event alone."""
KOLOMMEN = {t.naam: (*BASIS, *t.eigen) for t in BITEMPORELE} | {POSTBEDRAGEN.naam: (*BASIS, *Postbedrag._fields)}
"""Per table, the columns of a row in the order made here: the base (`basis`) and then its own, as
storage/schema.py declares them; a post line is a tuple in its own field order (tests/unit/test_schema.py
holds those fields to the declared columns)."""
Rij = tuple[Any, ...]
Notificatie = tuple[int, str, bytes]
"""A stored event as the driver gives it: notification id, topic, JSON state."""


class Tabelrijen(NamedTuple):
    """The rows of one or more stored events in a row, per table; `journaal_kolommen` in the order of its rows."""

    journaal_kolommen: tuple[str, ...]
    journaal: list[Rij]
    postbedragen: list[Rij]
    reservemutaties: list[Rij]
    feiten: list[Rij]


def postbedragrijen(model: type[Feit], feit: Json, basis: Rij) -> list[Rij]:
    return [basis + r for r in model.postbedragen(feit)]


def reserverijen(model: type[Feit], feit: Json, basis: Rij) -> list[Rij]:
    return [basis + r for r in model.reserverijen(feit)] if model.raakt_reserves else []


def versierijen(rijen: Tabelrijen, feit: Json, basis: Rij) -> None:
    """Add the rows of one version of a document event (recorded, corrected or restored) to `rijen`."""
    model = model_van(feit["type"])
    rijen.postbedragen.extend(postbedragrijen(model, feit, basis))
    rijen.reservemutaties.extend(reserverijen(model, feit, basis))
    if model.inhoud_bewaren:
        rijen.feiten.append((*basis, feit["type"], json.dumps(feit)))


def basis(event: Json, feit: Json, keten: int, versie: int, bron: str, volgorde: tuple[int, int], nu: int) -> Rij:
    """What every row of a version starts with: where it sits on both time axes."""
    return (event["gemeente"], keten, versie, feit["bekend_op"], *volgorde, nu, None, None, bron)


def leeg() -> Tabelrijen:
    return Tabelrijen((), [], [], [], [])


def met_journaalrij(rijen: Tabelrijen, rij: dict[str, Any]) -> Tabelrijen:
    """`rijen` with one journal row added."""
    if not rijen.journaal_kolommen:
        rijen = rijen._replace(journaal_kolommen=tuple(rij))  # every journal row has the same keys in this order
    rijen.journaal.append(tuple(rij.values()))
    return rijen


def eigen_rijen(rijen: Tabelrijen, positie: int, soort: str, event: Json) -> Tabelrijen:
    """Add the rows of an opened ledger or a recorded event (decoded) to `rijen`; returns them."""
    rij = journaalrij(event, soort, positie)
    rijen = met_journaalrij(rijen, rij)
    if soort == "geboekt":
        versie, feit = event["originator_version"], upcast(event["feit"])
        nu = rij["geboekt_op"]
        versierijen(rijen, feit, basis(event, feit, versie, versie, event["bron"]["id"], (nu, positie), nu))
    return rijen
