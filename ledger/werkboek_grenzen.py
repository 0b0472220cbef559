"""A workbook checked before the spreadsheet reader sees it: its zip (ledger/werkboek_zip.py), then every sheet's
declared dimension and every cell it holds, read with a streaming XML parser that refuses DTDs and entities.

The reader would make room for every cell from A1 to the last one a sheet names: a 1.5 KB file that
declares A1:XFD1048576 asks for hundreds of gigabytes. A document's sheet has a few dozen rows and columns;
we allow far more (MEESTE_RIJEN, MEESTE_KOLOMMEN) and refuse, naming the cell, what lies beyond.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse

from events.errors import OngeldigeInvoer
from ledger.laders import MEESTE_WAARDEN
from ledger.werkboek_cellen import kolom_letters, plaats
from ledger.werkboek_zip import Stroom, leden, uitgepakt

MEESTE_RIJEN = 10_000
MEESTE_KOLOMMEN = 200
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
CEL_REF = re.compile(r"\$?([A-Z]{1,3})\$?([1-9][0-9]{0,6})")
GRENS = f"a sheet has at most {MEESTE_RIJEN:,} rows and {MEESTE_KOLOMMEN} columns (up to "
GRENS += f"{kolom_letters(MEESTE_KOLOMMEN - 1)}{MEESTE_RIJEN})"


class Blad:
    """One sheet's walk: the place of each cell it meets, refused when it lies out of bounds."""

    def __init__(self, bestand: str, naam: str) -> None:
        self.bestand, self.naam, self.cellen = bestand, naam, 0

    def fout(self, rij: int, kolom: int, melding: str) -> OngeldigeInvoer:
        waar = plaats(self.naam, min(rij, 10**7), min(kolom, 10**5))
        return OngeldigeInvoer(self.bestand, waar, melding)

    def binnen(self, rij: int, kolom: int, wat: str = "a cell lies beyond what a document needs") -> None:
        if rij >= MEESTE_RIJEN or kolom >= MEESTE_KOLOMMEN:
            raise self.fout(rij, kolom, f"{wat}: {GRENS}; nothing was recorded")

    def tel(self, aantal: int, rij: int, kolom: int) -> None:
        self.cellen += aantal
        if self.cellen > MEESTE_WAARDEN:
            raise self.fout(rij, kolom, f"the sheet holds more than {MEESTE_WAARDEN:,} cells; nothing was recorded")


def _cel(blad: Blad, ref: str) -> tuple[int, int]:
    gevonden = CEL_REF.fullmatch(ref)
    if gevonden is None:
        melding = f"{ref[:20]!r} is not a cell reference like B7, or lies too far out: {GRENS}"
        raise OngeldigeInvoer(blad.bestand, blad.naam, melding)
    kolom = 0
    for letter in gevonden.group(1):
        kolom = kolom * 26 + ord(letter) - ord("A") + 1
    return int(gevonden.group(2)) - 1, kolom - 1


def _elementen(bestand: str, inhoud: bytes, lid: zipfile.ZipInfo, gebeurtenissen: tuple[str, ...]) -> Iterator[Any]:
    try:
        yield from iterparse(Stroom(uitgepakt(bestand, inhoud, lid)), gebeurtenissen, forbid_dtd=True)
    except (ParseError, DefusedXmlException) as fout:
        raise OngeldigeInvoer(bestand, lid.filename, f"is not valid XML ({fout})") from None


def _xlsx_bladen(bestand: str, inhoud: bytes, namen: dict[str, zipfile.ZipInfo]) -> Iterator[tuple[str, str]]:
    """(sheet name, its part in the zip) in workbook order."""
    doelen = {}
    if "xl/_rels/workbook.xml.rels" in namen:
        for _, r in _elementen(bestand, inhoud, namen["xl/_rels/workbook.xml.rels"], ("end",)):
            if r.tag == f"{PKG}Relationship":
                doelen[r.get("Id")] = r.get("Target", "")
    for _, blad in _elementen(bestand, inhoud, namen["xl/workbook.xml"], ("end",)):
        if blad.tag == f"{MAIN}sheet":
            doel = doelen.get(blad.get(f"{REL}id"), "")
            yield blad.get("name", ""), doel.lstrip("/") if doel.startswith("/") else posixpath.join("xl", doel)


