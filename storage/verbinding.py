"""The read side's own connection: SQL text over the driver (sqlite3 or psycopg 3), without SQLAlchemy.

A question needs no ORM or SQL builder: its SQL is text with `:name` parameters, as the read
models' modules write it. Loading SQLAlchemy costs a read command more than answering it, so the
read side talks to the driver itself. The write side (and the web, which keeps its engine) hands
its SQLAlchemy connection over with `Verbinding.van`: the same transaction, the same rows.

SQLite keeps a date as ISO text: a column named in DATUMKOLOMMEN comes back as a `date` on both
backends, and a date parameter goes in as ISO text.
"""

from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Iterator, Sequence
from datetime import date
from functools import cache
from itertools import count
from typing import Any, NamedTuple

from storage.schema import DATUMKOLOMMEN

PARAMETER = re.compile(r"(?<![:\w\\]):(\w+)(?!:)")  # as SQLAlchemy's text() finds them
_CURSORS = count()


@cache
def _pyformat(sql: str) -> str:
    """`:name` as psycopg writes it, `%(name)s`; a literal % doubled.

    psycopg 3 takes no `:name` (its paramstyle is pyformat), sqlite3 takes it as it is: this is the one
    translation, the same SQLAlchemy's text() makes, cached per statement.
    """
    return PARAMETER.sub(r"%(\1)s", sql.replace("%", "%%"))


@cache
def _rijsoort(kolommen: tuple[str, ...]) -> type:
    return namedtuple("Rij", kolommen, rename=True)  # type: ignore[misc]


class Vraagrijen(list):
    """The rows of a question, each a named tuple: `r.post`, `r[0]`."""

    def all(self) -> list[Any]:
        return list(self)

    def first(self) -> Any | None:
        return self[0] if self else None

    def scalar(self) -> Any | None:
        return self[0][0] if self else None

    def scalar_one(self) -> Any:
        if len(self) != 1:
            raise LookupError(f"expected one row, got {len(self)}")
        return self[0][0]

    def scalars(self) -> list[Any]:
        return [r[0] for r in self]


class Verbinding(NamedTuple):
    """A DB-API connection of `dialect` (sqlite or postgresql) that answers SQL text with `:name` parameters.

    `fouten` is the driver's base class of database errors.
    """

    dbapi: Any
    dialect: str
    fouten: type[Exception]

    @classmethod
    def van(cls, sqlalchemy_verbinding: Any) -> Verbinding:
        """The driver's connection under a SQLAlchemy connection, in its transaction."""
        dialect = sqlalchemy_verbinding.dialect
        return cls(sqlalchemy_verbinding.connection.dbapi_connection, dialect.name, dialect.loaded_dbapi.Error)

    @property
    def postgres(self) -> bool:
        return self.dialect == "postgresql"

    def execute(self, sql: str, params: dict[str, Any] | None = None) -> Vraagrijen:
        cursor = self.dbapi.cursor()
        try:
            if self.postgres:
                cursor.execute(_pyformat(sql), params or {})
            else:
                cursor.execute(sql, _sqlite_waarden(params or {}))
            if cursor.description is None:
                return Vraagrijen()
            return Vraagrijen(self._rijen(cursor.description, cursor.fetchall()))
        finally:
            cursor.close()

    def stroom(self, sql: str, params: dict[str, Any] | None = None, per: int = 1000) -> Iterator[Any]:
        """The rows of a long question as they are read, `per` at a time; on PostgreSQL from a server-side cursor.

        A listing of the whole store (the journal of every gemeente) must not hold every row at once.
        """
        if self.postgres:
            cursor = self.dbapi.cursor(name=f"stroom_{next(_CURSORS)}")
            cursor.execute(_pyformat(sql), params or {})
        else:
            cursor = self.dbapi.cursor()
            cursor.execute(sql, _sqlite_waarden(params or {}))
        try:
            while rijen := cursor.fetchmany(per):
                yield from self._rijen(cursor.description, rijen)
        finally:
            cursor.close()

    def _rijen(self, beschrijving: Sequence[Any], ruw: list[tuple[Any, ...]]) -> Iterator[Any]:
        kolommen = tuple(k[0] for k in beschrijving)
        soort = _rijsoort(kolommen)
        datums = [i for i, k in enumerate(kolommen) if k in DATUMKOLOMMEN]
        if self.postgres or not datums:
            return map(soort._make, ruw)
        return (soort._make(_met_datums(r, datums)) for r in ruw)


def _met_datums(rij: tuple[Any, ...], plaatsen: list[int]) -> list[Any]:
    waarden = list(rij)
    for i in plaatsen:
        if isinstance(waarden[i], str):
            waarden[i] = date.fromisoformat(waarden[i])
    return waarden


def _sqlite_waarden(params: dict[str, Any]) -> dict[str, Any]:
    return {k: w.isoformat() if isinstance(w, date) else w for k, w in params.items()}


def in_lijst(naam: str, waarden: Sequence[Any]) -> tuple[str, dict[str, Any]]:
    """`IN (:naam_0, :naam_1, ...)` and its parameters; `IN (NULL)` for none."""
    if not waarden:
        return "(NULL)", {}
    namen = [f"{naam}_{i}" for i in range(len(waarden))]
    return "(" + ", ".join(f":{n}" for n in namen) + ")", dict(zip(namen, waarden, strict=True))
