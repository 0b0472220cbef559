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
        f"waarschuwing: {pad}: '1 circulaire'!D5: algemene_uitkering 2020: geen raming van kracht op 2020-09-15, "
        "dus het hele bedrag € 77.599.000,00 telt als effect"
    )


def test_a_warning_of_a_yaml_document_still_names_its_path(sqlite_url: str, voorbeeld: list[str]) -> None:
    sept = next(p for p in voorbeeld if "septembercirculaire" in p)
    uitkomst = begroting(sqlite_url, "record", sept)
    assert uitkomst.stderr.splitlines()[0].startswith(
        f"waarschuwing: {sept}: events[0]: algemene_uitkering 2020: geen raming"
    )


def test_template_circulaire_writes_the_family_of_a_septembercirculaire_in_one_workbook(tmp_path: Path) -> None:
    pad = tmp_path / "c.xlsx"
    uitkomst = begroting("sqlite://", "template", "circulaire", "--out", str(pad), "--jaren", "2021-2025")
    assert uitkomst.stdout == (
        f"{pad} geschreven: een leeg circulaire document met bladen voor bcf_voorschot, bcf_afrekening, "
        "corona_compensatie, prognose (verwijder wat het niet bevat)\n"
    )
    boek = load_workbook(pad)
    assert boek.sheetnames == [
        "bron", "1 circulaire", "2 bcf_voorschot", "3 bcf_afrekening", "4 corona_compensatie", "5 prognose",
    ]  # fmt: skip
    assert [c.value for c in boek["1 circulaire"][7]][-5:] == [2021, 2022, 2023, 2024, 2025]
    assert [c.value for c in boek["4 corona_compensatie"][8]] == ["regel", 2021, 2022, 2023, 2024, 2025]
    assert boek["4 corona_compensatie"].cell(9, 2).number_format == '"€" #,##0.00;[Red]-"€" #,##0.00'


def test_template_takes_its_years_from_the_latest_begroting_or_refuses_to_guess(
    sqlite_url: str, voorbeeld: list[str], tmp_path: Path
) -> None:
    geen = begroting("sqlite://", "template", "circulaire", "--out", str(tmp_path / "x.xlsx"))
    assert geen.exit_code == 2 and "welke jaren? geef --jaren, zoals 2021-2025, of --gemeente G" in geen.stderr
    assert not (tmp_path / "x.xlsx").exists()
    assert begroting(sqlite_url, "record", *voorbeeld).exit_code == 0
    pad = tmp_path / "c.xlsx"
    assert begroting(sqlite_url, "template", "circulaire", "--out", str(pad), "-g", "Steenwijkerland").exit_code == 0
    assert [c.value for c in load_workbook(pad)["1 circulaire"][7]][-5:] == [2020, 2021, 2022, 2023, 2024]
    zonder = begroting(sqlite_url, "template", "prognose", "--out", str(tmp_path / "p.xlsx"), "-g", "GM0999")
    assert (zonder.exit_code, zonder.stderr) == (
        2,
        "fout: er is geen grootboek voor GM0999 in deze database; geef --jaren, zoals 2021-2025\n",
    )
