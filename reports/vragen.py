"""Every question answered as an Answer in one call: what the CLI (and later the web) renders."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from reports import controller, diff, journaal, reserves, saldo, snapshot, spoor
from reports.model import Answer

if TYPE_CHECKING:
    from projections.lezer import Lezer
    from projections.peil import Peil
    from projections.snapshot import Snapshotvraag


class Vragen:
    """Asks the reader, and builds the answer's reports."""

    def __init__(self, lezer: Lezer) -> None:
        self.lezer = lezer

    def journaal(self, gemeente: str | None, bron: str | None, recorded_by: datetime | None) -> Answer:
        return journaal.journaal(self.lezer.journaal(gemeente, bron, recorded_by))

    def saldo(self, peil: Peil) -> Answer:
        return saldo.saldo(self.lezer.saldo(peil))

    def diff(self, peil: Peil, van: date) -> Answer:
        return diff.diff(self.lezer.diff(peil, van))

    def reserves(self, peil: Peil) -> Answer:
        return reserves.reserves(peil, self.lezer.reserves(peil))

    def history(self, peil: Peil, post: str, jaar: int) -> Answer:
        return spoor.history(peil, post, jaar, self.lezer.history(peil, post, jaar))

    def explain(self, peil: Peil, post: str, jaar: int) -> Answer:
        return spoor.explain(self.lezer.explain(peil, post, jaar))

    def forecast(self, peil: Peil, jaar: int, post: str | None = None) -> Answer:
        return controller.forecast(peil.gemeente, jaar, self.lezer.forecasts(peil, jaar, post))

    def signals(self, peil: Peil, jaar: int) -> Answer:
        return controller.signals(peil.gemeente, jaar, self.lezer.signals(peil, jaar))

    def snapshot(self, vraag: Snapshotvraag, gemaakt: dict[str, Any]) -> Answer:
        return snapshot.snapshot(self.lezer.snapshot(vraag, gemaakt))
