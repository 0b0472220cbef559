"""Progress on long work: a rich progress line on standard error, when it is a terminal and the work lasts.

Nothing is shown when standard error is a pipe or a file (scripts and logs see the same bytes as ever),
nor for work done within a second: the line starts only once the work has taken that long.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from documents.documenten import Document
    from events.errors import OngeldigeInvoer
    from ledger.voorraad import Voorraad

T = TypeVar("T")
NA_SECONDEN = 1.0


class Voortgang:
    """One piece of work counted in steps; `totaal` None: a spinner with the steps done so far."""

    def __init__(self, label: str, totaal: int | None) -> None:
        self.label, self.totaal = label, totaal
        self._balk: Progress | None = None
        self._taak: TaskID | None = None
        self._gedaan, self._slot = 0, threading.Lock()
        self._klok = threading.Timer(_na(), self._begin)
        self._klok.daemon = True

    def stap(self, n: int = 1) -> None:
        with self._slot:
            self._gedaan += n
            if self._balk is not None and self._taak is not None:
                self._balk.update(self._taak, completed=self._gedaan)

    def volg(self, items: Iterable[T]) -> Iterator[T]:
        """The items, one step each as it is handed on; followed again (a retried transaction), from 0."""
        self.stap(-self._gedaan)
        for item in items:
            yield item
            self.stap()

    def _begin(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        with self._slot:
            kolommen = [SpinnerColumn(), TextColumn("{task.description}")]
            if self.totaal is not None:
                kolommen += [BarColumn(), MofNCompleteColumn()]
            self._balk = Progress(*kolommen, TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self._taak = self._balk.add_task(self.label, total=self.totaal, completed=self._gedaan)
            self._balk.start()

    def _einde(self) -> None:
        self._klok.cancel()
        with self._slot:
            if self._balk is not None:
                self._balk.stop()


def _na() -> float:
    """Seconds before the line shows; BEGROTING_VOORTGANG_NA lets a test see it without waiting."""
    try:
        return float(os.environ.get("BEGROTING_VOORTGANG_NA", NA_SECONDEN))
    except ValueError:
        return NA_SECONDEN


@contextmanager
def voortgang(label: str, totaal: int | None = None) -> Iterator[Voortgang]:
    """Progress of the work inside the block, labelled in Dutch ("documenten lezen", "controleren")."""
    v = Voortgang(label, totaal)
    if sys.stderr.isatty():
        v._klok.start()
    try:
        yield v
    finally:
        v._einde()


class GevolgdeVoorraad:
    """A record's files, each counted as the record takes its document (the files are read ahead)."""

    def __init__(self, voorraad: Voorraad, v: Voortgang) -> None:
        self._voorraad, self._v = voorraad, v

    def documenten(self) -> Iterator[Document | OngeldigeInvoer]:
        return self._v.volg(self._voorraad.documenten())

    def __getattr__(self, naam: str) -> Any:
        return getattr(self._voorraad, naam)
