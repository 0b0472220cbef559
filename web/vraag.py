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


class OngeldigeVraag(Exception):
    """A query value the page cannot answer: shown with status 400."""


def waarde(params: QueryParams, naam: str) -> str | None:
    """A parameter; an empty form field counts as not given."""
    tekst = params.get(naam, "").strip()
    return tekst or None


def datum(params: QueryParams, naam: str) -> date | None:
    tekst = waarde(params, naam)
    try:
        return None if tekst is None else date.fromisoformat(tekst)
    except ValueError:
        raise OngeldigeVraag(f"{naam}: {tekst!r} is geen datum zoals 2020-10-13") from None


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
    van, _, tot = tekst.partition("-")
    if not all(j.strip().isascii() and j.strip().isdigit() and len(j.strip()) == 4 for j in (van, tot or van)):
        raise OngeldigeVraag(f"jaren: {tekst!r} is geen reeks jaren zoals 2020-2024")
    eerste, laatste = int(van), int(tot or van)
    if not EERSTE_JAAR <= eerste <= laatste <= LAATSTE_JAAR:
        raise OngeldigeVraag(f"jaren: {tekst!r} loopt niet van vroeg naar laat binnen {EERSTE_JAAR}-{LAATSTE_JAAR}")
    return (eerste, laatste)


def geheel(params: QueryParams, naam: str, standaard: int) -> int:
    tekst = waarde(params, naam)
    if tekst is None:
        return standaard
    if not (tekst.isascii() and tekst.isdigit() and 0 < len(tekst) < 10 and int(tekst) > 0):
        raise OngeldigeVraag(f"{naam}: {tekst!r} is geen positief geheel getal")
    return int(tekst)


@dataclass(frozen=True)
class Vraag:
    """The common part of every page's question, and how to keep it in the links the page makes."""

    bekend_op: date
    geboekt_op: datetime | None
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
            raise OngeldigeVraag(f"eenheid: {eenheid} is niet 1, 10, 100, 1000, ...")
        formaat = waarde(params, "format") or "html"
        if formaat not in ("html", "json"):
            raise OngeldigeVraag(f"format: {formaat!r} is niet html of json")
        bekend_op = datum(params, "bekend_op") or date.today()
        ruw = {k: v for k in ("geboekt_op", "jaren", "eenheid", "teken") if (v := waarde(params, k))}
        teken = waarde(params, "teken") or "voordeel"
        if teken not in ("voordeel", "nadeel"):
            raise OngeldigeVraag(f"teken: {teken!r} is niet voordeel of nadeel")
        return cls(
            bekend_op, moment(params, "geboekt_op"), jaren(params), eenheid, formaat == "json", ruw, Teken(teken)
        )

    def zicht(self, gemeente: str, bekend_op: date | None = None) -> Zicht:
        return Zicht(gemeente, bekend_op or self.bekend_op, self.geboekt_op, self.jaren)

    def link(self, pad: str, **extra: str | int) -> str:
        """`pad` with this question's time axes (bekend_op always, so a shared link keeps its date)."""
        delen = {"bekend_op": self.bekend_op.isoformat(), **self.ruw, **{k: str(v) for k, v in extra.items()}}
        return f"{pad}?{urlencode(delen)}"
