"""Every rule the ledger enforces raises a subclass of `LedgerError`."""

from __future__ import annotations

from events.getallen import beschrijf
from taal import _


class LedgerError(Exception):
    """A refusal: the input is wrong for the ledger as it stands. Nothing is written."""

    def met_plaats(self, plaats: str) -> LedgerError:
        """The same refusal, saying where: `met_plaats("events[2]")`, then `met_plaats("brief.yaml")`."""
        fout = type(self).__new__(type(self))
        fout.__dict__.update(self.__dict__)
        Exception.__init__(fout, f"{plaats}: {self}")
        return fout


class OngeldigeInvoer(LedgerError):
    """Documents that cannot be read or do not follow the input format.

    Attributes:
        fouten: (file, place inside it like `events[3].bedragen.2021`, what is wrong).
    """

    def __init__(self, bestand: str, pad: str, melding: str, meer: tuple[tuple[str, str, str], ...] = ()) -> None:
        self.fouten = ((bestand, pad, melding), *meer)
        super().__init__("\n".join(f"{b}: {p}: {m}" if p else f"{b}: {m}" for b, p, m in self.fouten))

    @classmethod
    def van(cls, bestand: str, fouten: list[tuple[str, str]]) -> OngeldigeInvoer:
        (pad, melding), *meer = fouten
        return cls(bestand, pad, melding, tuple((bestand, p, m) for p, m in meer))

    @classmethod
    def samen(cls, fouten: list[OngeldigeInvoer]) -> OngeldigeInvoer:
        alle = [f for fout in fouten for f in fout.fouten]
        return cls(*alle[0], meer=tuple(alle[1:]))


class RegelOvertreden(LedgerError):
    """A valid document that breaks a rule of the ledger (fase order, reserve stand, richting)."""


class BronConflict(LedgerError):
    """The same bron id was recorded before with other content."""


class SchrijfConflict(LedgerError):
    """Concurrent writers kept winning; we gave up after the bounded retries."""


class OnbekendEvent(LedgerError):
    """An event id that is not in the ledger, or cannot be corrected or withdrawn."""


class OnbekendType(LedgerError):
    """An event type that no module registered: in a document, or in a store written by a newer version."""

    def __init__(self, naam: object, bekend: tuple[str, ...]) -> None:
        self.naam = naam
        wat = _("ontbreekt") if naam is None else _("{naam} is geen bekend type").format(naam=beschrijf(naam))
        super().__init__(_("{wat}; bekende typen: {typen}").format(wat=wat, typen=", ".join(bekend)))


class GeenGrootboek(LedgerError):
    """A question about a gemeente that has no ledger in this database."""


class OnbekendeBron(LedgerError):
    """A bron id that the gemeente's ledger does not hold."""


class OnbekendePost(LedgerError):
    """A post the gemeente has never had: a misspelling, not an empty answer (exit 2, 404 on the web)."""
