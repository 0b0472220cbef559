"""The algemene uitkering computed from its verdeelmaatstaven, on both axes, beside the AU the ledger holds.

The latest verdeelmodel and the latest maatstaven with the year, known on `as_of` and recorded by
`recorded_by`, come from the kept event contents (`feiten`); the AU the ledger holds is the post
algemene_uitkering's expected amount (circulaires and prognoses) as the saldo has it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from events.au_regel import Berekening, bereken
from events.au_verklaring import Verklaring, verklaar
from events.exact import euro_exact
from events.postbedragen import AU
from ledger.ids import event_id
from projections.saldo import posten
from projections.zicht import Zicht, vraag
from storage.schema import Tabelnamen
from storage.verbinding import Verbinding

INHOUD = """
SELECT versie, bron, bekend_op, inhoud FROM {feiten} WHERE {zichtbaar} AND type = :type
ORDER BY {kennisvolgorde}
"""


@dataclass(frozen=True)
class Bewaard:
    """An event's stored content with where it stands: its bron, event id and bekend_op."""

    feit: dict[str, Any]
    bron: str
    event_id: str
    bekend_op: date


def inhoud(v: Verbinding, t: Tabelnamen, zicht: Zicht, type: str) -> list[Bewaard]:
    """The events of a type that keeps its content, in force on both axes, in knowledge order."""
    rijen = v.execute(vraag(INHOUD, feiten=t.feiten), zicht.params(type=type))
    return [Bewaard(json.loads(r.inhoud), r.bron, event_id(zicht.gemeente, r.versie), r.bekend_op) for r in rijen]


def laatste(bewaard: list[Bewaard], jaar: int, *velden: str) -> Bewaard | None:
    """The latest of the events that give `jaar` (one of `velden` of it, when named)."""
    gevonden = [
        b
        for b in bewaard
        if str(jaar) in b.feit["jaren"] and (not velden or any(b.feit["jaren"][str(jaar)].get(v) for v in velden))
    ]
    return gevonden[-1] if gevonden else None


def _model(gewichten: Bewaard | None, factor: Bewaard | None, jaar: int) -> dict[str, Any] | None:
    """The year's weights of the one verdeelmodel, with the factor of the latest that gives one (a circulaire's
    note may give the factor alone)."""
    if gewichten is None:
        return None
    model = dict(gewichten.feit["jaren"][str(jaar)])
    return model | {"uitkeringsfactor": factor.feit["jaren"][str(jaar)]["uitkeringsfactor"]} if factor else model


@dataclass(frozen=True)
class Auberekening:
    """The AU of one year as computed, with the events it comes from, and the AU the ledger holds.

    Attributes:
        berekening: None when the ledger knows no verdeelmodel or no maatstaven for the year at that point.
        au_ledger: the expected amount of the post algemene_uitkering; None when the ledger has none.
    """

    zicht: Zicht
    jaar: int
    berekening: Berekening | None
    verdeelmodel: Bewaard | None
    maatstaven: Bewaard | None
    au_ledger: Decimal | None
    factor: Bewaard | None = None
    """The verdeelmodel the uitkeringsfactor comes from: the latest that gives one for the year."""

    @property
    def au(self) -> Decimal | None:
        exact = None if self.berekening is None else self.berekening.au
        return None if exact is None else euro_exact(exact)

    @property
    def verschil(self) -> Decimal | None:
        """Computed − held."""
        return None if self.au is None or self.au_ledger is None else self.au - self.au_ledger


def au(v: Verbinding, t: Tabelnamen, zicht: Zicht, jaar: int) -> Auberekening:
    """The latest weights (bedragen per eenheid, tarieven), factor and maatstaven known for `jaar`."""
    modellen = inhoud(v, t, zicht, "verdeelmodel")
    model = laatste(modellen, jaar, "bedragen_per_eenheid", "tarieven")
    factor = laatste(modellen, jaar, "uitkeringsfactor")
    maatstaven = laatste(inhoud(v, t, zicht, "maatstaven"), jaar)
    jaarzicht = Zicht(zicht.gemeente, zicht.as_of, zicht.recorded_by, (jaar, jaar))
    gehouden = next((p.prognose for p in posten(v, t, jaarzicht) if p.post == AU and p.jaar == jaar), None)
    berekening = None
    jaarmodel = _model(model, factor, jaar)
    if jaarmodel is not None and maatstaven is not None:
        berekening = bereken(jaar, jaarmodel, maatstaven.feit["jaren"][str(jaar)])
    return Auberekening(zicht, jaar, berekening, model, maatstaven, gehouden, factor)


@dataclass(frozen=True)
class Auverklaring:
    """The change of the computed AU of `jaar` between two knowledge dates, in its causes."""

    van: Auberekening
    tot: Auberekening
    verklaring: Verklaring | None


def au_verklaring(v: Verbinding, t: Tabelnamen, zicht: Zicht, van: date, jaar: int) -> Auverklaring:
    """From as known on `van` to as known on `zicht.as_of`, both as recorded by `zicht.recorded_by`."""
    een, twee = au(v, t, zicht.op(van), jaar), au(v, t, zicht, jaar)
    verklaring = None
    if een.berekening is not None and twee.berekening is not None and een.au is not None and twee.au is not None:
        verklaring = verklaar(een.berekening, twee.berekening)
    return Auverklaring(een, twee, verklaring)
