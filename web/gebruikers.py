"""Users and their roles, in a table of the ledger's own database (not in the append-only event table).

The password is kept as an argon2 hash; the session cookie's signing key is kept beside the users,
so every server process on the same database signs alike and a restart keeps people logged in.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from events.errors import LedgerError
from web.rollen import Rol

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
SLEUTEL = Table(
    "begroting_web_sleutel", METADATA, Column("id", Integer, primary_key=True), Column("sleutel", String(100))
)
HASHER = PasswordHasher()


@dataclass(frozen=True)
class Gebruiker:
    naam: str
    rol: Rol
    actief: bool = True


class Gebruikers:
    """The users of one database; the tables are made on first use."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        METADATA.create_all(engine)

    def voeg_toe(self, naam: str, rol: Rol, wachtwoord: str) -> Gebruiker:
        if not naam.strip() or not naam.isprintable() or len(naam) > 100:
            raise LedgerError(f"{naam!r} is not a user name: one line of at most 100 characters")
        if len(wachtwoord) < 8:
            raise LedgerError("a password has at least 8 characters")
        rij = {"naam": naam, "rol": rol.value, "wachtwoord": HASHER.hash(wachtwoord), "actief": True}
        try:
            with self.engine.begin() as v:
                v.execute(insert(GEBRUIKERS).values(**rij, gemaakt_op=datetime.now(UTC).isoformat()))
        except IntegrityError:
            raise LedgerError(f"user {naam} exists already") from None
        return Gebruiker(naam, rol)

    def alle(self) -> list[Gebruiker]:
        with self.engine.connect() as v:
            rijen = v.execute(select(GEBRUIKERS).order_by(GEBRUIKERS.c.naam)).all()
        return [Gebruiker(r.naam, Rol(r.rol), r.actief) for r in rijen]

    def zoek(self, naam: str) -> Gebruiker | None:
        """The user, if they exist and are not disabled."""
        with self.engine.connect() as v:
            r = v.execute(select(GEBRUIKERS).where(GEBRUIKERS.c.naam == naam)).first()
        return Gebruiker(r.naam, Rol(r.rol)) if r is not None and r.actief else None

    def schakel_uit(self, naam: str) -> None:
        with self.engine.begin() as v:
            if not v.execute(update(GEBRUIKERS).where(GEBRUIKERS.c.naam == naam).values(actief=False)).rowcount:
                raise LedgerError(f"there is no user {naam}")

    def controleer(self, naam: str, wachtwoord: str) -> Gebruiker | None:
        """The user when the password is right and the user is active; None otherwise."""
        with self.engine.connect() as v:
            r = v.execute(select(GEBRUIKERS).where(GEBRUIKERS.c.naam == naam)).first()
        try:
            juist = r is not None and HASHER.verify(r.wachtwoord, wachtwoord)
        except (VerificationError, InvalidHashError):
            juist = False
        return Gebruiker(r.naam, Rol(r.rol)) if juist and r.actief else None

    def bestaan(self) -> bool:
        with self.engine.connect() as v:
            return v.execute(select(GEBRUIKERS.c.naam).limit(1)).first() is not None

    def sleutel(self) -> str:
        """The session signing key, made once; a second process that races us keeps the first one's."""
        with self.engine.connect() as v:
            bestaand = v.execute(select(SLEUTEL.c.sleutel).where(SLEUTEL.c.id == 1)).scalar()
        if bestaand:
            return bestaand
        try:
            with self.engine.begin() as v:
                v.execute(insert(SLEUTEL).values(id=1, sleutel=secrets.token_hex(32)))
        except IntegrityError:
            pass
        return self.sleutel()
