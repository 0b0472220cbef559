"""Opening the database for a question with the driver alone: sqlite3 or psycopg, from the ledger's URL.

The URL is the one SQLAlchemy takes (`sqlite:///begroting.db?timeout=60`,
`postgresql+psycopg://user@host:5432/db?options=-csearch_path%3Dx`); what else it can be
is opened by the write side's engine instead (`licht_te_openen` says which).
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from ledger.adres import SQLITE_WACHTTIJD
from ledger.verbinding import Verbinding

SQLITE = ("sqlite", "sqlite+pysqlite")
POSTGRES = ("postgresql", "postgresql+psycopg", "postgres")


def _schema(url: str) -> str:
    return url.split(":", 1)[0].lower()


def licht_te_openen(url: str) -> bool:
    """SQLite on a file, or PostgreSQL through psycopg."""
    return _schema(url) in SQLITE + POSTGRES and url.startswith(tuple(f"{s}://" for s in SQLITE + POSTGRES))


def open_verbinding(url: str) -> Verbinding:
    if _schema(url) in SQLITE:
        return _sqlite(url)
    import psycopg

    return Verbinding(psycopg.connect("postgresql" + url[url.index(":") :]), "postgresql", psycopg.Error)


def _sqlite(url: str) -> Verbinding:
    import sqlite3

    pad, _, query = url.split("://", 1)[1].partition("?")
    opties = dict(parse_qsl(query))
    if pad.startswith("/"):
        pad = pad[1:]  # sqlite:///rel.db is rel.db, sqlite:////abs.db is /abs.db
    uri = opties.pop("uri", "").lower() in ("true", "1")
    wachttijd = float(opties.get("timeout", SQLITE_WACHTTIJD))
    return Verbinding(sqlite3.connect(pad, timeout=wachttijd, uri=uri), "sqlite", sqlite3.Error)
