"""Each event type's line in a listing (the journal, explain, history), read from its stored JSON.

A listing shows a handful of events and needs no validation: building the pydantic models costs
a question more than answering it (issue 16), so the lines are made here, from the JSON as the
ledger stores it, and `Feit.samenvatting` says the same through this module.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from events.getallen import euro

Json = dict[str, Any]


def jaren_tekst(jaren: set[int]) -> str:
    """{2020, 2021, 2023} -> '2020-2023', as a journal line says it."""
    if not jaren:
        return "-"
    return f"{min(jaren)}-{max(jaren)}" if len(jaren) > 1 else str(min(jaren))


def _jaren(*reeksen: Any) -> set[int]:
    return {int(j) for reeks in reeksen for j in reeks or {}}


def _bedrag(tekst: Any) -> Decimal:
    return Decimal(str(tekst)) if tekst is not None else Decimal(0)


def _begroting(f: Json) -> str:
    posten = f.get("posten") or []
    jaren = _jaren(f.get("saldo"), f.get("incidenteel_saldo"), *(p["bedragen"] for p in posten))
    return f"{f['naam']}: {len(posten)} posten, {jaren_tekst(jaren)}"


def _begrotingswijziging(f: Json) -> str:
    return f"{f['naam']}: {len(f['posten'])} posten, {jaren_tekst(_jaren(*(p['bedragen'] for p in f['posten'])))}"


def _bcf(f: Json) -> str:
    deel = f" (in {f['onderdeel_van']})" if f.get("onderdeel_van") else ""
    bedrag = euro(_bedrag(f["bedrag"])) if f.get("bedrag") is not None else f"mutatie {euro(_bedrag(f.get('mutatie')))}"
    return f"BCF {f['type'].removeprefix('bcf_')} {f['jaar']}: {bedrag}{deel}"


def _circulaire(f: Json) -> str:
    delen = [f"{f['soort']}circulaire {f['jaar']}: algemene uitkering {jaren_tekst(_jaren(f['algemene_uitkering']))}"]
    if f.get("taakmutaties"):
        delen.append(f"{len(f['taakmutaties'])} taakmutaties")
    return ", ".join(delen)


def _corona(f: Json) -> str:
    totaal = sum((_bedrag(b) for b in f["bedragen"].values()), Decimal(0))
    return f"corona {f['maatregel']} via {f['route'].replace('_', ' ')}: {euro(totaal)}"


def _investering(f: Json) -> str:
    in_gebruik = date.fromisoformat(f["in_gebruik"]).year
    afgeschreven = f.get("geactiveerd") and f.get("methode") != "niet_afschrijven" and f.get("termijn")
    jaren = set(range(in_gebruik + 1, in_gebruik + 1 + f["termijn"])) if afgeschreven else {in_gebruik}
    return f"investering {jaren_tekst(jaren)}"


SAMENVATTINGEN: dict[str, Callable[[Json], str]] = {
    "begroting": _begroting,
    "begrotingswijziging": _begrotingswijziging,
    "bcf_voorschot": _bcf,
    "bcf_afrekening": _bcf,
    "buig_beschikking": lambda f: f"BUIG {f['jaar']} {f['fase'].replace('_', ' ')}: {euro(_bedrag(f['bedrag']))}",
    "circulaire": _circulaire,
    "corona_compensatie": _corona,
    "investering": _investering,
    "prognose": lambda f: f"prognose {f['post']} {jaren_tekst(_jaren(f.get('bedragen'), f.get('mutaties')))}",
    "realisatie": lambda f: f"realisatie {int(f['periode'][:4])}",
    "reserve_ingesteld": lambda f: (
        f"{f['soort'].replace('_', ' ')} {f['reserve']} per {f['per']}: {euro(_bedrag(f['beginstand']))}"
    ),
    "reserve_mutatie": lambda f: f"{f['soort']} {f['reserve']} {f['jaar']}: {euro(_bedrag(f['bedrag']))}",
    "resultaatbestemming": lambda f: (
        f"resultaatbestemming {f['jaar']}: {euro(_bedrag(f['resultaat']))} naar {len(f['toevoegingen'])} reserve(s)"
    ),
}


def samenvatting(feit: Json) -> str:
    """The event in one line of the journal; a type without a line of its own shows its type."""
    maak = SAMENVATTINGEN.get(feit["type"])
    return maak(feit) if maak else f"{feit['type']} -"
