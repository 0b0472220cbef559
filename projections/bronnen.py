"""The documents (bronnen) of one gemeente in knowledge order, each with the date its content was known."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from projections.tables import Tables


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


def bronnen(verbinding: Connection, t: Tables, gemeente: str, tot_us: int | None = None) -> list[Bronstand]:
    """Every bron with an event recorded by `tot_us` (None: now), by its bekend_op, then its date and id."""
    j = t.journaal
    vraag = (
        select(j.c.bron, func.max(j.c.bekend_op).label("bekend_op"), func.max(j.c.positie).label("positie"))
        .where(j.c.gemeente == gemeente, j.c.bron.is_not(None), j.c.bekend_op.is_not(None))
        .group_by(j.c.bron)
    )
    if tot_us is not None:
        vraag = vraag.where(j.c.geboekt_op <= tot_us)
    rijen = verbinding.execute(vraag).all()
    staten = dict(
        verbinding.execute(
            select(t.events.c.id, t.events.c.state).where(t.events.c.id.in_([r.positie for r in rijen]))
        ).all()
    )
    uit = []
    for r in rijen:
        bron = json.loads(staten[r.positie]).get("bron") or {}
        datum = date.fromisoformat(bron["datum"]) if bron.get("datum") else None
        uit.append(Bronstand(r.bron, bron.get("titel"), datum, r.bekend_op))
    return sorted(uit, key=lambda b: (b.bekend_op, b.datum or b.bekend_op, b.id))
