"""The diff as a report: the bridge from the saldo known on one date to the saldo known on another."""

from __future__ import annotations

from events.gemeenten import met_naam
from events.lijsten import groep
from projections.als_json import diff_json
from projections.diff import Diff
from reports import brug
from reports.gedeeld import jaarkolommen
from reports.model import Answer, Eenheid, Report, Teken, kolom, rij
from taal import _

GETEKEND = ("effect_van", "effect_tot", "mutatie")
CSV_KOLOMMEN = tuple(
    kolom(k, money=k in GETEKEND, signed=k in GETEKEND)
    for k in ("post", "richting", "jaar", "effect_van", "effect_tot", "mutatie", "oorzaken", "groep")
)


def diff(d: Diff) -> Answer:
    return Answer("diff", (tabel(d),), diff_json(d), csv(d))


def tabel(d: Diff) -> Report:
    jaren = brug.getoonde_jaren(d)
    titel = _("Gevolgen voor het begrotingssaldo {gemeente}: bekend op {van} -> {tot}").format(
        gemeente=met_naam(d.zicht.gemeente), van=d.van, tot=d.tot
    )
    voet = [(Teken.voordeel, " (", Eenheid(), _("); pm: bekend, niet verwerkt"))]
    if not jaren:
        voet.append((_("het saldo veranderde in geen enkel jaar"),))
    rijen = tuple(brug.rijen(d, jaren))
    return Report("Diff", (titel,), jaarkolommen(jaren, signed=True), rijen, tuple(voet))


def csv(d: Diff) -> Report:
    """One row per post and year, as the JSON's `posten`, with the group the bridge puts it in."""
    rijen = (
        rij(
            CSV_KOLOMMEN,
            [p.post, p.richting, p.jaar, p.effect_van, p.effect_tot, p.mutatie, " ".join(p.oorzaken), groep(p.post)],
        )
        for p in d.posten
    )
    return Report("Diff", ("Diff",), CSV_KOLOMMEN, tuple(rijen))
