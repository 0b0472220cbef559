"""HTML through the Jinja2 templates in reports/templates, which the web interface includes as well.

`report.html.j2` is one report as a table; `base.html.j2` is a self-contained page (no network);
an answer named N uses `N.html.j2` when there is one, else `answer.html.j2`.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from reports.model import Answer, Cel, Column, Report, Row
from reports.opmaak import bedrag, cel
from reports.opmaak import tekst as opgemaakt

if TYPE_CHECKING:
    from jinja2 import Environment


@cache
def omgeving() -> Environment:
    """The template environment, with the cell formatting the templates use."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    from reports.grafiek import saldo_per_jaar, staafgrafiek

    env = Environment(loader=PackageLoader("reports", "templates"), autoescape=select_autoescape(["j2"]))
    env.globals.update(
        cel=cel, rij=rij, tekst=opgemaakt, klasse=klasse, staafgrafiek=staafgrafiek, saldo_per_jaar=saldo_per_jaar
    )
    return env


Koppeling = Callable[[Report, Row, Column], "str | None"]


def rij(report: Report, r: Row, eenheid: int, koppeling: Koppeling | None = None) -> Markup:
    """One row as <tr>: a call per row, not per cell, for the pages' speed (a saldo page has ~300 cells)."""
    cellen = []
    for i, k in enumerate(report.columns):
        waarde = r.cells.get(k.key)
        inhoud = escape(cel(waarde, k, eenheid))
        url = koppeling(report, r, k) if koppeling is not None else None
        if url:
            inhoud = Markup('<a href="{}">{}</a>').format(url, inhoud)
        stijl = f' style="padding-left:{r.indent * 0.5 + 0.4}em"' if i == 0 and r.indent else ""
        cellen.append(f"<td{klasse(waarde, k)}{stijl}>{inhoud}</td>")
    soort = Markup(' class="{}"').format(r.kind) if r.kind != "post" else ""
    return Markup(f"<tr{soort}>{''.join(cellen)}</tr>")


def klasse(waarde: Cel, kolom: Column | None = None) -> Markup:
    """Amounts (and a right-aligned column's figures) align right, negative amounts in red."""
    getal = bedrag(waarde)
    if not isinstance(getal, Decimal):
        return Markup(' class="geld"') if kolom is not None and kolom.align == "right" else Markup("")
    return Markup(' class="geld negatief"') if getal < 0 else Markup(' class="geld"')


def tekst(answer: Answer, eenheid: int = 1) -> str:
    env = omgeving()
    naam = f"{answer.name}.html.j2"
    template = env.get_template(naam if naam in env.list_templates() else "answer.html.j2")
    return template.render(
        answer=answer, eenheid=eenheid, titel=opgemaakt(answer.title, eenheid), intro=opgemaakt(answer.intro, eenheid)
    )
