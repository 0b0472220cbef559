"""The diff's bridge as a waterfall chart in inline SVG: the stand known on `van`, each group's subtotal as a step,
the stand known on `tot`, for one year. No style attribute (the CSP), colours as presentation attributes; a
<title> and <desc> say in words what the bars show, and the bridge's table stands under it."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import NamedTuple

from markupsafe import Markup

from reports.model import Report
from reports.opmaak import bedrag, geld
from taal import _

BREEDTE, REGEL, LABEL, WAARDE = 480, 26, 180, 76  # narrow, so its text stays legible on a phone
KORT = 20  # characters of 14 px text that fit the label column (LABEL), in Dutch and English
KLEUREN = {"stand": "#3b0fb0", "plus": "#1a7f37", "min": "#b3261e"}


class Stap(NamedTuple):
    """One bar: a stand from 0, or a step from `van` to `van + bedrag`."""

    label: str
    bedrag: Decimal
    van: Decimal
    soort: str  # stand, plus or min


def stappen(report: Report, jaar: int) -> list[Stap]:
    """The first and last rows (the stands) and every subtotal between, of `jaar`'s column (+ = voordeel)."""
    kolom = str(jaar)
    waarde = {id(r): bedrag(r.cells.get(kolom)) or Decimal(0) for r in report.rows}
    if not report.rows:
        return []
    begin, eind = report.rows[0], report.rows[-1]
    uit = [Stap(str(begin.cells[""]), Decimal(waarde[id(begin)]), Decimal(0), "stand")]
    stand = Decimal(waarde[id(begin)])
    for r in report.rows[1:-1]:
        if r.kind == "subtotal":
            b = Decimal(waarde[id(r)])
            uit.append(
                Stap(
                    str(r.cells[""]).removeprefix(_("subtotaal {groep}").format(groep="")),
                    b,
                    stand,
                    "plus" if b >= 0 else "min",
                )
            )
            stand += b
    return [*uit, Stap(str(eind.cells[""]), Decimal(waarde[id(eind)]), Decimal(0), "stand")]


def watervalgrafiek(report: Report, jaar: int, titel: str | None = None) -> Markup:
    """The waterfall of `jaar`, one bar a line (so it reads on a phone as well), amounts in thousands; `titel` says
    what it bridges (default: the begrotingssaldo)."""
    lijst = stappen(report, jaar)
    grenzen = [Decimal(0)] + [s.van for s in lijst] + [s.van + s.bedrag for s in lijst]
    laag, hoog = min(grenzen), max(grenzen)
    schaal = (BREEDTE - LABEL - WAARDE) / float(hoog - laag or 1)
    hoogte = REGEL * len(lijst) + 10
    titel = titel or _("Brug van het begrotingssaldo {jaar} (x € 1.000, + = voordeel)").format(jaar=jaar)
    omschrijving = "; ".join(f"{s.label}: {geld(s.bedrag, 1000, teken=s.soort != 'stand')}" for s in lijst)
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek waterval" viewBox="0 0 {BREEDTE} {hoogte}" '
        f'role="img" aria-labelledby="waterval-titel waterval-desc">',
        f'<title id="waterval-titel">{escape(titel)}</title><desc id="waterval-desc">{escape(omschrijving)}</desc>',
    ]
    nul = LABEL + float(0 - laag) * schaal
    delen.append(f'<line x1="{nul:.1f}" y1="0" x2="{nul:.1f}" y2="{hoogte}" stroke="#555"/>')
    for i, s in enumerate(lijst):
        delen += _balk(i, s, laag, schaal)
    delen.append("</svg>")
    return Markup("".join(delen))


def _balk(i: int, s: Stap, laag: Decimal, schaal: float) -> list[str]:
    a, b = sorted((s.van, s.van + s.bedrag))
    x, w = LABEL + float(a - laag) * schaal, max(float(b - a) * schaal, 1.0)
    y = 5 + i * REGEL
    tekst = geld(s.bedrag, 1000, teken=s.soort != "stand")
    return [
        f'<text x="{LABEL - 6}" y="{y + 16}" text-anchor="end" font-size="14" fill="#222">'
        f"{escape(_kort(s.label))}</text>",
        f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{REGEL - 8}" fill="{KLEUREN[s.soort]}" '
        f'data-bedrag="{s.bedrag}" data-soort="{s.soort}"/>',
        f'<text x="{x + w + 4:.1f}" y="{y + 16}" font-size="13" fill="#222">{escape(tekst)}</text>',
    ]


def _kort(label: str) -> str:
    """A label that fits its column (the table under the chart has it whole): `saldo bekend op 2020-06-30`
    as `stand 2020-06-30`."""
    label = label.replace(_("saldo bekend op {datum}").format(datum=""), _("stand {datum}").format(datum=""))
    label = label.replace(_("AU bekend op {datum}").format(datum=""), "AU ")
    return label if len(label) <= KORT else label[: KORT - 1] + "…"
