"""Reserve stands per year, as known on a date and as recorded by a moment.

Stand at the end of year Y = beginstand + dotaties - onttrekkingen with jaar <= Y
(a resultaatbestemming counts in the year after the result it books).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from events.getallen import LAATSTE_JAAR
from events.reservestanden import NUL, standen
from projections.zicht import Zicht, euros, vraag
from storage.schema import Tabelnamen
from storage.verbinding import Verbinding

PER_JAAR = """
SELECT reserve, jaar, soort, MAX(reserve_soort) AS reserve_soort, SUM(cents) AS cents
FROM {reservemutaties} WHERE {zichtbaar}
GROUP BY reserve, jaar, soort
ORDER BY reserve, jaar
"""


@dataclass
class Reserve:
    """One reserve: its soort, its stand per year and what moved it.

    Attributes:
        mutaties: per year per soort (beginstand, dotatie, onttrekking, resultaatbestemming), signed.
    """

    naam: str
    soort: str | None = None
    standen: dict[int, Decimal] = field(default_factory=dict)
    mutaties: dict[int, dict[str, Decimal]] = field(default_factory=dict)


def reserves(verbinding: Verbinding, t: Tabelnamen, zicht: Zicht) -> dict[str, Reserve]:
    uitkomst: dict[str, Reserve] = {}
    for r in verbinding.execute(vraag(PER_JAAR, reservemutaties=t.reservemutaties), zicht.params()):
        reserve = uitkomst.setdefault(r.reserve, Reserve(r.reserve))
        reserve.soort = reserve.soort or r.reserve_soort
        reserve.mutaties.setdefault(r.jaar, {})[r.soort] = euros(r.cents)
    gevraagd = zicht.jaren[1] < LAATSTE_JAAR
    laatste = zicht.jaren[1] if gevraagd else max((j for r in uitkomst.values() for j in r.mutaties), default=0)
    for reserve in uitkomst.values():
        per_jaar = {jaar: sum(soorten.values(), NUL) for jaar, soorten in reserve.mutaties.items()}
        reserve.standen = {j: s for j, s in standen(per_jaar, tot=laatste).items() if j >= zicht.jaren[0]}
    return uitkomst


def mutaties_exploitatie(alle: dict[str, Reserve]) -> dict[int, tuple[Decimal, Decimal]]:
    """Per year (dotaties, onttrekkingen) that pass through the exploitatie, as the BBV shows them.

    The beginstand is no mutation of a year, and a resultaatbestemming is booked on
    the balance sheet when the raad decides on the jaarrekening, not as lasten or baten.
    """
    per_jaar: dict[int, tuple[Decimal, Decimal]] = {}
    for reserve in alle.values():
        for jaar, soorten in reserve.mutaties.items():
            dotaties, onttrekkingen = per_jaar.get(jaar, (NUL, NUL))
            per_jaar[jaar] = (dotaties + soorten.get("dotatie", NUL), onttrekkingen - soorten.get("onttrekking", NUL))
    return per_jaar
