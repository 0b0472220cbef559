"""The read-model tables. Money in integer cents, system time in microseconds since 1970 UTC.

Every amount row is bitemporal: `bekend_op` on the knowledge axis;
`zichtbaar_vanaf` .. `vervallen_op` on the transaction axis (when the ledger
showed it, until a correction or withdrawal superseded it).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import BigInteger, Boolean, Column, Date, Index, Integer, LargeBinary, MetaData, String, Table, Text

from projections.namen import SCHEMA_VERSIE, Tabelnamen

__all__ = ["SCHEMA_VERSIE", "Tables", "make_tables"]


def _bitemporeel() -> list[Column]:
    return [
        Column("bekend_op", Date, nullable=False),
        Column("keten_geboekt_op", BigInteger, nullable=False),
        Column("keten_positie", BigInteger, nullable=False),
        Column("zichtbaar_vanaf", BigInteger, nullable=False),
        Column("vervallen_op", BigInteger),
        Column("vervallen_door", Integer),
        Column("bron", String(200), nullable=False),
    ]


def _versie() -> list[Column]:
    return [
        Column("id", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True),
        Column("gemeente", String(6), nullable=False),
        Column("keten", Integer, nullable=False),
        Column("versie", Integer, nullable=False),
    ]


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
        """The indexes only the questions use (the writer's own lookups go by gemeente and versie or keten).

        A rebuild from nothing makes them after its rows: kept up row by row, they were a third of the inserts.
        """
        return [i for t in self.metadata.sorted_tables for i in t.indexes if i.name.endswith(("_vraag", "_bron"))]


def make_tables(prefix: str = "", events_tabel: str = "begroting_events") -> Tables:
    """The read models; `events` is the event store's table, read for the events' full content."""
    md = MetaData()
    journaal = Table(
        f"{prefix}journaal",
        md,
        Column("positie", BigInteger, primary_key=True, autoincrement=False),
        Column("gemeente", String(6), nullable=False),
        Column("versie", Integer, nullable=False),
        Column("type", String(40), nullable=False),
        Column("feit_type", String(40)),
        Column("bron", String(200)),
        Column("bron_titel", Text),
        Column("bron_kenmerk", String(200)),
        Column("bekend_op", Date),
        Column("geboekt_op", BigInteger, nullable=False),
        Column("geboekt_door", String(200), nullable=False),
        Column("keten", Integer),
        Column("betreft", Integer),
        Column("verwerking", String(10)),
        Column("reden", Text),
        Column("toelichting", Text),
        Column("waarschuwingen", Text),  # a JSON list of what `record` warned of; null when nothing
        Column("hash", String(64), nullable=False),
        Column("vorige_hash", String(64), nullable=False),
        Index(f"{prefix}journaal_gemeente", "gemeente", "versie", unique=True),
        Index(f"{prefix}journaal_bron", "gemeente", "bron"),
    )
    postbedragen = Table(
        f"{prefix}postbedragen",
        md,
        *_versie(),
        Column("soort", String(20), nullable=False),
        Column("post", String(200), nullable=False),
        Column("richting", String(8), nullable=False),
        Column("onderdeel_van", String(200)),
        Column("jaar", Integer, nullable=False),
        Column("cents", BigInteger, nullable=False),
        Column("periode", String(3)),
        Column("programma", String(200)),
        Column("incidenteel", Boolean, nullable=False),
        *_bitemporeel(),
        Index(f"{prefix}postbedragen_vraag", "gemeente", "jaar", "post"),
        Index(f"{prefix}postbedragen_keten", "gemeente", "keten"),
    )
    reservemutaties = Table(
        f"{prefix}reservemutaties",
        md,
        *_versie(),
        Column("reserve", String(200), nullable=False),
        Column("reserve_soort", String(20)),
        Column("soort", String(20), nullable=False),
        Column("jaar", Integer, nullable=False),
        Column("cents", BigInteger, nullable=False),
        *_bitemporeel(),
        Index(f"{prefix}reservemutaties_vraag", "gemeente", "reserve", "jaar"),
        Index(f"{prefix}reservemutaties_keten", "gemeente", "keten"),
    )
    feiten = Table(
        f"{prefix}feiten",
        md,
        *_versie(),
        Column("type", String(40), nullable=False),
        Column("inhoud", Text, nullable=False),
        *_bitemporeel(),
        Index(f"{prefix}feiten_vraag", "gemeente", "type"),
        Index(f"{prefix}feiten_keten", "gemeente", "keten"),
    )
    events = Table(events_tabel, MetaData(), Column("id", BigInteger, primary_key=True), Column("state", LargeBinary))
    return Tables(prefix, md, journaal, postbedragen, reservemutaties, feiten, events)
