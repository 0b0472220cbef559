"""Workbooks that would take a spreadsheet reader down, made from a valid one by editing its zip and sheet XML."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.conftest import DATA

SEPTEMBER = DATA / "werkboeken" / "voorbeeld" / "03-septembercirculaire-2020.xlsx"
BLAD = "xl/worksheets/sheet2.xml"
"""The sheet '1 circulaire' of SEPTEMBER."""


def met_blad(pad: Path, wijzig: Callable[[bytes], bytes]) -> Path:
    """SEPTEMBER with its sheet '1 circulaire' rewritten by `wijzig`."""
    with zipfile.ZipFile(SEPTEMBER) as bron, zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as doel:
        for lid in bron.infolist():
            inhoud = bron.read(lid)
            doel.writestr(lid.filename, wijzig(inhoud) if lid.filename == BLAD else inhoud)
    return pad


def verklaard_heel_blad(pad: Path) -> Path:
    """The 1.5 KB attack: a sheet that declares A1:XFD1048576 and holds a cell at XFD1048576."""
    verre_rij = b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>'
    return met_blad(
        pad, lambda xml: xml.replace(b'ref="A1:H11"', b'ref="A1:XFD1048576"').replace(b"</sheetData>", verre_rij)
    )


def verre_cel(pad: Path) -> Path:
    """A cell at ALL100000 (column 1,000, row 100,000), the dimension left as it was."""
    verre_rij = b'<row r="100000"><c r="ALL100000" t="n"><v>1</v></c></row></sheetData>'
    return met_blad(pad, lambda xml: xml.replace(b"</sheetData>", verre_rij))


def zip_bom(pad: Path, megabytes: int = 1024) -> Path:
    """SEPTEMBER with one more member of `megabytes` MB of zeros, deflated (1 GB packs into about 1 MB).

    Written as a stream: the test never holds the unpacked member in memory.
    """
    with zipfile.ZipFile(SEPTEMBER) as bron, zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as doel:
        for lid in bron.infolist():
            doel.writestr(lid.filename, bron.read(lid))
        lid = zipfile.ZipInfo("xl/media/nullen.bin")
        lid.compress_type = zipfile.ZIP_DEFLATED
        with doel.open(lid, "w", force_zip64=True) as uit:
            nullen = bytes(2**20)
            for _ in range(megabytes):
                uit.write(nullen)
    return pad


def liegend_blad(pad: Path) -> Path:
    """The sheet's XML followed by 5 MB of spaces, while the zip's directories say it is its old size.

    Its ratio and size look harmless; only unpacking it shows what it holds.
    """
    with zipfile.ZipFile(SEPTEMBER) as bron:
        echt = bron.read(BLAD)
    met_blad(pad, lambda xml: xml + b" " * (5 * 2**20))
    inhoud = bytearray(pad.read_bytes())
    with zipfile.ZipFile(pad) as zip_:
        lid = zip_.getinfo(BLAD)
    struct.pack_into("<L", inhoud, lid.header_offset + 22, len(echt))  # the local header's unpacked size
    centraal = inhoud.find(b"PK\x01\x02")
    while inhoud[centraal + 46 : centraal + 46 + len(BLAD)] != BLAD.encode():
        centraal = inhoud.find(b"PK\x01\x02", centraal + 4)
    struct.pack_into("<L", inhoud, centraal + 24, len(echt))  # the central directory's unpacked size
    pad.write_bytes(bytes(inhoud))
    return pad
