"""Workbooks as a controller keeps them: amounts in the document's eenheid with a euro format, warnings at cells."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.conftest import DATA, begroting

WERKBOEKEN = DATA / "werkboeken" / "voorbeeld"
EURO_HEEL = '"€" #,##0;[Red]-"€" #,##0'


def test_document_writes_thousands_with_a_euro_number_format_on_every_amount(
    sqlite_url: str, voorbeeld: list[str], tmp_path: Path
) -> None:
    assert begroting(sqlite_url, "record", *voorbeeld).exit_code == 0
    pad = tmp_path / "sept.xlsx"
    assert begroting(sqlite_url, "document", "GM1708", "septembercirculaire-2020", "--out", str(pad)).exit_code == 0
    boek = load_workbook(pad)
    assert boek["bron"]["B5"].value == 1000
    blad = boek["1 circulaire"]
    assert [blad.cell(5, k).value for k in range(6, 11)] == [77599, 77891, 79001, 78322, 78680]
    assert {blad.cell(5, k).number_format for k in range(6, 11)} == {EURO_HEEL}
    assert (blad["A5"].number_format, blad["B6"].number_format) == ("General", "General")


def test_a_warning_of_a_workbook_names_the_sheet_and_the_cell(sqlite_url: str) -> None:
    pad = WERKBOEKEN / "03-septembercirculaire-2020.xlsx"
    uitkomst = begroting(sqlite_url, "record", str(pad))
    assert uitkomst.exit_code == 0
    assert uitkomst.stderr.splitlines()[0] == (
        f"warning: {pad}: '1 circulaire'!D5: algemene_uitkering 2020: no raming in force on 2020-09-15, "
        "so the whole amount € 77.599.000,00 counts as effect"
    )


def test_a_warning_of_a_yaml_document_still_names_its_path(sqlite_url: str, voorbeeld: list[str]) -> None:
    sept = next(p for p in voorbeeld if "septembercirculaire" in p)
    uitkomst = begroting(sqlite_url, "record", sept)
    assert uitkomst.stderr.splitlines()[0].startswith(f"warning: {sept}: events[0]: algemene_uitkering 2020: no raming")
