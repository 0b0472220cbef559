"""A document as workbook sheets, in the layout the reader reads: from a document's data, or empty and annotated.

The sheets are plain rows of values with, for a template, hints (cell comments) and lists of
choices; documents/werkboek_bestanden.py writes them as .xlsx or .ods.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from documents.werkboek_layout import ANALYSE, BRON_BLAD, MUTATIE, REGEL, Layout, Veld, bron_velden, layout
from events.errors import OngeldigeInvoer
from taal import N_, _

Cel = tuple[int, int]

HINTS = {
    "tekst": "text",
    "getal": "a number (an amount in the bron's eenheid)",
    "geheel": "a whole number",
    "datum": "a date like 2020-09-15",
    "ja_nee": "TRUE or FALSE",
    "ja_nee_jaren": "TRUE or FALSE, or the years it holds for, like 2020, 2021",
}


@dataclass
class UitBlad:
    """A sheet to write: its rows from A1, and for a template its hints, choices and text cells."""

    naam: str
    rijen: list[list[Any]] = field(default_factory=list)
    hints: dict[Cel, str] = field(default_factory=dict)
    keuzes: list[tuple[Cel, Cel, tuple[str, ...]]] = field(default_factory=list)
    tekst: list[tuple[Cel, Cel]] = field(default_factory=list)
    geld: list[tuple[Cel, Cel]] = field(default_factory=list)
    """The amount cells: a euro number format, in whole units when the document's eenheid is not 1."""
    eenheid: int = 1


def cel_waarde(waarde: Any) -> Any:
    """A value as a cell holds it: whole amounts as integers, dates as dates, years as `2020, 2021`, the rest as is."""
    if isinstance(waarde, Decimal) and waarde == waarde.to_integral_value():
        return int(waarde)
    if isinstance(waarde, list):
        return ", ".join(map(str, waarde))
    return waarde


def _hint(veld: Veld) -> str:
    wat = f"one of: {', '.join(veld.keuzes)}" if veld.keuzes else HINTS.get(veld.soort, "text")
    return f"{veld.naam}: {'required' if veld.verplicht else 'optional'}; {wat}"


def _sleutel_rijen(blad: UitBlad, velden: tuple[Veld, ...], waarden: dict[str, Any], leeg: bool) -> None:
    for veld in velden:
        if veld.naam not in waarden and not leeg:
            continue
        rij = len(blad.rijen)
        blad.rijen.append([veld.naam, cel_waarde(waarden.get(veld.naam))])
        if leeg:
            blad.hints[(rij, 0)] = _hint(veld)
            if veld.keuzes:
                blad.keuzes.append(((rij, 1), (rij, 1), veld.keuzes))
            if veld.soort == "tekst":
                blad.tekst.append(((rij, 1), (rij, 1)))


def _jaren(feit: dict[str, Any], vorm: Layout, veld: str = "bedragen") -> list[int]:
    """The years of the lines' amounts (`veld` bedragen) or of their changes (`veld` mutaties)."""
    jaren: set[int] = set()
    for regel in vorm.regels:
        inhoud = feit.get(regel.naam) or ([] if regel.lijst else {})
        naam = regel.bedragen if veld == "bedragen" else regel.mutaties
        if regel.lijst:
            jaren.update(*(lijn.get(naam) or {} for lijn in inhoud))
        elif veld == "bedragen":
            jaren.update(inhoud)
    return sorted(jaren)


def _tabel_rijen(blad: UitBlad, feit: dict[str, Any], vorm: Layout, jaren: list[int], mutaties: list[int]) -> None:
    kolommen = [k.naam for k in vorm.kolommen]
    blad.rijen += [[], [REGEL, *kolommen, *jaren, *(f"{MUTATIE}{j}" for j in mutaties)]]
    for regel in vorm.regels:
        if regel.naam not in feit:
            continue
        lijnen = feit[regel.naam] if regel.lijst else [feit[regel.naam]]
        for lijn in lijnen:
            reeks = (lijn.get(regel.bedragen) or {}) if regel.lijst else lijn
            eigen = [cel_waarde(lijn.get(k)) if regel.lijst else None for k in kolommen]
            veranderd = (lijn.get(regel.mutaties) or {}) if regel.lijst and regel.mutaties else {}
            bedragen = [cel_waarde(reeks.get(j)) for j in jaren] + [cel_waarde(veranderd.get(j)) for j in mutaties]
            blad.rijen.append([regel.naam, *eigen, *bedragen])
            if bedragen:
                rij, eerste = len(blad.rijen) - 1, 1 + len(kolommen)
                blad.geld.append(((rij, eerste), (rij, eerste + len(bedragen) - 1)))


