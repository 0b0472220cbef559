"""Working ahead in a large rebuild: a helper process makes the next page's rows while this one writes.

Decoding a stored event and making its rows is half of a rebuild and needs nothing but the event;
writing the rows is the other half and needs the transaction. While a page is written, the next
page is read (events are only ever appended: it is the page the next transaction would read) and
handed to a forked helper; the next transaction takes its rows, after checking that it starts
where the page was read from. Only for a catch-up of many events with a core to spare.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.pool import AsyncResult, Pool

from projections.rijen import Notificatie, Tabelrijen, pagina_rijen

VANAF = 10_000
"""Events to catch up from which a helper pays for its start."""
PAGINA = 2_500
"""Events per page with a helper: a page is written while the next one's rows arrive, so half the pages of
a catch-up alone keep its memory where it was (165 MB at 5,000 against 107 MB alone, 123 MB at 2,500)."""

Stuk = Tabelrijen | Notificatie
"""Rows made ahead, or a stored event for the Writer to turn into rows itself."""


def helpt(aantal: int) -> bool:
    """Many events, a second core, and fork to start the helper at no cost."""
    return aantal >= VANAF and len(os.sched_getaffinity(0)) >= 2 and "fork" in multiprocessing.get_all_start_methods()


class Voorwerk:
    """The pages of one catch-up, each next one's rows made by the helper while this page is written."""

    def __init__(self, helper: Pool) -> None:
        self.helper = helper
        self.volgende: tuple[int, list[Notificatie], AsyncResult[list[Stuk]]] | None = None

    def pagina(self, positie: int, lees: Callable[[int], list[Notificatie]]) -> tuple[list[Notificatie], list[Stuk]]:
        """The page after `positie` and what to write of it; reads the page after that and sends it ahead."""
        klaar, self.volgende = self.volgende, None
        if klaar is None or klaar[0] != positie:  # the first page, or another catch-up wrote in between
            notificaties = lees(positie)
            stukken: list[Stuk] | AsyncResult[list[Stuk]] = list(notificaties)
        else:
            _, notificaties, stukken = klaar
        if notificaties:
            verder = notificaties[-1][0]
            volgende = [(p, t, bytes(s)) for p, t, s in lees(verder)]
            self.volgende = (verder, volgende, self.helper.apply_async(pagina_rijen, (volgende,)))
        return notificaties, stukken if isinstance(stukken, list) else stukken.get()


@contextmanager
def voorwerk() -> Iterator[Voorwerk]:
    with multiprocessing.get_context("fork").Pool(1) as helper:
        yield Voorwerk(helper)
