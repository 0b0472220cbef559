"""Against guessing passwords: after five failed logins for one name from one address within fifteen
minutes, that name is refused from that address until the oldest of those failures is fifteen minutes old.

Kept in the server's memory (one process serves): a restart forgets, which only ever lets someone in sooner.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable

POGINGEN = 5
VENSTER = 15 * 60
MEESTE_SLEUTELS = 10_000


class Inlogdrempel:
    """Failed logins per (name, address); `klok` gives seconds (a test gives its own clock)."""

    def __init__(
        self, pogingen: int = POGINGEN, venster: float = VENSTER, klok: Callable[[], float] = time.monotonic
    ) -> None:
        self.pogingen, self.venster, self.klok = pogingen, venster, klok
        self.mislukt: dict[tuple[str, str], deque[float]] = {}

    def wachttijd(self, naam: str, adres: str) -> int:
        """Seconds until this name may try again from this address; 0: now."""
        tijden = self._recent((naam, adres))
        if len(tijden) < self.pogingen:
            return 0
        return max(1, math.ceil(tijden[0] + self.venster - self.klok()))

    def noteer_mislukt(self, naam: str, adres: str) -> None:
        if len(self.mislukt) >= MEESTE_SLEUTELS:
            for sleutel in list(self.mislukt):
                self._recent(sleutel)
        self.mislukt.setdefault((naam, adres), deque()).append(self.klok())

    def noteer_gelukt(self, naam: str, adres: str) -> None:
        self.mislukt.pop((naam, adres), None)

    def _recent(self, sleutel: tuple[str, str]) -> deque[float]:
        """The failures of this key still inside the window (older ones are forgotten)."""
        tijden = self.mislukt.get(sleutel, deque())
        grens = self.klok() - self.venster
        while tijden and tijden[0] <= grens:
            tijden.popleft()
        if not tijden:
            self.mislukt.pop(sleutel, None)
        return tijden
