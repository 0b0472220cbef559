"""The read side in one place: every question catches the read models up first, then asks SQL.

A reader opened on a database URL alone checks the read models' position against the store's
last notification id with one query; only when there is something to catch up does it load the
write side (the event store library, the aggregate, the models) to project the new events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from functools import cached_property
from itertools import chain
from typing import TYPE_CHECKING, Any

from ledger.ids import ontleed
from projections.bestaand import check_post, laatste_jaar
from projections.journaal import Journaalselectie, Journaalstroom, aantal, check_gemeente, journaalposten
from projections.tijd import naar_us
from storage.adres import APP_NAAM, gekozen_url, in_geheugen
from storage.schema import SCHEMA_VERSIE, Tabelnamen
from storage.stuurprogramma import licht_te_openen, open_verbinding
from storage.triggers import triggers_compleet
from storage.verbinding import Verbinding

if TYPE_CHECKING:
    from ledger.application import BegrotingApp
    from projections.au import Auberekening, Auverklaring
    from projections.buig import Buiganalyse
    from projections.diff import Diff
    from projections.explain import Uitleg
    from projections.forecast import Forecast
    from projections.history import Stap
    from projections.journaal import Journaalpost
    from projections.projector import Projector, ReadModels
    from projections.reserves import Reserve
    from projections.saldo import Saldo
    from projections.signals import Signalen
    from projections.snapshot import Snapshotvraag
    from projections.snapshot_verify import Uitslag
    from projections.zicht import Zicht


class Reader:
    """Answers the users' questions from the read models of one application.

    Give it the application, or `db` (a database URL) and `opstart`, which makes the application
    when the read models must catch up.
    """

    def __init__(
        self,
        app: BegrotingApp | None = None,
        *,
        db: str | None = None,
        opstart: Callable[[], BegrotingApp] | None = None,
    ) -> None:
        self._app, self._opstart = app, opstart
        self._url = gekozen_url(db)
        self._licht: Verbinding | None = None
        if app is None and (opstart is None or in_geheugen(self._url) or not licht_te_openen(self._url)):
            self._app = self._start(opstart, db)
        self.tables = self.read_models.read_tables.namen if self._app is not None else Tabelnamen()

    @staticmethod
    def _start(opstart: Callable[[], BegrotingApp] | None, db: str | None) -> BegrotingApp:
        if opstart is not None:
            return opstart()
        from ledger.bootstrap import bootstrap

        return bootstrap(db)

    @property
    def app(self) -> BegrotingApp:
        if self._app is None:
            self._app = self._start(self._opstart, None)
        return self._app

    @cached_property
    def read_models(self) -> ReadModels:
        from projections.projector import read_models

        return read_models(self.app)

    @cached_property
    def projector(self) -> Projector:
        from projections.projector import Projector

        return Projector(self.app, self.read_models)

    def bij(self) -> bool:
        """The cheap check: read models of today's schema at the store's last notification id, the triggers standing."""
        naam = f"{APP_NAAM}.v{SCHEMA_VERSIE}"
        laatste = f"(SELECT max(id) FROM {self.tables.events})"
        sql = f"SELECT application_name, notification_id, {laatste} FROM {self.tables.tracking}"
        with self._verbinding() as v:
            try:
                rijen = v.execute(sql)
            except v.fouten:
                return False  # no read models yet
            compleet = triggers_compleet(v, self.tables.events)
        return compleet and len(rijen) == 1 and rijen[0][0] == naam and rijen[0][1] >= (rijen[0][2] or 0)

    def catch_up(self) -> None:
        if self._app is not None or not self.bij():
            self.projector.catch_up()

    @contextmanager
    def _verbinding(self) -> Iterator[Verbinding]:
        """On the application's engine when it is open; else on the driver's own connection, kept for the process."""
        if self._app is not None:
            with self._app.factory.datastore.engine.connect() as verbinding:
                yield Verbinding.van(verbinding)
            return
        if self._licht is None:
            self._licht = open_verbinding(self._url)
        try:
            yield self._licht
        finally:
            self._licht.dbapi.rollback()  # ends the read's transaction (PostgreSQL opens one)

    @contextmanager
    def verbinding(self, gemeente: str | None = None) -> Iterator[Verbinding]:
        """A connection to read models that are caught up; for `gemeente`, one that has a ledger here."""
        self.catch_up()
        with self._verbinding() as verbinding:
            if gemeente is not None:
                check_gemeente(verbinding, self.tables, gemeente)
            yield verbinding

    def gemeenten(self) -> list[str]:
        """The gemeenten that have a ledger here."""
        from projections.export import gemeenten

        with self.verbinding() as v:
            return gemeenten(v, self.tables)

    def journaal(
        self, gemeente: str | None = None, bron: str | None = None, recorded_by: datetime | None = None
    ) -> list[Journaalpost]:
        """The journal as it stood at `recorded_by` (None: now)."""
        from projections.journaal import journaal

        tot = None if recorded_by is None else naar_us(recorded_by)
        with self.verbinding(gemeente) as v:
            return journaal(v, self.tables, gemeente, bron, tot)

    def journaalstroom(self, selectie: Journaalselectie) -> Journaalstroom:
        """The journal as it is read, for a listing of any length; a gemeente without a ledger is refused at once."""
        open_: list[Verbinding] = []

        def posten() -> Iterator[Journaalpost]:
            with self.verbinding(selectie.gemeente) as v:
                open_.append(v)
                yield from journaalposten(v, self.tables, selectie)

        stroom = posten()
        eerste = next(stroom, None)  # catches up and checks before the caller writes anything
        alle = chain([] if eerste is None else [eerste], stroom)
        return Journaalstroom(alle, lambda: aantal(open_[0], self.tables, selectie))

    def saldo(self, zicht: Zicht) -> Saldo:
        from projections.saldo import saldo

        with self.verbinding(zicht.gemeente) as v:
            return saldo(v, self.tables, zicht)

    def diff(self, zicht: Zicht, van: date) -> Diff:
        from projections.diff import diff

        with self.verbinding(zicht.gemeente) as v:
            return diff(v, self.tables, zicht, van)

    def reserves(self, zicht: Zicht) -> dict[str, Reserve]:
        from projections.reserves import reserves

        with self.verbinding(zicht.gemeente) as v:
            return reserves(v, self.tables, zicht)

    def snapshot(self, vraag: Snapshotvraag, gemaakt: dict[str, Any]) -> dict[str, Any]:
        from projections.snapshot import maak, met_hash

        with self.verbinding(vraag.gemeente) as v:
            return met_hash(maak(v, self.tables, vraag), gemaakt)

    def verifieer_snapshot(self, bestand: dict[str, Any]) -> Uitslag:
        """Re-derive a snapshot with its own query and compare."""
        from projections.journaal import event_hash
        from projections.snapshot import Snapshotvraag, laatste_event, maak
        from projections.snapshot_verify import vergelijk_snapshot

        vraag = Snapshotvraag.uit_json(bestand["query"])
        gemaakt = datetime.fromisoformat(bestand["gemaakt"]["op"])
        with self.verbinding() as v:
            toen = maak(v, self.tables, vraag if vraag.recorded_by else replace(vraag, recorded_by=gemaakt))
            nu = maak(v, self.tables, vraag)
            laatste = laatste_event(vraag.gemeente, bestand)
            laatste_hash = event_hash(v, self.tables, *ontleed(laatste[0])) if laatste else None
        return vergelijk_snapshot(bestand, toen, nu, laatste_hash)

    def export(self, gemeente: str | None, recorded_by: datetime | None) -> Iterator[str]:
        """The hledger journal, transaction by transaction, of one gemeente or of all."""
        from projections.export import gemeenten, transacties

        with self.verbinding(gemeente) as v:
            for g in [gemeente] if gemeente else gemeenten(v, self.tables):
                yield from transacties(v, self.tables, g, recorded_by)

    def forecasts(self, zicht: Zicht, jaar: int, post: str | None = None) -> list[Forecast]:
        from projections.forecast import forecasts

        with self.verbinding(zicht.gemeente) as v:
            if post is not None:
                check_post(v, self.tables, zicht.gemeente, post)
            return forecasts(v, self.tables, zicht, jaar, post)

    def signals(self, zicht: Zicht, jaar: int) -> Signalen:
        from projections.signals import signals

        with self.verbinding(zicht.gemeente) as v:
            return signals(v, self.tables, zicht, jaar)

    def history(self, zicht: Zicht, post: str, jaar: int) -> list[Stap]:
        from projections.history import history

        with self.verbinding(zicht.gemeente) as v:
            check_post(v, self.tables, zicht.gemeente, post)
            return history(v, self.tables, zicht, post, jaar)

    def buig(self, zicht: Zicht, jaar: int, fase: str | None = None) -> Buiganalyse:
        from projections.buig import buiganalyse

        with self.verbinding(zicht.gemeente) as v:
            return buiganalyse(v, self.tables, zicht, jaar, fase)

    def au(self, zicht: Zicht, jaar: int) -> Auberekening:
        from projections.au import au

        with self.verbinding(zicht.gemeente) as v:
            return au(v, self.tables, zicht, jaar)

    def au_verklaring(self, zicht: Zicht, van: date, jaar: int) -> Auverklaring:
        from projections.au import au_verklaring

        with self.verbinding(zicht.gemeente) as v:
            return au_verklaring(v, self.tables, zicht, van, jaar)

    def explain(self, zicht: Zicht, post: str, jaar: int) -> Uitleg:
        from projections.explain import explain

        with self.verbinding(zicht.gemeente) as v:
            check_post(v, self.tables, zicht.gemeente, post)
            return explain(v, self.tables, zicht, post, jaar)

    def laatste_jaar(self, gemeente: str, soorten: tuple[str, ...] = (), post: str | None = None) -> int | None:
        """The latest year the gemeente has an amount for (of these soorten, of this post): where a page opens."""
        with self.verbinding(gemeente) as v:
            return laatste_jaar(v, self.tables, gemeente, soorten, post)
