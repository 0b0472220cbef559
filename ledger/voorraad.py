"""The files of one `record`, read once: their bytes kept on disk, their documents made again when needed.

A record of many files holds no document longer than it needs it. What a later step asks again
(a document's `controle` checked against the documents before it, or a retry after another
writer got in first) is read back from a temporary file of the bytes as they were read, so a
file changed or a pipe drained in the meantime does not change what is recorded.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from typing import IO, Generic, TypeVar

from documents.documenten import Document, lees_document
from documents.inlezen import lees_bytes
from documents.werkboek import _inhoud, is_werkboek
from events.errors import OngeldigeInvoer

T = TypeVar("T")


def lees_ruw(pad: str) -> bytes:
    """A file's bytes, with the refusals reading it as a path gives (a missing file, a protected workbook)."""
    return _inhoud(pad) if is_werkboek(pad) else lees_bytes(pad)


class Voorraad:
    """The bytes of every file read, in order, in a temporary file; `document(i)` reads the i-th again."""

    def __init__(self, paden: list[str]) -> None:
        self.paden = paden
        self._plekken: list[tuple[int, int] | None] = []
        self._einde, self._elders = 0, False  # a seek writes out what waits: only after a read moved away
        self._opslag: IO[bytes] = tempfile.TemporaryFile(prefix="begroting-record-")  # noqa: SIM115  # closed on exit

    def __enter__(self) -> Voorraad:
        return self

    def __exit__(self, *_: object) -> None:
        self._opslag.close()

    def documenten(self) -> Iterator[Document | OngeldigeInvoer]:
        """Each file's document, or its refusal; the first time from the files, after that from the copy."""
        for i in range(len(self.paden)):
            yield self._of_fout(i)

    def _of_fout(self, i: int) -> Document | OngeldigeInvoer:
        try:
            return self.document(i)
        except OngeldigeInvoer as fout:
            return fout

    def document(self, i: int) -> Document:
        return lees_document(self.paden[i], inhoud=self._bytes(i))

    def _bytes(self, i: int) -> bytes:
        plek = self._plekken[i] if i < len(self._plekken) else None
        if plek is not None:
            self._opslag.seek(plek[0])
            self._elders = True
            return self._opslag.read(plek[1])
        if i == len(self._plekken):
            self._plekken.append(None)  # a file that cannot be read keeps its place, and is read again
        inhoud = lees_ruw(self.paden[i])
        self._bewaar(i, inhoud)
        return inhoud

    def _bewaar(self, i: int, inhoud: bytes) -> None:
        if i == len(self._plekken):
            self._plekken.append(None)
        if self._elders:
            self._opslag.seek(self._einde)
            self._elders = False
        self._plekken[i] = (self._einde, len(inhoud))
        self._opslag.write(inhoud)
        self._einde += len(inhoud)


class Stapel(Generic[T]):
    """Items kept in a temporary file as they come and read back in order: a list that does not grow in memory.

    They are written PER_BLOK at a time: a pickle per item cost a 10,000-file record half a second.
    """

    PER_BLOK = 500

    def __init__(self) -> None:
        self.aantal, self._blokken = 0, 0
        self._wachtend: list[T] = []
        self._opslag: IO[bytes] = tempfile.TemporaryFile(prefix="begroting-record-")  # noqa: SIM115  # closed with it

    def voeg_toe(self, item: T) -> None:
        self._wachtend.append(item)
        self.aantal += 1
        if len(self._wachtend) >= self.PER_BLOK:
            self._schrijf_weg()

    def _schrijf_weg(self) -> None:
        self._opslag.seek(0, 2)  # after a read, back to the end
        pickle.dump(self._wachtend, self._opslag)
        self._wachtend, self._blokken = [], self._blokken + 1

    def __iter__(self) -> Iterator[T]:
        if self._wachtend:
            self._schrijf_weg()
        self._opslag.seek(0)
        for _ in range(self._blokken):
            yield from pickle.load(self._opslag)

    def __len__(self) -> int:
        return self.aantal
