"""What changed in the saldo between two knowledge dates, and which events did it.

This is the "Gevolgen septembercirculaire" table: per post and year the
effect as known on `van` and on `tot`, and the mutation between them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from ledger.ids import event_id
from projections.brug import Volgorde, Wijziging, delen, opbouw_per_post, wijzigingen
from projections.saldo import Postsaldo, Saldo, saldo
from projections.zicht import Zicht, vraag
from storage.schema import Tabelnamen
from storage.verbinding import Verbinding

OORZAKEN = """
SELECT post, jaar, versie, {kennisvolgorde} FROM {postbedragen}
WHERE {zichtbaar} AND bekend_op > :van AND jaar BETWEEN :j1 AND :j2
  AND soort NOT IN ('saldo', 'saldo_incidenteel', 'realisatie')
ORDER BY {kennisvolgorde}
"""


@dataclass(frozen=True)
class Postmutatie:
    post: str
    richting: str
    jaar: int
    effect_van: Decimal
    effect_tot: Decimal
    oorzaken: tuple[str, ...]
    pm: bool = False
    opbouw: tuple[dict[str, Any], ...] = ()
    """The parts of this change as the documents that made it state them (each part: naam, bedrag, opbouw)."""
    volgorde: Volgorde | None = None
    """The first of its causes in knowledge order, for document order: None without a cause."""
    budgetneutraal: bool = False
    """The row of a budgetneutraal uitkering's pass-through lasten, beside the row of its baten."""

    @property
    def mutatie(self) -> Decimal:
        return self.effect_tot - self.effect_van


@dataclass(frozen=True)
class Jaarmutatie:
    verwacht_van: Decimal
    verwacht_tot: Decimal
    begroot_van: Decimal
    begroot_tot: Decimal

    @property
    def mutatie(self) -> Decimal:
        return self.verwacht_tot - self.verwacht_van


@dataclass(frozen=True)
class Diff:
    zicht: Zicht
    van: date
    tot: date
    jaren: dict[int, Jaarmutatie]
    posten: list[Postmutatie]
    wijzigingen: list[Wijziging] = field(default_factory=list)


class Oorzaken(NamedTuple):
    """Per post and year: the events that changed it (by version, as ever), and the first in knowledge order."""

    events: dict[tuple[str, int], list[str]]
    eerste: dict[tuple[str, int], Volgorde]


def _oorzaken(verbinding: Verbinding, t: Tabelnamen, zicht: Zicht, van: date) -> Oorzaken:
    versies: dict[tuple[str, int], set[int]] = {}
    eerste: dict[tuple[str, int], Volgorde] = {}
    for r in verbinding.execute(vraag(OORZAKEN, postbedragen=t.postbedragen), zicht.params(van=van)):
        versies.setdefault((r.post, r.jaar), set()).add(r.versie)
        eerste.setdefault((r.post, r.jaar), (r.bekend_op, r.keten_geboekt_op, r.keten_positie, r.id))
    events = {s: [event_id(zicht.gemeente, v) for v in sorted(vs)] for s, vs in versies.items()}
    return Oorzaken(events, eerste)


def _jaren(voor: Saldo, na: Saldo) -> dict[int, Jaarmutatie]:
    nul = Decimal("0.00")
    uitkomst = {}
    for jaar in sorted(set(voor.jaren) | set(na.jaren)):
        a, b = voor.jaren.get(jaar), na.jaren.get(jaar)
        uitkomst[jaar] = Jaarmutatie(
            a.verwacht_saldo if a else nul,
            b.verwacht_saldo if b else nul,
            a.begroot_saldo if a else nul,
            b.begroot_saldo if b else nul,
        )
    return uitkomst


def diff(verbinding: Verbinding, t: Tabelnamen, zicht: Zicht, van: date) -> Diff:
    """From `van` to `zicht.as_of`, both as recorded by `zicht.recorded_by`."""
    voor, na = saldo(verbinding, t, zicht.op(van)), saldo(verbinding, t, zicht)
    oorzaken = _oorzaken(verbinding, t, zicht, van)
    effect_voor = {(p.post, p.jaar): p for p in voor.posten}
    effect_na = {(p.post, p.jaar): p for p in na.posten}
    pm = {(p.post, p.jaar) for p in na.pm}
    posten = []
    for sleutel in sorted(set(effect_voor) | set(effect_na), key=lambda s: (s[1], s[0])):
        a, b = effect_voor.get(sleutel), effect_na.get(sleutel)
        richting = (b or a).richting  # type: ignore[union-attr]
        mutatie = Postmutatie(
            sleutel[0],
            richting,
            sleutel[1],
            a.effect if a else Decimal("0.00"),
            b.effect if b else Decimal("0.00"),
            tuple(oorzaken.events.get(sleutel, ())),
            sleutel in pm,
            volgorde=oorzaken.eerste.get(sleutel),
        )
        posten += [m for m in doorgegeven(mutatie, a, b) if m.mutatie or m.oorzaken]
    posten = _met_opbouw(verbinding, t, zicht, posten)
    jaren = _jaren(voor, na)
    begroot = {j: m.begroot_tot - m.begroot_van for j, m in jaren.items()}
    return Diff(zicht, van, zicht.as_of, jaren, posten, wijzigingen(verbinding, t, zicht, van, begroot))


def doorgegeven(mutatie: Postmutatie, a: Postsaldo | None, b: Postsaldo | None) -> list[Postmutatie]:
    """A budgetneutraal uitkering as two rows: its baten as they changed, and the same change as lasten."""
    if not ((a and a.budgetneutraal) or (b and b.budgetneutraal)):
        return [mutatie]
    van, tot = (p.doorgegeven if p else Decimal("0.00") for p in (a, b))
    baten = replace(mutatie, effect_van=mutatie.effect_van + van, effect_tot=mutatie.effect_tot + tot)
    return [baten, replace(mutatie, richting="lasten", effect_van=-van, effect_tot=-tot, budgetneutraal=True)]


def _met_opbouw(v: Verbinding, t: Tabelnamen, zicht: Zicht, posten: list[Postmutatie]) -> list[Postmutatie]:
    """Each row gets the parts its documents state: the opbouw of the events that caused it, for its year."""
    opbouw = opbouw_per_post(v, t, zicht.gemeente, {_versie(o) for p in posten for o in p.oorzaken})
    uit = []
    for p in posten:
        gegeven = [opbouw[(_versie(o), p.post)] for o in p.oorzaken if (_versie(o), p.post) in opbouw]
        gegeven = [] if p.budgetneutraal else gegeven  # the parts explain the baten row
        uit.append(replace(p, opbouw=tuple(d for o in gegeven for d in delen(o, p.jaar))))
    return uit


def _versie(event: str) -> int:
    return int(event.rsplit("-", 1)[1])
