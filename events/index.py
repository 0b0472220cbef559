"""Generated from the registry by `python -m tools.typen`; do not edit (a test checks it is current).

Each type's journal line and the post groups, for a listing or diff that loads no model: the
functions are the types' own `samenvatting`, copied from their modules (events/<type>.py).
"""

from __future__ import annotations

from events.samenvatting import Decimal, Json, bedrag, date, euro, jaren, jaren_tekst

GROEPEN: dict[str, str] = {
    "algemene_uitkering": "algemene_uitkering",
    "bcf": "bcf",
    "buig": "buig",
    "corona.": "corona",
    "du.": "uitkeringen",
    "iu.": "uitkeringen",
    "stelpost.": "stelposten",
    "taakmutatie.": "taakmutaties",
}


def _bcf_samenvatting(f: Json) -> str:
    deel = f" (in {f['onderdeel_van']})" if f.get("onderdeel_van") else ""
    tekst = euro(bedrag(f["bedrag"])) if f.get("bedrag") is not None else f"mutatie {euro(bedrag(f.get('mutatie')))}"
    return f"BCF {f['type'].removeprefix('bcf_')} {f['jaar']}: {tekst}{deel}"


def _begroting_samenvatting_begroting(f: Json) -> str:
    posten = f.get("posten") or []
    alle = jaren(f.get("saldo"), f.get("incidenteel_saldo"), *(p["bedragen"] for p in posten))
    return f"{f['naam']}: {len(posten)} posten, {jaren_tekst(alle)}"


def _begroting_samenvatting_wijziging(f: Json) -> str:
    return f"{f['naam']}: {len(f['posten'])} posten, {jaren_tekst(jaren(*(p['bedragen'] for p in f['posten'])))}"


def _buig_samenvatting(f: Json) -> str:
    return f"BUIG {f['jaar']} {f['fase'].replace('_', ' ')}: {euro(bedrag(f['bedrag']))}"


def _circulaire_samenvatting(f: Json) -> str:
    delen = [f"{f['soort']}circulaire {f['jaar']}: algemene uitkering {jaren_tekst(jaren(f['algemene_uitkering']))}"]
    if f.get("taakmutaties"):
        delen.append(f"{len(f['taakmutaties'])} taakmutaties")
    return ", ".join(delen)


def _corona_samenvatting(f: Json) -> str:
    totaal = sum((bedrag(b) for b in f["bedragen"].values()), Decimal(0))
    return f"corona {f['maatregel']} via {f['route'].replace('_', ' ')}: {euro(totaal)}"


def _verordening_samenvatting(f: Json) -> str:
    return f"{f['type']} -"  # the rules are the listing's detail; the line names only the type


def _investering_samenvatting(f: Json) -> str:
    in_gebruik = date.fromisoformat(f["in_gebruik"]).year
    afgeschreven = f.get("geactiveerd") and f.get("methode") != "niet_afschrijven" and f.get("termijn")
    jaren = set(range(in_gebruik + 1, in_gebruik + 1 + f["termijn"])) if afgeschreven else {in_gebruik}
    return f"investering {jaren_tekst(jaren)}"


def _maatstaven_samenvatting(f: Json) -> str:
    per_jaar = [len(j.get("aantallen") or {}) for j in f["jaren"].values()]
    herkomst = f["herkomst"].replace("_", " ")
    return f"maatstaven ({herkomst}) {jaren_tekst(jaren(f['jaren']))}: {max(per_jaar, default=0)} aantallen"


def _prognose_samenvatting(f: Json) -> str:
    return f"prognose {f['post']} {jaren_tekst(jaren(f.get('bedragen'), f.get('mutaties')))}"


def _realisatie_samenvatting(f: Json) -> str:
    return f"realisatie {int(f['periode'][:4])}"


def _reserves_samenvatting_ingesteld(f: Json) -> str:
    return f"{f['soort'].replace('_', ' ')} {f['reserve']} per {f['per']}: {euro(bedrag(f['beginstand']))}"


def _reserves_samenvatting_mutatie(f: Json) -> str:
    return f"{f['soort']} {f['reserve']} {f['jaar']}: {euro(bedrag(f['bedrag']))}"


def _reserves_samenvatting_bestemming(f: Json) -> str:
    return f"resultaatbestemming {f['jaar']}: {euro(bedrag(f['resultaat']))} naar {len(f['toevoegingen'])} reserve(s)"


def _verdeelmodel_samenvatting(f: Json) -> str:
    per_jaar = [len(j.get("bedragen_per_eenheid") or {}) + len(j.get("tarieven") or {}) for j in f["jaren"].values()]
    return f"verdeelmodel {jaren_tekst(jaren(f['jaren']))}: {max(per_jaar, default=0)} maatstaven"


SAMENVATTINGEN = {
    "bcf_voorschot": _bcf_samenvatting,
    "bcf_afrekening": _bcf_samenvatting,
    "begroting": _begroting_samenvatting_begroting,
    "begrotingswijziging": _begroting_samenvatting_wijziging,
    "buig_beschikking": _buig_samenvatting,
    "circulaire": _circulaire_samenvatting,
    "corona_compensatie": _corona_samenvatting,
    "verordening": _verordening_samenvatting,
    "investering": _investering_samenvatting,
    "maatstaven": _maatstaven_samenvatting,
    "prognose": _prognose_samenvatting,
    "realisatie": _realisatie_samenvatting,
    "reserve_ingesteld": _reserves_samenvatting_ingesteld,
    "reserve_mutatie": _reserves_samenvatting_mutatie,
    "resultaatbestemming": _reserves_samenvatting_bestemming,
    "verdeelmodel": _verdeelmodel_samenvatting,
}
