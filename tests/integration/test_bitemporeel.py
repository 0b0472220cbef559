"""Two time axes: what was known on a date, and what the ledger showed at a moment."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from documents.documenten import document_uit
from ledger.application import BegrotingApp
from projections.reader import Reader
from projections.verify import controleer
from projections.zicht import Zicht

G = "GM1708"


def circulaire(bron: str, soort: str, datum: str, au: dict[int, int]) -> dict:
    return {
        "gemeente": G,
        "bron": {"id": bron, "datum": datum},
        "eenheid": 1000,
        "events": [{"type": "circulaire", "soort": soort, "jaar": 2020, "algemene_uitkering": au}],
    }


def begroting() -> dict:
    return {
        "gemeente": G,
        "bron": {"id": "begroting-2021", "datum": "2020-06-30"},
        "eenheid": 1000,
        "events": [
            {
                "type": "begroting",
                "naam": "B",
                "posten": [{"post": "algemene_uitkering", "richting": "baten", "bedragen": {2020: 75916, 2021: 77012}}],
            }
        ],
    }


def boek(app: BegrotingApp, *documenten: dict) -> list[str]:
    return [i for u in app.boek([document_uit(d) for d in documenten], "controller") for i in u.event_ids]


def au(reader: Reader, jaar: int, as_of: date, recorded_by: datetime | None = None) -> Decimal:
    s = reader.saldo(Zicht(G, as_of, recorded_by))
    return next(p.prognose for p in s.posten if p.post == "algemene_uitkering" and p.jaar == jaar)


def test_a_correction_shows_from_the_original_bekend_op_but_only_from_its_own_recording(
    app: BegrotingApp, reader: Reader
) -> None:
    boek(app, begroting())
    (typo,) = boek(app, circulaire("sept-2020", "september", "2020-09-15", {2020: 77599, 2021: 78891}))
    genoteerd = datetime.now(UTC)
    hersteld = document_uit(circulaire("sept-2020", "september", "2020-09-15", {2020: 77599, 2021: 77891}))
    (correctie,) = app.corrigeer(typo, hersteld, "AU 2021 is 77.891, niet 78.891", "auditor").event_ids
    assert au(reader, 2021, date(2020, 9, 15)) == Decimal("77891000.00")
    assert au(reader, 2021, date(2020, 9, 15), recorded_by=genoteerd) == Decimal("78891000.00")
    assert au(reader, 2021, date(2020, 9, 14)) == Decimal("77012000.00")
    spoor = reader.explain(Zicht(G, date(2020, 9, 15)), "algemene_uitkering", 2021).spoor
    typo_regel, correctie_regel = [r for r in spoor if r.soort == "prognose"]
    assert (typo_regel.event_id, typo_regel.geboekt_door, typo_regel.in_kracht) == (typo, "controller", False)
    assert (typo_regel.vervangen_door, typo_regel.vervangen_reden) == (correctie, "AU 2021 is 77.891, niet 78.891")
    assert (correctie_regel.event_id, correctie_regel.geboekt_door) == (correctie, "auditor")
    assert (correctie_regel.reden, correctie_regel.zet_waarde) == ("AU 2021 is 77.891, niet 78.891", True)


def test_a_meicirculaire_recorded_after_the_december_one_counts_by_its_own_date(
    app: BegrotingApp, reader: Reader
) -> None:
    boek(app, begroting())
    boek(app, circulaire("dec-2020", "december", "2020-12-10", {2020: 77800}))
    boek(app, circulaire("mei-2020", "mei", "2020-05-29", {2020: 75916}))
    assert au(reader, 2020, date(2020, 12, 31)) == Decimal("77800000.00")
    assert au(reader, 2020, date(2020, 6, 15)) == Decimal("75916000.00")
    assert au(reader, 2020, date(2020, 9, 30)) == Decimal("75916000.00")


def test_a_withdrawal_counts_from_its_recording_and_not_before(app: BegrotingApp, reader: Reader) -> None:
    boek(app, begroting())
    (sept,) = boek(app, circulaire("sept-2020", "september", "2020-09-15", {2020: 77599}))
    voor = datetime.now(UTC)
    app.trek_in(sept, "verkeerde gemeente", "controller")
    assert au(reader, 2020, date(2020, 10, 1)) == Decimal("75916000.00")
    assert au(reader, 2020, date(2020, 10, 1), recorded_by=voor) == Decimal("77599000.00")


def test_withdrawing_a_correction_restores_the_original_from_then_on(app: BegrotingApp, reader: Reader) -> None:
    boek(app, begroting())
    (sept,) = boek(app, circulaire("sept-2020", "september", "2020-09-15", {2020: 77599}))
    hersteld = document_uit(circulaire("sept-2020", "september", "2020-09-15", {2020: 70000}))
    (correctie,) = app.corrigeer(sept, hersteld, "vergissing", "controller").event_ids
    tussen = datetime.now(UTC)
    app.trek_in(correctie, "de correctie zelf was fout", "controller")
    assert au(reader, 2020, date(2020, 10, 1)) == Decimal("77599000.00")
    assert au(reader, 2020, date(2020, 10, 1), recorded_by=tussen) == Decimal("70000000.00")
    assert controleer(app).in_orde


def test_verify_passes_after_corrections_late_recordings_and_withdrawals(app: BegrotingApp) -> None:
    boek(app, begroting(), circulaire("dec-2020", "december", "2020-12-10", {2020: 77800}))
    (mei,) = boek(app, circulaire("mei-2020", "mei", "2020-05-29", {2020: 75916}))
    (correctie,) = app.corrigeer(
        mei, document_uit(circulaire("mei-2020", "mei", "2020-05-29", {2020: 75917})), "typo", "auditor"
    ).event_ids
    app.trek_in(correctie, "correctie ingetrokken", "auditor")
    app.trek_in(mei, "mei telt niet", "auditor")
    controle = controleer(app)
    assert (controle.in_orde, controle.events, controle.breuken) == (True, 7, [])


def test_a_correction_keeps_the_bekend_op_of_what_it_corrects_unless_it_states_its_own(
    app: BegrotingApp, reader: Reader
) -> None:
    boek(app, begroting())
    (sept,) = boek(app, circulaire("sept-2020", "september", "2020-09-15", {2020: 77599}))
    erratum = circulaire("erratum-sept-2020", "september", "2020-10-20", {2020: 77650})
    (correctie,) = app.corrigeer(
        sept, document_uit(erratum, bekend_op=app.bekend_op_van(sept)), "erratum", "controller"
    ).event_ids
    assert au(reader, 2020, date(2020, 9, 15)) == Decimal("77650000.00")
    eigen = circulaire("erratum-2-sept-2020", "september", "2020-10-20", {2020: 77660})
    eigen["events"][0]["bekend_op"] = "2020-10-20"
    app.corrigeer(correctie, document_uit(eigen, bekend_op=app.bekend_op_van(correctie)), "erratum 2", "controller")
    assert au(reader, 2020, date(2020, 9, 30)) == Decimal("75916000.00")
    assert au(reader, 2020, date(2020, 10, 20)) == Decimal("77660000.00")
