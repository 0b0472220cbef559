"""The controller's year: seed 004 (Wmo Dalfsen 2007) and seed 001's rules, through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA, als_json, begroting

WMO = sorted(str(p) for p in (DATA / "wmo-dalfsen-2007").glob("*.yaml"))
G = "GM0148"


@pytest.fixture
def wmo(db_url: str) -> str:
    assert begroting(db_url, "record", *WMO).exit_code == 0
    return db_url


def test_the_begroting_2007_holds_the_wmo_posts_of_seed_004(wmo: str) -> None:
    s = als_json(wmo, "saldo", "--gemeente", G, "--as-of", "2007-01-01")
    assert {(p["post"], p["richting"], p["raming"]) for p in s["posten"]} == {
        ("wmo.zorg_in_natura", "lasten", "1633880.00"),
        ("wmo.pgb", "lasten", "110218.00"),
        ("wmo.uitvoeringskosten", "lasten", "210000.00"),
        ("wmo.eigen_bijdragen", "baten", "274908.00"),
    }
    assert {p["programma"] for p in s["posten"]} == {"Zorg en welzijn"}


def test_three_periods_of_90000_forecast_13_times_90000(wmo: str) -> None:
    (f,) = als_json(wmo, "forecast", "--gemeente", G, "--jaar", "2007", "--as-of", "2007-06-30")
    assert (f["post"], f["gerealiseerd"], f["verstreken"], f["perioden"], f["forecast"]) == (
        "wmo.zorg_in_natura",
        "270000.00",
        3,
        13,
        "1170000.00",
    )
    assert f["methode"] == (
        "€ 270.000,00 gerealiseerd in 3 van 13 vierwekelijkse perioden: € 270.000,00 / 3 x 13 = € 1.170.000,00"
    )


def test_an_accepted_forecast_and_the_pgb_prognose_give_the_effects_in_the_saldo(wmo: str) -> None:
    uit = begroting(wmo, "forecast", "--gemeente", G, "--jaar", "2007", "--as-of", "2007-06-30", "--accept")
    assert uit.exit_code == 0
    assert "geboekt forecast wmo.zorg_in_natura: bron forecast-2007-wmo.zorg_in_natura-03-13-" in uit.stdout
    s = als_json(wmo, "saldo", "--gemeente", G, "--as-of", "2007-06-30")
    effect = {p["post"]: p["effect"] for p in s["posten"]}
    assert (effect["wmo.zorg_in_natura"], effect["wmo.pgb"]) == ("463880.00", "-174782.00")
    assert s["jaren"]["2007"]["effect"] == "289098.00"
    tweede = begroting(wmo, "forecast", "--gemeente", G, "--jaar", "2007", "--as-of", "2007-06-30", "--accept")
    assert "staat al met deze inhoud geboekt voor GM0148" in tweede.stdout


@pytest.mark.parametrize("geaccepteerd", [False, True])
def test_signals_classify_the_pgb_overschrijding_and_the_zorg_in_natura_voordeel(wmo: str, geaccepteerd: bool) -> None:
    if geaccepteerd:
        begroting(wmo, "forecast", "--gemeente", G, "--jaar", "2007", "--as-of", "2007-06-30", "--accept")
    s = als_json(wmo, "signals", "--gemeente", G, "--jaar", "2007", "--as-of", "2007-06-30")
    per_post = {x["naam"]: x for x in s["signalen"] if x["niveau"] == "post"}
    pgb, zin = per_post["wmo.pgb"], per_post["wmo.zorg_in_natura"]
    assert (pgb["afwijking"], round(float(pgb["procent"])), pgb["klasse"]) == (
        "-174782.00",
        159,
        "raad direct informeren",
    )
    assert (zin["afwijking"], round(float(zin["procent"])), zin["klasse"]) == ("463880.00", -28, "voordeel")
    verwachte_grondslag = "prognose" if geaccepteerd else "forecast: € 270.000,00 gerealiseerd in 3 van 13"
    assert zin["grondslag"].startswith(verwachte_grondslag)


def test_an_investering_gives_kapitaallasten_from_the_year_after_and_is_flagged(
    sqlite_url: str, tmp_path: Path
) -> None:
    doc = tmp_path / "investering.yaml"
    doc.write_text(
        "gemeente: GM1680\nbron: {id: krediet-obs-de-horst, datum: 2023-03-02}\nevents:\n"
        "  - {type: investering, activum: nieuwbouw_obs_de_horst, categorie: nieuwbouw_schoolgebouwen,\n"
        "     nut: economisch, bedrag: 1200000, in_gebruik: 2023-09-01, programma: Onderwijs}\n"
    )
    assert begroting(sqlite_url, "record", str(doc)).exit_code == 0
    s = als_json(sqlite_url, "saldo", "--gemeente", "GM1680", "--as-of", "2023-12-31")
    lasten = {p["jaar"]: p["prognose"] for p in s["posten"] if p["post"] == "kapitaallasten.nieuwbouw_obs_de_horst"}
    assert (min(lasten), max(lasten), len(lasten)) == (2024, 2063, 40)
    assert set(lasten.values()) == {"30000.00"}
    signalen = als_json(sqlite_url, "signals", "--gemeente", "GM1680", "--jaar", "2023", "--as-of", "2023-12-31")
    (investering,) = [x for x in signalen["signalen"] if x["niveau"] == "investering"]
    assert (investering["naam"], investering["raming"], investering["klasse"]) == (
        "nieuwbouw_obs_de_horst",
        "1200000.00",
        "effect op financiele positie melden",
    )


def test_the_rechtmatigheid_grens_is_3_percent_of_lasten_including_dotaties(sqlite_url: str, tmp_path: Path) -> None:
    doc = tmp_path / "begroting.yaml"
    doc.write_text(
        "gemeente: GM1680\nbron: {id: begroting-2024, datum: 2023-11-09}\neenheid: 1000\nevents:\n"
        "  - type: begroting\n    naam: Programmabegroting 2024\n    posten:\n"
        "      - {post: sociaal_domein, richting: lasten, bedragen: {2024: 90000}}\n"
        "      - {post: overig, richting: lasten, bedragen: {2024: 60000}}\n"
        "      - {post: algemene_uitkering, richting: baten, bedragen: {2024: 140000}}\n"
        "  - {type: reserve_ingesteld, reserve: algemene_reserve, soort: algemene_reserve, beginstand: 0,"
        " per: 2024-01-01}\n"
        "  - {type: reserve_mutatie, reserve: algemene_reserve, jaar: 2024, soort: dotatie, bedrag: 5000}\n"
    )
    assert begroting(sqlite_url, "record", str(doc)).exit_code == 0
    s = als_json(sqlite_url, "signals", "--gemeente", "GM1680", "--jaar", "2024", "--as-of", "2024-01-01")
    assert s["rechtmatigheid"] == {
        "lasten_incl_dotaties": "155000000.00",
        "verantwoordingsgrens_pct": "3",
        "verantwoordingsgrens": "4650000.00",
        "rapportagegrens": "100000.00",
    }


def test_a_post_spent_on_without_a_raming_is_signalled(wmo: str, tmp_path: Path) -> None:
    zonder = tmp_path / "zonder-raming.yaml"
    zonder.write_text(
        "gemeente: GM0148\nbron: {id: facturen-tolk-2007, datum: 2007-06-15}\nevents:\n"
        "  - {type: realisatie, post: wmo.tolkvoorziening, richting: lasten, periode: 2007-Q1,"
        " bedrag: 60000}\n"
    )
    assert begroting(wmo, "record", str(zonder)).exit_code == 0
    s = als_json(wmo, "signals", "--gemeente", G, "--jaar", "2007", "--as-of", "2007-06-30")
    (tolk,) = [x for x in s["signalen"] if x["naam"] == "wmo.tolkvoorziening"]
    assert (tolk["raming"], tolk["verwacht"], tolk["procent"], tolk["klasse"]) == (
        "0.00",
        "240000.00",
        None,
        "raad direct informeren",
    )


def test_accepting_the_same_forecast_on_a_later_day_records_it_again(wmo: str) -> None:
    eerste = begroting(wmo, "forecast", "--gemeente", G, "--jaar", "2007", "--as-of", "2007-06-30", "--accept")
    later = begroting(wmo, "forecast", "--gemeente", G, "--jaar", "2007", "--as-of", "2007-07-15", "--accept")
    assert (eerste.exit_code, later.exit_code) == (0, 0)
    assert "2007-07-15" in later.stdout.splitlines()[-1] and "1 event" in later.stdout.splitlines()[-1]


def test_signals_and_forecast_speak_english_with_taal_en(wmo: str) -> None:
    vraag = ("--gemeente", G, "--jaar", "2007", "--as-of", "2007-06-30")
    signalen = " ".join(begroting(wmo, "--taal", "en", "signals", *vraag).stdout.split())
    assert signalen.startswith("Signals Dalfsen (GM0148) 2007, known on 2007-06-30 (standard verordening")
    assert "│ inform the raad at once │" in signalen and "raad direct informeren" not in signalen
    assert signalen.endswith(
        "+ = advantage; legitimacy: accountability threshold 58,622.94 (3% of 1,954,098.00 expenditure incl. "
        "additions to reserves), reporting threshold 100,000.00"
    )
    forecast = begroting(wmo, "--taal", "en", "forecast", *vraag).stdout.splitlines()
    assert forecast[0].rstrip() == "Forecast Dalfsen (GM0148) 2007 (run rate)"


@pytest.mark.parametrize(
    ("taal", "titel", "klasse"),
    [
        (
            "nl",
            "Signalen Dalfsen (GM0148) 2007, bekend op 2007-06-30 (standaardverordening van Aa en Hunze 2023)",
            "│ voordeel │",
        ),
        (
            "en",
            "Signals Dalfsen (GM0148) 2007, known on 2007-06-30 (standard verordening of Aa en Hunze 2023)",
            "│ advantage │",
        ),
    ],
)
def test_without_a_verordening_of_its_own_the_title_names_the_standard_one_in_words(
    wmo: str, taal: str, titel: str, klasse: str
) -> None:
    """The JSON keeps the standard verordening's stored name (a 0.1 ledger answers the same); a title says it."""
    vraag = ("--gemeente", G, "--jaar", "2007", "--as-of", "2007-06-30")
    signalen = " ".join(begroting(wmo, "--taal", taal, "signals", *vraag).stdout.split())
    assert signalen.startswith(titel) and klasse in signalen
    naam = als_json(wmo, "signals", *vraag)["verordening"]
    assert naam == "Financiële verordening (standaard: seed 001, Aa en Hunze 2023)"
