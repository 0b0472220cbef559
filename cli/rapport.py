"""snapshot.md and report.html: the same tables for people; the HTML is one page with no network."""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Any

from cli.snapshotdelen import Deel
from cli.uitvoer import geld

STIJL = """body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse;font-size:.85rem}th,td{border:1px solid #ccc;padding:.25rem .5rem}
th{background:#eef}td.geld{text-align:right;font-variant-numeric:tabular-nums}
.negatief{color:#b00}.klein{color:#666;font-size:.8rem}"""


def _cel(waarde: Any) -> str:
    if isinstance(waarde, Decimal):
        return geld(waarde)
    return "" if waarde is None else str(waarde)


def markdown(snapshot: dict[str, Any], delen: list[Deel]) -> str:
    q = snapshot["query"]
    regels = [
        f"# Jaarrekening-snapshot {q['gemeente']} {q['jaar']}",
        "",
        f"Bekend op {q['as_of']}, geboekt tot {q['recorded_by'] or 'het moment van maken'}; "
        f"sha256 `{snapshot['sha256']}`.",
        "",
    ]
    for deel in delen:
        regels += [
            f"## {deel.titel}",
            "",
            "| " + " | ".join(deel.kolommen) + " |",
            "|" + "|".join("---:" if k in deel.geld else "---" for k in deel.kolommen) + "|",
        ]
        regels += ["| " + " | ".join(_cel(w).replace("|", "\\|") for w in rij) + " |" for rij in deel.rijen]
        regels.append("")
    return "\n".join(regels)


def svg_saldo(snapshot: dict[str, Any]) -> str:
    """A bar chart of the verwacht saldo (saldo van baten en lasten) per year, as inline SVG."""
    jaren = snapshot["saldo"]["jaren"]
    waarden = [Decimal(v["saldo_baten_lasten"]) for v in jaren.values()]
    breedte, hoogte, marge = 640, 240, 40
    boven = max([w for w in waarden if w > 0] + [Decimal(0)])
    onder = max([-w for w in waarden if w < 0] + [Decimal(0)])
    schaal = (hoogte - 40) / float(boven + onder or 1)
    nul = 20 + float(boven) * schaal
    staaf = (breedte - 2 * marge) / max(len(waarden), 1)
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{breedte}" height="{hoogte + 20}" '
        f'role="img" aria-label="verwacht saldo per jaar">',
        f'<line x1="{marge}" y1="{nul:.1f}" x2="{breedte - marge}" y2="{nul:.1f}" stroke="#444"/>',
    ]
    for i, (jaar, waarde) in enumerate(zip(jaren, waarden, strict=False)):
        h = float(abs(waarde)) * schaal
        x, y = marge + i * staaf + 6, nul - h if waarde >= 0 else nul
        midden = x + (staaf - 12) / 2
        kleur = "#2a7" if waarde >= 0 else "#c33"
        delen.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{staaf - 12:.1f}" height="{h:.1f}" fill="{kleur}"/>')
        delen.append(f'<text x="{midden:.1f}" y="{hoogte + 14}" text-anchor="middle" font-size="12">{jaar}</text>')
        tekst_y = y - 4 if waarde >= 0 else y + h + 12
        delen.append(
            f'<text x="{midden:.1f}" y="{tekst_y:.1f}" text-anchor="middle" '
            f'font-size="10">{html.escape(geld(waarde, 1000, teken=True))}</text>'
        )
    delen.append("</svg>")
    return "".join(delen)


def _html_tabel(deel: Deel) -> str:
    kop = "".join(f"<th>{html.escape(k)}</th>" for k in deel.kolommen)
    rijen = []
    for rij in deel.rijen:
        cellen = []
        for waarde in rij:
            klasse = (
                ' class="geld negatief"'
                if isinstance(waarde, Decimal) and waarde < 0
                else (' class="geld"' if isinstance(waarde, Decimal) else "")
            )
            cellen.append(f"<td{klasse}>{html.escape(_cel(waarde))}</td>")
        rijen.append("<tr>" + "".join(cellen) + "</tr>")
    return f"<h2>{html.escape(deel.titel)}</h2><table><tr>{kop}</tr>{''.join(rijen)}</table>"


def report_html(snapshot: dict[str, Any], delen: list[Deel]) -> str:
    q = snapshot["query"]
    titel = f"Jaarrekening-snapshot {q['gemeente']} {q['jaar']}"
    return (
        f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{html.escape(titel)}</title>'
        f"<style>{STIJL}</style></head><body><h1>{html.escape(titel)}</h1>"
        f'<p class="klein">Bekend op {q["as_of"]}; sha256 {snapshot["sha256"]}</p>'
        f"<h2>Verwacht saldo per jaar (x € 1.000)</h2>{svg_saldo(snapshot)}"
        + "".join(_html_tabel(d) for d in delen)
        + "</body></html>"
    )
