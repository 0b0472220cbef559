"""Reading a workbook document (.xlsx or .ods) into the plain data a YAML file gives, and where each value stood.

The data then goes through the same validation as YAML (`document_uit`); a refusal's path
(`events[0].algemene_uitkering.2021`) is said as the cell it came from (`'1 circulaire'!D7`).
The layout is in documents/werkboek_layout.py.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import python_calamine

from documents.inlezen import lees_bytes
from documents.laders import MEESTE_WAARDEN
from documents.werkboek_blad import Blad, Plaatsen
from documents.werkboek_cellen import CelFout, kolom_letters
from documents.werkboek_controle import BLAD as CONTROLE
from documents.werkboek_controle import lees_controle
from documents.werkboek_grenzen import keur_werkboek
from documents.werkboek_layout import BRON_BLAD, bron_velden, layout
from documents.werkboek_maatstaven import lees_tabel, per_maatstaf
from documents.werkboek_scan import bijzonder
from documents.werkboek_tabel import kop_rij, sleutels, tabel
from events.errors import OngeldigeInvoer
from events.registry import typen
from taal import _

WERKBOEK_SOORTEN = (".xlsx", ".ods")
EVENT_BLAD = re.compile(r"(?:[0-9]+ +)?([a-z_]+)")
VERSLEUTELD = b"\xd0\xcf\x11\xe0"  # an OLE file: how Excel stores a workbook with a password (and old .xls)


def is_werkboek(pad: str | Path) -> bool:
    tekst = str(pad).lower()
    if ".xlsx" not in tekst and ".ods" not in tekst:
        return False  # the usual answer, without building a Path (twice per file of a large record)
    return Path(pad).suffix.lower() in WERKBOEK_SOORTEN


def _inhoud(bestand: str) -> bytes:
    inhoud = lees_bytes(bestand)
    if inhoud.startswith(VERSLEUTELD):
        raise OngeldigeInvoer(
            bestand,
            "",
            _(
                "is met een wachtwoord beveiligd (of een oud .xls-bestand); "
                "sla het op als .xlsx of .ods zonder wachtwoord"
            ),
        )
    return inhoud


def _bladen(bestand: str, inhoud: bytes) -> list[Blad]:
    keur_werkboek(bestand, inhoud)
    plaatsen = Plaatsen()
    try:
        werkboek = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(inhoud))
        bladen = [_blad(werkboek.get_sheet_by_name(naam), plaatsen) for naam in werkboek.sheet_names]
        _controleer(bladen, werkboek, inhoud)
    except python_calamine.PasswordError:
        raise OngeldigeInvoer(bestand, "", _("is met een wachtwoord beveiligd; sla het op zonder wachtwoord")) from None
    except CelFout:
        raise
    except Exception as fout:  # calamine's errors share no base class: a zip, XML or format error
        soort = Path(bestand).suffix.lower().lstrip(".")
        melding = _("niet te lezen als .{soort}-werkboek: {fout}").format(soort=soort, fout=fout)
        raise OngeldigeInvoer(bestand, "", melding) from None
    return bladen


def _blad(blad: python_calamine.CalamineSheet, plaatsen: Plaatsen) -> Blad:
    """The sheet's cells from A1; refused before they are read when its last cell lies too far out."""
    rij, kolom = blad.end or (0, 0)
    if (rij + 1) * (kolom + 1) > MEESTE_WAARDEN:
        raise CelFout(
            blad.name,
            rij,
            kolom,
            _("ligt te ver weg: het blad zou meer dan {n} cellen bevatten").format(n=f"{MEESTE_WAARDEN:,}"),
        )
    return Blad(blad.name, blad.to_python(skip_empty_area=False), plaatsen)


def _controleer(bladen: list[Blad], werkboek: Any, inhoud: bytes) -> None:
    """Refuse what the cells do not show: a merged range, a formula never calculated, too many values."""
    extra = bijzonder(io.BytesIO(inhoud))
    for blad in bladen:
        samengevoegd = werkboek.get_sheet_by_name(blad.naam).merged_cell_ranges or extra.samengevoegd.get(blad.naam)
        if samengevoegd:
            (r, k), (r2, k2) = samengevoegd[0]
            melding = _("{van}:{tot} zijn samengevoegde cellen; maak ze los, elke waarde heeft een eigen cel")
            blad.fout(r, k, melding.format(van=_naam(r, k), tot=_naam(r2, k2)))
        for r, k in extra.formules.get(blad.naam, []):
            blad.fout(
                r,
                k,
                _("bevat een formule zonder berekende waarde; open het bestand in Excel of LibreOffice en sla het op"),
            )


