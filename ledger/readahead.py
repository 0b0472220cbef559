"""Reading ahead: a helper process reads and validates the next files of a large `record` while this one books.

Reading a document (parsing it, validating every amount) is a third of a record's work and needs
nothing of the ledger. Where a core is spare, a forked helper reads a block of files at a time and
this process takes their documents in file order, a few blocks ahead at most, so memory does not
grow with the files. A file the helper cannot read is read again here, for the same refusal as
without a helper. Only for many regular files: a pipe can be read only once, and a few files are
read sooner than a helper starts.
"""

from __future__ import annotations

import multiprocessing
import os
import stat
from collections.abc import Iterator
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from queue import Empty

from ledger.documenten import Document, lees_document
from ledger.lezen import lees_bytes
from ledger.werkboek import _inhoud, is_werkboek

VANAF = 200
"""Files in one record from which a helper reads ahead."""
BLOK = 50
"""Files a helper reads in one go."""
VOORUIT = 4
"""Blocks read ahead at most: a few hundred documents."""
WACHT = 1.0
"""Seconds to wait for a block before looking whether the helper is still there."""

Gelezen = tuple[bytes, Document] | None
"""A file's bytes and its document; None when it cannot be read or is not valid."""


def lees_ruw(pad: str) -> bytes:
    """A file's bytes, with the refusals reading it as a path gives (a missing file, a protected workbook)."""
    return _inhoud(pad) if is_werkboek(pad) else lees_bytes(pad)


def helpt(paden: list[str]) -> bool:
    """A helper pays: many files, all regular, a second core, and fork to start it at no cost."""
    if len(paden) < VANAF or len(os.sched_getaffinity(0)) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return False
    return all(_gewoon(pad) for pad in paden)


def voorgelezen(paden: list[str]) -> Iterator[Gelezen]:
    """Every file's bytes and document, in order, read by a helper process; None where it could not."""
    context = multiprocessing.get_context("fork")
    blokken: Queue[list[Gelezen]] = context.Queue(maxsize=VOORUIT)
    helper = context.Process(target=_lees_alle, args=(paden, blokken), daemon=True)
    helper.start()
    try:
        for begin in range(0, len(paden), BLOK):
            blok = _volgende(blokken, helper)
            yield from blok if blok is not None else [None] * len(paden[begin : begin + BLOK])
    finally:
        helper.terminate()  # a refusal or a conflict stops the record early: nothing more to read
        helper.join()


def _volgende(blokken: Queue[list[Gelezen]], helper: BaseProcess) -> list[Gelezen] | None:
    """The next block, taken in this thread (a pool's result thread waited for the GIL at every block);
    None once the helper is gone, so that this process reads the rest itself."""
    while True:
        try:
            return blokken.get(timeout=WACHT)
        except Empty:
            if not helper.is_alive():
                return None


def _lees_alle(paden: list[str], blokken: Queue[list[Gelezen]]) -> None:
    for begin in range(0, len(paden), BLOK):
        blokken.put([_lees(pad) for pad in paden[begin : begin + BLOK]])


def _lees(pad: str) -> Gelezen:
    try:
        inhoud = lees_ruw(pad)
        document = lees_document(pad, inhoud=inhoud)
    except Exception:  # a refusal, or whatever else: this process reads the file again and meets it itself
        return None
    for feit in document.feiten:
        feit.lijnen()  # made here, sent with the event: the lines cost more to make than to send
    return inhoud, document


def _gewoon(pad: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(pad).st_mode)
    except (OSError, ValueError):
        return True  # read as it is missing: the refusal is the helper's to find, and then found again here
