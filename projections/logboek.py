"""The journal as auditors read it: every document event, oldest recording first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ledger.grootboek import event_id
from projections.journaal import beschrijving
from projections.tables import Tables
from projections.tijd import iso


@dataclass(frozen=True)
class Journaalpost:
    """One recorded event.

    Attributes:
        type: the input type (circulaire, ...), or correctie / intrekking.
        betreft: the event a correctie or intrekking is about.
    """

    id: str
    type: str
    gemeente: str
    bron: str | None
    bekend_op: date | None
    geboekt_op: str
    geboekt_door: str
    samenvatting: str
    betreft: str | None
    reden: str | None
    verwerking: str | None
    toelichting: str | None
    bron_titel: str | None
    bron_kenmerk: str | None
    hash: str
    vorige_hash: str
    inhoud: dict[str, Any] | None
    positie: int


def journaal(
    verbinding: Connection,
    t: Tables,
    gemeente: str | None = None,
    bron: str | None = None,
    tot_us: int | None = None,
) -> list[Journaalpost]:
    j, e = t.journaal, t.events
    vraag = select(j, e.c.state).join(e, e.c.id == j.c.positie).where(j.c.type != "geopend").order_by(j.c.positie)
    if gemeente:
        vraag = vraag.where(j.c.gemeente == gemeente)
    if bron:
        vraag = vraag.where(j.c.bron == bron)
    if tot_us is not None:
        vraag = vraag.where(j.c.geboekt_op <= tot_us)
    return [_regel(r) for r in verbinding.execute(vraag)]


def _regel(r: Any) -> Journaalpost:
    samenvatting, inhoud = beschrijving(r.state)
    return Journaalpost(
        id=event_id(r.gemeente, r.versie),
        type=r.type,
        gemeente=r.gemeente,
        bron=r.bron,
        bekend_op=r.bekend_op,
        geboekt_op=iso(r.geboekt_op),
        geboekt_door=r.geboekt_door,
        samenvatting=samenvatting,
        betreft=event_id(r.gemeente, r.betreft) if r.betreft else None,
        reden=r.reden,
        verwerking=r.verwerking,
        toelichting=r.toelichting,
        bron_titel=r.bron_titel,
        bron_kenmerk=r.bron_kenmerk,
        hash=r.hash,
        vorige_hash=r.vorige_hash,
        inhoud=inhoud,
        positie=r.positie,
    )


def event_hash(verbinding: Connection, t: Tables, gemeente: str, versie: int) -> str | None:
    j = t.journaal
    return verbinding.execute(select(j.c.hash).where(j.c.gemeente == gemeente, j.c.versie == versie)).scalar()
