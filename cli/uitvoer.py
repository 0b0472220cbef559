"""Printing: tables for people (rich, Dutch number format), JSON and CSV for programs."""

from __future__ import annotations

import csv
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import Any


class Formaat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def geld(bedrag: Decimal | None, eenheid: int = 1, teken: bool = False) -> str:
    """1683000 -> '1.683.000,00'; with eenheid 1000 -> '1.683'; teken: '+ 1.683' like the documents."""
    if bedrag is None:
        return ""
    waarde = bedrag / eenheid
    decimalen = 2 if eenheid == 1 else 0
    waarde = waarde.quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    tekst = f"{abs(waarde):,.{decimalen}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    if waarde < 0:
        return f"- {tekst}" if teken else f"-{tekst}"
    return f"+ {tekst}" if teken and waarde > 0 else tekst


def druk_json(gegevens: Any) -> None:
    from projections.als_json import als_tekst

    sys.stdout.write(als_tekst(gegevens) + "\n")


def druk_csv(kolommen: Sequence[str], rijen: Sequence[Sequence[Any]]) -> None:
    schrijver = csv.writer(sys.stdout, lineterminator="\n")
    schrijver.writerow(kolommen)
    for rij in rijen:
        schrijver.writerow(
            [f"{w:.2f}" if isinstance(w, Decimal) else w.isoformat() if isinstance(w, date) else w for w in rij]
        )


@dataclass
class Tabel:
    """A table to print: `rechts` names the columns that hold numbers."""

    titel: str
    kolommen: list[str]
    rijen: list[list[str]] = field(default_factory=list)
    rechts: set[str] = field(default_factory=set)
    voet: str = ""


def druk_tabellen(*tabellen: Tabel) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=None if sys.stdout.isatty() else 200, highlight=False)
    for t in tabellen:
        tabel = Table(title=t.titel, title_justify="left", caption=t.voet or None, caption_justify="left")
        for kolom in t.kolommen:
            tabel.add_column(kolom, justify="right" if kolom in t.rechts else "left")
        for rij in t.rijen:
            tabel.add_row(*rij)
        console.print(tabel)


def eenheid_tekst(eenheid: int) -> str:
    return "bedragen in euro's" if eenheid == 1 else f"bedragen x € {eenheid:,}".replace(",", ".")
