"""The opbouw of one event for one post and year: the parts `explain` and `history` show under the post.

The parts are in the same shape as the diff's per-row `opbouw` (`naam`, `bedrag`,
`opbouw`); a part that has parts of its own also says their sum (`som`), and the
difference (`verschil`) where they do not add up to it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Opbouw:
    """The parts one event states for a post's amount in one year.

    Attributes:
        bedrag: the amount the parts explain as the document states it (a circulaire's or
            prognose's change), None when it states none (absolute amounts).
        som: the sum of the parts.
    """

    bedrag: Decimal | None
    som: Decimal
    delen: tuple[dict[str, Any], ...]

    @property
    def verschil(self) -> Decimal | None:
        """bedrag − som where they differ; None where the parts add up or no bedrag is stated."""
        return None if self.bedrag is None or self.bedrag == self.som else self.bedrag - self.som


def opbouw_van(state: bytes | str, post: str, jaar: int) -> Opbouw | None:
    """The opbouw a stored event gives for `post` in `jaar`, if it explains that post."""
    feit = json.loads(state).get("feit") or {}
    if not feit.get("opbouw"):
        return None
    from events.registry import lees_feit, model_van  # the models only for an event that has an opbouw

    if model_van(feit["type"]).verklaarde_post(feit) != post:
        return None
    delen = knopen(feit["opbouw"], jaar)
    if not delen:
        return None
    verklaard = lees_feit(feit).door_opbouw_verklaard()
    gesteld = verklaard.get(jaar, verklaard.get(None))
    return Opbouw(gesteld, _som(delen), tuple(delen))


def knopen(opbouw: dict[str, Any], jaar: int) -> list[dict[str, Any]]:
    """The parts for one year, from the stored JSON form; parts without that year left out."""
    uit = []
    for naam, deel in opbouw.items():
        onder = knopen(deel.get("opbouw") or {}, jaar)
        gegeven = deel.get("bedrag") if deel.get("bedrag") is not None else (deel.get("bedragen") or {}).get(str(jaar))
        if gegeven is None and not onder:
            continue
        knoop: dict[str, Any] = {"naam": naam, "bedrag": _som(onder) if gegeven is None else Decimal(gegeven)}
        knoop["opbouw"] = onder
        if onder:
            knoop["som"] = _som(onder)
            if knoop["som"] != knoop["bedrag"]:
                knoop["verschil"] = knoop["bedrag"] - knoop["som"]
        uit.append(knoop)
    return uit


def _som(delen: list[dict[str, Any]]) -> Decimal:
    return sum((d["bedrag"] for d in delen), Decimal("0.00"))
