"""Rows, totals and pass-through amounts (SPEC), figure by figure on a hand-computed case, on both backends.

tests/data/regels-2021 (bedragen x € 1.000): a begroting with AU 50.000 / 51.000, iu.beschermd_wonen 1.000 /
1.000, du.jeugd - / 400 and a pm line; a maartcirculaire AU +300 in 2021; a septembercirculaire with AU
51.500 / 51.200, beschermd wonen 1.200 and +300 passed on (budgetneutraal), du.jeugd 400 / 410 passed on in
2021 only, 400 corona money in the AU 2021 and a pm prognose. By hand: verwacht 2021 = 100 + 1.500 = 1.600
of which 400 incidental; 2022 = 200 + 10 = 210; the septembercirculaire's change 1.200 / 210.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import DATA, als_json, begroting

G = "GM0998"
MAP = DATA / "regels-2021"
BESTANDEN = sorted(str(p) for p in MAP.glob("*.yaml"))


@pytest.fixture
def db(db_url: str) -> str:
    uitkomst = begroting(db_url, "record", "--strict", *BESTANDEN)
    assert uitkomst.exit_code == 0, uitkomst.stderr
    return db_url


def saldo(db: str, as_of: str = "2021-12-31") -> dict:
    return als_json(db, "saldo", "--gemeente", G, "--as-of", as_of)


def post(s: dict, naam: str, jaar: int) -> dict:
    return next(p for p in s["posten"] if p["post"] == naam and p["jaar"] == jaar)


def test_a_budgetneutraal_uitkering_shows_its_baten_and_has_no_effect(db: str) -> None:
    s = saldo(db)
    bw = post(s, "iu.beschermd_wonen", 2021)
    assert (bw["raming"], bw["prognose"], bw["effect"]) == ("1000000.00", "1200000.00", "0.00")
    assert (bw["budgetneutraal"], bw["doorgegeven"]) == (True, "200000.00")
    assert post(s, "iu.beschermd_wonen", 2022)["prognose"] == "1300000.00"  # +300 on the raming, passed on
    assert post(s, "iu.beschermd_wonen", 2022)["effect"] == "0.00"
    assert (post(s, "du.jeugd", 2021)["effect"], post(s, "du.jeugd", 2021)["doorgegeven"]) == ("0.00", "400000.00")
    jeugd_2022 = post(s, "du.jeugd", 2022)  # budgetneutraal names 2021 only
    assert (jeugd_2022["effect"], "budgetneutraal" in jeugd_2022) == ("10000.00", False)


def test_corona_money_in_the_au_is_incidental_and_the_rest_structural(db: str) -> None:
    jaren = saldo(db)["jaren"]
    assert jaren["2021"]["verwacht_saldo"] == "1600000.00"
    assert (jaren["2021"]["incidenteel_saldo"], jaren["2021"]["structureel_saldo"]) == ("400000.00", "1200000.00")
    assert (jaren["2022"]["verwacht_saldo"], jaren["2022"]["structureel_saldo"]) == ("210000.00", "210000.00")


def test_a_maartcirculaire_is_recorded_as_a_change_of_the_au(db: str) -> None:
    s = saldo(db, "2021-06-30")
    assert post(s, "algemene_uitkering", 2021)["prognose"] == "50300000.00"
    assert s["jaren"]["2021"]["verwacht_saldo"] == "400000.00"


def test_the_diff_shows_a_pass_through_as_two_rows_that_add_up(db: str) -> None:
    d = als_json(db, "diff", "--gemeente", G, "--van", "2021-06-30", "--tot", "2021-09-30")
    rijen = [(p["post"], p["richting"], p["jaar"], p["mutatie"], p.get("budgetneutraal", False)) for p in d["posten"]]
    assert ("iu.beschermd_wonen", "baten", 2021, "200000.00", False) in rijen
    assert ("iu.beschermd_wonen", "lasten", 2021, "-200000.00", True) in rijen
    assert ("du.jeugd", "lasten", 2021, "-400000.00", True) in rijen
    assert {p["groep"] for p in d["posten"] if p["post"].startswith(("iu.", "du."))} == {"uitkeringen"}
    assert d["jaren"]["2021"]["mutatie"] == "1200000.00"
    assert sum(float(p["mutatie"]) for p in d["posten"] if p["jaar"] == 2021) == 1200000.0
    tabel = begroting(db, "diff", "--gemeente", G, "--van", "2021-06-30", "--tot", "2021-09-30").stdout
    assert "iu.beschermd_wonen (doorgegeven als lasten)" in tabel


def test_explain_names_what_a_budgetneutraal_post_passes_on(db: str) -> None:
    uitleg = als_json(db, "explain", "--gemeente", G, "--post", "iu.beschermd_wonen", "--jaar", "2021")
    assert (uitleg["effect"], uitleg["budgetneutraal"], uitleg["doorgegeven"]) == ("0.00", True, "200000.00")


def test_pm_lines_without_amounts_are_listed_under_pm_with_no_figure(db: str) -> None:
    pm = saldo(db)["pm"]
    zonder = [(p["post"], p["bedrag"], p["jaar"], p["effect"]) for p in pm if p["bedrag"] == "pm"]
    assert zonder == [("risico.jeugdzorg", "pm", None, None), ("risico.wmo", "pm", None, None)]
    assert saldo(db)["jaren"]["2021"]["effect"] == "1500000.00"  # no figure, no effect


def test_a_stated_total_one_unit_off_is_rounding_not_a_warning(db_url: str) -> None:
    uitkomst = begroting(db_url, "record", "--strict", *BESTANDEN)
    assert uitkomst.exit_code == 0 and uitkomst.stderr == ""
    assert (
        "afronding: " + BESTANDEN[2] + ": controle.totalen[0].2021: het document noemt € 1.601.000,00, "
        "het grootboek berekent € 1.600.000,00: afronding binnen één eenheid van het document (€ 1.000,00), "
        "geen waarschuwing"
    ) in uitkomst.stdout
    uitleg = als_json(db_url, "explain", "--gemeente", G, "--post", "iu.beschermd_wonen", "--jaar", "2021")
    regels = [w for e in uitleg["events"] for w in e["waarschuwingen"]]
    assert any(w.startswith("controle.totalen[0].2021: het document noemt € 1.601.000,00") for w in regels)


def test_a_stated_figure_more_than_a_unit_off_is_a_warning_and_strict_refuses(db_url: str, tmp_path: Path) -> None:
    tekst = (
        Path(BESTANDEN[2])
        .read_text()
        .replace("posten: {iu.beschermd_wonen: {2021: 200,", "posten: {iu.beschermd_wonen: {2021: 202,")
    )
    pad = tmp_path / "september.yaml"
    pad.write_text(tekst)
    assert begroting(db_url, "record", *BESTANDEN[:2]).exit_code == 0
    strikt = begroting(db_url, "record", "--strict", str(pad))
    assert strikt.exit_code == 2
    assert (
        "controle.posten.iu.beschermd_wonen.2021: het document noemt € 202.000,00, het grootboek berekent € 200.000,00"
        in strikt.stderr
    )
    assert als_json(db_url, "events", "--gemeente", G)[-1]["bron"] == "maartcirculaire-2021"


def test_recording_the_documents_again_is_silent_with_and_without_strict(db: str) -> None:
    voor = len(als_json(db, "events", "--gemeente", G))
    for optie in ([], ["--strict"], [], ["--strict"]):
        uitkomst = begroting(db, "record", *optie, *BESTANDEN)
        assert (uitkomst.exit_code, uitkomst.stderr) == (0, "")
        assert uitkomst.stdout.endswith("niets nieuws: alle 3 documenten stonden al geboekt\n")
        assert "afronding" not in uitkomst.stdout
    assert len(als_json(db, "events", "--gemeente", G)) == voor


def test_another_controle_under_the_same_bron_is_a_conflict(db: str, tmp_path: Path) -> None:
    pad = tmp_path / "september.yaml"
    pad.write_text(Path(BESTANDEN[2]).read_text().replace("saldo: {2021: 1200, 2022: 210}", "saldo: {2021: 1200}"))
    uitkomst = begroting(db, "record", str(pad))
    assert uitkomst.exit_code == 3
    assert "bron 'septembercirculaire-2021' is eerder met andere inhoud geboekt" in uitkomst.stderr


@pytest.mark.parametrize("soort", ["xlsx", "ods", "yaml"])
def test_document_out_writes_every_field_back_in_its_own_eenheid(db: str, soort: str, tmp_path: Path) -> None:
    pad = tmp_path / f"september.{soort}"
    assert begroting(db, "document", G, "septembercirculaire-2021", "--out", str(pad)).exit_code == 0
    opnieuw = begroting(db, "record", "--strict", str(pad))
    assert (opnieuw.exit_code, opnieuw.stderr) == (0, "")
    assert "staat al met deze inhoud geboekt" in opnieuw.stdout
    if soort == "yaml":
        gegevens = yaml.safe_load(pad.read_text())
        assert gegevens["eenheid"] == 1000
        assert gegevens["controle"]["totalen"][0]["bedragen"] == {2021: 1601, 2022: 1710}
        assert gegevens["events"][0]["decentralisatie_uitkeringen"][0]["budgetneutraal"] == [2021]
        assert gegevens["events"][2]["pm"] is True
