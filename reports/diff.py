"""The diff as a report: the change of each post's effect per year between two knowledge dates."""

from __future__ import annotations

from projections.als_json import diff_json
from projections.diff import Diff, Postmutatie
from reports.kop import jaarkolommen
from reports.model import Answer, Bedrag, Eenheid, Report, Row, kolom, rij

CSV_KOLOMMEN = tuple(kolom(k) for k in ("post", "richting", "jaar", "effect_van", "effect_tot", "mutatie", "oorzaken"))


def diff(d: Diff) -> Answer:
    return Answer("diff", (tabel(d),), diff_json(d), csv(d))


def tabel(d: Diff) -> Report:
    jaren = list(d.jaren)
    kolommen = jaarkolommen(jaren, signed=True)
    rijen = []
    for post in dict.fromkeys(p.post for p in sorted(d.posten, key=lambda p: p.post)):
        per_jaar = {p.jaar: p for p in d.posten if p.post == post}
        rijen.append(rij(kolommen, [post, *(_cel(per_jaar.get(j)) for j in jaren)]))
    rijen.append(Row({"": "saldo (mutatie)", **{str(j): d.jaren[j].mutatie for j in jaren}}, kind="total"))
    titel = f"Gevolgen voor het begrotingssaldo {d.zicht.gemeente}: bekend op {d.van} -> {d.tot}"
    voet = ("+ = voordeel (", Eenheid(), "); pm: bekend, niet verwerkt")
    return Report("Diff", (titel,), kolommen, tuple(rijen), (voet,))


def _cel(mutatie: Postmutatie | None) -> Bedrag | None:
    """A change of nothing reads as a bare 0; pm changes are marked."""
    return None if mutatie is None else Bedrag(mutatie.mutatie, teken=True, pm=mutatie.pm, nul="0")


def csv(d: Diff) -> Report:
    rijen = (
        rij(CSV_KOLOMMEN, [p.post, p.richting, p.jaar, p.effect_van, p.effect_tot, p.mutatie, " ".join(p.oorzaken)])
        for p in d.posten
    )
    return Report("Diff", ("Diff",), CSV_KOLOMMEN, tuple(rijen))
