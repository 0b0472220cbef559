"""Year-end forecasts from realisaties, by run rate: realised / elapsed periods x periods in the year."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from events.getallen import CENT, euro
from events.postbedragen import effect
from events.realisatie import PERIODEN_PER_JAAR
from projections.saldo import posten
from projections.zicht import Zicht, euros, vraag
from storage.schema import Tabelnamen
from storage.verbinding import Verbinding

REALISATIES = """
SELECT post, richting, periode, SUM(cents) AS cents FROM {postbedragen}
WHERE {zichtbaar} AND soort = 'realisatie' AND jaar = :jaar
GROUP BY post, richting, periode ORDER BY post, periode
"""
WOORD = {"P": "vierwekelijkse perioden", "M": "maanden", "Q": "kwartalen"}


@dataclass(frozen=True)
class Forecast:
    """The run-rate year-end figure of one post, with how it was reached.

    Attributes:
        verstreken, perioden: the last period with a realisatie, of how many in the year.
        methode: the sum, spelled out for the controller and the auditor.
    """

    post: str
    richting: str
    jaar: int
    gerealiseerd: Decimal
    verstreken: int
    perioden: int
    forecast: Decimal
    raming: Decimal
    prognose: Decimal
    methode: str

    @property
    def effect(self) -> Decimal:
        return effect(self.richting, self.raming, self.forecast)

    @property
    def laatste_periode(self) -> str:
        return f"{self.verstreken:02d}-{self.perioden}"


def _forecast(
    post: str, richting: str, jaar: int, per_periode: dict[str, Decimal], raming: Decimal, prognose: Decimal
) -> Forecast:
    soort = max(per_periode, key=lambda p: int(p[1:]) / PERIODEN_PER_JAAR[p[0]])[0]
    perioden = PERIODEN_PER_JAAR[soort]
    verstreken = max(int(p[1:]) for p in per_periode if p[0] == soort)
    gerealiseerd = sum(per_periode.values(), Decimal("0.00"))
    uitkomst = (gerealiseerd / verstreken * perioden).quantize(CENT, rounding=ROUND_HALF_UP)
    methode = (
        f"{euro(gerealiseerd)} gerealiseerd in {verstreken} van {perioden} {WOORD[soort]}: "
        f"{euro(gerealiseerd)} / {verstreken} x {perioden} = {euro(uitkomst)}"
    )
    return Forecast(post, richting, jaar, gerealiseerd, verstreken, perioden, uitkomst, raming, prognose, methode)


def forecasts(v: Verbinding, t: Tabelnamen, zicht: Zicht, jaar: int, post: str | None = None) -> list[Forecast]:
    jaarzicht = Zicht(zicht.gemeente, zicht.as_of, zicht.recorded_by, (jaar, jaar))
    stand = {p.post: p for p in posten(v, t, jaarzicht)}
    per_post: dict[tuple[str, str], dict[str, Decimal]] = {}
    for r in v.execute(vraag(REALISATIES, postbedragen=t.postbedragen), jaarzicht.params(jaar=jaar)):
        if post is None or r.post == post:
            per_post.setdefault((r.post, r.richting), {})[r.periode] = euros(r.cents)
    uitkomst = []
    for (naam, richting), per_periode in per_post.items():
        huidig = stand.get(naam)
        raming = huidig.raming if huidig else Decimal("0.00")
        uitkomst.append(_forecast(naam, richting, jaar, per_periode, raming, huidig.prognose if huidig else raming))
    return uitkomst
