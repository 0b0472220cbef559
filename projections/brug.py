"""The diff as a bridge from one stand to the next: the begroting's own changes as rows of their own.

Between two knowledge dates the verwacht saldo moves by the change of every post's
effect (the `posten` rows of the diff) plus the change of the begroot saldo. The
latter is told here, line by line: each begrotingswijziging line known in between
that adds to the begroting in force at the later date (+ = voordeel: more baten or
fewer lasten), and a new begroting as one row for what it changed on its own. So,
per year, Σ posten.mutatie + Σ wijzigingen.mutatie = jaren.mutatie.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from projections.opbouw import knopen
from projections.zicht import Zicht, euros, vraag
from storage.schema import Tabelnamen
from storage.verbinding import Verbinding

REGELS = """
SELECT r.soort, r.post, r.richting, r.jaar, r.cents, r.bron, e.state,
  r.bekend_op, r.keten_geboekt_op, r.keten_positie, r.id
FROM {postbedragen} r JOIN {journaal} j ON j.gemeente = r.gemeente AND j.versie = r.versie
JOIN {events} e ON e.id = j.positie
WHERE {zichtbaar_r} AND r.bekend_op > :van AND r.jaar BETWEEN :j1 AND :j2 AND r.soort IN ('saldo', 'wijziging')
ORDER BY r.jaar, r.bekend_op, r.keten_geboekt_op, r.keten_positie, r.id
"""


Volgorde = tuple[date, int, int, int]
"""Where a line stands in knowledge order: bekend_op, then when and where it was recorded (KENNISVOLGORDE)."""


@dataclass(frozen=True)
class Wijziging:
    """One line of the bridge that changed the begroot saldo (+ = voordeel); `volgorde`: where its line stands."""

    bron: str
    naam: str
    post: str
    jaar: int
    mutatie: Decimal
    volgorde: Volgorde | None = None


def wijzigingen(v: Verbinding, t: Tabelnamen, zicht: Zicht, van: date, begroot: dict[int, Decimal]) -> list[Wijziging]:
    """`begroot`: per year the change of the begroot saldo from `van` to `zicht.as_of`."""
    sql = vraag(REGELS, postbedragen=t.postbedragen, journaal=t.journaal, events=t.events)
    per_jaar: dict[int, list[Any]] = {}
    for r in v.execute(sql, zicht.params(van=van)):
        per_jaar.setdefault(r.jaar, []).append(r)
    return [
        w for jaar, rijen in sorted(per_jaar.items()) for w in _van_jaar(jaar, rijen, begroot.get(jaar, Decimal(0)))
    ]


def _van_jaar(jaar: int, rijen: list[Any], begroot: Decimal) -> list[Wijziging]:
    laatste = max((i for i, r in enumerate(rijen) if r.soort == "saldo"), default=-1)
    regels = [_regel(r) for r in rijen[laatste + 1 :]]
    if laatste < 0:
        return regels
    begroting = rijen[laatste]
    eigen = begroot - sum((w.mutatie for w in regels), Decimal(0))
    return [Wijziging(begroting.bron, _naam(begroting.state), "saldo", jaar, eigen, _volgorde(begroting)), *regels]


def _regel(r: Any) -> Wijziging:
    bedrag = euros(r.cents)
    mutatie = bedrag if r.richting == "baten" else -bedrag
    return Wijziging(r.bron, _naam(r.state), r.post, r.jaar, mutatie, _volgorde(r))


def _volgorde(r: Any) -> Volgorde:
    return (r.bekend_op, r.keten_geboekt_op, r.keten_positie, r.id)


def _naam(state: bytes | str) -> str:
    return str(json.loads(state)["feit"].get("naam", ""))


OPBOUW = """
SELECT j.versie, e.state FROM {journaal} j JOIN {events} e ON e.id = j.positie
WHERE j.gemeente = :g AND j.versie IN ({versies})
"""


def opbouw_per_post(v: Verbinding, t: Tabelnamen, gemeente: str, versies: set[int]) -> dict[tuple[int, str], Any]:
    """(version, the post its opbouw explains) -> that opbouw, for the events that carry one."""
    if not versies:
        return {}
    lijst = ", ".join(str(int(versie)) for versie in sorted(versies))  # integers only: no injection
    sql = OPBOUW.format(journaal=t.journaal, events=t.events, versies=lijst)
    uitkomst = {}
    for r in v.execute(sql, {"g": gemeente}):
        feit = json.loads(r.state).get("feit") or {}
        if feit.get("opbouw"):
            from events.registry import model_van  # the models load only for an opbouw

            uitkomst[(r.versie, model_van(feit["type"]).verklaarde_post(feit))] = feit["opbouw"]
    return uitkomst


def delen(opbouw: dict[str, Any], jaar: int) -> list[dict[str, Any]]:
    """The parts of an opbouw for one year: [{naam, bedrag, opbouw: [...]}], parts without that year left out.

    Those of `explain` (projections.opbouw.knopen), without their sums: the diff's JSON keeps its shape.
    """
    return [_zonder_som(k) for k in knopen(opbouw, jaar)]


def _zonder_som(knoop: dict[str, Any]) -> dict[str, Any]:
    return {"naam": knoop["naam"], "bedrag": knoop["bedrag"], "opbouw": [_zonder_som(k) for k in knoop["opbouw"]]}
