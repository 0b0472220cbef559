"""The read side in one place: every question catches the read models up first, then asks SQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy.engine import Connection

from ledger.application import BegrotingApp
from projections.diff import Diff, diff
from projections.explain import Uitleg, explain
from projections.export import gemeenten, transacties
from projections.forecast import Forecast, forecasts
from projections.history import Stap, history
from projections.logboek import Journaalregel, event_hash, journaal
from projections.peil import Peil
from projections.projector import Projector, leesmodellen
from projections.reserves import Reserve, reserves
from projections.saldo import Saldo, saldo
from projections.signalen import Signalen, signals
from projections.snapshot import Snapshotvraag, anker_event, maak, met_hash
from projections.tijd import naar_us
from projections.vergelijk import Uitslag, vergelijk


class Lezer:
    """Answers the users' questions from the read models of one application."""

    def __init__(self, app: BegrotingApp) -> None:
        self.app = app
        self.leesmodellen = leesmodellen(app)
        self.tabellen = self.leesmodellen.tabellen
        self.projector = Projector(app, self.leesmodellen)

    @contextmanager
    def verbinding(self) -> Iterator[Connection]:
        self.projector.catch_up()
        with self.app.factory.datastore.engine.connect() as verbinding:
            yield verbinding

    def journaal(
        self, gemeente: str | None = None, bron: str | None = None, recorded_by: datetime | None = None
    ) -> list[Journaalregel]:
        """The journal as it stood at `recorded_by` (None: now)."""
        tot = None if recorded_by is None else naar_us(recorded_by)
        with self.verbinding() as v:
            return journaal(v, self.tabellen, gemeente, bron, tot)

    def saldo(self, peil: Peil) -> Saldo:
        with self.verbinding() as v:
            return saldo(v, self.tabellen, peil)

    def diff(self, peil: Peil, van: date) -> Diff:
        with self.verbinding() as v:
            return diff(v, self.tabellen, peil, van)

    def reserves(self, peil: Peil) -> dict[str, Reserve]:
        with self.verbinding() as v:
            return reserves(v, self.tabellen, peil)

    def snapshot(self, vraag: Snapshotvraag, gemaakt: dict[str, Any]) -> dict[str, Any]:
        with self.verbinding() as v:
            return met_hash(maak(v, self.tabellen, vraag), gemaakt)

    def verifieer_snapshot(self, bestand: dict[str, Any]) -> Uitslag:
        """Re-derive a snapshot with its own query and compare."""
        vraag = Snapshotvraag.uit_json(bestand["query"])
        gemaakt = datetime.fromisoformat(bestand["gemaakt"]["op"])
        with self.verbinding() as v:
            toen = maak(v, self.tabellen, vraag if vraag.recorded_by else replace(vraag, recorded_by=gemaakt))
            nu = maak(v, self.tabellen, vraag)
            anker = anker_event(vraag.gemeente, bestand)
            anker_hash = event_hash(v, self.tabellen, *BegrotingApp.ontleed(anker[0])) if anker else None
        return vergelijk(bestand, toen, nu, anker_hash)

    def journal_export(self, gemeente: str | None, recorded_by: datetime | None) -> Iterator[str]:
        """The hledger journal, transaction by transaction, of one gemeente or of all."""
        with self.verbinding() as v:
            for g in [gemeente] if gemeente else gemeenten(v, self.tabellen):
                yield from transacties(v, self.tabellen, g, recorded_by)

    def forecasts(self, peil: Peil, jaar: int, post: str | None = None) -> list[Forecast]:
        with self.verbinding() as v:
            return forecasts(v, self.tabellen, peil, jaar, post)

    def signals(self, peil: Peil, jaar: int) -> Signalen:
        with self.verbinding() as v:
            return signals(v, self.tabellen, peil, jaar)

    def history(self, peil: Peil, post: str, jaar: int) -> list[Stap]:
        with self.verbinding() as v:
            return history(v, self.tabellen, peil, post, jaar)

    def explain(self, peil: Peil, post: str, jaar: int) -> Uitleg:
        with self.verbinding() as v:
            return explain(v, self.tabellen, peil, post, jaar)
