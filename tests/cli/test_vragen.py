"""The read commands through the CLI: the SPEC's JSON keys and the seed's figures to the euro."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from reports import journaalstroom
from tests.conftest import als_json, begroting

G = "GM1708"
MUTATIE = {"2020": 2112, "2021": 205, "2022": 39, "2023": 123, "2024": 364}


def k(bedrag: int) -> str:
    return f"{bedrag * 1000}.00"


@pytest.fixture
def db(db_url: str, voorbeeld: list[str]) -> str:
    assert begroting(db_url, "record", *voorbeeld, "--door", "controller").exit_code == 0
    return db_url


def test_the_diff_of_the_example_is_a_bridge_that_adds_up_every_year(db: str) -> None:
    d = als_json(db, "diff", "--gemeente", G, "--van", "2020-01-01", "--tot", "2020-12-31")
    for jaar, m in d["jaren"].items():
        rijen = [p["mutatie"] for p in d["posten"] if str(p["jaar"]) == jaar]
        rijen += [w["mutatie"] for w in d["wijzigingen"] if str(w["jaar"]) == jaar]
        assert (jaar, sum(map(Decimal, rijen))) == (jaar, Decimal(m["mutatie"]))
        assert m["stand_tot"] == m["verwacht_tot"]
    assert d["wijzigingen"], "the begroting of June is a row of the bridge"


def test_diff_json_gives_the_table_of_the_informatienota(db: str) -> None:
    d = als_json(db, "diff", "--gemeente", G, "--van", "2020-06-30", "--tot", "2020-10-13")
    assert (d["gemeente"], d["van"], d["tot"]) == (G, "2020-06-30", "2020-10-13")
    assert {j: v["mutatie"] for j, v in d["jaren"].items()} == {j: k(v) for j, v in MUTATIE.items()}
    buig = [p for p in d["posten"] if p["post"] == "buig"]
    assert buig == [
        {
            "post": "buig",
            "richting": "baten",
            "jaar": 2020,
            "effect_van": "0.00",
            "effect_tot": k(456),
            "mutatie": k(456),
            "oorzaken": ["GM1708-0016"],
            "pm": False,
            "groep": "buig",
        },
        {
            "post": "buig",
            "richting": "baten",
            "jaar": 2021,
            "effect_van": "0.00",
            "effect_tot": "0.00",
            "mutatie": "0.00",
            "oorzaken": ["GM1708-0017"],
            "pm": True,
            "groep": "buig",
        },
    ]


def test_saldo_json_has_the_spec_keys_and_the_pm_list(db: str) -> None:
    s = als_json(db, "saldo", "--gemeente", G, "--as-of", "2020-10-13")
    assert (s["gemeente"], s["as_of"], s["recorded_by"]) == (G, "2020-10-13", None)
    assert s["jaren"]["2020"] == {
        "begroot_saldo": "0.00",
        "effect": k(2112),
        "verwacht_saldo": k(2112),
        "saldo_baten_lasten": k(2112),
        "dotaties_reserves": "0.00",
        "onttrekkingen_reserves": "0.00",
        "mutaties_reserves": "0.00",
        "resultaat": k(2112),
        "incidenteel_saldo": k(1010),  # the corona compensations paid through the AU (Tabel 4)
        "structureel_saldo": k(1102),
    }
    assert {
        "post": "algemene_uitkering",
        "richting": "baten",
        "jaar": 2020,
        "raming": "75916000.00",
        "prognose": "77599000.00",
        "effect": k(1683),
        "incidenteel": False,
    } in s["posten"]
    assert s["pm"] == [
        {
            "post": "buig",
            "richting": "baten",
            "jaar": 2021,
            "bedrag": k(13040),
            "effect": k(-1754),
            "bron": "buig-2020-definitief-2021-voorlopig",
            "event": "GM1708-0017",
        }
    ]


def test_saldo_as_of_june_shows_no_effect_and_the_nader_voorlopige_buig(db: str) -> None:
    s = als_json(db, "saldo", "--gemeente", G, "--as-of", "2020-06-30", "--jaren", "2020-2024")
    assert {j: v["effect"] for j, v in s["jaren"].items()} == dict.fromkeys(MUTATIE, "0.00")
    assert [(p["post"], p["jaar"], p["effect"]) for p in s["pm"]] == [("buig", 2020, k(-440))]


def test_events_json_lists_every_event_with_both_dates_and_who(db: str) -> None:
    events = als_json(db, "events", "--gemeente", G)
    assert len(events) == 19
    eerste = events[0]
    assert {k: eerste[k] for k in ("id", "type", "gemeente", "bron", "bekend_op", "geboekt_door")} == {
        "id": "GM1708-0002",
        "type": "begroting",
        "gemeente": G,
        "bron": "begroting-2020-2024-stand-mei",
        "bekend_op": "2020-06-30",
        "geboekt_door": "controller",
    }
    assert datetime.fromisoformat(eerste["geboekt_op"]).tzinfo is not None
    assert [e["type"] for e in events[14:16]] == ["buig_beschikking", "buig_beschikking"]
    assert len(als_json(db, "events", "--bron", "septembercirculaire-2020")) == 12


def test_a_long_journal_is_read_as_it_is_written_its_count_asked_midway(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journaalstroom, "BLOK", 5)
    tabel = begroting(db, "events", "--gemeente", G)
    assert tabel.exit_code == 0, tabel.stderr
    assert tabel.stdout.startswith("Journaal (19 events)") and tabel.stdout.count("Journaal (") == 1
    assert tabel.stdout.count("┏") == 4 and tabel.stdout.count(f"│ {G}-") == 19
    assert [e["id"] for e in als_json(db, "events")][-1] == f"{G}-0020"


def test_the_journal_of_a_gemeente_without_a_ledger_is_refused_before_anything_is_written(db: str) -> None:
    for formaat in ("table", "json", "csv"):
        onbekend = begroting(db, "events", "--gemeente", "GM9999", "--format", formaat)
        assert (onbekend.exit_code, onbekend.stdout) == (2, "")
        assert onbekend.stderr == (
            "fout: er is geen grootboek voor GM9999 in deze database; grootboeken hier, meest gelijkend eerst: "
            "Steenwijkerland (GM1708)\n"
        )


def test_saldo_csv_has_a_row_per_post_and_year_and_the_year_totals(db: str) -> None:
    uitkomst = begroting(db, "saldo", "--gemeente", G, "--as-of", "2020-10-13", "--format", "csv")
    regels = uitkomst.stdout.splitlines()
    assert regels[0] == "post,richting,jaar,raming,prognose,effect"
    assert "algemene_uitkering,baten,2020,75916000.00,77599000.00,1683000.00" in regels
    assert regels[-5] == "[begrotingssaldo],,2020,0.00,2112000.00,2112000.00"


def test_the_table_shows_thousands_like_the_document(db: str) -> None:
    uitkomst = begroting(db, "diff", "--gemeente", G, "--van", "2020-06-30", "--tot", "2020-10-13", "--eenheid", "1000")
    saldo_regel = next(r for r in uitkomst.stdout.splitlines() if "saldo (mutatie)" in r)
    assert [c.strip() for c in saldo_regel.strip("│ ").split("│")] == [
        "saldo (mutatie)",
        "+ 2.112",
        "+ 205",
        "+ 39",
        "+ 123",
        "+ 364",
    ]


def test_a_typo_corrected_shows_on_the_knowledge_axis_but_not_in_what_the_ledger_showed(
    db: str, tmp_path: Path
) -> None:
    typo = tmp_path / "mei.yaml"
    typo.write_text(
        "gemeente: GM1708\nbron: {id: decembercirculaire-2020, datum: 2020-12-15}\neenheid: 1000\n"
        "events:\n  - {type: circulaire, soort: december, jaar: 2020, "
        "algemene_uitkering: {2021: 78891}}\n"
    )
    assert begroting(db, "record", str(typo), "--door", "controller").exit_code == 0
    genoteerd = datetime.now(UTC).isoformat()
    hersteld = tmp_path / "hersteld.yaml"
    hersteld.write_text(typo.read_text().replace("78891", "77891"))
    uitkomst = begroting(db, "correct", "GM1708-0021", str(hersteld), "--reden", "typo: 77.891", "--door", "auditor")
    assert uitkomst.stdout == "geboekt GM1708-0022: correctie van GM1708-0021 (typo: 77.891)\n"

    def au_2021(*extra: str) -> str:
        s = als_json(db, "saldo", "--gemeente", G, "--as-of", "2020-12-15", *extra)
        return next(p["prognose"] for p in s["posten"] if p["post"] == "algemene_uitkering" and p["jaar"] == 2021)

    assert au_2021() == "77891000.00"
    assert au_2021("--recorded-by", genoteerd) == "78891000.00"
    uitleg = als_json(
        db, "explain", "--gemeente", G, "--post", "algemene_uitkering", "--jaar", "2021", "--as-of", "2020-12-15"
    )
    rijen = [
        (e["event"], e["type"], e["bedrag"], e["geboekt_door"], e["reden"], e["vervangen_reden"])
        for e in uitleg["events"]
        if e["soort"] == "prognose"
    ]
    assert rijen == [
        ("GM1708-0004", "circulaire", "77891000.00", "controller", None, None),
        ("GM1708-0021", "circulaire", "78891000.00", "controller", None, "typo: 77.891"),
        ("GM1708-0022", "correctie", "77891000.00", "auditor", "typo: 77.891", None),
    ]


def test_withdraw_prints_the_intrekking_and_an_unknown_event_exits_2(db: str) -> None:
    uitkomst = begroting(db, "withdraw", "GM1708-0017", "--reden", "beschikking vervallen")
    assert (uitkomst.exit_code, uitkomst.stdout) == (
        0,
        "geboekt GM1708-0021: intrekking van GM1708-0017 (beschikking vervallen)\n",
    )
    opnieuw = begroting(db, "withdraw", "GM1708-0017", "--reden", "nog eens")
    assert (opnieuw.exit_code, opnieuw.stderr) == (2, "fout: event GM1708-0017 is ingetrokken\n")
    onbekend = begroting(db, "withdraw", "GM9999-0001", "--reden", "x")
    assert (onbekend.exit_code, onbekend.stderr) == (2, "fout: event GM9999-0001: er is geen grootboek voor GM9999\n")


def test_history_json_and_plot(db: str, tmp_path: Path) -> None:
    plaatje = tmp_path / "buig.png"
    h = als_json(db, "history", "--gemeente", G, "--post", "buig", "--jaar", "2020", "--plot", str(plaatje))
    assert [(s["soort"], s["bedrag"]) for s in h["stappen"]] == [
        ("pm", k(11805)),
        ("raming", k(12245)),
        ("prognose", k(12701)),
    ]
    assert plaatje.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and plaatje.stat().st_size > 10_000


def test_verify_passes_and_fails_when_a_read_model_row_is_altered_by_hand(db: str) -> None:
    from sqlalchemy import create_engine, text

    assert begroting(db, "verify").exit_code == 0
    engine = create_engine(db)
    with engine.begin() as v:
        v.execute(
            text(
                "UPDATE postbedragen SET cents = cents + 100 WHERE post = 'buig' AND jaar = 2020 AND soort = 'prognose'"
            )
        )
    engine.dispose()
    uitkomst = begroting(db, "verify")
    assert uitkomst.exit_code == 1
    assert "VERSCHILT postbedragen: 1 rij alleen live, 1 alleen in de herbouw" in uitkomst.stdout
    assert uitkomst.stdout.splitlines()[-1] == "verify: MISLUKT"


@pytest.mark.parametrize(
    "opdracht",
    [
        "record",
        "events",
        "saldo",
        "diff",
        "history",
        "explain",
        "correct",
        "withdraw",
        "verify",
        "demo",
        "reserves",
        "snapshot",
        "export",
        "forecast",
        "signals",
    ],
)
def test_every_command_has_help_with_an_example(opdracht: str) -> None:
    uitkomst = CliRunner().invoke(app, [opdracht, "--help"])
    assert uitkomst.exit_code == 0
    assert "Voorbeeld: begroting" in uitkomst.stdout


def test_a_bad_date_is_a_usage_error(db: str) -> None:
    uitkomst = begroting(db, "saldo", "--gemeente", G, "--as-of", "13-10-2020")
    assert uitkomst.exit_code == 2
    assert "'13-10-2020' is geen datum zoals 2020-10-13" in uitkomst.stderr


def test_demo_shows_the_saldo_and_the_diff(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the demo writes its examples to ./voorbeeld/
    uitkomst = CliRunner().invoke(app, ["--db", f"sqlite:///{tmp_path / 'demo.db'}", "demo"])
    assert uitkomst.exit_code == 0
    regels = uitkomst.stdout.splitlines()
    assert (
        regels[0] == "geboekt 01-begroting.yaml: bron begroting-2020-2024-stand-mei voor GM1708: 1 event (GM1708-0002)"
    )
    assert any("saldo van baten en lasten" in r and "+ 2.112" in r and "+ 364" in r for r in regels)
    assert any("saldo (mutatie)" in r and "+ 205" in r for r in regels)
