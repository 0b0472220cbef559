"""The documents (bronnen) of one gemeente in knowledge order, each with the date its content was known."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from storage.schema import Tabelnamen
from storage.verbinding import Verbinding, in_lijst


@dataclass(frozen=True)
class Bronstand:
    """One document as the ledger holds it.

    Attributes:
        bekend_op: the bekend_op of its latest event (on the knowledge axis): what it said was known then.
        datum: the document's own date, as it states it.
    """

    id: str
    titel: str | None
    datum: date | None
    bekend_op: date


def bronnen(verbinding: Verbinding, t: Tabelnamen, gemeente: str, tot_us: int | None = None) -> list[Bronstand]:
    """Every bron with an event recorded by `tot_us` (None: now), by its bekend_op, then its date and id."""
    tot = "" if tot_us is None else " AND geboekt_op <= :tot"
    vraag = (
        f"SELECT bron, max(bekend_op) AS bekend_op, max(positie) AS positie FROM {t.journaal} "
        f"WHERE gemeente = :g AND bron IS NOT NULL AND bekend_op IS NOT NULL{tot} GROUP BY bron"
    )
    rijen = verbinding.execute(vraag, {"g": gemeente, "tot": tot_us})
    posities, params = in_lijst("p", [r.positie for r in rijen])
    staten = dict(verbinding.execute(f"SELECT id, state FROM {t.events} WHERE id IN {posities}", params))
    uit = []
    for r in rijen:
        bron = json.loads(staten[r.positie]).get("bron") or {}
        datum = date.fromisoformat(bron["datum"]) if bron.get("datum") else None
        uit.append(Bronstand(r.bron, bron.get("titel"), datum, r.bekend_op))
    return sorted(uit, key=lambda b: (b.bekend_op, b.datum or b.bekend_op, b.id))
