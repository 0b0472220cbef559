"""A warning about a document: recorded anyway, and kept with the event it concerns."""

from __future__ import annotations

from dataclasses import dataclass

from events.errors import OngeldigeInvoer
from taal import _


@dataclass(frozen=True)
class Waarschuwing:
    """Where in the document (`events[1]`, `controle.saldo.2024`) and what.

    Attributes:
        event: the index in the document's `events` it concerns; None for the document as a whole
            (its `controle`), which every event of the document then carries.
    """

    plaats: str
    melding: str
    event: int | None = None
    afronding: bool = False
    """A stated figure that differs from the ledger's by rounding only: said, kept, and no warning."""

    def __str__(self) -> str:
        """The text kept with the event: what `record` prints after `warning: FILE: `."""
        return f"{self.plaats}: {self.melding}"

    def geldt_voor(self, i: int) -> bool:
        return self.event is None or self.event == i


def weiger_bij_waarschuwing(meldingen: list[str]) -> None:
    """`--strict` (the strict box of the web upload): a document with a warning is refused, nothing written."""
    if meldingen:
        raise OngeldigeInvoer(
            "--strict", "", _("geweigerd, niets geschreven: {meldingen}").format(meldingen="; ".join(meldingen))
        )
