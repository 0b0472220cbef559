"""Reading source documents (YAML, JSON or a workbook) into validated events.

Every problem becomes an `OngeldigeInvoer` that names the file, the place
inside it (`events[3].bedragen.2021`) and what is wrong, in plain words.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator

from documents.controlecijfers import Controle
from documents.foutmeldingen import meldingen
from documents.lezen import lees_gegevens, lees_inhoud
from documents.waarschuwing import Waarschuwing
from documents.werkboek import is_werkboek, lees_werkboek
from documents.werkboek_blad import Plaatsen
from events import Bron, Feit
from events.base import Model
from events.errors import OnbekendType, OngeldigeInvoer
from events.registry import model_van
from events.waarden import GemeenteCode, beschrijf
from taal import _


@dataclass(frozen=True)
class Document:
    """A source document, read and validated: one gemeente, one bron, its events in euros.

    Attributes:
        hash: SHA-256 of its canonical content; the same bron with another hash is a conflict.
    """

    bestand: str
    gemeente: str
    bron: Bron
    feiten: tuple[Feit, ...]
    hash: str
    waarschuwingen: tuple[Waarschuwing, ...] = field(default=())
    controle: Controle | None = None
    """The document's own stated figures: its effect on the saldo, its posts' and totals' changes."""
    eenheid: int = 1
    """What its amounts were written in: one unit of it is the rounding its figures may carry."""
    plaatsen: Plaatsen | None = field(default=None, compare=False, repr=False)
    """A workbook's: the sheet and cell of each value, so a warning names them (`'1 circulaire'!D5`)."""

    @property
    def meldingen(self) -> tuple[str, ...]:
        """The warnings as `record` prints them: `FILE: events[1]: ...`, of a workbook `FILE: '1 circulaire': ...`."""
        return tuple(f"{self.bestand}: {self._waar(w)}" for w in self.waarschuwingen if not w.afronding)

    @property
    def afrondingen(self) -> tuple[str, ...]:
        """The stated figures that differ by rounding only, as `record` prints them (no warnings)."""
        return tuple(f"{self.bestand}: {self._waar(w)}" for w in self.waarschuwingen if w.afronding)

    def _waar(self, w: Waarschuwing) -> str:
        return str(w) if self.plaatsen is None else self.plaatsen.als_tekst(w.plaats, w.melding)

    def waarschuwingen_van(self, i: int) -> tuple[str, ...]:
        """The warnings kept with its i-th event: its own and those about the document as a whole."""
        return tuple(str(w) for w in self.waarschuwingen if w.geldt_voor(i))


class Kop(Model):
    """The top of a document, before its events are read."""

    gemeente: GemeenteCode
    bron: Bron
    eenheid: int = 1
    controle: Any = None
    events: list[Any] = Field(min_length=1)

    @field_validator("eenheid", mode="before")
    @classmethod
    def _macht_van_tien(cls, waarde: Any) -> int:
        if isinstance(waarde, bool) or not isinstance(waarde, int) or waarde < 1 or str(waarde).strip("0") != "1":
            raise ValueError(
                _("eenheid hoort 1, 10, 100, 1000, ... te zijn; kreeg {waarde}").format(waarde=beschrijf(waarde))
            )
        return waarde


