"""Malformed workbooks: each exits 2, names the file, the sheet and the cell, and writes nothing."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.cli.test_record import aantal_events
from tests.conftest import DATA, begroting

SEPTEMBER = DATA / "werkboeken" / "voorbeeld" / "03-septembercirculaire-2020"
C = "'1 circulaire'"
Wijziging = Callable[[Workbook], None]


def zet(blad: str, cel: str, waarde: object) -> Wijziging:
    def wijzig(werkboek: Workbook) -> None:
        werkboek[blad][cel] = waarde

    return wijzig


def voeg_samen(werkboek: Workbook) -> None:
    werkboek["1 circulaire"].merge_cells("D5:E5")


def leeg_bron(werkboek: Workbook) -> None:
    werkboek["bron"].delete_rows(1, 10)


def nieuw_blad(werkboek: Workbook) -> None:
    werkboek.create_sheet("Blad1")["A1"] = "aantekeningen"


def zonder_soort(werkboek: Workbook) -> None:
    werkboek["1 circulaire"].delete_rows(1)


def zonder_events(werkboek: Workbook) -> None:
    for naam in werkboek.sheetnames[1:]:
        del werkboek[naam]


XLSX: list[tuple[str, Wijziging, str, str]] = [
    ("tekst-als-bedrag", zet("1 circulaire", "D5", "twaalf"), f"{C}!D5", "'twaalf' is niet een bedrag"),
    ("jaar-geen-jaar", zet("1 circulaire", "H4", "Totaal"), f"{C}!H4", "'Totaal' is geen jaar en geen kolom"),
    ("jaar-twee-keer", zet("1 circulaire", "H4", 2023), f"{C}!H4", "jaar 2023 staat er twee keer (ook in G4)"),
    ("samengevoegd", voeg_samen, f"{C}!D5", "D5:E5 zijn samengevoegde cellen; maak ze los"),
    ("lege-bron", leeg_bron, "bron!A1", "het blad bron is leeg"),
    ("onbekend-blad", nieuw_blad, "Blad1!A1", "het blad 'Blad1' is geen 'bron', geen 'controle' en geen gebeurtenis"),
    (
        "formule-zonder-waarde",
        zet("1 circulaire", "E5", "=D5+1"),
        f"{C}!E5",
        "bevat een formule zonder berekende waarde",
    ),
    ("datum-als-bedrag", zet("1 circulaire", "D5", date(2020, 9, 15)), f"{C}!D5", "2020-09-15 is een datum waar een"),
    ("onbekend-veld", zet("1 circulaire", "A1", "sort"), f"{C}!A1", "'sort' is hier geen veld; de velden zijn"),
    ("verkeerde-keuze", zet("1 circulaire", "B1", "oktober"), f"{C}!B1", "hoort 'maart', 'mei', 'september' of"),
    ("drie-decimalen", zet("1 circulaire", "D5", 1.234), f"{C}!D5", "1.234 heeft meer dan 2 decimalen"),
    ("datum-als-tekst", zet("bron", "B4", "15-09-2020"), "bron!B4", "verwachtte een datum zoals 2020-09-15"),
    ("gemeente", zet("bron", "B1", "Steenwijkerland"), "bron!B1", "'Steenwijkerland' is geen CBS-code"),
    ("getal-als-taakveld", zet("1 circulaire", "C6", 0.1), f"{C}!C6", "0.1 is een getal waar tekst hoort"),
    ("dubbele-naam", zet("1 circulaire", "B7", "waterschapsverkiezingen"), f"{C}!A6", "'waterschapsverkiezingen'"),
    ("onbekende-regel", zet("1 circulaire", "A6", "taakmutatie"), f"{C}!A6", "'taakmutatie' is geen van"),
    ("kolom-zonder-kop", zet("1 circulaire", "J5", 5), f"{C}!J5", "een waarde in een kolom zonder kop"),
    ("veld-ontbreekt", zonder_soort, C, "soort: ontbreekt"),
    ("naast-de-waarde", zet("1 circulaire", "C2", "let op"), f"{C}!C2", "heeft de sleutel in A en de waarde in B"),
    ("stuurteken", zet("bron", "B3", "Septembercirculaire\x9b2J"), "bron!B3", "een stuurteken (U+009B)"),
    (
        "tweemaal-au",
        zet("1 circulaire", "A6", "algemene_uitkering"),
        f"{C}!A6",
        "algemene_uitkering staat er twee keer",
    ),
    ("bedrag-in-kv", zet("2 bcf_voorschot", "B2", "veel"), "'2 bcf_voorschot'!B2", "'veel' is niet een getal"),
    ("kolom-twee-keer", zet("1 circulaire", "C4", "naam"), f"{C}!C4", "kolom naam staat er twee keer (ook in B4)"),
    (
        "verre-cel",
        zet("1 circulaire", "ZZ2000", 1),
        f"{C}!ZZ2000",
        "een blad heeft hoogstens 10,000 rijen en 200 kolommen",
    ),
    ("ongeldige-eenheid", zet("bron", "B5", 3), "bron!B5", "eenheid hoort 1, 10, 100, 1000"),
]


@pytest.fixture
def geboekt(sqlite_url: str, voorbeeld: list[str]) -> str:
    assert begroting(sqlite_url, "record", *voorbeeld).exit_code == 0
    return sqlite_url


def weigert(db: str, pad: Path, plaats: str, melding: str) -> None:
    """The file is refused with exit 2 at this place, alongside a valid file, and nothing is written."""
    ervoor = aantal_events(db)
    geldig = DATA / "werkboeken" / "voorbeeld" / "01-begroting.ods"
    uitkomst = begroting(db, "record", str(geldig), str(pad))
    assert uitkomst.exit_code == 2, uitkomst.stdout
    waar = f"{pad}: {plaats}: " if plaats else f"{pad}: "
    assert uitkomst.stderr.startswith(f"fout: {waar}"), uitkomst.stderr
    assert melding in uitkomst.stderr, uitkomst.stderr
    assert "Traceback" not in uitkomst.stderr + uitkomst.stdout
    assert aantal_events(db) == ervoor


@pytest.mark.parametrize(("naam", "wijziging", "plaats", "melding"), XLSX, ids=[g[0] for g in XLSX])
def test_a_malformed_xlsx_exits_2_naming_sheet_and_cell_and_writes_nothing(
    geboekt: str, tmp_path: Path, naam: str, wijziging: Wijziging, plaats: str, melding: str
) -> None:
    werkboek = load_workbook(SEPTEMBER.with_suffix(".xlsx"))
    wijziging(werkboek)
    pad = tmp_path / f"{naam}.xlsx"
    werkboek.save(pad)
    weigert(geboekt, pad, plaats, melding)


def test_the_corpus_of_malformed_workbooks_holds_at_least_12() -> None:
    assert len(XLSX) + len(BESTANDEN) + len(ODS) >= 12


def versleuteld(pad: Path) -> None:
    pad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))


def kapot(pad: Path) -> None:
    pad.write_bytes(SEPTEMBER.with_suffix(".xlsx").read_bytes()[:3000])


def geen_events(pad: Path) -> None:
    werkboek = load_workbook(SEPTEMBER.with_suffix(".xlsx"))
    zonder_events(werkboek)
    werkboek.save(pad)


BESTANDEN: list[tuple[str, Callable[[Path], None], str]] = [
    ("versleuteld", versleuteld, "is met een wachtwoord beveiligd (of een oud .xls-bestand)"),
    ("kapot", kapot, "niet te lezen als .xlsx-werkboek"),
    ("geen-events", geen_events, "heeft geen eventbladen"),
]


@pytest.mark.parametrize(("naam", "maak", "melding"), BESTANDEN, ids=[g[0] for g in BESTANDEN])
def test_a_workbook_that_cannot_be_opened_exits_2_naming_the_file(
    geboekt: str, tmp_path: Path, naam: str, maak: Callable[[Path], None], melding: str
) -> None:
    pad = tmp_path / f"{naam}.xlsx"
    maak(pad)
    weigert(geboekt, pad, "", melding)


def bewerk_ods(pad: Path, oud: str, nieuw: str) -> None:
    """The example's .ods with one piece of its content.xml replaced."""
    with zipfile.ZipFile(SEPTEMBER.with_suffix(".ods")) as bron, zipfile.ZipFile(pad, "w") as doel:
        for item in bron.infolist():
            inhoud = bron.read(item)
            if item.filename == "content.xml":
                assert oud.encode() in inhoud
                inhoud = inhoud.replace(oud.encode(), nieuw.encode(), 1)
            doel.writestr(item, inhoud)


