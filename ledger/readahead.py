"""Reading ahead: a helper process reads and validates the next files of a large `record` while this one books.

Reading a document (parsing it, validating every amount) is half of a record's work and needs nothing
of the ledger. Where a core is spare, a forked helper starts reading as soon as the record has its
files, while the record itself still loads the write side and opens the store; the record takes the
documents in file order, at most VOORUIT blocks ahead, so memory does not grow with the files.
Whenever the helper has nothing ready, the record reads the next block itself rather than wait. A
file the helper cannot read is read again here, for the same refusal as without a helper. Only for
many regular files: a pipe can be read only once, and a few files are read sooner than a helper starts.
"""

from __future__ import annotations

import multiprocessing
import os
import stat
from collections.abc import Iterator
from multiprocessing.queues import Queue
from queue import Empty
from typing import Any

from documents.documenten import Document, lees_document
from documents.lezen import lees_bytes
from documents.werkboek import _inhoud, is_werkboek

VANAF = 200
"""Files in one record from which a helper reads ahead."""
BLOK = 50
"""Files a helper reads in one go."""
VOORUIT = 32
"""Blocks the helper reads ahead at most: 1,600 documents, what it reads while the record starts."""
MEGABYTES = 16
"""And at most this many megabytes of files read ahead (workbooks are larger than their documents)."""
EIGEN = 8
"""Blocks this process reads ahead of the one it needs, while the helper is busy with that one."""
WACHT = 1.0
"""Seconds to wait for a block before looking whether the helper is still there."""

Beurt = Any
"""The number of the first block neither process has taken (a shared `multiprocessing.Value`)."""
Gelezen = tuple[bytes, Document] | None
"""A file's bytes and its document; None when it cannot be read or is not valid."""
Blok = tuple[int, list[Gelezen], int]
"""A block's number, what the helper read of its files, and the megabytes of those files."""


def lees_ruw(pad: str) -> bytes:
    """A file's bytes, with the refusals reading it as a path gives (a missing file, a protected workbook)."""
    return _inhoud(pad) if is_werkboek(pad) else lees_bytes(pad)


def helpt(paden: list[str]) -> bool:
    """A helper pays: many files, all regular, a second core, and fork to start it at no cost."""
    if len(paden) < VANAF or len(os.sched_getaffinity(0)) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return False
    return all(_gewoon(pad) for pad in paden)


class Lezing:
    """Every file's bytes and document, in order, read by a helper process; None where it could not.

    The helper starts at once, to read while the record gets ready (imports the write side, opens the
    store). The blocks are taken in turn: the helper takes the next one each time, and so does this
    process whenever the helper has nothing ready, rather than wait for it.
    """

    def __init__(self, paden: list[str]) -> None:
        context = multiprocessing.get_context("fork")
        self.paden, self.klaar = paden, dict[int, list[Gelezen]]()
        self.blokken: Queue[Blok] = context.Queue(maxsize=VOORUIT)
        self.beurt: Beurt = context.Value("l", 0)
        self.ruimte = context.Semaphore(MEGABYTES)  # a unit for every megabyte read and not yet taken here
        args = (paden, self.blokken, self.beurt, self.ruimte)
        self.helper = context.Process(target=_lees_alle, args=args, daemon=True)
        self.helper.start()

    def __iter__(self) -> Iterator[Gelezen]:
        for nummer in range((len(self.paden) + BLOK - 1) // BLOK):
            while nummer not in self.klaar:
                self.klaar.update(self._verder(nummer))
            yield from self.klaar.pop(nummer)

    def stop(self) -> None:
        """A refusal or a conflict stops the record early: nothing more to read."""
        self.helper.terminate()
        self.helper.join()

    def _verder(self, nodig: int) -> dict[int, list[Gelezen]]:
        """A block more: the helper's next one if it is ready, else the first one nobody took, read here; else
        wait for the helper's. Once the helper is gone, the block needed is left to the record (all None)."""
        try:
            return self._genomen(self.blokken.get_nowait())
        except Empty:
            pass
        nummer = self._neem() if len(self.klaar) < EIGEN else None
        if nummer is not None:
            return {nummer: [_lees(pad) for pad in _blok(self.paden, nummer)]}
        while True:
            try:
                return self._genomen(self.blokken.get(timeout=WACHT))
            except Empty:
                if not self.helper.is_alive():
                    return {nodig: [None] * len(_blok(self.paden, nodig))}

    def _genomen(self, blok: Blok) -> dict[int, list[Gelezen]]:
        for _ in range(blok[2]):
            self.ruimte.release()
        return {blok[0]: blok[1]}

    def _neem(self) -> int | None:
        """The first block nobody took, taken; None when all are (or the helper died holding the turn)."""
        slot = self.beurt.get_lock()
        while not slot.acquire(timeout=WACHT):
            if not self.helper.is_alive():
                return None
        try:
            return _beurt(self.beurt, len(self.paden))
        finally:
            slot.release()


def _lees_alle(paden: list[str], blokken: Queue[Blok], beurt: Beurt, ruimte: Any) -> None:
    while True:
        with beurt.get_lock():
            nummer = _beurt(beurt, len(paden))
        if nummer is None:
            return
        blok = [_lees(pad) for pad in _blok(paden, nummer)]
        megabytes = min(MEGABYTES, sum(len(g[0]) for g in blok if g) >> 20)
        for _ in range(megabytes):
            ruimte.acquire()
        blokken.put((nummer, blok, megabytes))


def _beurt(beurt: Beurt, aantal: int) -> int | None:
    """The first block nobody took, now taken; None when all are. Its lock is held by the caller."""
    nummer = beurt.value
    if nummer * BLOK >= aantal:
        return None
    beurt.value += 1
    return nummer


def _blok(paden: list[str], nummer: int) -> list[str]:
    return paden[nummer * BLOK : (nummer + 1) * BLOK]


def _lees(pad: str) -> Gelezen:
    try:
        inhoud = lees_ruw(pad)
        document = lees_document(pad, inhoud=inhoud)
    except Exception:  # a refusal, or whatever else: this process reads the file again and meets it itself
        return None
    for feit in document.feiten:
        feit.lijnen()  # made here, sent with the event: the lines cost more to make than to send
        feit.als_bytes()  # and so does the JSON its ledger event stores
    return inhoud, document


def _gewoon(pad: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(pad).st_mode)
    except (OSError, ValueError):
        return True  # read as it is missing: the refusal is the helper's to find, and then found again here
