"""The neutral form of an answer: reports of columns and rows, money kept as Decimal until rendered."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, Literal

from taal import _


@dataclass(frozen=True)
class Bedrag:
    """An amount that shows differently from its column: signed, marked pm, or a bare 0 when zero.

    Attributes:
        teken: the amount is + = voordeel (an effect, a saldo, a mutatie), so shown with its sign
            and flipped when the answer is shown + = nadeel; a plain amount (a raming) is not.
    """

    waarde: Decimal | None
    teken: bool = False
    pm: bool = False
    nul: str | None = None


@dataclass(frozen=True)
class Aantal:
    """A quantity as its document gives it (`697.99`, `5924/3`): shown in the language's number format
    (`697,99`, `5.924/3`), kept as given in CSV and XLSX."""

    waarde: str


@dataclass(frozen=True)
class Eenheid:
    """Stands for "bedragen in euro's" / "bedragen x € 1.000": the unit is chosen at rendering."""


class Teken(str, Enum):
    """Which way + points: the `--teken` choice, and in a legend it reads "+ = voordeel" or "+ = nadeel"."""

    voordeel = "voordeel"
    nadeel = "nadeel"


Deel = str | Bedrag | Eenheid | Teken
Tekst = tuple[Deel, ...]
Cel = Bedrag | Aantal | Decimal | date | int | str | None


@dataclass(frozen=True)
class Column:
    """One column; `signed`: its amounts are + = voordeel, like Bedrag.teken (plain amounts are not)."""

    key: str
    label: str
    money: bool = False
    align: Literal["left", "right"] = "left"
    signed: bool = False


@dataclass(frozen=True)
class Row:
    cells: Mapping[str, Cel]
    kind: str = "post"
    group: str = ""
    indent: int = 0


@dataclass(frozen=True)
class Report:
    """One table: `name` is short (a sheet name), `title` and `footnotes` may hold amounts and the unit."""

    name: str
    title: Tekst
    columns: tuple[Column, ...]
    rows: tuple[Row, ...] = ()
    footnotes: tuple[Tekst, ...] = ()


@dataclass(frozen=True)
class Answer:
    """One question's answer: its reports for people, its CSV form and its JSON form (the SPEC's keys)."""

    name: str
    reports: tuple[Report, ...]
    data: Any
    csv: Report | None = None
    title: Tekst = ()
    intro: Tekst = ()


def in_woorden(name: str, titel: str, jaren: tuple[int, int] | list[int]) -> Report:
    """A report with nothing in it, said in words rather than drawn as an empty table: `…: geen bedragen in 2031`."""
    van, tot = (min(jaren), max(jaren)) if jaren else (0, 0)
    if not jaren or (van, tot) == (1990, 2100):
        return Report(name, (_("{titel}: geen bedragen").format(titel=titel),), ())
    jaar = str(van) if van == tot else f"{van}-{tot}"
    return Report(name, (_("{titel}: geen bedragen in {jaar}").format(titel=titel, jaar=jaar),), ())


def kolom(key: str, label: str | None = None, *, money: bool = False, signed: bool = False) -> Column:
    """A column; money columns are right-aligned."""
    return Column(key, key if label is None else label, money, "right" if money else "left", signed)


def rij(columns: tuple[Column, ...], waarden: list[Cel] | tuple[Cel, ...], kind: str = "post") -> Row:
    return Row(dict(zip((c.key for c in columns), waarden, strict=True)), kind)
