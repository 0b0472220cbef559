"""Reading ahead: a helper process reads and validates the next files of a large `record` while this one books.

Reading a document (parsing it, validating every amount) is a third of a record's work and needs
nothing of the ledger. Where a core is spare, a forked helper reads a block of files at a time and
this process takes their documents in file order, a few blocks ahead at most, so memory does not
grow with the files; whenever the helper has nothing ready, this process reads the next block
itself rather than wait. A file the helper cannot read is read again here, for the same refusal as
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
from typing import Any

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

Beurt = Any
"""The number of the first block neither process has taken (a shared `multiprocessing.Value`)."""
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
    """Every file's bytes and document, in order, read by a helper process; None where it could not.

    The blocks are taken in turn: the helper takes the next one each time, and so does this process
    whenever the helper has nothing ready, rather than wait for it.
    """
    context = multiprocessing.get_context("fork")
    blokken: Queue[tuple[int, list[Gelezen]]] = context.Queue(maxsize=VOORUIT)
    beurt: Beurt = context.Value("l", 0)
    helper = context.Process(target=_lees_alle, args=(paden, blokken, beurt), daemon=True)
    helper.start()
    klaar: dict[int, list[Gelezen]] = {}
    try:
        for nummer in range((len(paden) + BLOK - 1) // BLOK):
            while nummer not in klaar:
                klaar.update(_verder(paden, blokken, beurt, helper, nummer, len(klaar) < VOORUIT))
            yield from klaar.pop(nummer)
    finally:
        helper.terminate()  # a refusal or a conflict stops the record early: nothing more to read
        helper.join()


def _verder(
    paden: list[str],
    blokken: Queue[tuple[int, list[Gelezen]]],
    beurt: Beurt,
    helper: BaseProcess,
    nodig: int,
    ruimte: bool,
) -> dict[int, list[Gelezen]]:
    """A block more: the helper's next one if it is ready, else the first one nobody took, read here; else
    wait for the helper's. Once the helper is gone, the block needed is left to the record (all None)."""
    try:
        return dict([blokken.get_nowait()])
    except Empty:
        pass
    nummer = _neem(beurt, helper, len(paden)) if ruimte else None
    if nummer is not None:
        return {nummer: [_lees(pad) for pad in paden[nummer * BLOK : (nummer + 1) * BLOK]]}
    while True:
        try:
            return dict([blokken.get(timeout=WACHT)])
        except Empty:
            if not helper.is_alive():
                return {nodig: [None] * len(paden[nodig * BLOK : (nodig + 1) * BLOK])}


def _neem(beurt: Beurt, helper: BaseProcess, aantal: int) -> int | None:
    """The number of the first block nobody took, taken; None when all are taken (or the helper died holding
    the turn)."""
    while not beurt.get_lock().acquire(timeout=WACHT):
        if not helper.is_alive():
            return None
    try:
        nummer = beurt.value
        if nummer * BLOK >= aantal:
            return None
        beurt.value += 1
        return nummer
    finally:
        beurt.get_lock().release()


def _lees_alle(paden: list[str], blokken: Queue[tuple[int, list[Gelezen]]], beurt: Beurt) -> None:
    while True:
        with beurt.get_lock():
            nummer = beurt.value
            beurt.value += 1
        if nummer * BLOK >= len(paden):
            return
        blokken.put((nummer, [_lees(pad) for pad in paden[nummer * BLOK : (nummer + 1) * BLOK]]))


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
