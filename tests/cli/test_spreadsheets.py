"""Spreadsheets a controller keeps: every read command as a workbook, CSV for Dutch Excel, amounts in thousands."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import DATA, begroting, voorbeeld_bestanden

G = "GM1708"
EURO, EURO_HEEL = '"€" #,##0.00;[Red]-"€" #,##0.00', '"€" #,##0;[Red]-"€" #,##0'
VRAGEN = {
    "saldo": ("saldo", "-g", G, "--as-of", "2020-10-13"),
    "diff": ("diff", "-g", G, "--van", "2020-06-30", "--tot", "2020-10-13"),
    "explain": ("explain", "-g", G, "--post", "buig", "--jaar", "2020"),
    "history": ("history", "-g", G, "--post", "buig", "--jaar", "2020"),
    "reserves": ("reserves", "-g", "GM0999", "--jaren", "2024-2025"),
    "buig": ("buig", "-g", "GM0556", "--jaar", "2023"),
    "forecast": ("forecast", "-g", "GM0148", "--jaar", "2007", "--as-of", "2007-06-30"),
    "signals": ("signals", "-g", "GM0148", "--jaar", "2007", "--as-of", "2007-06-30"),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('blad') / 'begroting.db'}"
    mappen = ("wmo-dalfsen-2007", "buig-maassluis-2023", "voorbeeldstad-2024")
    documenten = [str(p) for m in mappen for p in sorted((DATA / m).glob("*.yaml"))]
    uitkomst = begroting(url, "record", *voorbeeld_bestanden(), *documenten)
    assert uitkomst.exit_code == 0, uitkomst.stderr
    return url


def test_saldo_as_a_workbook_has_euro_cells_a_bold_frozen_header_and_fitting_widths(db: str, tmp_path: Path) -> None:
    pad = tmp_path / "saldo.xlsx"
    uitkomst = begroting(db, *VRAGEN["saldo"], "--format", "xlsx", "--out", str(pad))
    assert (uitkomst.exit_code, uitkomst.stdout) == (0, f"xlsx geschreven naar {pad}\n")
    blad = load_workbook(pad).active
    assert [c.value for c in blad[1]] == ["post", "richting", "jaar", "raming", "prognose", "effect"]
    assert [c.value for c in blad[2]] == ["algemene_uitkering", "baten", 2020, 75916000, 77599000, 1683000]
    assert [blad.cell(2, k).number_format for k in (3, 4, 5, 6)] == ["General", EURO, EURO, EURO]
    assert blad.freeze_panes == "A2" and all(c.font.bold for c in blad[1])
    assert blad.column_dimensions["A"].width == 42  # the longest post name, 37, + 3 + 2


def test_saldo_in_thousands_as_a_workbook_keeps_exact_values_shown_in_whole_thousands(db: str, tmp_path: Path) -> None:
    pad = tmp_path / "saldo.xlsx"
    assert begroting(db, *VRAGEN["saldo"], "--format", "xlsx", "--out", str(pad), "--eenheid", "1000").exit_code == 0
    blad = load_workbook(pad).active
    assert [c.value for c in blad[1]][3:] == ["raming (x € 1.000)", "prognose (x € 1.000)", "effect (x € 1.000)"]
    assert [c.value for c in blad[2]][3:] == [75916, 77599, 1683]
    assert blad["D2"].number_format == EURO_HEEL


@pytest.mark.parametrize("vraag", list(VRAGEN))
def test_every_read_command_writes_a_workbook_with_the_rows_of_its_csv(db: str, vraag: str, tmp_path: Path) -> None:
    pad = tmp_path / f"{vraag}.xlsx"
    uitkomst = begroting(db, *VRAGEN[vraag], "--format", "xlsx", "--out", str(pad))
    assert uitkomst.exit_code == 0, uitkomst.stderr
    csv = begroting(db, *VRAGEN[vraag], "--format", "csv").stdout.splitlines()
    blad = load_workbook(pad).active
    assert [c.value for c in blad[1]] == csv[0].split(",")
    assert (blad.max_row, blad.freeze_panes) == (len(csv), "A2")


def test_a_workbook_without_out_is_refused_and_nothing_is_written(db: str, tmp_path: Path) -> None:
    uitkomst = begroting(db, *VRAGEN["saldo"], "--format", "xlsx")
    assert uitkomst.exit_code == 2
    assert "--format xlsx schrijft een bestand: geef --out BESTAND.xlsx" in uitkomst.stderr


def test_csv_for_dutch_excel_has_semicolons_and_decimal_commas(db: str) -> None:
    uitkomst = begroting(db, *VRAGEN["saldo"], "--format", "csv", "--excel-nl")
    regels = uitkomst.stdout.splitlines()
    assert regels[:2] == [
        "post;richting;jaar;raming;prognose;effect",
        "algemene_uitkering;baten;2020;75916000,00;77599000,00;1683000,00",
    ]
    assert "[begrotingssaldo];;2020;0,00;2112000,00;2112000,00" in regels


def test_csv_in_thousands_says_so_in_its_header_and_divides_exactly(db: str) -> None:
    regels = begroting(db, *VRAGEN["diff"], "--format", "csv", "--eenheid", "1000").stdout.splitlines()
    assert regels[0] == (
        "post,richting,jaar,effect_van (x € 1.000),effect_tot (x € 1.000),mutatie (x € 1.000),oorzaken,groep"
    )
    assert "buig,baten,2020,0,456,456,GM1708-0016,buig" in regels


def test_excel_nl_belongs_to_csv(db: str) -> None:
    uitkomst = begroting(db, *VRAGEN["saldo"], "--format", "json", "--excel-nl")
    assert uitkomst.exit_code == 2 and "--excel-nl hoort bij --format csv" in uitkomst.stderr


def test_plain_csv_stays_machine_readable(db: str) -> None:
    regels = begroting(db, *VRAGEN["saldo"], "--format", "csv").stdout.splitlines()
    assert regels[1] == "algemene_uitkering,baten,2020,75916000.00,77599000.00,1683000.00"


def test_the_journal_for_dutch_excel_has_semicolons_and_quotes_a_text_holding_one(db: str) -> None:
    regels = begroting(db, "events", "-g", G, "--format", "csv", "--excel-nl").stdout.splitlines()
    assert regels[0] == (
        "id;type;gemeente;bron;bekend_op;geboekt_op;geboekt_door;samenvatting;betreft;reden;verwerking;toelichting;"
        "bron_titel;bron_kenmerk;hash;vorige_hash;inhoud;positie;waarschuwingen"
    )
    buig = next(r for r in regels if r.startswith("GM1708-0003;"))
    assert buig.startswith("GM1708-0003;buig_beschikking;GM1708;buig-2020-nader-voorlopig;2020-05-01;")
    assert (
        ';BUIG 2020 nader voorlopig: € 11.805.000,00;;;pm;"Niet verwerkt; verwachting is ophoging door corona.";'
        in buig
    )


def test_the_journal_for_dutch_excel_holds_the_same_fields_as_its_plain_csv(db: str) -> None:
    excel = begroting(db, "events", "-g", G, "--format", "csv", "--excel-nl").stdout
    gewoon = begroting(db, "events", "-g", G, "--format", "csv").stdout
    assert list(csv.reader(io.StringIO(excel), delimiter=";")) == list(csv.reader(io.StringIO(gewoon)))
    assert len(gewoon.splitlines()) == 20  # the header and GM1708's 19 events


def test_the_journals_excel_nl_belongs_to_csv(db: str) -> None:
    uitkomst = begroting(db, "events", "-g", G, "--format", "table", "--excel-nl")
    assert uitkomst.exit_code == 2 and "--excel-nl hoort bij --format csv" in uitkomst.stderr
