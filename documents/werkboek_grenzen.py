"""A workbook checked before the spreadsheet reader sees it: its zip (documents/werkboek_zip.py), then every sheet's
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
from xml.parsers import expat as pyexpat

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import ParseError, iterparse

from documents.laders import MEESTE_WAARDEN
from documents.werkboek_cellen import kolom_letters, plaats
from documents.werkboek_zip import Stroom, leden, uitgepakt
from events.errors import OngeldigeInvoer
from taal import N_, _

MEESTE_RIJEN = 10_000
MEESTE_KOLOMMEN = 200
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
CEL_REF = re.compile(r"\$?([A-Z]{1,3})\$?([1-9][0-9]{0,6})")
GRENS = N_("een blad heeft hoogstens {rijen} rijen en {kolommen} kolommen (tot {hoek})")
BUITEN = N_("een cel ligt buiten wat een document nodig heeft")


class Blad:
    """One sheet's walk: the place of each cell it meets, refused when it lies out of bounds."""

    def __init__(self, bestand: str, naam: str) -> None:
        self.bestand, self.naam, self.cellen = bestand, naam, 0

    def fout(self, rij: int, kolom: int, melding: str) -> OngeldigeInvoer:
        waar = plaats(self.naam, min(rij, 10**7), min(kolom, 10**5))
        return OngeldigeInvoer(self.bestand, waar, melding)

    def binnen(self, rij: int, kolom: int, wat: str | None = None) -> None:
        if rij >= MEESTE_RIJEN or kolom >= MEESTE_KOLOMMEN:
            melding = _("{wat}: {grens}; er is niets geboekt").format(wat=wat or _(BUITEN), grens=grens())
            raise self.fout(rij, kolom, melding)

    def tel(self, aantal: int, rij: int, kolom: int) -> None:
        self.cellen += aantal
        if self.cellen > MEESTE_WAARDEN:
            melding = _("het blad bevat meer dan {n} cellen; er is niets geboekt").format(n=f"{MEESTE_WAARDEN:,}")
            raise self.fout(rij, kolom, melding)


def grens() -> str:
    """The bounds of a sheet, in the user's language."""
    hoek = f"{kolom_letters(MEESTE_KOLOMMEN - 1)}{MEESTE_RIJEN}"
    return _(GRENS).format(rijen=f"{MEESTE_RIJEN:,}", kolommen=MEESTE_KOLOMMEN, hoek=hoek)


def _cel(blad: Blad, ref: str) -> tuple[int, int]:
    gevonden = CEL_REF.fullmatch(ref)
    if gevonden is None:
        melding = _("{ref} is geen celverwijzing zoals B7, of ligt te ver weg: {grens}").format(
            ref=repr(ref[:20]), grens=grens()
        )
        raise OngeldigeInvoer(blad.bestand, blad.naam, melding)
    letters, cijfers = gevonden.groups()
    return int(cijfers) - 1, KOLOMMEN.get(letters) or _kolom(letters)


def _kolom(letters: str) -> int:
    kolom = 0
    for letter in letters:
        kolom = kolom * 26 + ord(letter) - ord("A") + 1
    return kolom - 1


KOLOMMEN = {kolom_letters(k): k for k in range(MEESTE_KOLOMMEN)}
"""The columns a document may use, by their letters: most cells are looked up, not computed."""


def _elementen(bestand: str, inhoud: bytes, lid: zipfile.ZipInfo) -> Iterator[Any]:
    try:
        yield from iterparse(Stroom(uitgepakt(bestand, inhoud, lid)), ("end",), forbid_dtd=True)
    except (ParseError, DefusedXmlException) as fout:
        raise OngeldigeInvoer(bestand, lid.filename, _("is geen geldige XML ({fout})").format(fout=fout)) from None


def _xlsx_bladen(bestand: str, inhoud: bytes, namen: dict[str, zipfile.ZipInfo]) -> Iterator[tuple[str, str]]:
    """(sheet name, its part in the zip) in workbook order."""
    doelen = {}
    if "xl/_rels/workbook.xml.rels" in namen:
        for _, r in _elementen(bestand, inhoud, namen["xl/_rels/workbook.xml.rels"]):
            if r.tag == f"{{{PKG}}}Relationship":
                doelen[r.get("Id")] = r.get("Target", "")
    for _, blad in _elementen(bestand, inhoud, namen["xl/workbook.xml"]):
        if blad.tag == f"{{{MAIN}}}sheet":
            doel = doelen.get(blad.get(f"{{{REL}}}id"), "")
            yield blad.get("name", ""), doel.lstrip("/") if doel.startswith("/") else posixpath.join("xl", doel)


def _geen_dtd(*_: object) -> None:
    raise DTDForbidden(None, None, None)


def _geen_entiteit(*_: object) -> None:
    raise EntitiesForbidden(None, None, None, None, None, None)


def _geen_externe(*_: object) -> None:
    raise ExternalReferenceForbidden(None, None, None, None)


