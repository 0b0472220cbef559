"""The read models as SQLAlchemy tables, built from the one declaration in `storage/schema.py`.

The write side (projector, writer, verify's scratch copy) makes and fills them with SQLAlchemy; a question
needs only their names (`Tabelnamen`) and never loads this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import BigInteger, Boolean, Column, Date, Index, Integer, LargeBinary, MetaData, String, Table, Text
from sqlalchemy.types import TypeEngine

from storage import schema
from storage.schema import EVENTS_TABEL, LEESMODELLEN, SCHEMA_VERSIE, Tabelnamen

__all__ = ["SCHEMA_VERSIE", "Tables", "make_tables"]

_SOORTEN: dict[str, TypeEngine] = {
    "lange_tekst": Text(),
    "geheel": Integer(),
    "groot": BigInteger(),
    "datum": Date(),
    "waarheid": Boolean(),
    "bytes": LargeBinary(),
}


@dataclass(frozen=True)
class Tables:
    """One set of read models; `verify` builds a second set with another prefix to compare."""

    prefix: str
    metadata: MetaData
    journaal: Table
    postbedragen: Table
    reservemutaties: Table
    feiten: Table
    events: Table

    @property
    def namen(self) -> Tabelnamen:
        """What a question needs of them."""
        return Tabelnamen(self.prefix, self.events.name)

    @property
    def bitemporeel(self) -> tuple[Table, ...]:
        return (self.postbedragen, self.reservemutaties, self.feiten)

    @property
    def vraagindexen(self) -> list[Index]:
        """The indexes only the questions use (the writer's own lookups go by gemeente and versie or keten)."""
        voor_vragen = {self.prefix + t.indexnaam(i) for t in LEESMODELLEN for i in t.indexen if i.voor_vragen}
        return [i for t in self.metadata.sorted_tables for i in t.indexes if i.name in voor_vragen]


def _soort(k: schema.Kolom) -> TypeEngine:
    if k.soort == "tekst":
        return String(k.lengte)
    if k.teller:
        return BigInteger().with_variant(Integer(), "sqlite")  # SQLite numbers only an INTEGER primary key
    return _SOORTEN[k.soort]


def _kolom(k: schema.Kolom) -> Column:
    if k.sleutel:
        return Column(k.naam, _soort(k), primary_key=True, autoincrement=k.teller)
    return Column(k.naam, _soort(k), nullable=not k.verplicht)


def _tabel(t: schema.Tabel, naam: str, md: MetaData, prefix: str) -> Table:
    indexen = [Index(prefix + t.indexnaam(i), *i.kolommen, unique=i.uniek) for i in t.indexen]
    return Table(naam, md, *map(_kolom, t.kolommen), *indexen)


def make_tables(prefix: str = "", events_tabel: str = EVENTS_TABEL) -> Tables:
    """The read models; `events` is the event store's table, read for the events' full content."""
    md = MetaData()
    leesmodellen = [_tabel(t, f"{prefix}{t.naam}", md, prefix) for t in LEESMODELLEN]
    events = _tabel(schema.EVENTS, events_tabel, MetaData(), prefix)
    return Tables(prefix, md, *leesmodellen, events)
