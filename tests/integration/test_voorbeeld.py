"""The worked example (seed 000, Steenwijkerland 2020) to the euro, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from documents.documenten import lees_documenten
from ledger.application import BegrotingApp
from projections.reader import Reader
from projections.zicht import Zicht

G = "GM1708"
MUTATIE = {2020: 2112, 2021: 205, 2022: 39, 2023: 123, 2024: 364}
AU = {2020: 1683, 2021: 879, 2022: 1174, 2023: 521, 2024: 763}
TAAKMUTATIES = {2020: -27, 2021: 21, 2022: -751, 2023: -14, 2024: -15}


def k(bedrag: int) -> Decimal:
    return Decimal(bedrag) * 1000


def record(app: BegrotingApp, bestanden: list[str]) -> int:
    return sum(len(u.event_ids) for u in app.boek(lees_documenten(bestanden), "controller"))


def test_the_five_documents_give_nineteen_events_and_a_second_time_none(
    app: BegrotingApp, voorbeeld: list[str]
) -> None:
    assert record(app, voorbeeld) == 19
    assert record(app, voorbeeld) == 0
    assert len(Reader(app).journaal(G)) == 19


def test_diff_gives_tabel_3_of_the_informatienota(app: BegrotingApp, reader: Reader, voorbeeld: list[str]) -> None:
    record(app, voorbeeld)
    d = reader.diff(Zicht(G, date(2020, 10, 13)), date(2020, 6, 30))
    assert {j: m.mutatie for j, m in d.jaren.items()} == {j: k(v) for j, v in MUTATIE.items()}
    per_post = {(p.post, p.jaar): p.mutatie for p in d.posten}
    assert {j: per_post[("algemene_uitkering", j)] for j in AU} == {j: k(v) for j, v in AU.items()}
    taak = {
        j: sum(m for (p, jj), m in per_post.items() if p.startswith("taakmutatie.") and jj == j) for j in TAAKMUTATIES
    }
    assert taak == {j: k(v) for j, v in TAAKMUTATIES.items()}
    assert per_post[("buig", 2020)] == k(456) and per_post[("buig", 2021)] == 0
    assert per_post[("stelpost.jeugdhulp", 2022)] == k(-89)
    assert per_post[("stelpost.opschalingskorting", 2021)] == k(-400)
    assert [per_post[("stelpost.bcf", j)] for j in range(2021, 2025)] == [k(-295)] * 4


def test_saldo_in_june_has_no_effect_and_lists_the_nader_voorlopige_buig_as_pm(
    app: BegrotingApp, reader: Reader, voorbeeld: list[str]
) -> None:
    record(app, voorbeeld)
    s = reader.saldo(Zicht(G, date(2020, 6, 30)))
    assert {j: js.effect for j, js in s.jaren.items()} == {j: Decimal("0.00") for j in MUTATIE}
    assert [(p.post, p.jaar, p.bedrag, p.effect) for p in s.pm] == [("buig", 2020, k(11805), k(-440))]


def test_saldo_in_october_gives_the_effects_and_the_buig_2021_pm(
    app: BegrotingApp, reader: Reader, voorbeeld: list[str]
) -> None:
    record(app, voorbeeld)
    s = reader.saldo(Zicht(G, date(2020, 10, 13)))
    assert {j: js.verwacht_saldo for j, js in s.jaren.items()} == {j: k(v) for j, v in MUTATIE.items()}
    assert [(p.post, p.jaar, p.bedrag, p.effect) for p in s.pm] == [("buig", 2021, k(13040), k(-1754))]


def test_corona_compensations_are_components_of_the_algemene_uitkering(
    app: BegrotingApp, reader: Reader, voorbeeld: list[str]
) -> None:
    record(app, voorbeeld)
    s = reader.saldo(Zicht(G, date(2020, 10, 13)))
    corona = [o for o in s.onderdelen if o.post.startswith("corona.")]
    assert {o.onderdeel_van for o in corona} == {"algemene_uitkering"}
    assert sum(o.bedrag for o in corona if o.jaar == 2020) == k(1010)
    assert sum(o.bedrag for o in corona if o.jaar == 2021) == k(392)
    assert not any(p.post.startswith("corona.") for p in s.posten)


def test_history_of_buig_2020_shows_begroting_nader_voorlopig_and_definitief(
    app: BegrotingApp, reader: Reader, voorbeeld: list[str]
) -> None:
    record(app, voorbeeld)
    stappen = reader.history(Zicht(G, date(2020, 12, 31)), "buig", 2020)
    assert [(s.soort, s.bedrag) for s in stappen] == [("pm", k(11805)), ("raming", k(12245)), ("prognose", k(12701))]
    assert [s.prognose for s in stappen] == [0, k(12245), k(12701)]
