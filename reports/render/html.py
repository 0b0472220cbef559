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
from reports.opmaak import bedrag, cel, kolomkop
from reports.opmaak import tekst as opgemaakt
from reports.postnaam import postlabel
from taal import huidige

if TYPE_CHECKING:
    from jinja2 import Environment


@cache
def omgeving() -> Environment:
    """The template environment, with the cell formatting the templates use."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    from reports.grafiek import saldo_per_jaar, staafgrafiek

    env = Environment(
        loader=PackageLoader("reports", "templates"),
        autoescape=select_autoescape(["j2"]),
        extensions=["jinja2.ext.i18n"],
    )
    vertaal(env)
    env.globals.update(
        cel=cel,
        kolomkop=kolomkop,
        rij=rij,
        tekst=opgemaakt,
        klasse=klasse,
        staafgrafiek=staafgrafiek,
        saldo_per_jaar=saldo_per_jaar,
        postlabel=postlabel,
        taal=huidige,  # <html lang>
    )
    return env


def vertaal(env: Environment) -> None:
    """`_()`, `ngettext()` and `{% trans %}` in the templates speak the request's (or command's) language."""
    import taal

    env.install_gettext_callables(taal._, taal.ngettext, newstyle=True)  # type: ignore[attr-defined]


Koppeling = Callable[[Report, Row, Column], "str | None"]
LANGE_TEKSTEN = frozenset({"samenvatting", "toelichting", "reden", "waarschuwing"})  # they wrap, never clipped
GESTAPELD = frozenset({"Journaal"})  # on a phone each row a card of its cells, each cell with its column's name
POSTKOLOMMEN = frozenset({"post", "onderdeel_van"})
POSTREPORTS = frozenset({"Effect per post", "Diff", "Posten"})  # their label column names a post in a post row


def is_postnaam(report: Report, r: Row, k: Column) -> bool:
    """This cell holds a post's name, shown in words (`postlabel`)."""
    if report.name == "Signalen" and k.key == "naam":
        return r.cells.get("niveau") == "post"
    return r.kind == "post" and (k.key in POSTKOLOMMEN or (k.key == "" and report.name in POSTREPORTS))


def rij(report: Report, r: Row, eenheid: int, koppeling: Koppeling | None = None) -> Markup:
    """One row as <tr>: a call per row, not per cell, for the pages' speed (a saldo page has ~300 cells)."""
    cellen = []
    kolomnamen = _kolomnamen(report) if report.name in GESTAPELD else [Markup("")] * len(report.columns)
    for i, k in enumerate(report.columns):
        waarde = r.cells.get(k.key)
        tekst = cel(waarde, k, eenheid)
        inhoud = escape(postlabel(tekst) if is_postnaam(report, r, k) else tekst)
        url = koppeling(report, r, k) if koppeling is not None else None
        if url:
            inhoud = Markup('<a href="{}">{}</a>').format(url, inhoud)
        soort = klasse(waarde, k, r.indent if i == 0 else 0, lang=k.key in LANGE_TEKSTEN)
        cellen.append(f"<td{soort}{kolomnamen[i]}>{inhoud}</td>")
    soort = Markup(' class="{}"').format(r.kind) if r.kind != "post" else ""
    return Markup(f"<tr{soort}>{''.join(cellen)}</tr>")


def _kolomnamen(report: Report) -> list[Markup]:
    return [Markup(' data-kolom="{}"').format(kolomkop(k)) for k in report.columns]


def klasse(waarde: Cel, kolom: Column | None = None, indent: int = 0, lang: bool = False) -> Markup:
    """Amounts (and a right-aligned column's figures) align right, negative amounts in red; an indented
    label gets its depth as a class (in2, in4, ... at most in12), not a style attribute a CSP would refuse."""
    getal = bedrag(waarde)
    namen = ["geld"] if isinstance(getal, Decimal) or (kolom is not None and kolom.align == "right") else []
    namen += ["negatief"] if isinstance(getal, Decimal) and getal < 0 else []
    namen += [f"in{min(indent, 12)}"] if indent > 0 else []
    namen += ["tekst"] if lang else []
    return Markup(f' class="{" ".join(namen)}"') if namen else Markup("")


def tekst(answer: Answer, eenheid: int = 1) -> str:
    env = omgeving()
    naam = f"{answer.name}.html.j2"
    template = env.get_template(naam if naam in env.list_templates() else "answer.html.j2")
    return template.render(
        answer=answer, eenheid=eenheid, titel=opgemaakt(answer.title, eenheid), intro=opgemaakt(answer.intro, eenheid)
    )
