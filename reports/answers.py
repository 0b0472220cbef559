"""Every question answered as an Answer in one call: what the CLI (and later the web) renders."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from reports.model import Answer

if TYPE_CHECKING:
    from projections.bronnen import Bronstand
    from projections.journaal import Journaalstroom
    from projections.reader import Reader
    from projections.snapshot import Snapshotvraag
    from projections.zicht import Zicht
    from reports.journaal import Journaalfilter


class Answers:
    """Asks the reader, and builds the answer's reports."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader

    def journaal(
        self,
        gemeente: str | None,
        bron: str | None,
        recorded_by: datetime | None,
        filter: Journaalfilter | None = None,
    ) -> Answer:
        from reports import journaal

        return journaal.journaal(self.reader.journaal(gemeente, bron, recorded_by), filter)

    def journaalstroom(self, gemeente: str | None, bron: str | None, recorded_by: datetime | None) -> Journaalstroom:
        """The journal as it is read, for `begroting events` of any length (`reports.journaalstroom` writes it)."""
        from projections.journaal import Journaalselectie
        from projections.tijd import naar_us

        tot = None if recorded_by is None else naar_us(recorded_by)
        return self.reader.journaalstroom(Journaalselectie(gemeente, bron, tot))

    def bronnen(self, gemeente: str, recorded_by: datetime | None) -> list[Bronstand]:
        """The gemeente's documents in knowledge order (to pick two for a diff): data, not a report."""
        from projections.bronnen import bronnen
        from projections.tijd import naar_us

        with self.reader.verbinding(gemeente) as v:
            return bronnen(v, self.reader.tables, gemeente, None if recorded_by is None else naar_us(recorded_by))

    def saldo(self, zicht: Zicht) -> Answer:
        from reports import saldo

        return saldo.saldo(self.reader.saldo(zicht))

    def diff(self, zicht: Zicht, van: date) -> Answer:
        from reports import diff

        return diff.diff(self.reader.diff(zicht, van))

    def reserves(self, zicht: Zicht) -> Answer:
        from reports import reserves

        return reserves.reserves(zicht, self.reader.reserves(zicht))

    def history(self, zicht: Zicht, post: str, jaar: int) -> Answer:
        from reports import spoor

        return spoor.history(zicht, post, jaar, self.reader.history(zicht, post, jaar))

    def explain(self, zicht: Zicht, post: str, jaar: int) -> Answer:
        from reports import spoor

        return spoor.explain(self.reader.explain(zicht, post, jaar))

    def buig(self, zicht: Zicht, jaar: int, fase: str | None = None) -> Answer:
        from reports import buig

        return buig.buig(self.reader.buig(zicht, jaar, fase))

    def au(self, zicht: Zicht, jaar: int) -> Answer:
        from reports import au

        return au.au(self.reader.au(zicht, jaar))

    def au_verklaring(self, zicht: Zicht, van: date, jaar: int) -> Answer:
        from reports import au_verklaring

        return au_verklaring.verklaring(self.reader.au_verklaring(zicht, van, jaar))

    def forecast(self, zicht: Zicht, jaar: int, post: str | None = None) -> Answer:
        from reports import controller

        return controller.forecast(zicht.gemeente, jaar, self.reader.forecasts(zicht, jaar, post))

    def signals(self, zicht: Zicht, jaar: int) -> Answer:
        from reports import controller

        return controller.signals(zicht.gemeente, jaar, self.reader.signals(zicht, jaar))

    def snapshot(self, vraag: Snapshotvraag, gemaakt: dict[str, Any]) -> Answer:
        from reports import snapshot

        return snapshot.snapshot(self.reader.snapshot(vraag, gemaakt))