def check_in_werkboek(feit: dict[str, Any], i: int) -> None:
    """An event a workbook cannot hold is refused, naming the field, not written without what it says."""
    veld = next((k for k in ANALYSE if feit.get(k)), None)
    if veld is not None:
        raise OngeldigeInvoer(
            "workbook",
            f"events[{i}].{veld}",
            _("een werkboek bevat geen {wat}; schrijf het document als .yaml").format(wat=_(WAT[veld])),
        )


WAT = {"opbouw": N_("boom van delen (opbouw)"), "vorige": N_("BUIG-vorige"), "verdeling": N_("BUIG-verdeling")}


def bladen(gegevens: dict[str, Any]) -> list[UitBlad]:
    """A document's data (Python values, amounts in its eenheid) as sheets: `bron`, then `1 circulaire`, ..."""
    bron = UitBlad(BRON_BLAD)
    kop = {k: gegevens[k] for k in ("gemeente", "eenheid") if k in gegevens}
    _sleutel_rijen(bron, bron_velden(), kop | gegevens["bron"], leeg=False)
    uit = [bron]
    for i, feit in enumerate(gegevens["events"], start=1):
        check_in_werkboek(feit, i - 1)
        vorm = layout(feit["type"])
        blad = UitBlad(f"{i} {vorm.type}", eenheid=gegevens.get("eenheid", 1))
        _sleutel_rijen(blad, vorm.velden, feit, leeg=False)
        if vorm.regels:
            _tabel_rijen(blad, feit, vorm, _jaren(feit, vorm), _jaren(feit, vorm, "mutaties"))
        uit.append(blad)
    if gegevens.get("controle"):
        from documents.werkboek_controle import controle_blad

        uit.insert(1, controle_blad(gegevens["controle"]))
    return uit


FAMILIES: dict[str, tuple[str, ...]] = {
    "circulaire": ("circulaire", "bcf_voorschot", "bcf_afrekening", "corona_compensatie", "prognose"),
    "begroting": ("begroting", "begrotingswijziging", "reserve_mutatie"),
    "reserve_ingesteld": ("reserve_ingesteld", "reserve_mutatie"),
}
"""The event types a document of a kind carries besides its own, as in the example documents: a
septembercirculaire with its BCF voorschot, corona compensations and prognoses; a programmabegroting with a
begrotingswijziging and the reserve mutations; a nota reserves that sets up reserves and their mutations."""


def familie(type_naam: str) -> tuple[str, ...]:
    return FAMILIES.get(type_naam, (type_naam,))


def heeft_jaren(type_naam: str) -> bool:
    """Whether the template of this type (and its family) has years across."""
    return any(layout(t).regels and layout(t).jaren for t in familie(type_naam))


def sjabloon(type_naam: str, jaren: list[int], regels: int = 30) -> list[UitBlad]:
    """An empty workbook for a document of a type: a sheet for it and for each type of its family, with a
    hint on every key and column and lists for fixed choices."""
    bron = UitBlad(BRON_BLAD)
    _sleutel_rijen(bron, bron_velden(), {"eenheid": 1}, leeg=True)
    return [bron, *(_leeg_blad(i, t, jaren, regels) for i, t in enumerate(familie(type_naam), start=1))]


def _leeg_blad(i: int, type_naam: str, jaren: list[int], regels: int) -> UitBlad:
    vorm = layout(type_naam)
    blad = UitBlad(f"{i} {type_naam}")
    _sleutel_rijen(blad, vorm.velden, {}, leeg=True)
    if vorm.regels:
        _tabel_rijen(blad, {}, vorm, jaren if vorm.jaren else [], [])
        _tabel_hints(blad, vorm, regels)
    return blad


def _tabel_hints(blad: UitBlad, vorm: Layout, regels: int) -> None:
    kop = len(blad.rijen) - 1
    eerste, laatste = kop + 1, kop + regels
    namen = ", ".join(f"{r.naam} ({'a row each' if r.lijst else 'one row'})" for r in vorm.regels)
    blad.hints[(kop, 0)] = f"regel: which line each row is: {namen}"
    blad.keuzes.append(((eerste, 0), (laatste, 0), tuple(r.naam for r in vorm.regels)))
    for k, kolom in enumerate(vorm.kolommen, start=1):
        blad.hints[(kop, k)] = _hint(kolom)
        if kolom.keuzes:
            blad.keuzes.append(((eerste, k), (laatste, k), kolom.keuzes))
        if kolom.soort == "tekst":
            blad.tekst.append(((eerste, k), (laatste, k)))
    if vorm.jaren:
        k = len(vorm.kolommen) + 1
        if len(blad.rijen[kop]) > k:
            blad.geld.append(((eerste, k), (laatste, len(blad.rijen[kop]) - 1)))
        blad.hints[(kop, k)] = "years across: one column per year, add or remove columns; amounts in the bron's eenheid"
        if vorm.mutaties:
            blad.hints[(kop, k)] += f"; a column '{MUTATIE}2021' holds changes instead of amounts"
