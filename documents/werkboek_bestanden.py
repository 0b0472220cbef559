"""Writing sheets as an .xlsx file (openpyxl, with hints and lists) or an .ods file (its XML, values only)."""

from __future__ import annotations

import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from documents.formules import als_tekstcel
from documents.werkboek_cellen import kolom_letters
from documents.werkboek_writer import UitBlad

EURO = '"€" #,##0.00;[Red]-"€" #,##0.00'
EURO_HEEL = '"€" #,##0;[Red]-"€" #,##0'
"""An amount in the document's eenheid when that is not 1 (thousands): whole units, as the documents write them."""


def _bereik(van: tuple[int, int], tot: tuple[int, int]) -> str:
    return f"{kolom_letters(van[1])}{van[0] + 1}:{kolom_letters(tot[1])}{tot[0] + 1}"


def _xlsx_blad(ws: Worksheet, blad: UitBlad) -> None:
    for r, rij in enumerate(blad.rijen, start=1):
        for k, waarde in enumerate(rij, start=1):
            if waarde is not None:
                cel = als_tekstcel(ws.cell(r, k, waarde))
                if isinstance(waarde, date):
                    cel.number_format = "yyyy-mm-dd"
        if rij and rij[0] == "regel":
            for cel in ws[r]:
                cel.font = Font(bold=True)
    for (r, k), tekst in blad.hints.items():
        ws.cell(r + 1, k + 1).comment = Comment(tekst, "begroting", width=300, height=80)
    for van, tot, keuzes in blad.keuzes:
        lijst = DataValidation(type="list", formula1=f'"{",".join(keuzes)}"', allow_blank=True)
        lijst.add(_bereik(van, tot))
        ws.add_data_validation(lijst)
    for van, tot in blad.tekst:
        for rij in ws[_bereik(van, tot)]:
            for cel in rij:
                cel.number_format = "@"
    formaat = EURO if blad.eenheid == 1 else EURO_HEEL
    for van, tot in blad.geld:
        for rij in ws[_bereik(van, tot)]:
            for cel in rij:
                if not isinstance(cel.value, str):
                    cel.number_format = formaat
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 28


def schrijf_xlsx(bladen: list[UitBlad], pad: Path) -> None:
    werkboek = Workbook()
    werkboek.remove(werkboek.active)  # type: ignore[arg-type]
    for blad in bladen:
        _xlsx_blad(werkboek.create_sheet(blad.naam), blad)
    werkboek.save(pad)


def _ods_cel(waarde: Any) -> str:
    if waarde is None:
        return "<table:table-cell/>"
    if isinstance(waarde, bool):
        return f'<table:table-cell office:value-type="boolean" office:boolean-value="{str(waarde).lower()}"/>'
    if isinstance(waarde, int | Decimal):
        return f'<table:table-cell office:value-type="float" office:value="{waarde}"/>'
    if isinstance(waarde, date):
        return f'<table:table-cell office:value-type="date" office:date-value="{waarde.isoformat()}"/>'
    regels = "".join(f"<text:p>{escape(regel)}</text:p>" for regel in str(waarde).split("\n"))
    return f'<table:table-cell office:value-type="string">{regels}</table:table-cell>'


ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"'
)
ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"
ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    f'<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="{ODS_MIME}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _ods_inhoud(bladen: list[UitBlad]) -> str:
    tabellen = "".join(
        f"<table:table table:name={quoteattr(blad.naam)}>"
        + "".join(f"<table:table-row>{''.join(map(_ods_cel, rij or [None]))}</table:table-row>" for rij in blad.rijen)
        + "</table:table>"
        for blad in bladen
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODS_NS}>'
        f"<office:body><office:spreadsheet>{tabellen}</office:spreadsheet></office:body></office:document-content>"
    )


def schrijf_ods(bladen: list[UitBlad], pad: Path) -> None:
    """An OpenDocument spreadsheet with the values only: hints and lists are for the .xlsx template."""
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as zip_:
        zip_.writestr(zipfile.ZipInfo("mimetype"), ODS_MIME, compress_type=zipfile.ZIP_STORED)
        zip_.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        zip_.writestr("content.xml", _ods_inhoud(bladen))


def schrijf_werkboek(bladen: list[UitBlad], pad: Path) -> None:
    (schrijf_ods if pad.suffix.lower() == ".ods" else schrijf_xlsx)(bladen, pad)