def _lees(bestand: str, inhoud: bytes, lid: zipfile.ZipInfo, lezer: _XlsxBlad | _Ods) -> None:
    """Walk a part with expat under defusedxml's rules (no DTD, so no entity; no external reference), calling
    the walker for each element: no tree is built, nothing kept. (defusedxml's SAX and ElementTree layers
    over the same parser took three times as long.)"""
    parser = pyexpat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = _geen_dtd
    parser.EntityDeclHandler = _geen_entiteit
    parser.ExternalEntityRefHandler = _geen_externe
    parser.StartElementHandler, parser.EndElementHandler = lezer.begin, lezer.eind
    try:
        for stuk in uitgepakt(bestand, inhoud, lid):
            parser.Parse(stuk, False)
        parser.Parse(b"", True)
    except (pyexpat.ExpatError, DefusedXmlException) as fout:
        raise OngeldigeInvoer(bestand, lid.filename, _("is geen geldige XML ({fout})").format(fout=fout)) from None


C, ROW, DIMENSION, MERGE = (f"{MAIN} {tag}" for tag in ("c", "row", "dimension", "mergeCell"))
TABEL, RIJ, CELLEN = f"{TABLE} table", f"{TABLE} table-row", (f"{TABLE} table-cell", f"{TABLE} covered-table-cell")


class _XlsxBlad:
    """A worksheet's rows, cells, dimension and merged ranges, each place checked as it is met."""

    def __init__(self, blad: Blad) -> None:
        self.blad, self.rij, self.kolom = blad, -1, -1

    def begin(self, naam: str, attrs: dict[str, str]) -> None:
        if naam == C:
            ref = attrs.get("r")
            self.rij, self.kolom = _cel(self.blad, ref) if ref else (self.rij, self.kolom + 1)
            self.blad.binnen(self.rij, self.kolom)
            self.blad.tel(1, self.rij, self.kolom)
        elif naam == ROW:
            ref = attrs.get("r")
            self.rij, self.kolom = (_cel(self.blad, f"A{ref}")[0] if ref else self.rij + 1), -1
        elif naam in (DIMENSION, MERGE):
            wat = _("het blad geeft zijn cellen op als") if naam == DIMENSION else _("samengevoegde cellen reiken tot")
            _bereik(self.blad, attrs.get("ref", "A1"), wat)

    def eind(self, naam: str) -> None:
        if naam == ROW and self.kolom < 0:
            self.blad.binnen(self.rij, 0, _("een rij ligt buiten wat een document nodig heeft"))  # a row without cells


def _bereik(blad: Blad, ref: str, wat: str) -> None:
    for hoek in ref.split(":")[:2]:
        blad.binnen(*_cel(blad, hoek), f"{wat} {ref[:40]}")


class _Ods:
    """Only cells that hold something count: LibreOffice ends a sheet with a million empty rows, repeated."""

    def __init__(self, bestand: str) -> None:
        self.bestand, self.blad = bestand, Blad(bestand, "")
        self.rij, self.herhaald, self.kolom, self.breed, self.gevuld = 0, 1, 0, 0, False

    def begin(self, naam: str, attrs: dict[str, str]) -> None:
        if self.breed:
            self.gevuld = True  # an element inside a cell: its text
        if naam == TABEL:
            self.blad, self.rij = Blad(self.bestand, attrs.get(f"{TABLE} name", "")), 0
        elif naam == RIJ:
            self.herhaald, self.kolom = self._getal(attrs, "number-rows-repeated"), 0
        elif naam in CELLEN:
            self.breed = self._getal(attrs, "number-columns-repeated")
            self.gevuld = f"{OFFICE} value-type" in attrs

    def eind(self, naam: str) -> None:
        if naam in CELLEN:
            if self.gevuld:
                self.blad.binnen(self.rij + self.herhaald - 1, self.kolom + self.breed - 1)
                self.blad.tel(self.breed * self.herhaald, self.rij, self.kolom)
            self.kolom, self.breed, self.gevuld = self.kolom + self.breed, 0, False
        elif naam == RIJ:
            self.rij += self.herhaald

    def _getal(self, attrs: dict[str, str], naam: str) -> int:
        tekst = attrs.get(f"{TABLE} {naam}", "1")
        if not (tekst.isascii() and tekst.isdigit() and len(tekst) <= 8 and int(tekst) >= 1):
            melding = _("table:{naam}={tekst} is geen aantal").format(naam=naam, tekst=repr(tekst[:20]))
            raise self.blad.fout(self.rij, self.kolom, melding)
        return int(tekst)


def keur_werkboek(bestand: str, inhoud: bytes) -> None:
    """Refuse, naming the member, sheet or cell, a workbook the spreadsheet reader should not be given."""
    namen = {lid.filename: lid for lid in leden(bestand, inhoud)}
    gelezen = set()
    if "xl/workbook.xml" in namen:
        for naam, deel in dict(_xlsx_bladen(bestand, inhoud, namen)).items():
            if deel in namen:
                _lees(bestand, inhoud, namen[deel], _XlsxBlad(Blad(bestand, naam)))
                gelezen.add(deel)
    elif "content.xml" in namen:
        _lees(bestand, inhoud, namen["content.xml"], _Ods(bestand))
        gelezen.add("content.xml")
    else:
        raise OngeldigeInvoer(bestand, "", _("is geen .xlsx- en geen .ods-werkboek; sla het als een van die twee op"))
    for naam in namen.keys() - gelezen:
        for _blok in uitgepakt(bestand, inhoud, namen[naam]):
            pass  # every member unpacks to no more than it declares (the sheets were counted as they were read)
