"""The reserves as a report: the stand of each reserve at the end of each year."""

from __future__ import annotations

from decimal import Decimal

from events.gemeenten import met_naam
from projections.als_json import reserves_json
from projections.reserves import Reserve
from projections.zicht import Zicht
from reports.gedeeld import peil_tekst
from reports.model import Answer, Eenheid, Report, in_woorden, kolom, rij

MUTATIES = ("beginstand", "dotatie", "onttrekking", "resultaatbestemming")
CSV_KOLOMMEN = tuple(
    kolom(k, money=k in (*MUTATIES, "stand")) for k in ("reserve", "soort", "jaar", *MUTATIES, "stand")
)


def reserves(zicht: Zicht, alle: dict[str, Reserve]) -> Answer:
    return Answer("reserves", (tabel(zicht, alle),), reserves_json(zicht, alle), csv(alle))


def tabel(zicht: Zicht, alle: dict[str, Reserve]) -> Report:
    jaren = sorted({j for r in alle.values() for j in r.standen})
    if not jaren:
        titel = f"Reserves {met_naam(zicht.gemeente)}: stand einde jaar, {peil_tekst(zicht)}"
        return in_woorden("Reserves", titel, zicht.jaren)
    kolommen = (kolom("reserve"), kolom("soort"), *(kolom(str(j), money=True) for j in jaren))
    rijen = tuple(
        rij(kolommen, [naam, (r.soort or "").replace("_", " "), *(r.standen.get(j) for j in jaren)])
        for naam, r in sorted(alle.items())
    )
    titel = (f"Reserves {met_naam(zicht.gemeente)}: stand einde jaar, {peil_tekst(zicht)}",)
    return Report("Reserves", titel, kolommen, rijen, ((Eenheid(),),))


def csv(alle: dict[str, Reserve]) -> Report:
    rijen = tuple(
        rij(CSV_KOLOMMEN, [naam, r.soort, j, *(r.mutaties.get(j, {}).get(k, Decimal("0.00")) for k in MUTATIES), stand])
        for naam, r in sorted(alle.items())
        for j, stand in r.standen.items()
    )
    return Report("Reserves", ("Reserves",), CSV_KOLOMMEN, rijen)
