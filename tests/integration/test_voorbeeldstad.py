"""Voorbeeldstad 2024 (../shared/examples/voorbeeldstad-2024/EXPECTED.md): changes instead of totals,
an incidental line and incidenteel_saldo, on SQLite and PostgreSQL, through the CLI's JSON."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import als_json, begroting

VOORBEELD = Path(__file__).resolve().parents[1] / "data" / "voorbeeldstad-2024"  # copied from ../shared/examples
G = "GM0999"
SALDO = [  # as of, jaar, begroot_saldo, effect, verwacht_saldo, incidenteel_saldo, structureel_saldo
    ("2024-01-01", "2024", 200_000, 0, 200_000, -300_000, 500_000),
    ("2024-01-01", "2025", 150_000, 0, 150_000, 0, 150_000),
    ("2024-05-01", "2024", 200_000, -152_000, 48_000, -300_000, 348_000),
    ("2024-05-01", "2025", 150_000, -100_000, 50_000, 0, 50_000),
    ("2024-06-30", "2024", 200_000, -224_000, -24_000, -300_000, 276_000),
    ("2024-06-30", "2025", 150_000, -20_000, 130_000, 0, 130_000),
    ("2024-07-31", "2024", -64_000, 0, -64_000, -340_000, 276_000),
    ("2024-07-31", "2025", 150_000, -20_000, 130_000, 0, 130_000),
]
KOLOMMEN = ("begroot_saldo", "effect", "verwacht_saldo", "incidenteel_saldo", "structureel_saldo")


def bestand(nummer: int) -> str:
    return str(next(VOORBEELD.glob(f"0{nummer}-*.yaml")))


def euro(bedrag: int) -> str:
    return f"{bedrag}.00"


def post(db: str, as_of: str, naam: str, jaar: int, *extra: str) -> dict:
    s = als_json(db, "saldo", "--gemeente", G, "--as-of", as_of, *extra)
    return next(p for p in s["posten"] if (p["post"], p["jaar"]) == (naam, jaar))


@pytest.fixture
def db(db_url: str) -> str:
    assert begroting(db_url, "record", *(bestand(n) for n in (1, 2, 3, 4))).exit_code == 0
    return db_url


def test_the_saldo_table_of_expected_md(db: str) -> None:
    for as_of, jaar, *bedragen in SALDO:
        s = als_json(db, "saldo", "--gemeente", G, "--as-of", as_of)
        assert (as_of, jaar, *(s["jaren"][jaar][k] for k in KOLOMMEN)) == (as_of, jaar, *map(euro, bedragen))


def test_changes_become_amounts_on_the_stand_known_before_them(db: str) -> None:
    au = post(db, "2024-06-30", "algemene_uitkering", 2024)
    assert (au["raming"], au["prognose"], au["effect"]) == ("50000000.00", "49801000.00", "-199000.00")
    assert post(db, "2024-06-30", "algemene_uitkering", 2025)["prognose"] == "50980000.00"
    jeugd = post(db, "2024-06-30", "taakmutatie.jeugd_wachtlijsten", 2024)
    assert (jeugd["prognose"], jeugd["effect"]) == ("25000.00", "-25000.00")


def test_the_festival_is_an_incidental_line_of_the_tussenrapportage(db: str) -> None:
    festival = post(db, "2024-07-31", "evenementen.bevrijdingsfestival", 2024)
    assert (festival["raming"], festival["effect"]) == ("40000.00", "0.00")


def test_a_late_recorded_voorjaarsnota_rebases_the_meicirculaire_on_both_axes(db_url: str) -> None:
    assert begroting(db_url, "record", bestand(1), bestand(3)).exit_code == 0
    moment = datetime.now(UTC).isoformat()
    assert begroting(db_url, "record", bestand(2)).exit_code == 0
    assert post(db_url, "2024-06-30", "algemene_uitkering", 2024)["prognose"] == "49801000.00"
    toen = post(db_url, "2024-06-30", "algemene_uitkering", 2024, "--recorded-by", moment)
    assert (toen["prognose"], toen["effect"]) == ("49953000.00", "-47000.00")


def test_strict_records_the_three_documents_whose_controle_and_opbouw_agree(db_url: str) -> None:
    uitkomst = begroting(db_url, "record", "--strict", bestand(1), bestand(2), bestand(3))
    assert (uitkomst.exit_code, uitkomst.stderr) == (0, "")


def test_a_controle_that_differs_is_a_warning_and_under_strict_a_refusal(db_url: str, tmp_path: Path) -> None:
    anders = tmp_path / "mei-anders.yaml"
    tekst = Path(bestand(3)).read_text().replace("-72000", "-70000").replace("id: meicirculaire-2024", "id: mei-b")
    anders.write_text(tekst)
    assert begroting(db_url, "record", bestand(1), bestand(2)).exit_code == 0
    geweigerd = begroting(db_url, "record", "--strict", str(anders))
    assert geweigerd.exit_code == 2
    verwacht = f"{anders}: controle.saldo.2024: het document noemt € -70.000,00, het grootboek berekent € -72.000,00"
    assert verwacht in geweigerd.stderr
    assert len(als_json(db_url, "events", "--gemeente", G)) == 2
    gewaarschuwd = begroting(db_url, "record", str(anders))
    assert (gewaarschuwd.exit_code, gewaarschuwd.stderr) == (0, f"waarschuwing: {verwacht}\n")


def test_an_amount_without_a_raming_and_an_opbouw_that_does_not_add_up_are_warned(db_url: str, tmp_path: Path) -> None:
    brief = tmp_path / "brief.yaml"
    brief.write_text(
        "gemeente: GM0999\nbron: {id: buig-2024, datum: 2024-10-01}\nevents:\n"
        "  - {type: buig_beschikking, fase: definitief, jaar: 2024, bedrag: 9600000}\n"
        "  - type: prognose\n    post: algemene_uitkering\n    richting: baten\n    mutaties: {2024: -100}\n"
        "    opbouw: {accres: {2024: -60}, uitkeringsfactor: {2024: -30}}\n"
    )
    assert begroting(db_url, "record", bestand(1)).exit_code == 0
    assert begroting(db_url, "record", "--strict", str(brief)).exit_code == 2
    uitkomst = begroting(db_url, "record", str(brief))
    assert uitkomst.stderr.splitlines() == [
        f"waarschuwing: {brief}: events[1]: opbouw.2024: de delen tellen op tot € -90,00, het bedrag is € -100,00 "
        "(verschil € -10,00)",
        f"waarschuwing: {brief}: events[0]: buig 2024: geen raming van kracht op 2024-10-01, dus het hele bedrag "
        "€ 9.600.000,00 telt als effect",
    ]


def test_the_diff_is_a_bridge_whose_rows_add_up_to_the_change_of_each_year(db: str) -> None:
    d = als_json(db, "diff", "--gemeente", G, "--van", "2024-01-01", "--tot", "2024-07-31")
    assert {j: (m["stand_van"], m["stand_tot"], m["mutatie"]) for j, m in d["jaren"].items()} == {
        "2024": ("200000.00", "-64000.00", "-264000.00"),
        "2025": ("150000.00", "130000.00", "-20000.00"),
    }
    assert [(w["post"], w["jaar"], w["mutatie"], w["bron"]) for w in d["wijzigingen"]] == [
        ("algemene_uitkering", 2024, "-199000.00", "tussenrapportage-2024"),
        ("taakmutatie.jeugd_wachtlijsten", 2024, "-25000.00", "tussenrapportage-2024"),
        ("evenementen.bevrijdingsfestival", 2024, "-40000.00", "tussenrapportage-2024"),
    ]
    for jaar, m in d["jaren"].items():
        rijen = [p["mutatie"] for p in d["posten"] if str(p["jaar"]) == jaar]
        rijen += [w["mutatie"] for w in d["wijzigingen"] if str(w["jaar"]) == jaar]
        assert sum(map(Decimal, rijen)) == Decimal(m["mutatie"])
    au_2025 = next(p for p in d["posten"] if (p["post"], p["jaar"]) == ("algemene_uitkering", 2025))
    assert (au_2025["mutatie"], au_2025["groep"]) == ("-20000.00", "algemene_uitkering")
    assert [(o["naam"], o["bedrag"]) for o in au_2025["opbouw"]] == [
        ("accres", "90000.00"),
        ("uitkeringsfactor", "-10000.00"),
    ]
