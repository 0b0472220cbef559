"""A seeded generator of realistic synthetic ledgers: N gemeenten x Y years of source documents.

Per gemeente and year: a meerjarenbegroting, three circulaires with 5-year AU
series and taakmutaties, the BUIG beschikkingen (nader voorlopig and
definitief for the year, voorlopig for the next), the BCF voorschot (a
component of the AU) and afrekening, a prognose on a stelpost (now and then
pm), a begrotingswijziging after the septembercirculaire, reserve mutations
and the resultaatbestemming of the year before. Some circulaires get a
correction afterwards. Amounts are in euros with cents.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

VASTE_POSTEN = [
    ("iu.sociaal_domein", "baten", "6.1"),
    ("belastingen.ozb_woningen", "baten", "0.61"),
    ("belastingen.ozb_niet_woningen", "baten", "0.62"),
    ("leges.omgevingsvergunning", "baten", "8.3"),
    ("wmo.huishoudelijke_hulp", "lasten", "6.1"),
    ("wmo.begeleiding", "lasten", "6.1"),
    ("jeugd.ambulant", "lasten", "6.1"),
    ("bijstand.uitkeringen", "lasten", "6.3"),
    ("onderwijs.huisvesting", "lasten", "4.2"),
    ("wegen.onderhoud", "lasten", "2.1"),
    ("afval.inzameling", "lasten", "7.3"),
    ("riolering.beheer", "lasten", "7.2"),
    ("brandweer.veiligheidsregio", "lasten", "1.1"),
    ("bestuur.raad", "lasten", "0.1"),
    ("overhead.personeel", "lasten", "0.4"),
    ("stelpost.jeugdhulp", "baten", "0.7"),
]
TAAKMUTATIES = [
    "waterschapsverkiezingen",
    "dak_en_thuisloosheid",
    "gezond_in_de_stad",
    "omgevingsveiligheid",
    "jeugdhulp_aanvulling",
    "inburgering",
    "participatie_wsw",
]


def bedrag(rng: random.Random, basis: float, spreiding: float = 0.03) -> str:
    return str(Decimal(round(basis * (1 + rng.uniform(-spreiding, spreiding)) * 100)) / 100)


@dataclass
class Gemeente:
    code: str
    omvang: float  # inwoners / 1000: scales every amount
    rng: random.Random

    def reeks(self, basis: float, jaren: range, groei: float = 0.015) -> dict[str, str]:
        return {str(j): bedrag(self.rng, basis * self.omvang * (1 + groei) ** (j - jaren.start)) for j in jaren}


def _document(g: Gemeente, bron: str, datum: str, events: list[dict], titel: str) -> dict:
    return {"gemeente": g.code, "bron": {"id": bron, "titel": titel, "datum": datum}, "events": events}


def begroting(g: Gemeente, jaar: int) -> dict:
    jaren = range(jaar, jaar + 4)
    posten = [
        {"post": "algemene_uitkering", "richting": "baten", "taakveld": "0.7", "bedragen": g.reeks(1_600_000, jaren)},
        {"post": "buig", "richting": "baten", "taakveld": "6.3", "bedragen": g.reeks(300_000, jaren)},
    ]
    posten += [
        {"post": p, "richting": r, "taakveld": t, "bedragen": g.reeks(g.rng.uniform(20_000, 400_000), jaren)}
        for p, r, t in VASTE_POSTEN
    ]
    saldo = {str(j): bedrag(g.rng, 5_000 * g.omvang, 1.0) for j in jaren}
    event = {"type": "begroting", "naam": f"Programmabegroting {jaar}-{jaar + 3}", "saldo": saldo, "posten": posten}
    return _document(g, f"begroting-{jaar}", f"{jaar - 1}-11-10", [event], f"Programmabegroting {jaar}-{jaar + 3}")


def circulaire(g: Gemeente, jaar: int, soort: str, datum: str) -> dict:
    taak = g.rng.sample(TAAKMUTATIES, 4)
    event = {
        "type": "circulaire",
        "soort": soort,
        "jaar": jaar,
        "algemene_uitkering": g.reeks(1_610_000, range(jaar, jaar + 5)),
        "taakmutaties": [
            {"naam": t, "bedragen": g.reeks(g.rng.uniform(200, 9_000), range(jaar, jaar + 3))} for t in taak
        ],
    }
    events = [event]
    if soort == "september":
        events.append(
            {
                "type": "bcf_voorschot",
                "jaar": jaar,
                "bedrag": bedrag(g.rng, 5_000 * g.omvang, 0.3),
                "onderdeel_van": "algemene_uitkering",
            }
        )
    if soort == "mei":
        events.append({"type": "bcf_afrekening", "jaar": jaar - 1, "bedrag": bedrag(g.rng, 6_000 * g.omvang, 0.3)})
    return _document(g, f"{soort}circulaire-{jaar}", datum, events, f"{soort.capitalize()}circulaire {jaar}")


def buig(g: Gemeente, jaar: int) -> list[dict]:
    nader = {
        "type": "buig_beschikking",
        "fase": "nader_voorlopig",
        "jaar": jaar,
        "bedrag": bedrag(g.rng, 300_000 * g.omvang, 0.05),
        "verwerking": g.rng.choice(["verwerkt", "pm"]),
    }
    definitief = {
        "type": "buig_beschikking",
        "fase": "definitief",
        "jaar": jaar,
        "bedrag": bedrag(g.rng, 300_000 * g.omvang, 0.05),
    }
    voorlopig = {
        "type": "buig_beschikking",
        "fase": "voorlopig",
        "jaar": jaar + 1,
        "bedrag": bedrag(g.rng, 305_000 * g.omvang, 0.05),
        "verwerking": "pm",
    }
    return [
        _document(g, f"buig-{jaar}-nader-voorlopig", f"{jaar}-04-01", [nader], f"BUIG {jaar} nader voorlopig"),
        _document(
            g,
            f"buig-{jaar}-definitief",
            f"{jaar}-10-01",
            [definitief, voorlopig],
            f"BUIG {jaar} definitief, {jaar + 1} voorlopig",
        ),
    ]


def controller(g: Gemeente, jaar: int) -> list[dict]:
    wijziging = {
        "type": "begrotingswijziging",
        "naam": f"BW {jaar}-09",
        "naar_aanleiding_van": f"septembercirculaire-{jaar}",
        "posten": [
            {
                "post": "algemene_uitkering",
                "richting": "baten",
                "bedragen": {str(jaar): bedrag(g.rng, 8_000 * g.omvang, 0.5)},
            }
        ],
    }
    prognose = {
        "type": "prognose",
        "post": "stelpost.jeugdhulp",
        "richting": "baten",
        "bedragen": g.reeks(g.rng.uniform(20_000, 60_000), range(jaar, jaar + 3)),
        "verwerking": g.rng.choice(["verwerkt", "verwerkt", "pm"]),
    }
    mutaties = [
        {
            "type": "reserve_mutatie",
            "reserve": "algemene_reserve",
            "jaar": jaar,
            "soort": "dotatie",
            "bedrag": bedrag(g.rng, 2_000 * g.omvang, 0.5),
        },
        {
            "type": "reserve_mutatie",
            "reserve": "sociaal_domein",
            "jaar": jaar,
            "soort": "onttrekking",
            "bedrag": bedrag(g.rng, 500 * g.omvang, 0.5),
        },
    ]
    return [
        _document(g, f"bw-{jaar}-09", f"{jaar}-10-20", [wijziging], f"Begrotingswijziging {jaar}-09"),
        _document(g, f"najaarsnota-{jaar}", f"{jaar}-11-05", [prognose, *mutaties], f"Najaarsnota {jaar}"),
    ]


def reserves(g: Gemeente, jaar: int) -> dict:
    events = [
        {
            "type": "reserve_ingesteld",
            "reserve": "algemene_reserve",
            "soort": "algemene_reserve",
            "beginstand": bedrag(g.rng, 400_000 * g.omvang, 0.2),
            "per": f"{jaar}-01-01",
        },
        {
            "type": "reserve_ingesteld",
            "reserve": "sociaal_domein",
            "soort": "bestemmingsreserve",
            "beginstand": bedrag(g.rng, 100_000 * g.omvang, 0.2),
            "per": f"{jaar}-01-01",
        },
    ]
    return _document(g, "reserves-ingesteld", f"{jaar}-01-01", events, "Nota reserves en voorzieningen")


def resultaatbestemming(g: Gemeente, jaar: int) -> dict:
    resultaat = bedrag(g.rng, 3_000 * g.omvang, 0.5)
    event = {
        "type": "resultaatbestemming",
        "jaar": jaar - 1,
        "resultaat": resultaat,
        "toevoegingen": [{"reserve": "algemene_reserve", "bedrag": resultaat}],
    }
    return _document(g, f"jaarrekening-{jaar - 1}", f"{jaar}-06-30", [event], f"Jaarrekening {jaar - 1}")


def documenten(gemeente: int, jaren: range, seed: int = 2020) -> Iterator[dict]:
    """Every document of one gemeente, in the order a controller would record them."""
    g = Gemeente(
        f"GM{gemeente:04d}",
        random.Random(seed * 100_003 + gemeente).uniform(8, 120),
        random.Random(seed * 100_019 + gemeente),
    )
    yield reserves(g, jaren.start)
    for jaar in jaren:
        yield begroting(g, jaar)
        yield buig(g, jaar)[0]
        yield circulaire(g, jaar, "mei", f"{jaar}-05-31")
        if jaar > jaren.start:
            yield resultaatbestemming(g, jaar)
        yield circulaire(g, jaar, "september", f"{jaar}-09-18")
        yield buig(g, jaar)[1]
        yield from controller(g, jaar)
        yield circulaire(g, jaar, "december", f"{jaar}-12-10")


def ledger(gemeenten: int | range, jaren: range, seed: int = 2020) -> Iterator[dict]:
    for nummer in range(1, gemeenten + 1) if isinstance(gemeenten, int) else gemeenten:
        yield from documenten(nummer, jaren, seed)


def correctie(gemeente: int, jaren: range, seed: int = 2020) -> tuple[str, dict]:
    """(event id, replacement document): the decembercirculaire of the second year, AU a little higher."""
    versie, doel = 2, None
    for doc in documenten(gemeente, jaren, seed):
        if doc["bron"]["id"] == f"decembercirculaire-{jaren.start + 1}":
            doel = (versie, doc)
        versie += len(doc["events"])
    assert doel is not None
    versie, doc = doel
    event = dict(doc["events"][0])
    event["algemene_uitkering"] = {j: str(Decimal(b) + 1234) for j, b in event["algemene_uitkering"].items()}
    return f"{doc['gemeente']}-{versie:04d}", {**doc, "events": [event]}


def schrijf(map_: Path, gemeenten: int | range, jaren: range, seed: int = 2020) -> list[Path]:
    """Write every document as a JSON file; returns them in recording order."""
    map_.mkdir(parents=True, exist_ok=True)
    paden = []
    for i, doc in enumerate(ledger(gemeenten, jaren, seed)):
        pad = map_ / f"{i:07d}-{doc['gemeente']}-{doc['bron']['id']}.json"
        pad.write_text(json.dumps(doc), encoding="utf-8")
        paden.append(pad)
    return paden


def aantal_events(gemeenten: int | range, jaren: range, seed: int = 2020) -> int:
    return sum(len(d["events"]) for d in ledger(gemeenten, jaren, seed))
