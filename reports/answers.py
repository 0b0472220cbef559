"""Every question answered as an Answer in one call: what the CLI (and later the web) renders."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from reports import buig, controller, diff, journaal, reserves, saldo, snapshot, spoor
from reports.model import Answer

if TYPE_CHECKING:
    from projections.bronnen import Bronstand
    from projections.reader import Reader
    from projections.snapshot import Snapshotvraag
    from projections.zicht import Zicht


class Answers:
    """Asks the reader, and builds the answer's reports."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader

    def journaal(
        self,
        gemeente: str | None,
        bron: str | None,
        recorded_by: datetime | None,
        filter: journaal.Journaalfilter | None = None,
    ) -> Answer:
        return journaal.journaal(self.reader.journaal(gemeente, bron, recorded_by), filter)

    def bronnen(self, gemeente: str, recorded_by: datetime | None) -> list[Bronstand]:
        """The gemeente's documents in knowledge order (to pick two for a diff): data, not a report."""
        from projections.bronnen import bronnen
        from projections.tijd import naar_us

        with self.reader.verbinding(gemeente) as v:
            return bronnen(v, self.reader.tables, gemeente, None if recorded_by is None else naar_us(recorded_by))

    def saldo(self, zicht: Zicht) -> Answer:
        return saldo.saldo(self.reader.saldo(zicht))

    def diff(self, zicht: Zicht, van: date) -> Answer:
        return diff.diff(self.reader.diff(zicht, van))

    def reserves(self, zicht: Zicht) -> Answer:
        return reserves.reserves(zicht, self.reader.reserves(zicht))

    def history(self, zicht: Zicht, post: str, jaar: int) -> Answer:
        return spoor.history(zicht, post, jaar, self.reader.history(zicht, post, jaar))

    def explain(self, zicht: Zicht, post: str, jaar: int) -> Answer:
        return spoor.explain(self.reader.explain(zicht, post, jaar))

    def buig(self, zicht: Zicht, jaar: int, fase: str | None = None) -> Answer:
        return buig.buig(self.reader.buig(zicht, jaar, fase))

    def forecast(self, zicht: Zicht, jaar: int, post: str | None = None) -> Answer:
        return controller.forecast(zicht.gemeente, jaar, self.reader.forecasts(zicht, jaar, post))

    def signals(self, zicht: Zicht, jaar: int) -> Answer:
        return controller.signals(zicht.gemeente, jaar, self.reader.signals(zicht, jaar))

    def snapshot(self, vraag: Snapshotvraag, gemaakt: dict[str, Any]) -> Answer:
        return snapshot.snapshot(self.reader.snapshot(vraag, gemaakt))