def document_hash(
    gemeente: str, bron: Bron, feiten: tuple[Feit, ...] | list[Feit], controle: Controle | None = None
) -> str:
    """SHA-256 of what the document says, in its one JSON form (amounts in euros, years in order).

    Fields left at their defaults are not part of it, so adding an optional field
    to an event type does not change the hash of a document that does not use it.
    """
    inhoud = {"gemeente": gemeente, "bron": bron.inhoud(), "events": [f.inhoud() for f in feiten]}
    if controle is not None:
        inhoud["controle"] = controle.hash_vorm()
    tekst = json.dumps(inhoud, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


def lees_document(pad: str | Path, bekend_op: date | None = None, inhoud: bytes | None = None) -> Document:
    """A YAML or JSON file, or a workbook (.xlsx, .ods) whose refusals name the cell; `inhoud`: uploaded bytes."""
    if is_werkboek(pad):
        gegevens, plaatsen = lees_werkboek(str(pad), inhoud)
        try:
            return replace(document_uit(gegevens, str(pad), bekend_op), plaatsen=plaatsen)
        except OngeldigeInvoer as fout:
            raise plaatsen.vertaal(fout) from None
    gelezen = lees_gegevens(str(pad)) if inhoud is None else lees_inhoud(str(pad), inhoud)
    return document_uit(gelezen, str(pad), bekend_op)


def document_uit(gegevens: Any, bestand: str = "<document>", bekend_op: date | None = None) -> Document:
    """Validate a document already read into plain data (YAML/JSON shape, amounts in `eenheid`).

    An event without its own bekend_op takes `bekend_op` if given (a correction keeps
    the date of the event it corrects), else the bron's datum.
    """
    if not isinstance(gegevens, dict):
        melding = _("een document hoort een mapping te zijn met gemeente, bron en events; kreeg {waarde}")
        raise OngeldigeInvoer(bestand, "", melding.format(waarde=beschrijf(gegevens)))
    try:
        kop = Kop.model_validate(gegevens, context={})  # a document: the rules for input apply
    except ValidationError as fout:
        raise OngeldigeInvoer.van(bestand, meldingen(fout, gegevens)) from None
    standaard = bekend_op or kop.bron.datum
    feiten, waarschuwingen = [], []
    for i, ruw in enumerate(kop.events):
        context: dict[str, Any] = {"eenheid": kop.eenheid, "waarschuwingen": []}
        feiten.append(_lees_feit(bestand, i, ruw, standaard, context))
        waarschuwingen += [Waarschuwing(f"events[{i}]", w, i) for w in context["waarschuwingen"]]
    controle = _controle(bestand, kop)
    return Document(
        bestand=bestand,
        gemeente=kop.gemeente,
        bron=kop.bron,
        feiten=tuple(feiten),
        hash=document_hash(kop.gemeente, kop.bron, feiten, controle),
        waarschuwingen=tuple(waarschuwingen),
        controle=controle,
        eenheid=kop.eenheid,
    )


def _controle(bestand: str, kop: Kop) -> Controle | None:
    if kop.controle is None:
        return None
    try:
        return Controle.model_validate(kop.controle, context={"eenheid": kop.eenheid})
    except ValidationError as fout:
        raise OngeldigeInvoer.van(bestand, meldingen(fout, kop.controle, "controle")) from None


def lees_documenten(paden: list[str] | list[Path]) -> list[Document]:
    """Read every file; report the problems of all of them at once."""
    return _alle([partial(lees_document, pad) for pad in paden])


def documenten_uit(bestanden: list[tuple[str, bytes]]) -> list[Document]:
    """Documents that arrived as (name, bytes), an upload: the same checks and messages as files."""
    return _alle([partial(_uit_bytes, naam, inhoud) for naam, inhoud in bestanden])


def _uit_bytes(naam: str, inhoud: bytes) -> Document:
    return lees_document(naam, inhoud=inhoud)


def _alle(lezers: list[Callable[[], Document]]) -> list[Document]:
    documenten, fouten = [], []
    for lees in lezers:
        try:
            documenten.append(lees())
        except OngeldigeInvoer as fout:
            fouten.append(fout)
    if fouten:
        raise OngeldigeInvoer.samen(fouten)
    return documenten


def _lees_feit(bestand: str, i: int, ruw: Any, standaard: date | None, context: dict[str, Any]) -> Feit:
    waar = f"events[{i}]"
    if not isinstance(ruw, dict):
        melding = _("een event hoort een mapping met een type te zijn; kreeg {waarde}").format(waarde=beschrijf(ruw))
        raise OngeldigeInvoer(bestand, waar, melding)
    try:
        model = model_van(ruw.get("type"))
    except OnbekendType as fout:
        raise OngeldigeInvoer(bestand, f"{waar}.type", str(fout)) from None
    if "bekend_op" not in ruw and standaard is not None:
        ruw = {**ruw, "bekend_op": standaard}
    try:
        return model.model_validate(ruw, context=context)
    except ValidationError as fout:
        raise OngeldigeInvoer.van(bestand, meldingen(fout, ruw, waar)) from None
