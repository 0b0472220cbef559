"""The history of one post and year as an inline SVG chart on the knowledge axis (bekend op).

The known value (prognose) is a step line, the raming a dashed one; a pm is a hollow diamond at its
amount (it does not count); each estimate is a dot, and under the axis a tick for every event, whose
tooltip names the event, its bron and when it was recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal
from html import escape
from typing import Any

from markupsafe import Markup

from events.klok import toon_iso
from reports.opmaak import geld
from taal import _, opmaak

B, H = 640, 300
LINKS, RECHTS, BOVEN, ONDER = 78, 16, 30, 64
PROGNOSE, RAMING, PM = "#1d3557", "#2a7", "#c60"


@dataclass(frozen=True)
class Punt:
    dag: date
    event: str
    soort: str
    bedrag: Decimal
    raming: Decimal
    prognose: Decimal
    tooltip: str


@dataclass(frozen=True)
class Assen:
    van: date
    tot: date
    laag: Decimal
    hoog: Decimal

    def x(self, dag: date) -> float:
        return LINKS + (dag - self.van).days / max((self.tot - self.van).days, 1) * (B - LINKS - RECHTS)

    def y(self, bedrag: Decimal) -> float:
        return BOVEN + float((self.hoog - bedrag) / (self.hoog - self.laag)) * (H - BOVEN - ONDER)


def verloopgrafiek(history: dict[str, Any], explain: dict[str, Any]) -> Markup:
    """The chart of `history`'s stappen; `explain`'s events add who recorded each and when."""
    geboekt = {e["event"]: e for e in explain.get("events", [])}
    punten = [_punt(s, geboekt.get(str(s["event"]), {})) for s in history["stappen"]]
    if not punten:
        return Markup("")
    assen = _assen(punten, _dag(history["as_of"]))
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {B} {H}" width="{B}" class="grafiek" role="img" '
        f'aria-label="{escape(_label(history))}">',
        *_raster(assen),
        _trap(assen, punten, "prognose", PROGNOSE, ""),
        _trap(assen, punten, "raming", RAMING, ' stroke-dasharray="6 4"'),
        *(_marker(assen, p) for p in punten),
        *_legenda(),
        "</svg>",
    ]
    return Markup("".join(delen))


def _label(history: dict[str, Any]) -> str:
    return _("verloop van {post} {jaar} op de kennis-as").format(post=history["post"], jaar=history["jaar"])


def _punt(stap: dict[str, Any], event: dict[str, Any]) -> Punt:
    soort = _("{soort}, telt niet mee").format(soort=stap["soort"]) if stap["soort"] == "pm" else stap["soort"]
    regels = [f"{stap['event']} ({soort})", _("bedrag {bedrag}").format(bedrag=geld(Decimal(str(stap["bedrag"])), 1))]
    regels += [_("bekend op {datum}").format(datum=stap["bekend_op"]), _("bron {bron}").format(bron=stap["bron"])]
    if event:
        door = _("geboekt op {moment} door {wie}")
        regels.append(door.format(moment=toon_iso(str(event["geboekt_op"])), wie=event["geboekt_door"]))
    getallen = [Decimal(str(stap[k])) for k in ("bedrag", "raming", "prognose")]
    return Punt(_dag(stap["bekend_op"]), str(stap["event"]), str(stap["soort"]), *getallen, "\n".join(regels))


def _dag(waarde: Any) -> date:
    return waarde if isinstance(waarde, date) else date.fromisoformat(str(waarde))


def _assen(punten: list[Punt], as_of: date) -> Assen:
    """From the first event to a little past the last (not to the question's date: a year of flat line would
    squeeze the steps), and from the lowest to the highest amount (not from 0), so every step shows."""
    van, laatste = punten[0].dag, punten[-1].dag
    tot = min(as_of, laatste) + timedelta(days=max((laatste - van).days // 10, 30))
    bedragen = [p.bedrag for p in punten] + [w for p in _bekend(punten) for w in (p.raming, p.prognose)]
    laag, hoog = min(bedragen), max(bedragen)
    marge = (hoog - laag) / 10 or abs(hoog) / 10 or Decimal(1000)
    return Assen(van - timedelta(days=max((tot - van).days // 20, 1)), tot, laag - marge, hoog + marge)


def _bekend(punten: list[Punt]) -> list[Punt]:
    """The last event of each day, leaving out days on which only a pm was known (no value yet)."""
    per_dag = {p.dag: p for p in punten}
    return [
        p for p in per_dag.values() if p.raming or p.prognose or any(q.soort != "pm" for q in punten if q.dag == p.dag)
    ]


def _trap(assen: Assen, punten: list[Punt], veld: str, kleur: str, streep: str) -> str:
    bekend, naam = _bekend(punten), _(veld)
    if not bekend:
        return ""
    punten_xy = []
    for i, p in enumerate(bekend):
        eind = bekend[i + 1].dag if i + 1 < len(bekend) else assen.tot
        y = assen.y(getattr(p, veld))
        punten_xy += [f"{assen.x(p.dag):.1f},{y:.1f}", f"{assen.x(eind):.1f},{y:.1f}"]
    return (
        f'<polyline points="{" ".join(punten_xy)}" fill="none" stroke="{kleur}" stroke-width="2"{streep}>'
        f"<title>{escape(naam)}</title></polyline>"
    )


def _marker(assen: Assen, p: Punt) -> str:
    x, y, tip = assen.x(p.dag), assen.y(p.bedrag), f"<title>{escape(p.tooltip)}</title>"
    vinkje = f'<path d="M{x:.1f},{H - ONDER + 2} l-4,8 h8 z" fill="#555">{tip}</path>'
    if p.soort == "pm":
        ruit = f"M{x:.1f},{y - 7:.1f} l7,7 l-7,7 l-7,-7 z"
        return f'<path d="{ruit}" fill="#fff" stroke="{PM}" stroke-width="2">{tip}</path>{vinkje}'
    kleur = RAMING if p.soort == "raming" else PROGNOSE
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{kleur}">{tip}</circle>{vinkje}'


def _raster(assen: Assen) -> list[str]:
    """Five amounts (in thousands) and up to six dates, with the axes' names."""
    uit = []
    for bedrag in _mooie_bedragen(assen.laag, assen.hoog):
        y = assen.y(bedrag)
        uit.append(f'<line x1="{LINKS}" y1="{y:.1f}" x2="{B - RECHTS}" y2="{y:.1f}" stroke="#ddd"/>')
        uit.append(
            f'<text x="{LINKS - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{geld(bedrag, 1000)}</text>'
        )
    dagen = (assen.tot - assen.van).days
    for i in range(6):
        dag = assen.van + timedelta(days=round(dagen * i / 5))
        x = assen.x(dag)
        uit.append(f'<line x1="{x:.1f}" y1="{BOVEN}" x2="{x:.1f}" y2="{H - ONDER}" stroke="#eee"/>')
        anker = "start" if i == 0 else "end" if i == 5 else "middle"
        uit.append(f'<text x="{x:.1f}" y="{H - ONDER + 24}" text-anchor="{anker}" font-size="11">{_datum(dag)}</text>')
    as_naam, eenheid = escape(_("bekend op")), escape(_("x € 1.000"))
    uit.append(
        f'<text x="{(LINKS + B - RECHTS) / 2}" y="{H - ONDER + 40}" text-anchor="middle" '
        f'font-size="12">{as_naam}</text>'
    )
    uit.append(f'<text x="4" y="{BOVEN - 12}" font-size="12">{eenheid}</text>')
    return uit