AU_2020 = '<table:table-cell office:value-type="float" office:value="77599000"/>'
ODS = [
    ("tekst", AU_2020, '<table:table-cell office:value-type="string"><text:p>twaalf</text:p></table:table-cell>',
     f"{C}!D5", "'twaalf' is niet een bedrag"),
    ("formule", AU_2020, '<table:table-cell table:formula="of:=1+2"/>', f"{C}!D5", "bevat een formule zonder"),
    ("samengevoegd", AU_2020, AU_2020.replace("/>", ' table:number-columns-spanned="2"/>'), f"{C}!D5", "samengevoegde"),
]  # fmt: skip


@pytest.mark.parametrize(("naam", "oud", "nieuw", "plaats", "melding"), ODS, ids=[g[0] for g in ODS])
def test_a_malformed_ods_exits_2_naming_sheet_and_cell_and_writes_nothing(
    geboekt: str, tmp_path: Path, naam: str, oud: str, nieuw: str, plaats: str, melding: str
) -> None:
    pad = tmp_path / f"{naam}.ods"
    bewerk_ods(pad, oud, nieuw)
    weigert(geboekt, pad, plaats, melding)


def test_several_bad_workbooks_are_all_reported_at_once(geboekt: str, tmp_path: Path) -> None:
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for pad, wijziging in ((a, zet("1 circulaire", "D5", "twaalf")), (b, leeg_bron)):
        werkboek = load_workbook(SEPTEMBER.with_suffix(".xlsx"))
        wijziging(werkboek)
        werkboek.save(pad)
    uitkomst = begroting(geboekt, "record", str(a), str(b))
    assert uitkomst.exit_code == 2
    assert uitkomst.stderr == (
        f"fout: {a}: {C}!D5: 'twaalf' is niet een bedrag\n"
        f"{b}: bron!A1: het blad bron is leeg; geef gemeente, id en datum als sleutel/waarde-regels "
        "(sleutel in A, waarde in B)\n"
    )
