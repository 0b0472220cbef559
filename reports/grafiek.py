"""Charts as inline SVG, so a page needs no network and no script."""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from reports.opmaak import geld
from taal import _

BREEDTE, HOOGTE, MARGE = 640, 240, 40


def saldo_per_jaar(snapshot: dict[str, Any]) -> list[tuple[str, Decimal]]:
    """The verwacht saldo (saldo van baten en lasten) per year of a snapshot."""
    return [(jaar, Decimal(v["saldo_baten_lasten"])) for jaar, v in snapshot["saldo"]["jaren"].items()]


def staafgrafiek(paren: list[tuple[str, Decimal]]) -> Markup:
    """A bar per (label, amount), green above zero and red below, each labelled in thousands."""
    waarden = [w for _label, w in paren]
    boven = max([w for w in waarden if w > 0] + [Decimal(0)])
    onder = max([-w for w in waarden if w < 0] + [Decimal(0)])
    schaal = (HOOGTE - 40) / float(boven + onder or 1)
    nul = 20 + float(boven) * schaal
    staaf = (BREEDTE - 2 * MARGE) / max(len(waarden), 1)
    naam = html.escape(_("verwacht saldo per jaar"))
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{BREEDTE}" height="{HOOGTE + 20}" '
        f'role="img" aria-label="{naam}">',
        f'<line x1="{MARGE}" y1="{nul:.1f}" x2="{BREEDTE - MARGE}" y2="{nul:.1f}" stroke="#444"/>',
    ]
    for i, (label, waarde) in enumerate(paren):
        delen += _staaf(MARGE + i * staaf + 6, staaf - 12, nul, float(abs(waarde)) * schaal, label, waarde)
    delen.append("</svg>")
    return Markup("".join(delen))


def _staaf(x: float, breedte: float, nul: float, h: float, label: str, waarde: Decimal) -> list[str]:
    y = nul - h if waarde >= 0 else nul
    midden = x + breedte / 2
    kleur = "#2a7" if waarde >= 0 else "#c33"
    tekst_y = y - 4 if waarde >= 0 else y + h + 12
    return [
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{breedte:.1f}" height="{h:.1f}" fill="{kleur}"/>',
        f'<text x="{midden:.1f}" y="{HOOGTE + 14}" text-anchor="middle" font-size="12">{html.escape(label)}</text>',
        f'<text x="{midden:.1f}" y="{tekst_y:.1f}" text-anchor="middle" '
        f'font-size="10">{html.escape(geld(waarde, 1000, teken=True))}</text>',
    ]
