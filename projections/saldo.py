"""The begrotingssaldo per year and per post, as known on a date and as recorded by a moment.

All of it is SQL over the bitemporal rows: the latest raming, prognose, saldo
and pm per post and year by (bekend_op, geboekt_op), and the wijzigingen that
came after the begroting they add to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from events.postbedragen import AU, effect
from projections.pm import PmZonderBedrag, pm_zonder_bedrag
from projections.reserves import NUL, mutaties_exploitatie, reserves
from projections.verloop import BEGROOT, PER_POST, PROGRAMMAS
from projections.zicht import Zicht, euros, vraag
from storage.schema import Tabelnamen
from storage.verbinding import Verbinding


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
    incidenteel: bool = False
    budgetneutraal: bool = False
    """The information in force passes the money on (an integratie- or decentralisatie-uitkering)."""
    doorgegeven: Decimal = Decimal("0.00")
    """Budgetneutraal: the change of the baten, booked as the same lasten on the post (`effect` is then 0)."""


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
    incidenteel: bool = False


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
    incidenteel_saldo: Decimal = Decimal("0.00")
    """The incidental part of the verwacht saldo: the begroting's and its wijzigingen's, and incidental effects."""

    @property
    def structureel_saldo(self) -> Decimal:
        """What the BBV (art. 19) and the provincial toezicht judge: the verwacht saldo without its incidental part."""
        return self.verwacht_saldo - self.incidenteel_saldo

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
    zicht: Zicht
    jaren: dict[int, Jaarsaldo]
    posten: list[Postsaldo]
    pm: list[Pm] = field(default_factory=list)
    onderdelen: list[Onderdeel] = field(default_factory=list)
    programma: dict[str, str] = field(default_factory=dict)
    pm_zonder_bedrag: list[PmZonderBedrag] = field(default_factory=list)


def programmas(verbinding: Verbinding, t: Tabelnamen, zicht: Zicht) -> dict[str, str]:
    """The programma (pijler) of each post, as its latest document gives it."""
    return {
        r.post: r.programma for r in verbinding.execute(vraag(PROGRAMMAS, postbedragen=t.postbedragen), zicht.params())
    }


def _per_post(verbinding: Verbinding, t: Tabelnamen, zicht: Zicht) -> list[Any]:
    return verbinding.execute(vraag(PER_POST, postbedragen=t.postbedragen), zicht.params()).all()


def _postsaldo(rij: Any) -> Postsaldo:
    raming = euros(rij.raming)
    prognose = raming if rij.prognose is None else euros(rij.prognose)
    waarde = effect(rij.richting, raming, prognose)
    neutraal = bool(rij.budgetneutraal)
    return Postsaldo(
        rij.post,
        rij.richting,
        rij.jaar,
        raming,
        prognose,
        NUL if neutraal else waarde,
        rij.prognose_versie,
        bool(rij.incidenteel),
        neutraal,
        waarde if neutraal else NUL,
    )


def posten(verbinding: Verbinding, t: Tabelnamen, zicht: Zicht) -> list[Postsaldo]:
    return [_postsaldo(rij) for rij in _per_post(verbinding, t, zicht) if rij.is_post]


def saldo(verbinding: Verbinding, t: Tabelnamen, zicht: Zicht) -> Saldo:
    rijen = _per_post(verbinding, t, zicht)
    per_post = [_postsaldo(r) for r in rijen if r.is_post]
    huidig = {(p.post, p.jaar): p.prognose for p in per_post}
    pm = [
        Pm(
            r.post,
            r.richting,
            r.jaar,
            euros(r.pm),
            effect(r.richting, huidig.get((r.post, r.jaar), NUL), euros(r.pm)),
            r.pm_bron,
            r.pm_versie,
        )
        for r in rijen
        if r.pm is not None
    ]
    onderdelen = sorted(
        (
            Onderdeel(r.post, r.deel_van, r.jaar, euros(r.deel), r.deel_bron, r.deel_versie, bool(r.deel_incidenteel))
            for r in rijen
            if r.deel is not None
        ),
        key=lambda o: (o.jaar, o.onderdeel_van, o.post),
    )
    begroot_rijen = verbinding.execute(vraag(BEGROOT, postbedragen=t.postbedragen), zicht.params()).all()
    begroot = {r.jaar: euros(r.begroot) for r in begroot_rijen}
    incidenteel = {r.jaar: euros(r.begroot_incidenteel) for r in begroot_rijen}
    reservemutaties = mutaties_exploitatie(reserves(verbinding, t, zicht))
    jaren = sorted(
        {r.jaar for r in rijen} | set(begroot) | {j for j in reservemutaties if zicht.jaren[0] <= j <= zicht.jaren[1]}
    )
    per_jaar = {
        jaar: Jaarsaldo(
            begroot.get(jaar, NUL),
            sum((p.effect for p in per_post if p.jaar == jaar), NUL),
            *reservemutaties.get(jaar, (NUL, NUL)),
            incidenteel.get(jaar, NUL) + incidentele_effecten(jaar, per_post, onderdelen),
        )
        for jaar in jaren
    }
    zonder = pm_zonder_bedrag(verbinding, t, zicht)
    return Saldo(zicht, per_jaar, per_post, pm, onderdelen, programmas(verbinding, t, zicht), zonder)


def incidentele_effecten(jaar: int, per_post: list[Postsaldo], onderdelen: list[Onderdeel]) -> Decimal:
    """The incidental effects of a year: of incidental posts, and the incidental parts of a structural AU
    that information has set (a corona compensation paid through it is incidental money in the AU)."""
    eigen = [p for p in per_post if p.jaar == jaar]
    uit = sum((p.effect for p in eigen if p.incidenteel), NUL)
    au = next((p for p in eigen if p.post == AU and p.bijgesteld_door is not None and not p.incidenteel), None)
    if au is not None:
        uit += sum((o.bedrag for o in onderdelen if o.jaar == jaar and o.onderdeel_van == AU and o.incidenteel), NUL)
    return uit
