"""The begrotingssaldo per year and per post, as known on a date and as recorded by a moment.

All of it is SQL over the bitemporal rows: the latest raming, prognose, saldo
and pm per post and year by (bekend_op, geboekt_op), and the wijzigingen that
came after the begroting they add to.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy.engine import Connection

from projections.peil import Peil, euros, vraag
from projections.reserves import NUL, mutaties_exploitatie, reserves
from projections.tabellen import Tabellen

GEORDEND = """
WITH zicht AS (
  SELECT soort, post, richting, onderdeel_van, jaar, cents, bekend_op, orde_ts, orde, bron, versie
  FROM {regels} WHERE {zichtbaar} AND jaar BETWEEN :j1 AND :j2
),
geordend AS (
  SELECT zicht.*, ROW_NUMBER() OVER (
    PARTITION BY soort, post, jaar ORDER BY bekend_op DESC, orde_ts DESC, orde DESC) AS rn
  FROM zicht WHERE soort <> 'wijziging'
)
"""

POSTEN = GEORDEND + """,
sleutels AS (SELECT DISTINCT post, jaar, richting FROM zicht WHERE soort IN ('raming', 'wijziging', 'prognose')),
b AS (SELECT * FROM geordend WHERE soort = 'raming' AND rn = 1),
i AS (SELECT * FROM geordend WHERE soort = 'prognose' AND rn = 1)
SELECT s.post, s.jaar, s.richting, i.cents AS prognose, i.versie AS prognose_versie,
  COALESCE(b.cents, 0) + COALESCE((SELECT SUM(w.cents) FROM zicht w
    WHERE w.soort = 'wijziging' AND w.post = s.post AND w.jaar = s.jaar
      AND (b.post IS NULL OR {na})), 0) AS raming
FROM sleutels s
LEFT JOIN b ON b.post = s.post AND b.jaar = s.jaar
LEFT JOIN i ON i.post = s.post AND i.jaar = s.jaar
ORDER BY s.jaar, s.post
"""

BEGROOT = GEORDEND + """,
jaren AS (SELECT DISTINCT jaar FROM zicht),
b AS (SELECT * FROM geordend WHERE soort = 'saldo' AND rn = 1)
SELECT j.jaar, COALESCE(b.cents, 0) + COALESCE((SELECT SUM(
    CASE WHEN w.richting = 'baten' THEN w.cents ELSE -w.cents END) FROM zicht w
    WHERE w.soort = 'wijziging' AND w.jaar = j.jaar AND (b.jaar IS NULL OR {na})), 0) AS begroot
FROM jaren j LEFT JOIN b ON b.jaar = j.jaar
ORDER BY j.jaar
"""

PM = GEORDEND + """
SELECT p.post, p.jaar, p.richting, p.cents, p.bron, p.versie FROM geordend p
WHERE p.soort = 'pm' AND p.rn = 1 AND NOT EXISTS (
  SELECT 1 FROM zicht w WHERE w.soort = 'prognose' AND w.post = p.post AND w.jaar = p.jaar
    AND (w.bekend_op, w.orde_ts, w.orde) > (p.bekend_op, p.orde_ts, p.orde))
ORDER BY p.jaar, p.post
"""

PROGRAMMAS = """
SELECT post, programma FROM {regels} WHERE {zichtbaar} AND programma IS NOT NULL
ORDER BY bekend_op, orde_ts, orde
"""

ONDERDELEN = GEORDEND + """
SELECT post, onderdeel_van, jaar, cents, bron, versie FROM geordend
WHERE soort = 'onderdeel' AND rn = 1 ORDER BY jaar, onderdeel_van, post
"""


def effect(richting: str, raming: Decimal, prognose: Decimal) -> Decimal:
    """+ is voordeel: more baten or fewer lasten than begroot."""
    return prognose - raming if richting == "baten" else raming - prognose


@dataclass(frozen=True)
class Postsaldo:
    """One post in one year. `prognose` is the raming when no information says otherwise."""

    post: str
    richting: str
    jaar: int
    raming: Decimal
    prognose: Decimal
    effect: Decimal
    bijgesteld_door: int | None


@dataclass(frozen=True)
class Pm:
    """Known but kept out of the saldo; `effect` is what it would do against the current prognose."""

    post: str
    richting: str
    jaar: int
    bedrag: Decimal
    effect: Decimal
    bron: str
    versie: int


@dataclass(frozen=True)
class Onderdeel:
    """An amount already inside another post's total (no effect of its own)."""

    post: str
    onderdeel_van: str
    jaar: int
    bedrag: Decimal
    bron: str
    versie: int


