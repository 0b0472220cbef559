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


def _post(mijn: list[tuple[tuple, Postbedrag]]) -> dict:
    """One post and year, row by row in knowledge order: the SPEC's rule told as a story."""
    basis, wijzigingen, prognose, incidenteel, pm, neutraal = NUL, NUL, None, False, None, False
    for _, r in mijn:
        raming = basis + wijzigingen
        if r.soort == "neutraal":  # the information just before it is passed on: no effect while it stands
            neutraal = True
        elif r.soort == "raming":
            basis, wijzigingen = bedrag(r), NUL
        elif r.soort == "wijziging":
            wijzigingen += bedrag(r)
        elif r.soort in ("prognose", "mutatie"):
            vorig = raming if prognose is None else prognose
            prognose = bedrag(r) if r.soort == "prognose" else vorig + bedrag(r)
            incidenteel, pm, neutraal = r.incidenteel, None, False
        elif r.soort in ("pm", "pm_mutatie"):
            vorig = raming if prognose is None else prognose
            pm = bedrag(r) if r.soort == "pm" else vorig + bedrag(r)
    raming = basis + wijzigingen
    bekend = raming if prognose is None else prognose
    effect = bekend - raming if mijn[0][1].richting == "baten" else raming - bekend
    effect = NUL if neutraal else effect
    gezet = prognose is not None
    return {
        "raming": raming,
        "prognose": bekend,
        "effect": effect,
        "incidenteel": incidenteel,
        "pm": pm,
        "gezet": gezet,
    }


def _jaar(jaar: int, lijnen: list[tuple[tuple, Postbedrag]], posten: dict) -> dict:
    begroot, incidenteel = NUL, NUL
    for _, r in (x for x in lijnen if x[1].jaar == jaar):
        teken = bedrag(r) if r.richting == "baten" else -bedrag(r)
        if r.soort == "saldo":
            begroot, incidenteel = bedrag(r), NUL
        elif r.soort == "saldo_incidenteel":
            incidenteel = bedrag(r)
        elif r.soort == "wijziging":
            begroot += teken
            incidenteel += teken if r.incidenteel else NUL
    eigen = [p for (_, j), p in posten.items() if j == jaar]
    effect = sum((p["effect"] for p in eigen), NUL)
    incidenteel += sum((p["effect"] for p in eigen if p["incidenteel"]), NUL)
    au = posten.get(("algemene_uitkering", jaar))
    if au is not None and au["gezet"] and not au["incidenteel"]:  # corona money in the AU is incidental
        incidenteel += _incidentele_onderdelen(jaar, lijnen)
    return {"begroot_saldo": begroot, "effect": effect, "incidenteel_saldo": incidenteel}


def _incidentele_onderdelen(jaar: int, lijnen: list[tuple[tuple, Postbedrag]]) -> Decimal:
    """The last stated component of each post in the AU this year, where it is incidental."""
    laatste: dict[str, Postbedrag] = {}
    for _, r in lijnen:
        if r.soort == "onderdeel" and r.jaar == jaar and r.onderdeel_van == "algemene_uitkering":
            laatste[r.post] = r
    return sum((bedrag(r) for r in laatste.values() if r.incidenteel), NUL)


def _pm_zonder_bedrag(lijnen: list[tuple[tuple, Postbedrag]]) -> list[str]:
    """Lines named without amounts, until a later line gives the post an amount (or a pm)."""
    later = ("raming", "wijziging", "prognose", "mutatie", "pm", "pm_mutatie")
    return sorted(
        r.post
        for k, r in lijnen
        if r.soort == "pm_post" and not any(q.post == r.post and q.soort in later and j > k for j, q in lijnen)
    )


def saldo(handelingen: list[Handeling], as_of: date, tot: int) -> dict:
    lijnen = sorted(
        (
            ((feit.bekend_op, begin), r)
            for feit, begin in geldende_feiten(handelingen, tot)
            if feit.bekend_op <= as_of
            for r in feit.lijnen()
        ),
        key=lambda x: x[0],
    )
    alle = {}
    for sleutel in {(r.post, r.jaar) for _, r in lijnen if r.soort not in ("saldo", "saldo_incidenteel", "pm_post")}:
        alle[sleutel] = _post([(k, r) for k, r in lijnen if (r.post, r.jaar) == sleutel])
    is_post = {(r.post, r.jaar) for _, r in lijnen if r.soort in ("raming", "wijziging", "prognose", "mutatie")}
    posten = {k: v for k, v in alle.items() if k in is_post}
    jaren = {jaar: _jaar(jaar, lijnen, posten) for jaar in {r.jaar for _, r in lijnen if r.soort != "pm_post"}}
    pm = {k: v["pm"] for k, v in alle.items() if v["pm"] is not None}
    return {
        "posten": {k: {n: v[n] for n in ("raming", "prognose", "effect")} for k, v in posten.items()},
        "jaren": jaren,
        "pm": pm,
        "pm_zonder_bedrag": _pm_zonder_bedrag(lijnen),
    }