def _gesnoeid(elementen: Iterator[Any], tags: frozenset[str]) -> Iterator[Any]:
    """The parser's events; an element of `tags` is taken from its parent once walked, so none is kept."""
    stapel: list[Element] = []
    for gebeurtenis, e in elementen:
        if gebeurtenis == "start":
            stapel.append(e)
        yield gebeurtenis, e
        if gebeurtenis == "end":
            stapel.pop()
            if e.tag in tags and stapel:
                stapel[-1].remove(e)


def _xlsx_blad(blad: Blad, elementen: Iterator[Any]) -> None:
    rij, kolom = -1, -1
    for gebeurtenis, e in _gesnoeid(elementen, frozenset({f"{MAIN}row", f"{MAIN}mergeCell"})):
        if gebeurtenis == "start" and e.tag == f"{MAIN}row":
            rij, kolom = (_cel(blad, f"A{e.get('r')}")[0] if e.get("r") else rij + 1), -1
        elif gebeurtenis == "end" and e.tag == f"{MAIN}row" and kolom < 0:
            blad.binnen(rij, 0, "a row lies beyond what a document needs")  # a row without cells
        elif gebeurtenis == "start" and e.tag == f"{MAIN}c":
            rij, kolom = _cel(blad, e.get("r")) if e.get("r") else (rij, kolom + 1)
            blad.binnen(rij, kolom)
            blad.tel(1, rij, kolom)
        elif gebeurtenis == "end" and e.tag == f"{MAIN}dimension":
            _bereik(blad, e.get("ref", "A1"), "the sheet declares its cells as")
        elif gebeurtenis == "end" and e.tag == f"{MAIN}mergeCell":
            _bereik(blad, e.get("ref", "A1"), "merged cells reach")


def _bereik(blad: Blad, ref: str, wat: str) -> None:
    for hoek in ref.split(":")[:2]:
        blad.binnen(*_cel(blad, hoek), f"{wat} {ref[:40]}")


def _ods(bestand: str, inhoud: bytes, lid: zipfile.ZipInfo) -> None:
    """Only cells that hold something count: LibreOffice ends a sheet with a million empty rows, repeated."""
    blad, rij, herhaald, kolom = Blad(bestand, ""), 0, 1, 0
    weg = frozenset({f"{TABLE}table-row", f"{TABLE}table-cell", f"{TABLE}covered-table-cell"})
    for gebeurtenis, e in _gesnoeid(_elementen(bestand, inhoud, lid, ("start", "end")), weg):
        if gebeurtenis == "start" and e.tag == f"{TABLE}table":
            blad, rij = Blad(bestand, e.get(f"{TABLE}name", "")), 0
        elif gebeurtenis == "start" and e.tag == f"{TABLE}table-row":
            herhaald, kolom = _getal(blad, e, "number-rows-repeated", rij), 0
        elif gebeurtenis == "end" and e.tag in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
            breed = _getal(blad, e, "number-columns-repeated", rij)
            if e.get(f"{OFFICE}value-type") is not None or len(e):
                blad.binnen(rij + herhaald - 1, kolom + breed - 1)
                blad.tel(breed * herhaald, rij, kolom)
            kolom += breed
        elif gebeurtenis == "end" and e.tag == f"{TABLE}table-row":
            rij += herhaald


def _getal(blad: Blad, e: Element, naam: str, rij: int) -> int:
    tekst = e.get(f"{TABLE}{naam}", "1")
    if not (tekst.isascii() and tekst.isdigit() and len(tekst) <= 8 and int(tekst) >= 1):
        raise blad.fout(rij, 0, f"table:{naam}={tekst[:20]!r} is not a count")
    return int(tekst)


def keur_werkboek(bestand: str, inhoud: bytes) -> None:
    """Refuse, naming the member, sheet or cell, a workbook the spreadsheet reader should not be given."""
    namen = {lid.filename: lid for lid in leden(bestand, inhoud)}
    if "xl/workbook.xml" in namen:
        bladen = dict(_xlsx_bladen(bestand, inhoud, namen))
        for naam, deel in bladen.items():
            if deel in namen:
                _xlsx_blad(Blad(bestand, naam), _elementen(bestand, inhoud, namen[deel], ("start", "end")))
    elif "content.xml" in namen:
        _ods(bestand, inhoud, namen["content.xml"])
    else:
        raise OngeldigeInvoer(bestand, "", "is neither an .xlsx nor an .ods workbook; save it as one of those")
    for lid in namen.values():
        for _ in uitgepakt(bestand, inhoud, lid):
            pass  # every member unpacks to no more than it declares (the sheets were counted as they were read)
