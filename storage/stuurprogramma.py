"""Opening the database for a question with the driver alone: sqlite3 or psycopg2, from the ledger's URL.

The URL is the one SQLAlchemy takes (`sqlite:///begroting.db?timeout=60`,
`postgresql+psycopg://user@host:5432/db?options=-csearch_path%3Dx`); what else it can be
is opened by the write side's engine instead (`licht_te_openen` says which).

A question on PostgreSQL goes through psycopg2, not the write side's psycopg 3: importing psycopg 3
(its asyncio side, its adapters) costs 0.12-0.25 s, more than the whole question; psycopg2 0.02 s.
Both hand libpq the same URL; a `bytea` comes back as `bytes` from either.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from storage.adres import SQLITE_WACHTTIJD
from storage.verbinding import Verbinding

SQLITE = ("sqlite", "sqlite+pysqlite")
POSTGRES = ("postgresql", "postgresql+psycopg", "postgres")


def _schema(url: str) -> str:
    return url.split(":", 1)[0].lower()


def licht_te_openen(url: str) -> bool:
    """SQLite on a file, or PostgreSQL through libpq."""
    return _schema(url) in SQLITE + POSTGRES and url.startswith(tuple(f"{s}://" for s in SQLITE + POSTGRES))


def open_verbinding(url: str) -> Verbinding:
    if _schema(url) in SQLITE:
        return _sqlite(url)
    return _postgres("postgresql" + url[url.index(":") :])


def _postgres(url: str) -> Verbinding:
    import psycopg2
    import psycopg2.extensions as ext

    verbinding = psycopg2.connect(url)
    als_bytes = ext.new_type(psycopg2.BINARY.values, "BYTES", _als_bytes)
    ext.register_type(als_bytes, verbinding)
    return Verbinding(verbinding, "postgresql", psycopg2.Error)


def _sqlite(url: str) -> Verbinding:
    import sqlite3

    pad, _, query = url.split("://", 1)[1].partition("?")
    opties = dict(parse_qsl(query))
    if pad.startswith("/"):
        pad = pad[1:]  # sqlite:///rel.db is rel.db, sqlite:////abs.db is /abs.db
    uri = opties.pop("uri", "").lower() in ("true", "1")
    wachttijd = float(opties.get("timeout", SQLITE_WACHTTIJD))
    return Verbinding(sqlite3.connect(pad, timeout=wachttijd, uri=uri), "sqlite", sqlite3.Error)


def _als_bytes(waarde: str | None, cursor: object) -> bytes | None:
    import psycopg2

    return None if waarde is None else bytes(psycopg2.BINARY(waarde, cursor))
