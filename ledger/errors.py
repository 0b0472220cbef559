"""Every rule the ledger enforces raises a subclass of `LedgerError`."""
from __future__ import annotations


class LedgerError(Exception):
    """A refusal: the input is wrong for the ledger as it stands. Nothing is written."""


class OngeldigeInvoer(LedgerError):
    """A document that cannot be read or does not follow the input format.

    Attributes:
        bestand: the file, as the user named it.
        pad: where inside it, like `events[3].bedragen.2021`.
    """

    def __init__(self, bestand: str, pad: str, melding: str, meer: tuple[tuple[str, str], ...] = ()) -> None:
        self.bestand = bestand
        self.fouten = ((pad, melding), *meer)
        regels = (f"{bestand}: {p}: {m}" if p else f"{bestand}: {m}" for p, m in self.fouten)
        super().__init__("\n".join(regels))

    @classmethod
    def van(cls, bestand: str, fouten: list[tuple[str, str]]) -> OngeldigeInvoer:
        (pad, melding), *meer = fouten
        return cls(bestand, pad, melding, tuple(meer))


class RegelOvertreden(LedgerError):
    """A valid document that breaks a rule of the ledger (fase order, reserve stand, richting)."""


class BronConflict(LedgerError):
    """The same bron id was recorded before with other content."""


class SchrijfConflict(LedgerError):
    """Concurrent writers kept winning; we gave up after the bounded retries."""


class OnbekendEvent(LedgerError):
    """An event id that is not in the ledger, or cannot be corrected or withdrawn."""
