"""Writes one page of stored events into the read models, inside the caller's transaction.

A recorded document event is read straight from its JSON state and its rows
collected for one bulk insert. A correction or withdrawal first flushes them,
then closes the open rows of its keten on the transaction axis
(`vervallen_op`) and inserts the version now in force.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import and_, select, update
from sqlalchemy.orm import Session

from events import upcast
from events.postbedragen import Json
from projections.journaal import journaalrij
from projections.rijen import (
    EIGEN,
    KOLOMMEN,
    SOORT,
    basis,
    eigen_rijen,
    leeg,
    met_journaalrij,
    versierijen,
)
from storage.tabellen import Tables


class Writer:
    """Turns stored events into rows for one set of tables, in one session."""

    def __init__(self, session: Session, tables: Tables) -> None:
        self.session, self.t = session, tables
        self.cursor = session.connection().connection.cursor()  # the driver's own: no per-row SQLAlchemy work
        self.sqlite = session.get_bind().dialect.name == "sqlite"
        self.rijen = leeg()
        self.nu = 0

    def verwerk(self, positie: int, topic: str, state: bytes | str) -> None:
        """One stored event (notification id, topic, JSON state) into rows: decoded once, its time parsed once."""
        soort = SOORT[topic]
        event = json.loads(state)
        if soort in EIGEN:
            self.rijen = eigen_rijen(self.rijen, positie, soort, event)
            return
        self.schrijf_weg()  # what follows reads and changes the rows of its keten
        rij = journaalrij(event, soort, positie)
        self.rijen = met_journaalrij(self.rijen, rij)
        self.nu = rij["geboekt_op"]  # when this event was recorded, in us: where its rows become visible
        if soort == "correctie":
            self._sluit(event)
            volgorde = self._volgorde(event["gemeente"], event["keten"])
            self._voeg_versie_toe(
                event, event["feit"], event["keten"], event["originator_version"], event["bron"]["id"], volgorde
            )
        else:
            self._trek_in(event)

    def schrijf_weg(self) -> None:
        """Write the collected rows in bulk through the driver itself: SQLAlchemy's per-row work was the cost."""
        if self.rijen.journaal:
            self._schrijf(self.t.journaal.name, self.rijen.journaal_kolommen, self.rijen.journaal)
        for naam, kolommen in KOLOMMEN.items():
            if getattr(self.rijen, naam):
                self._schrijf(getattr(self.t, naam).name, kolommen, getattr(self.rijen, naam))

    def _schrijf(self, tabel: str, kolommen: tuple[str, ...], rijen: list[tuple[Any, ...]]) -> None:
        """SQLite: executemany; PostgreSQL: COPY in text form (an ISO date is a date there), several times faster."""
        if self.sqlite:
            vraagtekens = ", ".join("?" * len(kolommen))
            self.cursor.executemany(f"INSERT INTO {tabel} ({', '.join(kolommen)}) VALUES ({vraagtekens})", rijen)
        else:
            with self.cursor.copy(f"COPY {tabel} ({', '.join(kolommen)}) FROM STDIN") as kopie:
                schrijf = kopie.write_row
                for rij in rijen:
                    schrijf(rij)
        rijen.clear()

    def _voeg_versie_toe(
        self, event: Json, feit: Json, keten: int, versie: int, bron: str, volgorde: tuple[int, int]
    ) -> None:
        feit = upcast(feit)
        versierijen(self.rijen, feit, basis(event, feit, keten, versie, bron, volgorde, self.nu))

    def _trek_in(self, event: Json) -> None:
        """Withdrawing the first event ends the keten; withdrawing the correction in force restores the one before."""
        if event["trekt_in"] == event["keten"]:
            self._sluit(event)
            return
        versies = self._geldige_versies(event["gemeente"], event["keten"])
        if event["trekt_in"] != max(versies):
            return  # an older correction: what the ledger shows does not change
        self._sluit(event)
        self._herstel(event, [v for v in versies if v != event["trekt_in"]][-1])

    def _herstel(self, event: Json, versie: int) -> None:
        """Show the version before the withdrawn correction again, from the withdrawal on."""
        j = self.t.journaal
        positie = self.session.execute(
            select(j.c.positie).where(j.c.gemeente == event["gemeente"], j.c.versie == versie)
        ).scalar_one()
        vorige = json.loads(
            self.session.execute(select(self.t.events.c.state).where(self.t.events.c.id == positie)).scalar_one()
        )
        volgorde = self._volgorde(event["gemeente"], event["keten"])
        self._voeg_versie_toe(event, vorige["feit"], event["keten"], versie, vorige["bron"]["id"], volgorde)

    def _sluit(self, event: Json) -> None:
        for tabel in self.t.bitemporeel:
            self.session.execute(
                update(tabel)
                .where(
                    and_(
                        tabel.c.gemeente == event["gemeente"],
                        tabel.c.keten == event["keten"],
                        tabel.c.vervallen_op.is_(None),
                    )
                )
                .values(vervallen_op=self.nu, vervallen_door=event["originator_version"])
            )

    def _volgorde(self, gemeente: str, keten: int) -> tuple[int, int]:
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
