"""The pages hold nothing the Content-Security-Policy refuses: no inline script, handler or style."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from reports.model import Column, Report, Row
from reports.render.html import rij

ROOT = Path(__file__).resolve().parents[2]
# base.html.j2 is the CLI's self-contained file (--format html), never served by the web
SJABLONEN = sorted(ROOT.glob("web/templates/*.j2")) + [
    p for p in sorted(ROOT.glob("reports/templates/*.j2")) if p.name != "base.html.j2"
]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)
STIJL = re.compile(r"<style|\sstyle\s*=|javascript:", re.I)


@pytest.mark.parametrize("sjabloon", SJABLONEN, ids=lambda p: p.name)
def test_no_template_has_an_inline_script_an_event_handler_or_a_style(sjabloon: Path) -> None:
    tekst = sjabloon.read_text(encoding="utf-8")
    assert INLINE_SCRIPT.findall(tekst) == []
    assert HANDLER.findall(tekst) == []
    assert STIJL.findall(tekst) == []


def test_the_checks_find_what_they_look_for() -> None:
    fout = '<script>alert(1)</script><button onclick="x()"><p style="color:red">'
    assert (INLINE_SCRIPT.findall(fout), HANDLER.findall(fout), STIJL.findall(fout)) == (
        ["<script>"],
        [" onclick="],
        [" style="],
    )
    assert INLINE_SCRIPT.findall('<script src="/static/x.js"></script>') == []


def test_an_indented_row_has_its_depth_as_a_class_not_a_style() -> None:
    report = Report("r", "r", (Column("", "post"), Column("2020", "2020", money=True)))
    regel = rij(report, Row({"": "waarvan", "2020": Decimal("-5")}, "detail", "", 14), 1)
    assert str(regel) == '<tr class="detail"><td class="in12">waarvan</td><td class="geld negatief">-5,00</td></tr>'


def test_the_stylesheet_has_every_class_the_rows_use() -> None:
    css = (ROOT / "web/static/begroting.css").read_text(encoding="utf-8")
    assert all(f"td.in{n}:first-child{{padding-inline-start:{n * 0.5 + 0.4:g}em}}" in css for n in range(1, 13))
