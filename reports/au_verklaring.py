"""The change of the computed AU between two knowledge dates as a report: a bridge from the one AU to the other,
each cause a step (as reports/waterval.py draws it), and the causes per maatstaf; the JSON with the SPEC's keys."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from events.au_verklaring import OORZAKEN
from events.gemeenten import met_naam
from events.maatstafcodes import naam
from projections.au import Auverklaring
from reports.model import Answer, Bedrag, Eenheid, Report, Row, Teken, kolom


def verklaring_json(v: Auverklaring) -> dict[str, Any]:
    if v.verklaring is None:
        return {
            "jaar": v.tot.jaar,
            "au_van": v.van.au,
            "au_tot": v.tot.au,
            "mutatie": None,
            "oorzaken": None,
            "per_maatstaf": [],
        }
    oorzaken, per_maatstaf = v.verklaring.centen()
    return {
        "jaar": v.tot.jaar,
        "au_van": v.van.au,
        "au_tot": v.tot.au,
        "mutatie": _euro(v.verklaring.mutatie),
        "oorzaken": {o: _euro(oorzaken[o]) for o in OORZAKEN},
        "per_maatstaf": [
            {"code": c, "aantallen": _euro(a), "bedragen_per_eenheid": _euro(w)} for c, a, w in per_maatstaf
        ],
    }


def _euro(cents: int) -> Decimal:
    return Decimal(cents) / 100


LABELS = {
    "uitkeringsfactor": "uitkeringsfactor",
    "aantallen": "aantallen",
    "bedragen_per_eenheid": "bedragen per eenheid",
    "buiten_factor": "buiten de factor",
}


def brug(v: Auverklaring) -> Report:
    """From the AU known on van to the AU known on tot; each cause a step (`subtotal`), as reports/waterval.py draws."""
    jaar = str(v.tot.jaar)
    kolommen = (kolom("", ""), kolom(jaar, money=True, signed=True))
    titel = (
        f"Algemene uitkering {v.tot.jaar} {met_naam(v.tot.zicht.gemeente)}: van bekend op {v.van.zicht.as_of} "
        f"naar bekend op {v.tot.zicht.as_of}",
    )
    if v.verklaring is None:
        ontbreekt = "van" if v.van.berekening is None else "tot"
        return Report("Verklaring", (f"{titel[0]}: op de datum {ontbreekt} is de AU niet te berekenen",), ())
    oorzaken, _ = v.verklaring.centen()
    rijen = [Row({"": f"AU bekend op {v.van.zicht.as_of}", jaar: Bedrag(v.van.au)})]
    rijen += [
        Row({"": f"subtotaal {LABELS[o]}", jaar: Bedrag(_euro(oorzaken[o]), teken=True)}, "subtotal") for o in OORZAKEN
    ]
    rijen += [Row({"": "mutatie", jaar: Bedrag(_euro(v.verklaring.mutatie), teken=True)}, "total")]
    rijen += [Row({"": f"AU bekend op {v.tot.zicht.as_of}", jaar: Bedrag(v.tot.au)})]
    return Report("Verklaring", titel, kolommen, tuple(rijen), ((Teken.voordeel, " (", Eenheid(), ")"),))


def per_maatstaf(v: Auverklaring) -> Report:
    kolommen = (
        kolom("code"),
        kolom("naam"),
        kolom("aantallen", money=True, signed=True),
        kolom("bedragen_per_eenheid", "bedragen per eenheid", money=True, signed=True),
    )
    _, rijen = v.verklaring.centen() if v.verklaring else ({}, [])
    regels = tuple(
        Row(
            {
                "code": c,
                "naam": naam(c, v.tot.jaar),
                "aantallen": Bedrag(_euro(a), teken=True),
                "bedragen_per_eenheid": Bedrag(_euro(w), teken=True),
            }
        )
        for c, a, w in rijen
    )
    return Report("Per maatstaf", ("Per maatstaf",), kolommen, regels, ((Teken.voordeel, " (", Eenheid(), ")"),))


def verklaring(v: Auverklaring) -> Answer:
    reports = (brug(v), per_maatstaf(v)) if v.verklaring else (brug(v),)
    return Answer("au", reports, verklaring_json(v))
