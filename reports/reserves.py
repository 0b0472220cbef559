"""The reserves as a report: the stand of each reserve at the end of each year."""

from __future__ import annotations

from decimal import Decimal

from events.gemeenten import met_naam
from projections.als_json import reserves_json
from projections.reserves import Reserve
from projections.zicht import Zicht
from reports.gedeeld import peil_tekst
from reports.model import Answer, Eenheid, Report, in_woorden, kolom, rij
from taal import _

MUTATIES = ("beginstand", "dotatie", "onttrekking", "resultaatbestemming")
CSV_KOLOMMEN = tuple(
    kolom(k, money=k in (*MUTATIES, "stand")) for k in ("reserve", "soort", "jaar", *MUTATIES, "stand")
)


def reserves(zicht: Zicht, alle: dict[str, Reserve]) -> Answer:
    return Answer("reserves", (tabel(zicht, alle),), reserves_json(zicht, alle), csv(alle))


def tabel(zicht: Zicht, alle: dict[str, Reserve]) -> Report:
    jaren = sorted({j for r in alle.values() for j in r.standen})
    if not jaren:
        return in_woorden("Reserves", titel(zicht), zicht.jaren)
    kolommen = (kolom("reserve"), kolom("soort"), *(kolom(str(j), money=True) for j in jaren))
    rijen = tuple(
        rij(kolommen, [naam, (r.soort or "").replace("_", " "), *(r.standen.get(j) for j in jaren)])
        for naam, r in sorted(alle.items())
    )
    return Report("Reserves", (titel(zicht),), kolommen, rijen, ((Eenheid(),),))


def titel(zicht: Zicht) -> str:
    gezegd = _("Reserves {gemeente}: stand einde jaar, {peil}")
    return gezegd.format(gemeente=met_naam(zicht.gemeente), peil=peil_tekst(zicht))


def csv(alle: dict[str, Reserve]) -> Report:
    rijen = tuple(
        rij(CSV_KOLOMMEN, [naam, r.soort, j, *(r.mutaties.get(j, {}).get(k, Decimal("0.00")) for k in MUTATIES), stand])
        for naam, r in sorted(alle.items())
        for j, stand in r.standen.items()
    )
    return Report("Reserves", ("Reserves",), CSV_KOLOMMEN, rijen)
