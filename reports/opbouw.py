"""The opbouw and warnings of an event as rows under it in a table, and as keys of its JSON."""

from __future__ import annotations

from typing import Any

from events.getallen import soort_melding
from projections.opbouw import Opbouw
from reports.model import Column, Row, rij
from taal import _

INSPRONG = "  "


def opbouw_rijen(kolommen: tuple[Column, ...], opbouw: Opbouw | None) -> list[Row]:
    """`opbouw` with the amount it explains, each part indented under it, and where it does not add up
    the sum of the parts and the difference. Names go in the `type` column, amounts in `bedrag`."""
    if opbouw is None:
        return []
    kop = _rij(kolommen, "opbouw", opbouw.som if opbouw.bedrag is None else opbouw.bedrag)
    return [kop, *_delen(kolommen, opbouw.delen, 1), *_verschil(kolommen, opbouw.som, opbouw.verschil, 0)]


def _delen(kolommen: tuple[Column, ...], delen: tuple[dict[str, Any], ...] | list[Any], diepte: int) -> list[Row]:
    rijen = []
    for d in delen:
        rijen.append(_rij(kolommen, INSPRONG * diepte + d["naam"], d["bedrag"]))
        rijen += _delen(kolommen, d["opbouw"], diepte + 1)
        rijen += _verschil(kolommen, d.get("som"), d.get("verschil"), diepte)
    return rijen


def _verschil(kolommen: tuple[Column, ...], som: Any, verschil: Any, diepte: int) -> list[Row]:
    if verschil is None:
        return []
    insprong = INSPRONG * diepte
    return [_rij(kolommen, insprong + _("som der delen"), som), _rij(kolommen, insprong + _("verschil"), verschil)]


def _rij(kolommen: tuple[Column, ...], naam: str, bedrag: Any) -> Row:
    return rij(kolommen, [naam if k.key == "type" else bedrag if k.key == "bedrag" else "" for k in kolommen], "opbouw")


def waarschuwing_rijen(kolommen: tuple[Column, ...], waarschuwingen: tuple[str, ...], kolom: str) -> list[Row]:
    """One row per kept line: `waarschuwing` (or `afronding`) in the type column, the text in `kolom`."""
    return [
        rij(
            kolommen,
            [soort_melding(w) if k.key == "type" else w if k.key == kolom else "" for k in kolommen],
            "waarschuwing",
        )
        for w in waarschuwingen
    ]


def opbouw_json(opbouw: Opbouw | None) -> dict[str, Any]:
    """The keys an event gets where it has an opbouw: the parts in the diff's shape, what they explain, their sum."""
    if opbouw is None:
        return {}
    verschil = {} if opbouw.verschil is None else {"opbouw_verschil": opbouw.verschil}
    return {"opbouw": list(opbouw.delen), "opbouw_bedrag": opbouw.bedrag, "opbouw_som": opbouw.som, **verschil}