def _naam(rij: int, kolom: int) -> str:
    return f"{kolom_letters(kolom)}{rij + 1}"


def _bron(bladen: list[Blad], bestand: str) -> dict[str, Any]:
    blad = next((b for b in bladen if b.naam == BRON_BLAD), None)
    if blad is None:
        raise OngeldigeInvoer(
            bestand, "", _("heeft geen blad 'bron' (met gemeente, id, datum, ... als sleutel/waarde-regels)")
        )
    if not any(blad.gevuld(r) for r in range(blad.hoogte)):
        melding = _(
            "het blad bron is leeg; geef gemeente, id en datum als sleutel/waarde-regels (sleutel in A, waarde in B)"
        )
        blad.fout(0, 0, melding)
    for pad in ("bron", "gemeente", "eenheid"):  # where a field left out is missing
        blad.merk_blad(pad)
    waarden = sleutels(blad, blad.hoogte, bron_velden(), lambda n: n if n in ("gemeente", "eenheid") else f"bron.{n}")
    bron = {k: v for k, v in waarden.items() if k not in ("gemeente", "eenheid")}
    return (
        {k: waarden[k] for k in ("gemeente",) if k in waarden}
        | {"bron": bron}
        | ({"eenheid": waarden["eenheid"]} if "eenheid" in waarden else {})
    )


def _event(blad: Blad, i: int) -> dict[str, Any]:
    type_naam = EVENT_BLAD.fullmatch(blad.naam).group(1)  # type: ignore[union-attr]
    vorm, waar = layout(type_naam), f"events[{i}]"
    blad.merk_blad(waar)
    begin = kop_rij(blad)
    feit: dict[str, Any] = {"type": type_naam}
    feit |= sleutels(blad, blad.hoogte if begin is None else begin, vorm.velden, lambda n: f"{waar}.{n}")
    if begin is not None and per_maatstaf(type_naam):
        return feit | lees_tabel(blad, begin, type_naam, waar)
    return feit | (tabel(blad, begin, vorm, waar) if begin is not None else {})


def _is_event(naam: str) -> bool:
    gevonden = EVENT_BLAD.fullmatch(naam)
    return gevonden is not None and gevonden.group(1) in typen()


def _gegevens(bladen: list[Blad], bestand: str) -> dict[str, Any]:
    for blad in bladen:
        if blad.naam not in (BRON_BLAD, CONTROLE) and not _is_event(blad.naam):
            melding = _("het blad {naam} is geen 'bron', geen 'controle' en geen gebeurtenis zoals '1 circulaire'")
            blad.fout(0, 0, melding.format(naam=repr(blad.naam)))
    gegevens = _bron(bladen, bestand)
    controle = next((b for b in bladen if b.naam == CONTROLE), None)
    if controle is not None:
        gegevens["controle"] = lees_controle(controle)
    events = [_event(blad, i) for i, blad in enumerate(b for b in bladen if b.naam not in (BRON_BLAD, CONTROLE))]
    if not events:
        raise OngeldigeInvoer(bestand, "", _("heeft geen eventbladen; voeg er één per event toe, zoals '1 circulaire'"))
    return gegevens | {"events": events}


def lees_werkboek(bestand: str, inhoud: bytes | None = None) -> tuple[dict[str, Any], Plaatsen]:
    """A workbook's document as plain data (amounts in its eenheid), and the cell of each value.

    `inhoud`: its bytes when it arrived as an upload rather than as a file.
    """
    try:
        bladen = _bladen(bestand, _inhoud(bestand) if inhoud is None else inhoud)
        return _gegevens(bladen, bestand), bladen[0].plaatsen
    except CelFout as fout:
        raise OngeldigeInvoer(bestand, fout.plaats, fout.melding) from None
