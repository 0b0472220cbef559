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
from taal import N_, _


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
    "uitkeringsfactor": N_("subtotaal uitkeringsfactor"),
    "aantallen": N_("subtotaal aantallen"),
    "bedragen_per_eenheid": N_("subtotaal bedragen per eenheid"),
    "buiten_factor": N_("subtotaal buiten de factor"),
}


def brug(v: Auverklaring) -> Report:
    """From the AU known on van to the AU known on tot; each cause a step (`subtotal`), as reports/waterval.py draws."""
    jaar = str(v.tot.jaar)
    kolommen = (kolom("", ""), kolom(jaar, money=True, signed=True))
    titel = (
        _("Algemene uitkering {jaar} {gemeente}: van bekend op {van} naar bekend op {tot}").format(
            jaar=v.tot.jaar, gemeente=met_naam(v.tot.zicht.gemeente), van=v.van.zicht.as_of, tot=v.tot.zicht.as_of
        ),
    )
    if v.verklaring is None:
        tekst = (
            _("{titel}: op de datum van is de AU niet te berekenen")
            if v.van.berekening is None
            else _("{titel}: op de datum tot is de AU niet te berekenen")
        )
        return Report("Verklaring", (tekst.format(titel=titel[0]),), ())
    oorzaken, _per_maatstaf = v.verklaring.centen()
    rijen = [Row({"": _("AU bekend op {datum}").format(datum=v.van.zicht.as_of), jaar: Bedrag(v.van.au)})]
    rijen += [Row({"": _(LABELS[o]), jaar: Bedrag(_euro(oorzaken[o]), teken=True)}, "subtotal") for o in OORZAKEN]
    rijen += [Row({"": _("mutatie"), jaar: Bedrag(_euro(v.verklaring.mutatie), teken=True)}, "total")]
    rijen += [Row({"": _("AU bekend op {datum}").format(datum=v.tot.zicht.as_of), jaar: Bedrag(v.tot.au)})]
    return Report("Verklaring", titel, kolommen, tuple(rijen), ((Teken.voordeel, " (", Eenheid(), ")"),))


def per_maatstaf(v: Auverklaring) -> Report:
    kolommen = (
        kolom("code"),
        kolom("naam"),
        kolom("aantallen", money=True, signed=True),
        kolom("bedragen_per_eenheid", "bedragen per eenheid", money=True, signed=True),
    )
    _oorzaken, rijen = v.verklaring.centen() if v.verklaring else ({}, [])
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
    return Report("Per maatstaf", (_("Per maatstaf"),), kolommen, regels, ((Teken.voordeel, " (", Eenheid(), ")"),))


def verklaring(v: Auverklaring) -> Answer:
    reports = (brug(v), per_maatstaf(v)) if v.verklaring else (brug(v),)
    return Answer("au", reports, verklaring_json(v))
