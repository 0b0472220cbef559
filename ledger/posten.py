"""What each event does to the posts: the SPEC's table "what each event type does", as code.

`regels(feit)` turns one event, in its stored JSON form, into amount lines.
The aggregate uses them to keep every post in one richting; the projections
store them as rows. It works on the JSON form because that is what a rebuild
reads from the store, 150,000 events at a time: decoding each one into its
pydantic model first would cost more than everything else together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from events import Feit, InvesteringGeactiveerd
from events.realisatie import ontleed_periode

Soort = Literal["raming", "wijziging", "saldo", "prognose", "pm", "onderdeel", "realisatie"]
AU = "algemene_uitkering"
Json = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Regel:
    """One amount an event states for one post and year, in integer cents.

    Attributes:
        soort: raming (begroting, absolute), wijziging (delta), saldo (a
            begroting's stated saldo), prognose, pm (known but not processed),
            onderdeel (a component of `onderdeel_van`, no effect of its own).
    """

    soort: Soort
    post: str
    richting: str
    jaar: int
    cents: int
    onderdeel_van: str | None = None
    periode: str | None = None
    programma: str | None = None


def cents(bedrag: str) -> int:
    """'77599000.00' -> 7759900000: stored amounts always have exactly two decimals."""
    return int(bedrag.replace(".", ""))


def _reeks(
    soort: Soort, post: str, richting: str, bedragen: Json, van: str | None = None, programma: str | None = None
) -> list[Regel]:
    return [
        Regel(soort, post, richting, int(jaar), cents(b), van, None, programma) for jaar, b in sorted(bedragen.items())
    ]


def _informatie(feit: Json) -> Soort:
    return "pm" if feit.get("verwerking") == "pm" else "prognose"


def _posten(soort: Soort, feit: Json) -> list[Regel]:
    return [
        r
        for p in feit["posten"]
        for r in _reeks(soort, p["post"], p["richting"], p["bedragen"], programma=p.get("programma"))
    ]


def _begroting(feit: Json) -> list[Regel]:
    lijnen = _posten("raming", feit)
    jaren = {j for p in feit["posten"] for j in p["bedragen"]} | set(feit["saldo"])
    return lijnen + _reeks("saldo", "saldo", "saldo", {j: feit["saldo"].get(j, "0.00") for j in jaren})


def _wijziging(feit: Json) -> list[Regel]:
    return _posten("wijziging", feit)


def _circulaire(feit: Json) -> list[Regel]:
    series = [(AU, "baten", feit["algemene_uitkering"])]
    series += [(f"iu.{u['naam']}", "baten", u["bedragen"]) for u in feit["integratie_uitkeringen"]]
    series += [(f"du.{u['naam']}", "baten", u["bedragen"]) for u in feit["decentralisatie_uitkeringen"]]
    series += [(f"taakmutatie.{u['naam']}", "lasten", u["bedragen"]) for u in feit["taakmutaties"]]
    return [r for post, richting, bedragen in series for r in _reeks(_informatie(feit), post, richting, bedragen)]


def _buig(feit: Json) -> list[Regel]:
    return [Regel(_informatie(feit), "buig", "baten", feit["jaar"], cents(feit["bedrag"]))]


def _bcf(feit: Json) -> list[Regel]:
    van = feit["onderdeel_van"]
    soort: Soort = "onderdeel" if van else _informatie(feit)
    return [Regel(soort, "bcf", "baten", feit["jaar"], cents(feit["bedrag"]), van)]


def _corona(feit: Json) -> list[Regel]:
    post = f"corona.{feit['maatregel']}"
    if feit["route"] == "algemene_uitkering":
        lijnen = _reeks("onderdeel", post, "baten", feit["bedragen"], AU)
    else:
        lijnen = _reeks(_informatie(feit), post, "baten", feit["bedragen"])
    return lijnen + _reeks(_informatie(feit), f"{post}.kosten", "lasten", feit["kosten"] or {})


def _prognose(feit: Json) -> list[Regel]:
    return _reeks(_informatie(feit), feit["post"], feit["richting"], feit["bedragen"])


def _realisatie(feit: Json) -> list[Regel]:
    jaar, soort, nummer = ontleed_periode(feit["periode"])
    periode = f"{soort}{nummer:02d}"
    return [Regel("realisatie", feit["post"], feit["richting"], jaar, cents(feit["bedrag"]), None, periode)]


def _investering(feit: Json) -> list[Regel]:
    """Kapitaallasten as the prognose of `kapitaallasten.<activum>` in the years they fall."""
    investering = InvesteringGeactiveerd.model_validate(feit)
    post = f"kapitaallasten.{investering.activum}"
    return [
        Regel("prognose", post, "lasten", jaar, int(bedrag.scaleb(2)), programma=investering.programma)
        for jaar, bedrag in sorted(investering.kapitaallasten().items())
    ]


PER_TYPE: dict[str, Callable[[Json], list[Regel]]] = {
    "begroting": _begroting,
    "begrotingswijziging": _wijziging,
    "circulaire": _circulaire,
    "buig_beschikking": _buig,
    "bcf_voorschot": _bcf,
    "bcf_afrekening": _bcf,
    "corona_compensatie": _corona,
    "prognose": _prognose,
    "realisatie": _realisatie,
    "investering": _investering,
}


def regels(feit: Json) -> list[Regel]:
    """The amount lines of an event in its stored JSON form; events without amounts on posts give none."""
    maker = PER_TYPE.get(feit["type"])
    return maker(feit) if maker else []


_laatst: tuple[Feit | None, list[Regel]] = (None, [])


def regels_van(feit: Feit) -> list[Regel]:
    """The lines of an event model; the aggregate asks twice in a row (check, then apply), so the last is kept."""
    global _laatst
    if _laatst[0] is not feit:
        _laatst = (feit, regels(feit.als_json()))
    return _laatst[1]


def richtingen(lijnen: Iterable[Regel]) -> dict[str, str]:
    """The richting each post gets from these lines (the begroting's saldo is no post)."""
    return {r.post: r.richting for r in lijnen if r.soort != "saldo"}