def _mooie_bedragen(laag: Decimal, hoog: Decimal) -> list[Decimal]:
    """Round amounts (1, 2 or 5 times a power of ten) between `laag` and `hoog`, four or so."""
    ruw = (hoog - laag) / 5
    macht = Decimal(10) ** (ruw.adjusted())
    stap = next(macht * f for f in (1, 2, 5, 10) if macht * f >= ruw)
    eerste = (laag / stap).to_integral_value(rounding=ROUND_CEILING) * stap
    return [eerste + stap * i for i in range(int((hoog - eerste) // stap) + 1)]


def _datum(dag: date) -> str:
    return opmaak.datum(dag, "medium")


def _legenda() -> list[str]:
    y, x = H - 8, LINKS
    prognose, raming, pm, geboekt = (
        escape(t) for t in (_("prognose (bekend)"), _("raming"), _("pm (telt niet mee)"), _("geboekt: wie en wanneer"))
    )
    return [
        f'<line x1="{x}" y1="{y - 4}" x2="{x + 24}" y2="{y - 4}" stroke="{PROGNOSE}" stroke-width="2"/>',
        f'<text x="{x + 28}" y="{y}" font-size="11">{prognose}</text>',
        f'<line x1="{x + 140}" y1="{y - 4}" x2="{x + 164}" y2="{y - 4}" stroke="{RAMING}" stroke-width="2" '
        f'stroke-dasharray="6 4"/><text x="{x + 168}" y="{y}" font-size="11">{raming}</text>',
        f'<path d="M{x + 230},{y - 10} l6,6 l-6,6 l-6,-6 z" fill="#fff" stroke="{PM}" stroke-width="2"/>',
        f'<text x="{x + 242}" y="{y}" font-size="11">{pm}</text>',
        f'<path d="M{x + 360},{y - 9} l-4,8 h8 z" fill="#555"/><text x="{x + 368}" y="{y}" font-size="11">'
        f"{geboekt}</text>",
    ]
