"""The JSON form of a year's BUIG analysis, with the SPEC's keys; fractions as exact decimal text."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from events.buig_formules import Toets
from projections.als_json import zicht_json
from projections.buig import Beschikking, Buiganalyse, Knoop, Mutatie


def buig_json(a: Buiganalyse) -> dict[str, Any]:
    return zicht_json(a.zicht) | {
        "jaar": a.jaar,
        "fasen": [_beschikking_json(b) for b in a.fasen],
        "beschikking": None if a.beschikking is None else _beschikking_json(a.beschikking),
        "mutatie": None if a.mutatie is None else _mutatie_json(a.mutatie),
        "verdeling": [_toets_json(t) for t in a.verdeling],
    }


def _beschikking_json(b: Beschikking) -> dict[str, Any]:
    return {"fase": b.fase, "bedrag": b.bedrag, "bekend_op": b.bekend_op, "bron": b.bron, "event": b.event_id}


def _mutatie_json(m: Mutatie) -> dict[str, Any]:
    van = {"jaar": m.van.jaar, "fase": m.van.fase, "bedrag": m.van.bedrag, "bron": m.van.bron or None}
    return {
        "van": van,
        "bedrag": m.bedrag,
        "opbouw": [_knoop_json(k) for k in m.opbouw],
        "som": m.som,
        "verschil": m.verschil,
        "oordeel": m.oordeel,
    }


def _knoop_json(k: Knoop) -> dict[str, Any]:
    return {
        "naam": k.naam,
        "bedrag": k.bedrag,
        "som": k.som,
        "verschil": k.verschil,
        "oordeel": k.oordeel if k.som is not None else None,
        "opbouw": [_knoop_json(o) for o in k.opbouw],
    }


def _toets_json(t: Toets) -> dict[str, Any]:
    def getal(w: Decimal | None) -> Any:
        return w if w is None or t.soort == "bedrag" else format(w.normalize(), "f")

    return {
        "naam": t.naam,
        "vermeld": getal(t.vermeld),
        "berekend": getal(t.berekend),
        "verschil": getal(t.verschil),
        "formule": t.formule,
        "oordeel": t.oordeel,
        "invoer": {k: format(w.quantize(Decimal("1E-10")).normalize(), "f") for k, w in t.invoer.items()},
    }
