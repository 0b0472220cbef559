"""A workbook's zip checked from its central directory, and its members unpacked as a stream that cannot lie.

Before the spreadsheet reader sees a workbook: at most 100 MB unpacked in all, and no member (nor the
whole) unpacking to more than 100 times its packed size. The sizes of the directory are a claim: every
member is unpacked here, counting, and one that unpacks to more than it declared is refused; so what
the reader unpacks after us is what was counted.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import PurePath

from events.errors import OngeldigeInvoer
from taal import _

GROOTSTE_UITGEPAKT = 100 * 2**20
GROOTSTE_VERHOUDING = 100
KLEIN_LID = 2**20
"""A member unpacking to less than this is too small to harm, whatever its ratio (tiny XML parts pack well)."""
BLOK = 64 * 2**10
LOKALE_KOP = struct.Struct("<4s5H3L2H")


def leden(bestand: str, inhoud: bytes) -> list[zipfile.ZipInfo]:
    """The zip's members, once their declared sizes and ratios are within bounds."""
    try:
        lijst = zipfile.ZipFile(io.BytesIO(inhoud)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as fout:
        soort = PurePath(bestand).suffix.lower().lstrip(".")
        melding = _("niet te lezen als .{soort}-werkboek: {fout}").format(soort=soort, fout=fout)
        raise OngeldigeInvoer(bestand, "", melding) from None
    for lid in lijst:
        _keur_lid(bestand, lid)
    totaal, gepakt = sum(lid.file_size for lid in lijst), sum(lid.compress_size for lid in lijst)
    if totaal > GROOTSTE_UITGEPAKT:
        melding = _("pakt uit tot {n} bytes; een werkboek mag uitpakken tot hoogstens 100 MB").format(n=f"{totaal:,}")
        raise OngeldigeInvoer(bestand, "", melding)
    if totaal > KLEIN_LID and totaal > GROOTSTE_VERHOUDING * max(gepakt, 1):
        wat = _keer(totaal, gepakt)
        melding = _("pakt uit tot {keer} zijn grootte; hoogstens 100 keer (een zipbom?)").format(keer=wat)
        raise OngeldigeInvoer(bestand, "", melding)
    return lijst


def _keur_lid(bestand: str, lid: zipfile.ZipInfo) -> None:
    if lid.flag_bits & 0x1:
        raise OngeldigeInvoer(bestand, lid.filename, _("is versleuteld; sla het werkboek op zonder wachtwoord"))
    if lid.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        melding = _("is gepakt zoals Excel en LibreOffice nooit pakken; sla het opnieuw op")
        raise OngeldigeInvoer(bestand, lid.filename, melding)
    if lid.file_size > GROOTSTE_UITGEPAKT:
        melding = _("pakt uit tot {n} bytes; hoogstens 100 MB").format(n=f"{lid.file_size:,}")
        raise OngeldigeInvoer(bestand, lid.filename, melding)
    if lid.file_size > KLEIN_LID and lid.file_size > GROOTSTE_VERHOUDING * max(lid.compress_size, 1):
        wat = _keer(lid.file_size, lid.compress_size)
        melding = _("pakt uit tot {keer} zijn gepakte grootte; hoogstens 100 keer").format(keer=wat)
        raise OngeldigeInvoer(bestand, lid.filename, melding)


def _keer(uitgepakt: int, gepakt: int) -> str:
    return _("{n} keer").format(n=f"{uitgepakt // max(gepakt, 1):,}")


def uitgepakt(bestand: str, inhoud: bytes, lid: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes in blocks of at most 64 KB, refused as soon as they pass the size it declared."""
    geteld = 0
    for stuk in _stukken(bestand, inhoud, lid):
        geteld += len(stuk)
        if geteld > lid.file_size:
            melding = _("pakt uit tot meer dan de opgegeven {n} bytes").format(n=f"{lid.file_size:,}")
            raise OngeldigeInvoer(bestand, lid.filename, melding)
        yield stuk


def _stukken(bestand: str, inhoud: bytes, lid: zipfile.ZipInfo) -> Iterator[bytes]:
    ruw = memoryview(inhoud)[_begin(bestand, inhoud, lid) :][: lid.compress_size]
    if lid.compress_type == zipfile.ZIP_STORED:
        yield from (bytes(ruw[i : i + BLOK]) for i in range(0, len(ruw), BLOK))
        return
    pakker = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        for i in range(0, len(ruw), BLOK):
            staart: bytes | memoryview = ruw[i : i + BLOK]
            while staart and not pakker.eof:
                yield pakker.decompress(staart, BLOK)
                staart = pakker.unconsumed_tail
    except zlib.error as fout:
        raise OngeldigeInvoer(bestand, lid.filename, _("niet uit te pakken ({fout})").format(fout=fout)) from None


def _begin(bestand: str, inhoud: bytes, lid: zipfile.ZipInfo) -> int:
    """Where the member's packed bytes start: after its local header, whose name and extra field may differ."""
    kop = inhoud[lid.header_offset : lid.header_offset + LOKALE_KOP.size]
    if len(kop) < LOKALE_KOP.size or kop[:4] != b"PK\x03\x04":
        raise OngeldigeInvoer(bestand, lid.filename, _("niet te lezen: het zipbestand is beschadigd"))
    *_kop, naam, extra = LOKALE_KOP.unpack(kop)
    return lid.header_offset + LOKALE_KOP.size + naam + extra


class Stroom(io.RawIOBase):
    """A member's blocks as a file to read, for the streaming XML parser."""

    def __init__(self, stukken: Iterator[bytes]) -> None:
        self._stukken, self._rest = stukken, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._rest:
            self._rest = next(self._stukken, None)  # type: ignore[arg-type]
            if self._rest is None:
                self._rest = b""
                return 0
        n = min(len(buffer), len(self._rest))
        buffer[:n], self._rest = self._rest[:n], self._rest[n:]
        return n
