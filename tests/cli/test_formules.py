"""Formula injection: a document whose kenmerk and titel are formulas, recorded, then every export read back.
The text stays the text a recorder typed, never a live formula; numbers (negative ones too) stay numbers."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from documents.formules import csv_veld
from tests.conftest import begroting
from tests.web.conftest import maak_client

KENMERK, TITEL = "=1+2", '=HYPERLINK("http://x","y")'
DOCUMENT = f"""gemeente: GM1708
bron:
  id: formule-2021
  titel: '{TITEL}'
  datum: 2021-03-01
  kenmerk: '{KENMERK}'
events:
  - type: prognose
    post: stelpost.jeugdhulp
    richting: baten
    bedragen: {{2022: -735}}
    toelichting: "@SUM(A1:A9)"
"""


@pytest.fixture
def geboekt(sqlite_url: str, voorbeeld: list[str], tmp_path: Path) -> str:
    pad = tmp_path / "formule.yaml"
    pad.write_text(DOCUMENT, encoding="utf-8")
    uitkomst = begroting(sqlite_url, "record", *voorbeeld, str(pad))
    assert uitkomst.exit_code == 0, uitkomst.stderr
    return sqlite_url


def rij_van(tekst: str) -> dict[str, str]:
    return next(r for r in csv.DictReader(io.StringIO(tekst)) if r["bron"] == "formule-2021")


def tekstcellen(pad: Path) -> dict[str, str]:
    """Every cell whose value is one of the formula-like texts: its value and its type."""
    cellen = {}
    for blad in load_workbook(pad):
        for rij in blad.iter_rows():
            for cel in rij:
                if cel.value in (KENMERK, TITEL, "@SUM(A1:A9)"):
                    cellen[cel.value] = cel.data_type
    return cellen


def test_every_text_beginning_like_a_formula_gets_a_quote_in_csv_and_nothing_else_does() -> None:
    assert [csv_veld(t) for t in ("=1", "+31 6", "-x", "@a", "\tb", "\rc", "a=b", "")] == [
        "'=1", "'+31 6", "'-x", "'@a", "'\tb", "'\rc", "a=b", ""
    ]  # fmt: skip
    assert [csv_veld(w) for w in (-5, None, "-0.0000049133", "+1.00", "-1E+5")] == [
        -5,
        None,
        "-0.0000049133",
        "+1.00",
        "-1E+5",
    ]
    assert [csv_veld(t) for t in ("-1+2", "-2+3+cmd|' /C calc'!A0", "+-1", "-1.")] == [
        "'-1+2", "'-2+3+cmd|' /C calc'!A0", "'+-1", "'-1."
    ]  # fmt: skip


def test_the_journal_as_csv_quotes_the_formulas_and_keeps_amounts_numbers(geboekt: str) -> None:
    uitkomst = begroting(geboekt, "events", "--format", "csv")
    rij = rij_van(uitkomst.stdout)
    assert (rij["bron_kenmerk"], rij["bron_titel"], rij["toelichting"]) == ("'=1+2", f"'{TITEL}", "'@SUM(A1:A9)")
    saldo = begroting(geboekt, "saldo", "--gemeente", "GM1708", "--format", "csv").stdout
    assert re.search(r"(^|,)-\d+\.\d\d(,|$)", saldo, re.MULTILINE) and "'" not in saldo


def test_the_journal_as_xlsx_holds_the_formulas_as_text_cells(geboekt: str, tmp_path: Path) -> None:
    pad = tmp_path / "journaal.xlsx"
    assert begroting(geboekt, "events", "--format", "xlsx", "--out", str(pad)).exit_code == 0
    assert tekstcellen(pad) == {KENMERK: "s", TITEL: "s", "@SUM(A1:A9)": "s"}


def test_the_document_written_back_as_xlsx_holds_them_as_text_and_records_as_the_same(
    geboekt: str, tmp_path: Path
) -> None:
    pad = tmp_path / "formule.xlsx"
    assert begroting(geboekt, "document", "GM1708", "formule-2021", "--out", str(pad)).exit_code == 0
    assert tekstcellen(pad) == {KENMERK: "s", TITEL: "s", "@SUM(A1:A9)": "s"}
    cellen = [c for blad in load_workbook(pad) for rij in blad.iter_rows() for c in rij if c.value == -735]
    assert cellen and {c.data_type for c in cellen} == {"n"}
    uitkomst = begroting(geboekt, "record", str(pad))
    assert uitkomst.exit_code == 0 and "bron formule-2021 staat al met deze inhoud geboekt voor GM1708" in (
        uitkomst.stdout
    )  # read back as the same text: the kenmerk is still =1+2


def test_the_web_downloads_of_the_journal_are_safe_alike(geboekt: str, tmp_path: Path) -> None:
    for client in maak_client(geboekt):
        rij = rij_van(client.get("/gemeente/GM1708/journaal.csv").text)
        assert (rij["bron_kenmerk"], rij["bron_titel"]) == ("'=1+2", f"'{TITEL}")
        pad = tmp_path / "web.xlsx"
        pad.write_bytes(client.get("/gemeente/GM1708/journaal.xlsx").content)
        assert tekstcellen(pad) == {KENMERK: "s", TITEL: "s", "@SUM(A1:A9)": "s"}


def test_the_document_written_back_as_ods_holds_them_as_string_cells_without_a_formula(
    geboekt: str, tmp_path: Path
) -> None:
    pad = tmp_path / "formule.ods"
    assert begroting(geboekt, "document", "GM1708", "formule-2021", "--out", str(pad)).exit_code == 0
    with zipfile.ZipFile(pad) as zip_:
        inhoud = zip_.read("content.xml").decode()
    assert '<table:table-cell office:value-type="string"><text:p>=1+2</text:p></table:table-cell>' in inhoud
    assert "table:formula" not in inhoud
