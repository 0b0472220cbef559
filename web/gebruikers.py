"""Users, their roles and scopes, in tables of the ledger's own database (`tabellen.py`).

The password is kept as an argon2 hash. A user's scope is the set of gemeenten they may use (no rows: every
gemeente). The key beside the users makes each session's CSRF token, alike in every server process.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from events.errors import LedgerError
from events.waarden import GEMEENTE_PATROON
from taal import _
from web.rollen import Rol
from web.tabellen import BEREIK, GEBRUIKERS, METADATA, SLEUTEL, sessies_beeindigen

HASHER = PasswordHasher()


@cache
def schijnhash() -> str:
    """Verified for an unknown name, so that it takes as long as a wrong password."""
    return HASHER.hash(secrets.token_hex(16))


@dataclass(frozen=True)
class Gebruiker:
    naam: str
    rol: Rol
    actief: bool = True
    gemeenten: frozenset[str] | None = None
    """The scope: None is every gemeente."""

    def mag(self, gemeente: str) -> bool:
        return self.gemeenten is None or gemeente in self.gemeenten

    def omvat(self, ander: frozenset[str] | None) -> bool:
        """Whether this user's scope holds all of `ander` (None, every gemeente, only an unscoped one holds)."""
        return self.gemeenten is None or (ander is not None and ander <= self.gemeenten)


def lees_bereik(tekst: str | None) -> frozenset[str] | None:
    """`GM0363,GM1708` as a scope; empty or None is every gemeente."""
    codes = [c.strip() for c in (tekst or "").split(",") if c.strip()]
    fout = next((c for c in codes if not GEMEENTE_PATROON.fullmatch(c)), None)
    if fout is not None:
        raise LedgerError(
            _("--gemeenten: {code!r} is geen CBS-code (GM en vier cijfers, zoals GM1708)").format(code=fout[:20])
        )
    return frozenset(codes) or None


class Gebruikers:
    """The users of one database; the tables are made on first use."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        METADATA.create_all(engine)

    def voeg_toe(self, naam: str, rol: Rol, wachtwoord: str, gemeenten: frozenset[str] | None = None) -> Gebruiker:
        if not naam.strip() or not naam.isprintable() or len(naam) > 100:
            raise LedgerError(
                _("{naam!r} is geen gebruikersnaam: één regel van hoogstens 100 tekens").format(naam=naam[:100])
            )
        rij = {"naam": naam, "rol": rol.value, "wachtwoord": _hash(wachtwoord), "actief": True}
        try:
            with self.engine.begin() as v:
                v.execute(insert(GEBRUIKERS).values(**rij, gemaakt_op=datetime.now(UTC).isoformat()))
                for code in sorted(gemeenten or ()):
                    v.execute(insert(BEREIK).values(naam=naam, gemeente=code))
        except IntegrityError:
            raise LedgerError(_("gebruiker {naam} bestaat al").format(naam=naam)) from None
        return Gebruiker(naam, rol, True, gemeenten)

    def alle(self) -> list[Gebruiker]:
        with self.engine.connect() as v:
            rijen = v.execute(select(GEBRUIKERS).order_by(GEBRUIKERS.c.naam)).all()
            return [Gebruiker(r.naam, Rol(r.rol), r.actief, _bereik(v, r.naam)) for r in rijen]

    def zoek(self, naam: str) -> Gebruiker | None:
        """The user, if they exist and are not disabled."""
        with self.engine.connect() as v:
            r = v.execute(select(GEBRUIKERS).where(GEBRUIKERS.c.naam == naam)).first()
            return Gebruiker(r.naam, Rol(r.rol), True, _bereik(v, r.naam)) if r is not None and r.actief else None

    def schakel_uit(self, naam: str, nu: float | None = None) -> int:
        """Disable a user and end their sessions at once; how many sessions ended."""
        with self.engine.begin() as v:
            if not v.execute(update(GEBRUIKERS).where(GEBRUIKERS.c.naam == naam).values(actief=False)).rowcount:
                raise LedgerError(_("er is geen gebruiker {naam}").format(naam=naam))
            return sessies_beeindigen(v, naam, "uitgeschakeld", time.time() if nu is None else nu)

    def wijzig_wachtwoord(self, naam: str, wachtwoord: str, nu: float | None = None) -> int:
        """A new password; every session of the user ends (how many did)."""
        nieuw = _hash(wachtwoord)
        with self.engine.begin() as v:
            if not v.execute(update(GEBRUIKERS).where(GEBRUIKERS.c.naam == naam).values(wachtwoord=nieuw)).rowcount:
                raise LedgerError(_("er is geen gebruiker {naam}").format(naam=naam))
            return sessies_beeindigen(v, naam, "wachtwoord", time.time() if nu is None else nu)

    def controleer(self, naam: str, wachtwoord: str) -> Gebruiker | None:
        """The user when the password is right and the user is active; None otherwise. An unknown name is
        verified against a hash of nothing, so it costs what a wrong password costs."""
        with self.engine.connect() as v:
            r = v.execute(select(GEBRUIKERS).where(GEBRUIKERS.c.naam == naam)).first()
            bereik = None if r is None else _bereik(v, r.naam)
        try:
            juist = HASHER.verify(schijnhash() if r is None else r.wachtwoord, wachtwoord) and r is not None
        except (VerificationError, InvalidHashError):
            juist = False
        return Gebruiker(r.naam, Rol(r.rol), True, bereik) if juist and r is not None and r.actief else None

    def bestaan(self) -> bool:
        with self.engine.connect() as v:
            return v.execute(select(GEBRUIKERS.c.naam).limit(1)).first() is not None

    def sleutel(self) -> str:
        """The key of the CSRF tokens, made once; a second process that races us keeps the first one's."""
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


def _bereik(v: Connection, naam: str) -> frozenset[str] | None:
    codes = v.execute(select(BEREIK.c.gemeente).where(BEREIK.c.naam == naam)).scalars().all()
    return frozenset(codes) or None


def _hash(wachtwoord: str) -> str:
    if len(wachtwoord) < 8:
        raise LedgerError(_("een wachtwoord heeft minstens 8 tekens"))
    return HASHER.hash(wachtwoord)
