"""Against guessing passwords: after five failed logins for one name from one address within fifteen
minutes, that name is refused from that address until the oldest of those failures is fifteen minutes old;
after thirty failures from one address, whatever the names, that address is refused alike.

Memory is bounded: names are at most 100 characters (longer ones are refused before they are counted), a
key keeps at most its last few moments, and each table at most MEESTE_SLEUTELS keys: when full, the
expired are dropped, then the oldest tenth. Kept in each server process's memory (`serve --workers N`
counts per worker): a restart forgets, which only ever lets someone in sooner.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Hashable

POGINGEN = 5
POGINGEN_ADRES = 30
VENSTER = 15 * 60
MEESTE_SLEUTELS = 10_000


class Teller:
    """The recent failures per key: at most `pogingen` moments a key, at most `meeste` keys."""

    def __init__(self, pogingen: int, venster: float, klok: Callable[[], float], meeste: int) -> None:
        self.pogingen, self.venster, self.klok, self.meeste = pogingen, venster, klok, meeste
        self.tijden: dict[Hashable, tuple[float, ...]] = {}

    def wachttijd(self, sleutel: Hashable) -> int:
        tijden = self._recent(sleutel)
        if len(tijden) < self.pogingen:
            return 0
        return max(1, math.ceil(tijden[0] + self.venster - self.klok()))

    def noteer(self, sleutel: Hashable) -> None:
        if sleutel not in self.tijden and len(self.tijden) >= self.meeste:
            self._ruim()
        self.tijden[sleutel] = (*self._recent(sleutel), self.klok())[-self.pogingen :]

    def vergeet(self, sleutel: Hashable) -> None:
        self.tijden.pop(sleutel, None)

    def _ruim(self) -> None:
        for sleutel in list(self.tijden):
            self._recent(sleutel)
        teveel = len(self.tijden) - self.meeste * 9 // 10
        for sleutel in list(self.tijden)[: max(0, teveel)]:  # the oldest first: a dict keeps its order
            del self.tijden[sleutel]

    def _recent(self, sleutel: Hashable) -> tuple[float, ...]:
        """The failures of this key still inside the window (older ones are forgotten)."""
        grens = self.klok() - self.venster
        tijden = tuple(t for t in self.tijden.get(sleutel, ()) if t > grens)
        if not tijden:
            self.tijden.pop(sleutel, None)
        return tijden


class Inlogdrempel:
    """Failed logins per (name, address) and per address; `klok` gives seconds (a test gives its own clock)."""

    def __init__(
        self,
        pogingen: int = POGINGEN,
        venster: float = VENSTER,
        klok: Callable[[], float] = time.monotonic,
        meeste: int = MEESTE_SLEUTELS,
        pogingen_adres: int = POGINGEN_ADRES,
    ) -> None:
        self.namen = Teller(pogingen, venster, self._nu, meeste)
        self.adressen = Teller(pogingen_adres, venster, self._nu, meeste)
        self.klok = klok

    def _nu(self) -> float:
        return self.klok()

    @property
    def mislukt(self) -> dict[Hashable, tuple[float, ...]]:
        return self.namen.tijden

    def wachttijd(self, naam: str, adres: str) -> int:
        """Seconds until this name may try again from this address; 0: now."""
        return max(self.adressen.wachttijd(adres), self.namen.wachttijd((naam, adres)))

    def houdt_adres(self, adres: str) -> bool:
        """Whether the address itself is held, whatever the name."""
        return self.adressen.wachttijd(adres) > 0

    def noteer_mislukt(self, naam: str, adres: str) -> None:
        self.namen.noteer((naam, adres))
        self.adressen.noteer(adres)

    def noteer_gelukt(self, naam: str, adres: str) -> None:
        self.namen.vergeet((naam, adres))
