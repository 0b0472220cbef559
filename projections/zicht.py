"""The point in time a question is asked about, on both axes, and what it lets through."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from events.getallen import CENT, EERSTE_JAAR, LAATSTE_JAAR
from projections.tijd import EINDE_DER_TIJDEN, naar_us

KENNISVOLGORDE = "bekend_op, keten_geboekt_op, keten_positie, id"
"""Knowledge order: by bekend_op, then by when the event (its first version) was recorded."""


def geboekt(alias: str = "") -> str:
    """Rows of the gemeente known by :d and recorded by :t, superseded since or not (the audit trail)."""
    a = f"{alias}." if alias else ""
    return f"{a}gemeente = :g AND {a}bekend_op <= :d AND {a}zichtbaar_vanaf <= :t"


def zichtbaar(alias: str = "") -> str:
    """The bitemporal filter, once: known by :d, recorded by :t, and not superseded by then."""
    a = f"{alias}." if alias else ""
    return f"{geboekt(alias)} AND ({a}vervallen_op IS NULL OR {a}vervallen_op > :t)"


@dataclass(frozen=True)
class Zicht:
    """As known on `as_of` (bekend_op), as recorded by `recorded_by` (geboekt_op; None: now).

    Attributes:
        jaren: the begrotingsjaren asked about, first and last.
    """

    gemeente: str
    as_of: date
    recorded_by: datetime | None = None
    jaren: tuple[int, int] = (EERSTE_JAAR, LAATSTE_JAAR)

    @property
    def alle_jaren(self) -> bool:
        """No years were chosen: every begrotingsjaar is asked about."""
        return self.jaren == (EERSTE_JAAR, LAATSTE_JAAR)

    def params(self, **meer: Any) -> dict[str, Any]:
        t = EINDE_DER_TIJDEN if self.recorded_by is None else naar_us(self.recorded_by)
        return {"g": self.gemeente, "d": self.as_of, "t": t, "j1": self.jaren[0], "j2": self.jaren[1], **meer}

    def op(self, as_of: date) -> Zicht:
        return Zicht(self.gemeente, as_of, self.recorded_by, self.jaren)


def vraag(sql: str, **tables: str) -> str:
    """SQL over the read models, with table names and the bitemporal filters filled in."""
    filters = {
        "zichtbaar": zichtbaar(),
        "zichtbaar_r": zichtbaar("r"),
        "zichtbaar_p": zichtbaar("p"),
        "zichtbaar_q": zichtbaar("q"),
        "geboekt_r": geboekt("r"),
        "kennisvolgorde": KENNISVOLGORDE,
    }
    return sql.format(**filters, **tables)


def euros(cents: int | None) -> Decimal:
    return (Decimal(cents or 0) / 100).quantize(CENT)
