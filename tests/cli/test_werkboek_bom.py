"""Workbooks built to take the spreadsheet reader down: each refused by `record` before the reader sees it,
exit 2, naming the file and the sheet, cell or member, and nothing written."""

from __future__ import annotations

import resource
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from documents.werkboek_zip import GROOTSTE_UITGEPAKT
from tests.cli.test_werkboek_ongeldig import weigert
from tests.conftest import DATA, begroting
from tests.werkboek_bommen import BLAD, SEPTEMBER, liegend_blad, met_blad, verklaard_heel_blad, verre_cel, zip_bom

C = "'1 circulaire'"
BOMMEN: list[tuple[str, Callable[[Path], Path], str, str]] = [
    ("A1-XFD1048576", verklaard_heel_blad, f"{C}!XFD1048576", "het blad geeft zijn cellen op als A1:XFD1048576"),
    (
        "ALL100000",
        verre_cel,
        f"{C}!ALL100000",
        "een cel ligt buiten wat een document nodig heeft: een blad heeft hoogstens 10,000",
    ),
    ("zip-bom-1-GB", zip_bom, "xl/media/nullen.bin", "pakt uit tot 1,073,741,824 bytes; hoogstens 100 MB"),
    ("liegend-blad", liegend_blad, BLAD, "pakt uit tot meer dan de opgegeven 2,764 bytes"),
]


@pytest.fixture
def geboekt(sqlite_url: str, voorbeeld: list[str]) -> str:
    assert begroting(sqlite_url, "record", *voorbeeld).exit_code == 0
    return sqlite_url


@pytest.mark.parametrize(("naam", "maak", "plaats", "melding"), BOMMEN, ids=[b[0] for b in BOMMEN])
def test_a_workbook_bomb_exits_2_naming_the_place_and_writes_nothing(
    geboekt: str, tmp_path: Path, naam: str, maak: Callable[[Path], Path], plaats: str, melding: str
) -> None:
    piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    weigert(geboekt, maak(tmp_path / f"{naam}.xlsx"), plaats, melding)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - piek < 200 * 1024  # KB: never near the bomb's size


def test_a_member_that_packs_more_than_100_times_is_refused_under_the_size_cap(geboekt: str, tmp_path: Path) -> None:
    pad = zip_bom(tmp_path / "verhouding.xlsx", megabytes=20)
    assert GROOTSTE_UITGEPAKT > 20 * 2**20
    weigert(geboekt, pad, "xl/media/nullen.bin", "pakt uit tot 1,0")
    assert "keer zijn gepakte grootte; hoogstens 100 keer" in begroting(geboekt, "record", str(pad)).stderr


def test_an_ods_cell_repeated_far_to_the_right_is_refused(geboekt: str, tmp_path: Path) -> None:
    bron = DATA / "werkboeken" / "voorbeeld" / "01-begroting.ods"
    pad = tmp_path / "breed.ods"
    breed = b'<table:table-row><table:table-cell office:value-type="float" office:value="1" '
    breed += b'table:number-columns-repeated="16384"/></table:table-row></table:table>'
    with zipfile.ZipFile(bron) as a, zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as b:
        for lid in a.infolist():
            inhoud = a.read(lid)
            b.writestr(lid, inhoud.replace(b"</table:table>", breed, 1) if lid.filename == "content.xml" else inhoud)
    weigert(geboekt, pad, "bron!XFD6", "een cel ligt buiten wat een document nodig heeft")


def test_a_sheet_with_a_dtd_is_refused_before_any_entity_is_expanded(geboekt: str, tmp_path: Path) -> None:
    lach = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "hahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
    pad = met_blad(tmp_path / "lach.xlsx", lambda xml: lach + xml.replace(b"<t>soort</t>", b"<t>&b;</t>"))
    weigert(geboekt, pad, BLAD, "is geen geldige XML (DTDForbidden")


def test_the_example_workbooks_pass_the_checks_unchanged(geboekt: str, tmp_path: Path) -> None:
    pad = met_blad(tmp_path / "zelfde.xlsx", lambda xml: xml)
    assert begroting(geboekt, "record", str(pad)).exit_code == 0
    assert SEPTEMBER.exists()
