"""Opening the database for a question with the driver alone: sqlite3 or psycopg 3, from the ledger's URL.

The URL is the one SQLAlchemy takes (`sqlite:///begroting.db?timeout=60`,
`postgresql+psycopg://user@host:5432/db?options=-csearch_path%3Dx`); what else it can be
is opened by the write side's engine instead (`licht_te_openen` says which).

One driver per backend: PostgreSQL through psycopg 3, as the write side, and libpq parses the URL
(only SQLAlchemy's `+driver` leaves the scheme); SQLite through sqlite3, the URL split by
urllib.parse. SQLAlchemy's own `make_url` would load SQLAlchemy (0.15 s) for every question.
"""

from __future__ import annotations

from urllib.parse import SplitResult, parse_qsl, urlsplit

from storage.adres import SQLITE_WACHTTIJD
from storage.verbinding import Verbinding

SQLITE = ("sqlite", "sqlite+pysqlite")
POSTGRES = ("postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg2")


def licht_te_openen(url: str) -> bool:
    """SQLite on a file, or PostgreSQL through libpq."""
    delen = urlsplit(url)
    return delen.scheme.lower() in SQLITE + POSTGRES and url.startswith(f"{delen.scheme}://")


def open_verbinding(url: str) -> Verbinding:
    delen = urlsplit(url)
    if delen.scheme.lower() in SQLITE:
        return _sqlite(delen)
    return _postgres("postgresql" + url[len(delen.scheme) :])  # libpq knows no `+driver`


def _postgres(url: str) -> Verbinding:
    import psycopg

    return Verbinding(psycopg.connect(url), "postgresql", psycopg.Error)


def _sqlite(delen: SplitResult) -> Verbinding:
    import sqlite3

    opties = dict(parse_qsl(delen.query))
    pad = delen.path[1:]  # sqlite:///rel.db is rel.db, sqlite:////abs.db is /abs.db
    uri = opties.pop("uri", "").lower() in ("true", "1")
    wachttijd = float(opties.get("timeout", SQLITE_WACHTTIJD))
    return Verbinding(sqlite3.connect(pad, timeout=wachttijd, uri=uri), "sqlite", sqlite3.Error)
