"""Where the ledger lives: its database URL and the names the event store gives its tables.

Kept apart from the bootstrap so that a question can open the database without loading the write side.
"""

from __future__ import annotations

import os
from contextlib import closing
from pathlib import Path

STANDAARD_DB = "sqlite:///begroting.db"
SQLITE_WACHTTIJD = "60"
APP_NAAM = "Begroting"
POSTGRES = ("postgresql", "postgres")
"""Backend names of a PostgreSQL URL."""
EVENTS_TABEL = f"{APP_NAAM.lower()}_events"  # as eventsourcing_sqlalchemy names an application's event table


def gekozen_url(db: str | None = None) -> str:
    """--db, else $BEGROTING_DB, else begroting.db here."""
    return db or os.environ.get("BEGROTING_DB") or STANDAARD_DB


def database_url(db: str | None = None) -> str:
    """The chosen URL as SQLAlchemy writes it; SQLite waits for other writers; PostgreSQL through psycopg 3,
    whatever driver the URL names (or none, as `postgresql://` does): the rebuild writes with its COPY."""
    from sqlalchemy.engine import make_url  # the write side's: a question opens the driver itself

    url = make_url(gekozen_url(db))
    if url.get_backend_name() == "sqlite" and "timeout" not in url.query:
        url = url.update_query_dict({"timeout": SQLITE_WACHTTIJD})
    if url.get_backend_name() in POSTGRES:
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def sqlite_bestand(url: str) -> str | None:
    """The file of an SQLite database on disk (`sqlite:///rel.db` is rel.db, `sqlite:////abs.db` /abs.db); else None."""
    if not url.startswith("sqlite") or in_geheugen(url) or "uri=true" in url.lower():
        return None
    pad = url.split("://", 1)[1].partition("?")[0]
    return pad[1:] if pad.startswith("/") else pad


def in_geheugen(url: str) -> bool:
    """An SQLite database in memory exists only inside the engine that made it."""
    return url.startswith("sqlite") and (":memory:" in url or "mode=memory" in url or url.split("?")[0] == "sqlite://")


def ruim_leeg_bestand_op(bestand: Path) -> None:
    """Removes an SQLite ledger file (with its journal files) that holds no event: one a refused write made.
    A file that holds an event, or cannot be read, is left alone."""
    import sqlite3  # a question on PostgreSQL loads no sqlite3

    try:
        with closing(sqlite3.connect(f"file:{bestand}?mode=ro", uri=True)) as verbinding:
            tabellen = {r[0] for r in verbinding.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if EVENTS_TABEL in tabellen and verbinding.execute(f"SELECT count(*) FROM {EVENTS_TABEL}").fetchone()[0]:
                return
    except sqlite3.Error:
        return
    for achtervoegsel in ("", "-wal", "-shm", "-journal"):
        Path(f"{bestand}{achtervoegsel}").unlink(missing_ok=True)
