"""Corona compensations from the rijk."""

from __future__ import annotations

from typing import Literal

from events.base import Bedragen, Informatie, Naam


class CoronaCompensatieToegekend(Informatie):
    """A corona compensation for one maatregel.

    Attributes:
        route: `algemene_uitkering` (a component of the AU, no effect of its own)
            or `specifieke_uitkering` (baten on `corona.<maatregel>`).
        kosten: expected extra costs, lasten on `corona.<maatregel>.kosten`.
    """

    type: Literal["corona_compensatie"] = "corona_compensatie"
    maatregel: Naam
    route: Literal["algemene_uitkering", "specifieke_uitkering"]
    bedragen: Bedragen
    kosten: Bedragen | None = None

    def jaren(self) -> set[int]:
        return set(self.bedragen) | set(self.kosten or {})