@dataclass(frozen=True)
class Jaarsaldo:
    """One year, as the BBV shows it: the saldo van baten en lasten, the mutaties reserves, the resultaat.

    Attributes:
        begroot_saldo: the begroting's stated saldo with the wijzigingen that add to it.
        effect: the sum of every post's effect (+ is voordeel).
    """

    begroot_saldo: Decimal
    effect: Decimal
    dotaties: Decimal = Decimal("0.00")
    onttrekkingen: Decimal = Decimal("0.00")

    @property
    def verwacht_saldo(self) -> Decimal:
        """The saldo van baten en lasten as now expected."""
        return self.begroot_saldo + self.effect

    @property
    def mutaties_reserves(self) -> Decimal:
        """Onttrekkingen count as baten, dotaties as lasten (taakveld 0.10)."""
        return self.onttrekkingen - self.dotaties

    @property
    def resultaat(self) -> Decimal:
        return self.verwacht_saldo + self.mutaties_reserves


@dataclass(frozen=True)
class Saldo:
    peil: Peil
    jaren: dict[int, Jaarsaldo]
    posten: list[Postsaldo]
    pm: list[Pm] = field(default_factory=list)
    onderdelen: list[Onderdeel] = field(default_factory=list)
    programma: dict[str, str] = field(default_factory=dict)


def programmas(verbinding: Connection, t: Tabellen, peil: Peil) -> dict[str, str]:
    """The programma (pijler) of each post, as its latest document gives it."""
    return {r.post: r.programma for r in verbinding.execute(vraag(PROGRAMMAS, regels=t.regels.name), peil.params())}


def posten(verbinding: Connection, t: Tabellen, peil: Peil) -> list[Postsaldo]:
    uitkomst = []
    for rij in verbinding.execute(vraag(POSTEN, regels=t.regels.name), peil.params()):
        raming = euros(rij.raming)
        prognose = raming if rij.prognose is None else euros(rij.prognose)
        uitkomst.append(Postsaldo(rij.post, rij.richting, rij.jaar, raming, prognose,
                                  effect(rij.richting, raming, prognose), rij.prognose_versie))
    return uitkomst


def saldo(verbinding: Connection, t: Tabellen, peil: Peil) -> Saldo:
    per_post = posten(verbinding, t, peil)
    begroot = {r.jaar: euros(r.begroot) for r in verbinding.execute(vraag(BEGROOT, regels=t.regels.name), peil.params())}
    reservemutaties = mutaties_exploitatie(reserves(verbinding, t, peil))
    jaren = {
        jaar: Jaarsaldo(begroot.get(jaar, NUL), sum((p.effect for p in per_post if p.jaar == jaar), NUL),
                        *reservemutaties.get(jaar, (NUL, NUL)))
        for jaar in sorted(set(begroot) | {j for j in reservemutaties if peil.jaren[0] <= j <= peil.jaren[1]})
    }
    huidig = {(p.post, p.jaar): p for p in per_post}
    pm = []
    for rij in verbinding.execute(vraag(PM, regels=t.regels.name), peil.params()):
        tegen = huidig.get((rij.post, rij.jaar))
        basis = tegen.prognose if tegen else Decimal("0.00")
        pm.append(Pm(rij.post, rij.richting, rij.jaar, euros(rij.cents),
                     effect(rij.richting, basis, euros(rij.cents)), rij.bron, rij.versie))
    onderdelen = [
        Onderdeel(r.post, r.onderdeel_van, r.jaar, euros(r.cents), r.bron, r.versie)
        for r in verbinding.execute(vraag(ONDERDELEN, regels=t.regels.name), peil.params())
    ]
    return Saldo(peil, jaren, per_post, pm, onderdelen, programmas(verbinding, t, peil))
