"""Writes one page of events into the read models, inside the caller's transaction.

New rows are collected and inserted in bulk. A correction or withdrawal first
flushes them, then closes the open rows of its keten on the transaction axis
(`vervallen_op`) and inserts the version now in force.
"""
from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import and_, insert, select, update
from sqlalchemy.orm import Session

from events import AnyFeit, Feit, ReserveIngesteld
from ledger.grootboek import Grootboek
from ledger.posten import regels
from ledger.reserves import reservemutaties
from projections.journaal import journaalrij
from projections.tabellen import Tabellen
from projections.tijd import naar_us

FEIT = TypeAdapter(AnyFeit)


def cents(bedrag: Any) -> int:
    return int(bedrag.scaleb(2))


def regelrijen(feit: Feit, basis: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        basis | {"soort": r.soort, "post": r.post, "richting": r.richting,
                 "onderdeel_van": r.onderdeel_van, "jaar": r.jaar, "cents": cents(r.bedrag)}
        for r in regels(feit)
    ]


def reserverijen(feit: Feit, basis: dict[str, Any]) -> list[dict[str, Any]]:
    soort = feit.soort if isinstance(feit, ReserveIngesteld) else None
    return [
        basis | {"reserve": m.reserve, "reserve_soort": soort, "soort": m.soort,
                 "jaar": m.jaar, "cents": cents(m.bedrag)}
        for m in reservemutaties(feit)
    ]


class Schrijver:
    """Turns events into rows for one set of tables, in one session."""

    def __init__(self, session: Session, tabellen: Tabellen) -> None:
        self.session, self.t = session, tabellen
        self.nieuw: dict[str, list[dict[str, Any]]] = {"journaal": [], "regels": [], "reserveregels": []}

    def verwerk(self, event: Grootboek.Event, positie: int) -> None:
        if isinstance(event, (Grootboek.FeitGecorrigeerd, Grootboek.FeitIngetrokken)):
            self.spoel()
        self.nieuw["journaal"].append(journaalrij(event, positie))
        if isinstance(event, Grootboek.FeitGeboekt):
            versie = event.originator_version
            orde = (naar_us(event.timestamp), positie)
            self._voeg_versie_toe(event, versie, versie, event.feit, event.bron.id, orde)
        elif isinstance(event, Grootboek.FeitGecorrigeerd):
            self._vervang(event)
        elif isinstance(event, Grootboek.FeitIngetrokken):
            self._trek_in(event)

    def spoel(self) -> None:
        for naam, rijen in self.nieuw.items():
            if rijen:
                self.session.execute(insert(getattr(self.t, naam)), rijen)
                rijen.clear()

    def _voeg_versie_toe(self, event: Grootboek.Event, keten: int, versie: int, feit: Feit,
                         bron: str, orde: tuple[int, int]) -> None:
        basis = {
            "gemeente": event.gemeente, "keten": keten, "versie": versie, "bekend_op": feit.bekend_op,
            "orde_ts": orde[0], "orde": orde[1], "zichtbaar_vanaf": naar_us(event.timestamp),
            "vervallen_op": None, "vervallen_door": None, "bron": bron,
        }
        self.nieuw["regels"] += regelrijen(feit, basis)
        self.nieuw["reserveregels"] += reserverijen(feit, basis)

    def _vervang(self, event: Grootboek.FeitGecorrigeerd) -> None:
        self._sluit(event)
        orde = self._orde(event.gemeente, event.keten)
        self._voeg_versie_toe(event, event.keten, event.originator_version, event.feit, event.bron.id, orde)

    def _trek_in(self, event: Grootboek.FeitIngetrokken) -> None:
        """Withdrawing the first event ends the keten; withdrawing the correction in force restores the one before."""
        if event.trekt_in == event.keten:
            self._sluit(event)
            return
        versies = self._geldige_versies(event.gemeente, event.keten)
        if event.trekt_in != max(versies):
            return  # an older correction: what the ledger shows does not change
        self._sluit(event)
        self._herstel(event, [v for v in versies if v != event.trekt_in][-1])

    def _herstel(self, event: Grootboek.FeitIngetrokken, versie: int) -> None:
        """Show the version before the withdrawn correction again, from the withdrawal on."""
        j = self.t.journaal
        rij = self.session.execute(
            select(j.c.inhoud, j.c.bron).where(j.c.gemeente == event.gemeente, j.c.versie == versie)
        ).one()
        orde = self._orde(event.gemeente, event.keten)
        self._voeg_versie_toe(event, event.keten, versie, FEIT.validate_json(rij.inhoud), rij.bron, orde)

    def _sluit(self, event: Grootboek.FeitGecorrigeerd | Grootboek.FeitIngetrokken) -> None:
        for tabel in self.t.bitemporeel:
            self.session.execute(
                update(tabel)
                .where(and_(tabel.c.gemeente == event.gemeente, tabel.c.keten == event.keten,
                            tabel.c.vervallen_op.is_(None)))
                .values(vervallen_op=naar_us(event.timestamp), vervallen_door=event.originator_version)
            )

    def _orde(self, gemeente: str, keten: int) -> tuple[int, int]:
        j = self.t.journaal
        rij = self.session.execute(
            select(j.c.geboekt_op, j.c.positie).where(j.c.gemeente == gemeente, j.c.versie == keten)
        ).one()
        return rij.geboekt_op, rij.positie

    def _geldige_versies(self, gemeente: str, keten: int) -> list[int]:
        """The versions of a keten that are not withdrawn, oldest first (this withdrawal not yet applied)."""
        j = self.t.journaal
        rijen = self.session.execute(
            select(j.c.versie, j.c.type, j.c.betreft).where(j.c.gemeente == gemeente, j.c.keten == keten)
        ).all()
        ingetrokken = {r.betreft for r in rijen if r.type == "intrekking"}
        return sorted(r.versie for r in rijen if r.type != "intrekking" and r.versie not in ingetrokken)
