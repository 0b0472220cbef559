"""A small, obviously-correct fold over recorded events: the SPEC's semantics in plain Python.

It knows nothing of SQL, rows or windows. The property tests compare every
saldo of the read models against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from events import Feit
from events.postbedragen import Postbedrag

NUL = Decimal("0.00")


def bedrag(regel: Postbedrag) -> Decimal:
    return (Decimal(regel.cents) / 100).quantize(NUL)


@dataclass(frozen=True)
class Handeling:
    """One accepted command, in recording order (`nummer` is its place in that order).

    Attributes:
        soort: boek, corrigeer or trek_in.
        keten: the first event of the line this belongs to.
        doel: for trek_in, the version withdrawn.
    """

    nummer: int
    soort: str
    versie: int
    keten: int
    feit: Feit | None = None
    doel: int | None = None


def geldende_feiten(handelingen: list[Handeling], tot: int) -> list[tuple[Feit, int]]:
    """(feit, the recording number of its first event) for every line in force after handeling `tot`."""
    gezien = [h for h in handelingen if h.nummer <= tot]
    ingetrokken = {h.doel for h in gezien if h.soort == "trek_in"}
    uitkomst = []
    for keten in sorted({h.keten for h in gezien}):
        if keten in ingetrokken:
            continue
        versies = [h for h in gezien if h.keten == keten and h.soort != "trek_in" and h.versie not in ingetrokken]
        begin = next(h.nummer for h in gezien if h.versie == keten)
        uitkomst.append((versies[-1].feit, begin))
    return uitkomst


def _laatste(lijnen: list[tuple[tuple, object]]) -> tuple[tuple, object] | None:
    return max(lijnen, key=lambda x: x[0]) if lijnen else None


def saldo(handelingen: list[Handeling], as_of: date, tot: int) -> dict:
    lijnen = [
        ((feit.bekend_op, begin), r)
        for feit, begin in geldende_feiten(handelingen, tot)
        if feit.bekend_op <= as_of
        for r in feit.lijnen()
    ]
    posten: dict[tuple[str, int], dict] = {}
    for sleutel in {(r.post, r.jaar) for _, r in lijnen if r.soort in ("raming", "wijziging", "prognose")}:
        mijn = [(k, r) for k, r in lijnen if (r.post, r.jaar) == sleutel]
        basis = _laatste([(k, r) for k, r in mijn if r.soort == "raming"])
        raming = (bedrag(basis[1]) if basis else NUL) + sum(
            (bedrag(r) for k, r in mijn if r.soort == "wijziging" and (basis is None or k > basis[0])), NUL
        )
        info = _laatste([(k, r) for k, r in mijn if r.soort == "prognose"])
        prognose = bedrag(info[1]) if info else raming
        richting = mijn[0][1].richting
        effect = prognose - raming if richting == "baten" else raming - prognose
        posten[sleutel] = {"raming": raming, "prognose": prognose, "effect": effect}
    jaren = {}
    for jaar in {r.jaar for _, r in lijnen}:
        basis = _laatste([(k, r) for k, r in lijnen if r.soort == "saldo" and r.jaar == jaar])
        begroot = (bedrag(basis[1]) if basis else NUL) + sum(
            (
                (bedrag(r) if r.richting == "baten" else -bedrag(r))
                for k, r in lijnen
                if r.soort == "wijziging" and r.jaar == jaar and (basis is None or k > basis[0])
            ),
            NUL,
        )
        effect = sum((p["effect"] for (_, j), p in posten.items() if j == jaar), NUL)
        jaren[jaar] = {"begroot_saldo": begroot, "effect": effect}
    pm = {}
    for sleutel in {(r.post, r.jaar) for _, r in lijnen if r.soort == "pm"}:
        laatste_pm = _laatste([(k, r) for k, r in lijnen if r.soort == "pm" and (r.post, r.jaar) == sleutel])
        later = [k for k, r in lijnen if r.soort == "prognose" and (r.post, r.jaar) == sleutel and k > laatste_pm[0]]
        if not later:
            pm[sleutel] = bedrag(laatste_pm[1])
    return {"posten": posten, "jaren": jaren, "pm": pm}
