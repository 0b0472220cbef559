"""A page's question read from its URL: both time axes, the years, the unit; a wrong value is a 400."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from events.klok import OngeldigMoment, lees_moment
from events.waarden import EERSTE_JAAR, LAATSTE_JAAR
from projections.zicht import Zicht
from reports.model import Teken
from taal import _


class OngeldigeVraag(Exception):
    """A query value the page cannot answer: shown with status 400."""


def buiten_jaren(jaar: int) -> str:
    return _("jaar: {jaar} ligt niet binnen {van}-{tot}").format(jaar=jaar, van=EERSTE_JAAR, tot=LAATSTE_JAAR)


def waarde(params: QueryParams, naam: str) -> str | None:
    """A parameter; an empty form field counts as not given."""
    tekst = params.get(naam, "").strip()
    return tekst or None


def datum(params: QueryParams, naam: str) -> date | None:
    tekst = waarde(params, naam)
    try:
        return None if tekst is None else date.fromisoformat(tekst)
    except ValueError:
        raise OngeldigeVraag(
            _("{naam}: {tekst!r} is geen datum zoals 2020-10-13").format(naam=naam, tekst=tekst)
        ) from None


def moment(params: QueryParams, naam: str, begin: bool = False) -> datetime | None:
    """ISO 8601 read by `events.klok.lees_moment` (as the CLI): the end of the span it states, or with `begin` its
    start (the lower bound of a range); Dutch time unless it says otherwise."""
    tekst = waarde(params, naam)
    if tekst is None:
        return None
    try:
        return lees_moment(tekst, begin=begin)
    except OngeldigMoment as fout:
        raise OngeldigeVraag(f"{naam}: {fout}") from None


def jaren(params: QueryParams) -> tuple[int, int]:
    tekst = waarde(params, "jaren")
    if tekst is None:
        return (EERSTE_JAAR, LAATSTE_JAAR)
    van, _streep, tot = tekst.partition("-")
    if not all(j.strip().isascii() and j.strip().isdigit() and len(j.strip()) == 4 for j in (van, tot or van)):
        raise OngeldigeVraag(_("jaren: {tekst!r} is geen reeks jaren zoals 2020-2024").format(tekst=tekst))
    eerste, laatste = int(van), int(tot or van)
    if not EERSTE_JAAR <= eerste <= laatste <= LAATSTE_JAAR:
        raise OngeldigeVraag(
            _("jaren: {tekst!r} loopt niet van vroeg naar laat binnen {van}-{tot}").format(
                tekst=tekst, van=EERSTE_JAAR, tot=LAATSTE_JAAR
            )
        )
    return (eerste, laatste)


def geheel(params: QueryParams, naam: str, standaard: int) -> int:
    tekst = waarde(params, naam)
    if tekst is None:
        return standaard
    if not (tekst.isascii() and tekst.isdigit() and 0 < len(tekst) < 10 and int(tekst) > 0):
        raise OngeldigeVraag(_("{naam}: {tekst!r} is geen positief geheel getal").format(naam=naam, tekst=tekst))
    return int(tekst)


@dataclass(frozen=True)
class Vraag:
    """The common part of every page's question, and how to keep it in the links the page makes."""

    as_of: date
    recorded_by: datetime | None
    jaren: tuple[int, int]
    eenheid: int
    json: bool
    ruw: dict[str, str] = field(default_factory=dict)
    teken: Teken = Teken.voordeel
    """How the page shows signed figures (+ = voordeel or + = nadeel); JSON is always + = voordeel."""

    @classmethod
    def uit(cls, params: QueryParams) -> Vraag:
        eenheid = geheel(params, "eenheid", 1000)
        if str(eenheid).strip("0") != "1":
            raise OngeldigeVraag(_("eenheid: {eenheid} is niet 1, 10, 100, 1000, ...").format(eenheid=eenheid))
        formaat = waarde(params, "format") or "html"
        if formaat not in ("html", "json"):
            raise OngeldigeVraag(_("format: {formaat!r} is niet html of json").format(formaat=formaat))
        bekend_op = datum(params, "bekend_op") or date.today()
        ruw = {k: v for k in ("geboekt_op", "jaren", "eenheid", "teken") if (v := waarde(params, k))}
        teken = waarde(params, "teken") or "voordeel"
        if teken not in ("voordeel", "nadeel"):
            raise OngeldigeVraag(_("teken: {teken!r} is niet voordeel of nadeel").format(teken=teken))
        return cls(
            bekend_op, moment(params, "geboekt_op"), jaren(params), eenheid, formaat == "json", ruw, Teken(teken)
        )

    def zicht(self, gemeente: str, as_of: date | None = None) -> Zicht:
        return Zicht(gemeente, as_of or self.as_of, self.recorded_by, self.jaren)

    def link(self, pad: str, **extra: str | int) -> str:
        """`pad` with this question's time axes (bekend_op always, so a shared link keeps its date)."""
        delen = {"bekend_op": self.as_of.isoformat(), **self.ruw, **{k: str(v) for k, v in extra.items()}}
        return f"{pad}?{urlencode(delen)}"
