"""A large rebuild has a helper process make each next page's rows: every row is the one a rebuild alone writes.

The helper is switched on for a few events here, in pages of three, so corrections and withdrawals fall at
the start, in the middle and at the end of pages made ahead.
"""

from __future__ import annotations

import secrets
import warnings
from collections.abc import Callable

import pytest

from bench.herbouw import vergelijk
from documents.documenten import document_uit
from ledger.application import BegrotingApp
from projections import projector, voorwerk
from projections.projector import Projector, read_models
from projections.rijen import Notificatie
from projections.verify import controleer
from projections.voorwerk import Voorwerk
from tests.integration.test_bitemporeel import begroting, boek, circulaire


def geschiedenis(app: BegrotingApp) -> None:
    """Recordings, corrections of corrections, withdrawals of both, and recordings after them."""
    boek(app, begroting(), circulaire("dec-2020", "december", "2020-12-10", {2020: 77800}))
    (mei,) = boek(app, circulaire("mei-2020", "mei", "2020-05-29", {2020: 75916}))
    for bedrag in (75917, 75918):
        mei_anders = document_uit(circulaire("mei-2020", "mei", "2020-05-29", {2020: bedrag}))
        (correctie,) = app.corrigeer(mei, mei_anders, f"typo {bedrag}", "auditor").event_ids
    app.trek_in(correctie, "correctie ingetrokken", "auditor")
    for i in range(4):
        boek(app, circulaire(f"sept-{i}", "september", f"2020-09-1{i}", {2020: 77000 + i}))
    (sept,) = boek(app, circulaire("sept-laat", "september", "2020-09-20", {2020: 78000}))
    app.trek_in(sept, "verkeerde gemeente", "auditor")
    app.trek_in(mei, "mei telt niet", "auditor")
    boek(app, circulaire("dec-2021", "december", "2021-12-10", {2020: 77900}))


def herbouwd(app: BegrotingApp, pagina: int) -> list[str]:
    """Rebuild into fresh tables, in pages of `pagina`, and compare every row with the live read models."""
    with warnings.catch_warnings():  # the library names every tracking record class alike
        warnings.simplefilter("ignore")
        modellen = read_models(app, prefix=f"h{secrets.token_hex(2)}_")
    live = read_models(app)
    aantal = Projector(app, modellen, pagina).catch_up(tot=Projector(app, live).positie())
    with app.factory.datastore.engine.connect() as v:
        return [f"{aantal} events", *vergelijk(v, live.read_tables, modellen.read_tables)]


def test_a_rebuild_with_a_helper_writes_every_row_a_rebuild_alone_writes(
    app: BegrotingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    geschiedenis(app)
    assert controleer(app).in_orde  # the live read models, made without a helper
    pagina_s: list[list[Notificatie]] = []
    echte = Voorwerk.pagina

    def geteld(self: Voorwerk, positie: int, lees: Callable[[int], list[Notificatie]]) -> tuple:
        notificaties, stukken = echte(self, positie, lees)
        pagina_s.append([type(s).__name__ for s in stukken])
        return notificaties, stukken

    monkeypatch.setattr(projector, "helpt", lambda aantal: True)
    monkeypatch.setattr(Voorwerk, "pagina", geteld)
    regels = herbouwd(app, pagina=3)
    assert regels[0] == "15 events" and all(r.endswith("identical") for r in regels[1:]), regels
    assert any("Tabelrijen" in p for p in pagina_s[1:]), pagina_s  # pages after the first were made by the helper
    assert len(pagina_s) == 6, pagina_s  # five full pages and the empty one that ends it


class Klaar(list):
    def get(self) -> list:
        return self


class Helper:
    """In place of the process pool: makes the rows at once."""

    def apply_async(self, functie: Callable, args: tuple) -> Klaar:
        return Klaar(functie(*args))


def test_a_page_read_ahead_is_read_again_when_another_catch_up_moved_the_position() -> None:
    helper, gelezen = Helper(), []

    def lees(vanaf: int) -> list[Notificatie]:
        gelezen.append(vanaf)
        return [(vanaf + 1, "onbekend", b"{}")]

    werk = Voorwerk(helper)  # type: ignore[arg-type]
    assert werk.pagina(0, lees)[0] == [(1, "onbekend", b"{}")]
    assert werk.pagina(1, lees)[1] == [(2, "onbekend", b"{}")]  # made ahead: an unknown event is left as it is
    assert werk.pagina(7, lees)[0] == [(8, "onbekend", b"{}")]  # another catch-up wrote up to 7 in between
    assert gelezen == [0, 1, 2, 7, 8]


def test_a_helper_is_started_for_many_events_on_two_cores_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(voorwerk.os, "sched_getaffinity", lambda pid: {0, 1})
    assert (voorwerk.helpt(voorwerk.VANAF), voorwerk.helpt(voorwerk.VANAF - 1)) == (True, False)
    monkeypatch.setattr(voorwerk.os, "sched_getaffinity", lambda pid: {0})
    assert not voorwerk.helpt(voorwerk.VANAF)
