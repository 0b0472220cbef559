"""A sheet as the reader walks it: its cells, and the place of every value it hands on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NoReturn

from documents.werkboek_cellen import CelFout, SoortOfBedrag, blad_naam, kolom_letters, plaats, waarde
from events.errors import OngeldigeInvoer

SCHEIDING = re.compile(r"[.\[]")
POST_JAAR = re.compile(r"([\w.]+) (\d{4}): ")


@dataclass
class Plaatsen:
    """Where each value of the plain data came from: `events[0].algemene_uitkering.2021` -> '1 circulaire'!D7."""

    cellen: dict[str, str | tuple[str, int, int]] = field(default_factory=dict)
    """A sheet's name, or (sheet, row, column): said as a place only when a refusal needs it."""

    def vertaal(self, fout: OngeldigeInvoer) -> OngeldigeInvoer:
        """The same refusal, with every place said as the cell (or the sheet) it came from."""
        fouten = [self._plaats(bestand, pad, melding) for bestand, pad, melding in fout.fouten]
        return OngeldigeInvoer(*fouten[0], meer=tuple(fouten[1:]))

    def als_tekst(self, pad: str, melding: str) -> str:
        """A warning at `pad` as `record` prints it: `'1 circulaire'!D7: ...`, or the sheet when no cell holds it.

        A warning about one post and year of an event (`algemene_uitkering 2021: ...`) names that amount's cell
        when the sheet has a row of that name.
        """
        post_jaar = POST_JAAR.match(melding)
        if post_jaar and f"{pad}.{post_jaar[1]}.{post_jaar[2]}" in self.cellen:
            pad = f"{pad}.{post_jaar[1]}.{post_jaar[2]}"
        _, waar, melding = self._plaats("", pad, melding)
        return f"{waar}: {melding}"

    def _plaats(self, bestand: str, pad: str, melding: str) -> tuple[str, str, str]:
        """The longest start of the path that has a place; the rest of the path goes before the message."""
        eindes = [len(pad), *(m.start() for m in reversed(list(SCHEIDING.finditer(pad))))]
        for einde in eindes:
            if pad[:einde] in self.cellen:
                rest = pad[einde:].lstrip(".")
                cel = self.cellen[pad[:einde]]
                waar = cel if isinstance(cel, str) else plaats(*cel)
                return bestand, waar, f"{rest}: {melding}" if rest else melding
        return bestand, pad, melding


@dataclass
class Blad:
    """One sheet's cells (rows from A1) and the places of what was read from it."""

    naam: str
    rijen: list[list[Any]]
    plaatsen: Plaatsen

    @property
    def hoogte(self) -> int:
        return len(self.rijen)

    def cel(self, rij: int, kolom: int) -> Any:
        cellen = self.rijen[rij] if rij < len(self.rijen) else []
        return cellen[kolom] if kolom < len(cellen) else ""

    def gevuld(self, rij: int, vanaf: int = 0) -> list[int]:
        """The columns of a row that hold something, from column `vanaf`."""
        cellen = self.rijen[rij] if rij < len(self.rijen) else []
        return [k for k in range(vanaf, len(cellen)) if cellen[k] != ""]

    def tekst(self, rij: int, kolom: int) -> str | None:
        """A cell that names something (a key, a column), stripped; None when it holds no text."""
        cel = self.cel(rij, kolom)
        return cel.strip() if isinstance(cel, str) else None

    def waarde(self, rij: int, kolom: int, soort: SoortOfBedrag) -> Any:
        try:
            return waarde(self.cel(rij, kolom), soort)
        except ValueError as fout:
            self.fout(rij, kolom, str(fout))

    def merk(self, pad: str, rij: int, kolom: int) -> None:
        self.plaatsen.cellen[pad] = (self.naam, rij, kolom)

    def merk_blad(self, pad: str) -> None:
        self.plaatsen.cellen[pad] = blad_naam(self.naam)

    def fout(self, rij: int, kolom: int, melding: str) -> NoReturn:
        raise CelFout(self.naam, rij, kolom, melding)

    def cel_naam(self, rij: int, kolom: int) -> str:
        return f"{kolom_letters(kolom)}{rij + 1}"
