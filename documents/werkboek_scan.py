"""What calamine does not tell: formulas without a cached value, and merged cells in an ODS file.

Calamine gives a formula's cached value; a formula that was never calculated (a file written by a
program, not saved by Excel or LibreOffice) reads as an empty cell, so we look in the file's XML.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO
from xml.etree.ElementTree import Element, iterparse

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
CEL_REF = re.compile(r"([A-Z]+)([0-9]+)")

Cel = tuple[int, int]


@dataclass
class Bijzonder:
    """Per sheet: the cells with a formula but no value, and the merged ranges (first cell, last cell)."""

    formules: dict[str, list[Cel]] = field(default_factory=dict)
    samengevoegd: dict[str, list[tuple[Cel, Cel]]] = field(default_factory=dict)


def _cel(ref: str) -> Cel:
    letters, cijfers = CEL_REF.fullmatch(ref).groups()  # type: ignore[union-attr]
    kolom = 0
    for letter in letters:
        kolom = kolom * 26 + ord(letter) - ord("A") + 1
    return int(cijfers) - 1, kolom - 1


def _xlsx_bladen(zip_: zipfile.ZipFile) -> Iterator[tuple[str, str]]:
    """(sheet name, its part in the zip) in workbook order."""
    doelen = {
        r.get("Id"): r.get("Target", "")
        for r in _elementen(zip_, "xl/_rels/workbook.xml.rels")
        if r.tag == f"{PKG}Relationship"
    }
    for blad in _elementen(zip_, "xl/workbook.xml"):
        if blad.tag == f"{MAIN}sheet":
            doel = doelen.get(blad.get(f"{REL}id"), "")
            yield blad.get("name", ""), doel.lstrip("/") if doel.startswith("/") else posixpath.join("xl", doel)


def _elementen(zip_: zipfile.ZipFile, deel: str) -> Iterator[Element]:
    with zip_.open(deel) as invoer:
        for _, element in iterparse(invoer):
            yield element


def _xlsx(zip_: zipfile.ZipFile) -> Bijzonder:
    bijzonder = Bijzonder()
    for naam, deel in _xlsx_bladen(zip_):
        for element in _elementen(zip_, deel):
            if element.tag == f"{MAIN}c" and element.find(f"{MAIN}f") is not None:
                waarde = element.find(f"{MAIN}v")
                if waarde is None or not (waarde.text or ""):
                    bijzonder.formules.setdefault(naam, []).append(_cel(element.get("r", "A1")))
            if element.tag == f"{MAIN}row":
                element.clear()
    return bijzonder


def _ods(zip_: zipfile.ZipFile) -> Bijzonder:
    bijzonder, blad, rij, kolom = Bijzonder(), "", 0, 0
    with zip_.open("content.xml") as invoer:
        for gebeurtenis, element in iterparse(invoer, events=("start", "end")):
            if gebeurtenis == "start" and element.tag == f"{TABLE}table":
                blad, rij = element.get(f"{TABLE}name", ""), 0
            elif gebeurtenis == "start" and element.tag == f"{TABLE}table-row":
                kolom = 0
            elif gebeurtenis == "end" and element.tag == f"{TABLE}table-row":
                rij += int(element.get(f"{TABLE}number-rows-repeated", "1"))
                element.clear()
            elif gebeurtenis == "end" and element.tag in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                _ods_cel(bijzonder, blad, (rij, kolom), element)
                kolom += int(element.get(f"{TABLE}number-columns-repeated", "1"))
    return bijzonder


def _ods_cel(bijzonder: Bijzonder, blad: str, cel: Cel, element: Element) -> None:
    if element.get(f"{TABLE}formula") and element.get(f"{OFFICE}value-type") is None:
        bijzonder.formules.setdefault(blad, []).append(cel)
    breed = int(element.get(f"{TABLE}number-columns-spanned", "1"))
    hoog = int(element.get(f"{TABLE}number-rows-spanned", "1"))
    if breed > 1 or hoog > 1:
        bijzonder.samengevoegd.setdefault(blad, []).append((cel, (cel[0] + hoog - 1, cel[1] + breed - 1)))


def bijzonder(bestand: IO[bytes]) -> Bijzonder:
    """The formulas without a value (xlsx and ods) and the merged ranges (ods; calamine gives xlsx's)."""
    with zipfile.ZipFile(bestand) as zip_:
        namen = set(zip_.namelist())
        if "xl/workbook.xml" in namen:
            return _xlsx(zip_)
        if "content.xml" in namen:
            return _ods(zip_)
    return Bijzonder()
