"""What each event does to the posts: the SPEC's table "what each event type does", as code.

`regels(feit)` turns one event into amount lines; the aggregate uses them to
keep every post in one richting, the projections store them as rows.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import singledispatch
from typing import Iterable, Literal

from events import (
    BcfAfrekeningOntvangen,
    BcfVoorschotOntvangen,
    BegrotingGewijzigd,
    BegrotingVastgesteld,
    BuigBeschikkingOntvangen,
    CirculaireGepubliceerd,
    CoronaCompensatieToegekend,
    Feit,
    Informatie,
    PrognoseBijgesteld,
)

Soort = Literal["raming", "wijziging", "saldo", "prognose", "pm", "onderdeel"]
AU = "algemene_uitkering"


@dataclass(frozen=True, slots=True)
class Regel:
    """One amount an event states for one post and year.

    Attributes:
        soort: raming (begroting, absolute), wijziging (delta), saldo (a
            begroting's stated saldo), prognose, pm (known but not processed),
            onderdeel (a component of `onderdeel_van`, no effect of its own).
    """

    soort: Soort
    post: str
    richting: str
    jaar: int
    bedrag: Decimal
    onderdeel_van: str | None = None


def _reeks(soort: Soort, post: str, richting: str, bedragen: dict[int, Decimal]) -> list[Regel]:
    return [Regel(soort, post, richting, jaar, bedrag) for jaar, bedrag in sorted(bedragen.items())]


def _informatie(feit: Informatie) -> Soort:
    return "pm" if feit.verwerking == "pm" else "prognose"


@singledispatch
def regels(feit: Feit) -> list[Regel]:
    """Events without amounts on posts (reserves) give no lines."""
    return []


@regels.register
def _(feit: BegrotingVastgesteld) -> list[Regel]:
    lijnen = [r for p in feit.posten for r in _reeks("raming", p.post, p.richting, p.bedragen)]
    saldi = {jaar: feit.saldo.get(jaar, Decimal("0.00")) for jaar in feit.jaren()}
    return lijnen + _reeks("saldo", "saldo", "saldo", saldi)


@regels.register
def _(feit: BegrotingGewijzigd) -> list[Regel]:
    return [r for p in feit.posten for r in _reeks("wijziging", p.post, p.richting, p.bedragen)]


@regels.register
def _(feit: CirculaireGepubliceerd) -> list[Regel]:
    soort = _informatie(feit)
    series = [(AU, "baten", feit.algemene_uitkering)]
    series += [(f"iu.{u.naam}", "baten", u.bedragen) for u in feit.integratie_uitkeringen]
    series += [(f"du.{u.naam}", "baten", u.bedragen) for u in feit.decentralisatie_uitkeringen]
    series += [(f"taakmutatie.{u.naam}", "lasten", u.bedragen) for u in feit.taakmutaties]
    return [r for post, richting, bedragen in series for r in _reeks(soort, post, richting, bedragen)]


@regels.register
def _(feit: BuigBeschikkingOntvangen) -> list[Regel]:
    return [Regel(_informatie(feit), "buig", "baten", feit.jaar, feit.bedrag)]


@regels.register(BcfVoorschotOntvangen)
@regels.register(BcfAfrekeningOntvangen)
def _(feit: BcfVoorschotOntvangen | BcfAfrekeningOntvangen) -> list[Regel]:
    if feit.onderdeel_van:
        return [Regel("onderdeel", "bcf", "baten", feit.jaar, feit.bedrag, feit.onderdeel_van)]
    return [Regel(_informatie(feit), "bcf", "baten", feit.jaar, feit.bedrag)]


@regels.register
def _(feit: CoronaCompensatieToegekend) -> list[Regel]:
    post = f"corona.{feit.maatregel}"
    if feit.route == "algemene_uitkering":
        lijnen = [Regel("onderdeel", post, "baten", j, b, AU) for j, b in sorted(feit.bedragen.items())]
    else:
        lijnen = _reeks(_informatie(feit), post, "baten", feit.bedragen)
    return lijnen + _reeks(_informatie(feit), f"{post}.kosten", "lasten", feit.kosten or {})


@regels.register
def _(feit: PrognoseBijgesteld) -> list[Regel]:
    return _reeks(_informatie(feit), feit.post, feit.richting, feit.bedragen)


def richtingen(lijnen: Iterable[Regel]) -> dict[str, str]:
    """The richting each post gets from these lines (the begroting's saldo is no post)."""
    return {r.post: r.richting for r in lijnen if r.soort != "saldo"}
