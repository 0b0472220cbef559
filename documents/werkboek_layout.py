"""The layout of a workbook document, derived from the registry: every event type has one.

A workbook holds a sheet `bron` (key/value rows) and one sheet per event, named `1 circulaire`,
`2 bcf_voorschot`, ... in document order. An event sheet has the event's scalar fields as
key/value rows (key in A, value in B), then one table: a header row starting with `regel`, the
columns of its lines (post, richting, naam, ...) and the years across. Each row below it is one
line: `regel` names the field it belongs to (`algemene_uitkering`, `taakmutaties`, `posten`, ...).
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from events.base import Bron
from events.registry import model_van, typen

REGEL = "regel"
BRON_BLAD = "bron"
NIET_IN_WERKBOEK = ("opbouw", "mutaties")
"""A tree of parts, and the changes beside a line's amounts: no columns of their own (changes have
year columns of their own, `mutatie 2021`; a tree of parts is YAML only)."""
MUTATIE = "mutatie "
"""The header of a year column whose amounts are changes: `mutatie 2021`."""
ANALYSE = ("opbouw", "vorige", "verdeling")
"""What an event may state to explain its amount (a BUIG analysis): YAML only too."""
ALGEMEEN = ("bekend_op", "toelichting", "verwerking")
"""The fields every event (or all information) has: on a sheet after the type's own fields."""
Soort = Literal["tekst", "getal", "geheel", "datum", "keuze", "ja_nee", "ja_nee_jaren"]
"""`ja_nee_jaren`: TRUE or FALSE, or the years it holds for, like `2020, 2021` (incidenteel, budgetneutraal)."""


@dataclass(frozen=True)
class Veld:
    """A value in a cell: a key/value row of an event or the bron, or a column of a table."""

    naam: str
    soort: Soort
    verplicht: bool = False
    keuzes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Regel:
    """A field whose lines go into the table: amounts per year (`reeks`) or a list of lines.

    Attributes:
        kolommen: the line's own fields (empty for a reeks).
        bedragen: the line's field of amounts per year; None for lines without years (toevoegingen).
        mutaties: the line's field of changes per year, in the `mutatie 2021` columns; None if it has none.
    """

    naam: str
    lijst: bool
    kolommen: tuple[Veld, ...] = ()
    bedragen: str | None = None
    mutaties: str | None = None


@dataclass(frozen=True)
class Layout:
    """How one event type lies on its sheet."""

    type: str
    velden: tuple[Veld, ...]
    regels: tuple[Regel, ...]

    @property
    def kolommen(self) -> tuple[Veld, ...]:
        """The union of the lines' columns, in the order the models give them."""
        gezien: dict[str, Veld] = {}
        for regel in self.regels:
            for kolom in regel.kolommen:
                gezien.setdefault(kolom.naam, kolom)
        return tuple(gezien.values())

    @property
    def jaren(self) -> bool:
        return any(r.bedragen is not None or not r.lijst for r in self.regels)

    @property
    def mutaties(self) -> bool:
        """Some line holds changes: the table may have `mutatie 2021` columns."""
        return any(r.mutaties is not None for r in self.regels)

    def veld(self, naam: str) -> Veld | None:
        return next((v for v in self.velden if v.naam == naam), None)

    def regel(self, naam: str) -> Regel | None:
        return next((r for r in self.regels if r.naam == naam), None)


def _kaal(annotatie: Any) -> Any:
    """X | None and Annotated[X, ...] -> X."""
    while True:
        if get_origin(annotatie) is Annotated:
            annotatie = get_args(annotatie)[0]
        elif get_origin(annotatie) in (Union, types.UnionType):
            annotatie = next(a for a in get_args(annotatie) if a is not type(None))
        else:
            return annotatie


def _soort(annotatie: Any) -> tuple[Soort, tuple[str, ...]]:
    if get_origin(annotatie) in (Union, types.UnionType) and any(get_origin(a) is list for a in get_args(annotatie)):
        return "ja_nee_jaren", ()
    kaal = _kaal(annotatie)
    if get_origin(kaal) is Literal:
        return "keuze", tuple(str(k) for k in get_args(kaal))
    soorten: dict[Any, Soort] = {bool: "ja_nee", int: "geheel", Decimal: "getal", date: "datum"}
    return soorten.get(kaal, "tekst"), ()


def _is_reeks(annotatie: Any) -> bool:
    return get_origin(_kaal(annotatie)) is dict


def _item(annotatie: Any) -> type[BaseModel] | None:
    kaal = _kaal(annotatie)
    args = get_args(kaal)
    if get_origin(kaal) is list and args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
        return args[0]
    return None


def _veld(naam: str, info: FieldInfo) -> Veld:
    soort, keuzes = _soort(info.annotation)
    return Veld(naam, soort, info.is_required() and naam != "bekend_op", keuzes)  # bekend_op: the bron's datum


def _regel(naam: str, info: FieldInfo) -> Regel:
    item = _item(info.annotation)
    if item is None:
        return Regel(naam, lijst=False)
    velden = [(n, i) for n, i in item.model_fields.items() if n not in NIET_IN_WERKBOEK]
    bedragen = next((n for n, i in velden if _is_reeks(i.annotation)), None)
    kolommen = tuple(_veld(n, i) for n, i in velden if n != bedragen)
    mutaties = "mutaties" if "mutaties" in item.model_fields else None
    return Regel(naam, lijst=True, kolommen=kolommen, bedragen=bedragen, mutaties=mutaties)


@cache
def layout(type_naam: str) -> Layout:
    """The layout of an event type, from its model's fields: scalars as key/value rows, the rest as lines."""
    alle = [(n, i) for n, i in model_van(type_naam).model_fields.items() if n not in ANALYSE]
    velden = sorted(((n, i) for n, i in alle if n != "type"), key=lambda veld: veld[0] in ALGEMEEN)
    in_tabel = [(n, i) for n, i in velden if _is_reeks(i.annotation) or _item(i.annotation)]
    scalair = [_veld(n, i) for n, i in velden if (n, i) not in in_tabel]
    return Layout(type_naam, tuple(scalair), tuple(_regel(n, i) for n, i in in_tabel))


def bron_velden() -> tuple[Veld, ...]:
    """The key/value rows of the sheet `bron`: the document's gemeente and eenheid, and the bron's fields."""
    gemeente = Veld("gemeente", "tekst", True)
    eenheid = Veld("eenheid", "geheel")
    bron = [_veld(n, i) for n, i in Bron.model_fields.items()]
    return (gemeente, *bron, eenheid)


def alle_layouts() -> list[Layout]:
    return [layout(naam) for naam in typen()]
