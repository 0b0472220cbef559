"""The tables of the web's users, their gemeenten and sessions, in the ledger's own database but not in the
append-only event table: a session ends, a password changes, a user is disabled, so these rows change."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, Integer, MetaData, String, Table, update
from sqlalchemy.engine import Connection

METADATA = MetaData()
GEBRUIKERS = Table(
    "begroting_gebruikers",
    METADATA,
    Column("naam", String(100), primary_key=True),
    Column("rol", String(20), nullable=False),
    Column("wachtwoord", String(200), nullable=False),
    Column("actief", Boolean, nullable=False, default=True),
    Column("gemaakt_op", String(40), nullable=False),
)
BEREIK = Table(  # a table of its own, so a users table of an earlier version needs no new column
    "begroting_gebruiker_gemeenten",
    METADATA,
    Column("naam", String(100), primary_key=True),
    Column("gemeente", String(6), primary_key=True),
)
SESSIES = Table(
    "begroting_sessies",
    METADATA,
    Column("id", String(64), primary_key=True),  # the SHA-256 of the cookie's token, never the token itself
    Column("naam", String(100), nullable=False, index=True),
    Column("gemaakt", Float, nullable=False),
    Column("gezien", Float, nullable=False),
    Column("beeindigd", Float),
    Column("reden", String(20)),
)
SLEUTEL = Table(
    "begroting_web_sleutel", METADATA, Column("id", Integer, primary_key=True), Column("sleutel", String(100))
)


def sessies_beeindigen(v: Connection, naam: str, reden: str, nu: float) -> int:
    open_ = (SESSIES.c.naam == naam) & SESSIES.c.beeindigd.is_(None)
    return v.execute(update(SESSIES).where(open_).values(beeindigd=nu, reden=reden)).rowcount
