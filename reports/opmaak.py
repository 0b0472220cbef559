"""How values read for people: Dutch money format, the unit label, and the text of a cell."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from reports.model import Aantal, Bedrag, Cel, Column, Deel, Eenheid, Teken, Tekst
from taal import _, opmaak


def geld(bedrag: Decimal | None, eenheid: int = 1, teken: bool = False) -> str:
    """1683000 -> '1.683.000,00'; with eenheid 1000 -> '1.683'; teken: '+ 1.683' like the documents."""
    return "" if bedrag is None else opmaak.bedrag(bedrag, eenheid, teken)


def kolomkop(kolom: Column) -> str:
    """A column's heading in the current language (reports/kolomnamen.py marks them for the catalogue); CSV and
    xlsx keep the label itself (scripts read it)."""
    return _(kolom.label) if kolom.label else ""


def eenheid_tekst(eenheid: int) -> str:
    return _("bedragen in euro's") if eenheid == 1 else _("bedragen x € {n}").format(n=opmaak.getal(eenheid))


def bedrag_tekst(b: Bedrag, eenheid: int) -> str:
    if b.waarde is None:
        return ""
    tekst = b.nul if b.nul is not None and not b.waarde else geld(b.waarde, eenheid, b.teken)
    return _("{bedrag} (pm)").format(bedrag=tekst) if b.pm else tekst


def tekst(delen: Tekst, eenheid: int = 1) -> str:
    """A title or footnote with its amounts, unit and sign legend written out."""
    return "".join(_deel(d, eenheid) for d in delen)


def _deel(deel: Deel, eenheid: int) -> str:
    if isinstance(deel, Teken):  # before str: a Teken is one
        return _("+ = voordeel") if deel.value == "voordeel" else _("+ = nadeel")
    if isinstance(deel, Bedrag):
        return bedrag_tekst(deel, eenheid)
    return eenheid_tekst(eenheid) if isinstance(deel, Eenheid) else deel


def cel(waarde: Cel, kolom: Column, eenheid: int = 1) -> str:
    if isinstance(waarde, Bedrag):
        return bedrag_tekst(waarde, eenheid)
    if isinstance(waarde, Decimal):
        return geld(waarde, eenheid, kolom.signed)
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, Aantal):
        return aantal_tekst(waarde.waarde)
    return "" if waarde is None else str(waarde)


def aantal_tekst(gegeven: str) -> str:
    """'697.99' -> '697,99', '5924/3' -> '5.924/3' (en: '5,924/3'); decimals as given, none added."""
    return "/".join(opmaak.getal(Decimal(deel), None) for deel in gegeven.split("/"))


def bedrag(waarde: Cel) -> Cel:
    """The plain value of a cell, for files that keep numbers as numbers (CSV, XLSX)."""
    return waarde.waarde if isinstance(waarde, (Bedrag, Aantal)) else waarde
