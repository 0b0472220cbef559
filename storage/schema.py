"""The read models' schema, declared once: tables, columns, indexes. Plain data, no SQLAlchemy.

Money in integer cents, system time in microseconds since 1970 UTC. Every amount row is bitemporal:
`bekend_op` on the knowledge axis; `zichtbaar_vanaf` .. `vervallen_op` on the transaction axis (when the
ledger showed it, until a correction or withdrawal superseded it).

From this declaration come the DDL (`storage/tabellen.py`, for SQLite and PostgreSQL), the table names a
question uses (`Tabelnamen`), the columns the writer inserts in bulk (`BASIS` and each table's `eigen`) and the
columns the read side turns into dates (`DATUMKOLOMMEN`). The SQL text of the questions is checked
against it by tests/unit/test_schema.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from storage.adres import EVENTS_TABEL

SCHEMA_VERSIE = 7  # raise when a read-model table, or what the events project into it, changes: they are rebuilt
TRACKING = "projectie_tracking"
"""The library's tracking table of one set of read models (it makes the table itself)."""

Soort = Literal["tekst", "lange_tekst", "geheel", "groot", "datum", "waarheid", "bytes"]


@dataclass(frozen=True)
class Kolom:
    """One column; `lengte` for a `tekst`. `sleutel`: the primary key; `teller`: the database numbers it."""

    naam: str
    soort: Soort
    lengte: int | None = None
    verplicht: bool = False
    sleutel: bool = False
    teller: bool = False


@dataclass(frozen=True)
class Index:
    """An index named `<tabel>_<achtervoegsel>`. The `vraag` and `bron` indexes serve only the questions."""

    achtervoegsel: str
    kolommen: tuple[str, ...]
    uniek: bool = False

    @property
    def voor_vragen(self) -> bool:
        """A rebuild from nothing makes these after its rows: kept up row by row, they were a third of the inserts."""
        return self.achtervoegsel in ("vraag", "bron")


@dataclass(frozen=True)
class Tabel:
    """A read-model table; `eigen`: its own columns after the version and before the bitemporal ones."""

    naam: str
    kolommen: tuple[Kolom, ...]
    indexen: tuple[Index, ...]
    eigen: tuple[str, ...] = ()

    def indexnaam(self, index: Index) -> str:
        return f"{self.naam}_{index.achtervoegsel}"

    @property
    def kolomnamen(self) -> tuple[str, ...]:
        return tuple(k.naam for k in self.kolommen)


def _tekst(naam: str, lengte: int, verplicht: bool = False) -> Kolom:
    return Kolom(naam, "tekst", lengte, verplicht)


VERSIE = (
    Kolom("id", "groot", sleutel=True, teller=True),
    _tekst("gemeente", 6, True),
    Kolom("keten", "geheel", verplicht=True),
    Kolom("versie", "geheel", verplicht=True),
)
BITEMPOREEL = (
    Kolom("bekend_op", "datum", verplicht=True),
    Kolom("keten_geboekt_op", "groot", verplicht=True),
    Kolom("keten_positie", "groot", verplicht=True),
    Kolom("zichtbaar_vanaf", "groot", verplicht=True),
    Kolom("vervallen_op", "groot"),
    Kolom("vervallen_door", "geheel"),
    _tekst("bron", 200, True),
)
BASIS = tuple(k.naam for k in (*VERSIE[1:], *BITEMPOREEL))
"""What every bitemporal row starts with, in the order the writer makes it."""


def _bitemporeel(naam: str, eigen: tuple[Kolom, ...], vraag: tuple[str, ...]) -> Tabel:
    indexen = (Index("vraag", ("gemeente", *vraag)), Index("keten", ("gemeente", "keten")))
    return Tabel(naam, (*VERSIE, *eigen, *BITEMPOREEL), indexen, tuple(k.naam for k in eigen))


JOURNAAL = Tabel(
    "journaal",
    (
        Kolom("positie", "groot", sleutel=True),
        _tekst("gemeente", 6, True),
        Kolom("versie", "geheel", verplicht=True),
        _tekst("type", 40, True),
        _tekst("feit_type", 40),
        _tekst("bron", 200),
        Kolom("bron_titel", "lange_tekst"),
        _tekst("bron_kenmerk", 200),
        Kolom("bekend_op", "datum"),
        Kolom("geboekt_op", "groot", verplicht=True),
        _tekst("geboekt_door", 200, True),
        Kolom("keten", "geheel"),
        Kolom("betreft", "geheel"),
        _tekst("verwerking", 10),
        Kolom("reden", "lange_tekst"),
        Kolom("toelichting", "lange_tekst"),
        Kolom("waarschuwingen", "lange_tekst"),  # a JSON list of what `record` warned of; null when nothing
        _tekst("hash", 64, True),
        _tekst("vorige_hash", 64, True),
    ),
    (Index("gemeente", ("gemeente", "versie"), uniek=True), Index("bron", ("gemeente", "bron"))),
)
POSTBEDRAGEN = _bitemporeel(
    "postbedragen",
    (
        _tekst("soort", 20, True),
        _tekst("post", 200, True),
        _tekst("richting", 8, True),
        _tekst("onderdeel_van", 200),
        Kolom("jaar", "geheel", verplicht=True),
        Kolom("cents", "groot", verplicht=True),
        _tekst("periode", 3),
        _tekst("programma", 200),
        Kolom("incidenteel", "waarheid", verplicht=True),
    ),
    ("jaar", "post"),
)
RESERVEMUTATIES = _bitemporeel(
    "reservemutaties",
    (
        _tekst("reserve", 200, True),
        _tekst("reserve_soort", 20),
        _tekst("soort", 20, True),
        Kolom("jaar", "geheel", verplicht=True),
        Kolom("cents", "groot", verplicht=True),
    ),
    ("reserve", "jaar"),
)
FEITEN = _bitemporeel("feiten", (_tekst("type", 40, True), Kolom("inhoud", "lange_tekst", verplicht=True)), ("type",))
EVENTS = Tabel(EVENTS_TABEL, (Kolom("id", "groot", sleutel=True), Kolom("state", "bytes")), ())
"""What the read models read of the event store's table (the library makes it)."""

LEESMODELLEN = (JOURNAAL, POSTBEDRAGEN, RESERVEMUTATIES, FEITEN)
BITEMPORELE = (POSTBEDRAGEN, RESERVEMUTATIES, FEITEN)
DATUMKOLOMMEN = frozenset(k.naam for t in LEESMODELLEN for k in t.kolommen if k.soort == "datum")
"""SQLite keeps a date as ISO text: these columns come back as a `date` on both backends."""


@dataclass(frozen=True)
class Tabelnamen:
    """The names of one set of read models (`prefix`) and of the event store's table they read the events from:
    all a question needs of the schema."""

    prefix: str = ""
    events: str = EVENTS_TABEL

    def naam(self, tabel: Tabel) -> str:
        return f"{self.prefix}{tabel.naam}"

    @property
    def journaal(self) -> str:
        return self.naam(JOURNAAL)

    @property
    def postbedragen(self) -> str:
        return self.naam(POSTBEDRAGEN)

    @property
    def reservemutaties(self) -> str:
        return self.naam(RESERVEMUTATIES)

    @property
    def feiten(self) -> str:
        return self.naam(FEITEN)

    @property
    def tracking(self) -> str:
        return f"{self.prefix}{TRACKING}"
