"""The saldo as reports: the BBV table per year, the effect per post and per programma, pm and components."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from events.gemeenten import met_naam
from projections.als_json import saldo_json
from projections.saldo import Saldo
from reports.gedeeld import jaarkolommen, peil_tekst
from reports.model import Answer, Bedrag, Eenheid, Report, Row, Teken, Tekst, in_woorden, kolom, rij
from taal import N_, _


class BbvRegel(NamedTuple):
    """One line of the BBV table: its label, the Jaarsaldo attribute, its key in the saldo JSON."""

    label: str
    veld: str
    sleutel: str
    teken: bool  # shown with + / -
    kind: str
    indent: int = 0


BBV_REGELS = (
    BbvRegel(N_("begroot saldo"), "begroot_saldo", "begroot_saldo", True, "post"),
    BbvRegel(N_("effect"), "effect", "effect", True, "post"),
    BbvRegel(N_("saldo van baten en lasten"), "verwacht_saldo", "saldo_baten_lasten", True, "subtotal"),
    BbvRegel(N_("waarvan structureel"), "structureel_saldo", "structureel_saldo", True, "detail", 2),
    BbvRegel(N_("dotaties reserves (lasten)"), "dotaties", "dotaties_reserves", False, "detail", 2),
    BbvRegel(N_("onttrekkingen reserves (baten)"), "onttrekkingen", "onttrekkingen_reserves", False, "detail", 2),
    BbvRegel(N_("mutaties reserves"), "mutaties_reserves", "mutaties_reserves", True, "subtotal"),
    BbvRegel(N_("geraamd resultaat"), "resultaat", "resultaat", True, "total"),
)
CSV_KOLOMMEN = (
    *(kolom(k) for k in ("post", "richting", "jaar")),
    *(kolom(k, money=True) for k in ("raming", "prognose")),
    kolom("effect", money=True, signed=True),
)
LEGENDA: Tekst = (Teken.voordeel, " (", Eenheid(), ")")


def saldo(s: Saldo) -> Answer:
    if not s.jaren:
        return Answer("saldo", (in_woorden("Saldo", titel(s), s.zicht.jaren),), saldo_json(s), csv(s))
    reports = (bbv(s), effect_per_post(s), effect_per_programma(s), budgetneutraal(s), pm(s), onderdelen(s))
    return Answer("saldo", tuple(r for r in reports if r.rows), saldo_json(s), csv(s))


def bbv(s: Saldo) -> Report:
    jaren = list(s.jaren)
    kolommen = jaarkolommen(jaren)
    rijen = tuple(
        Row(
            {"": _(r.label), **{str(j): Bedrag(getattr(s.jaren[j], r.veld), r.teken) for j in jaren}},
            r.kind,
            "",
            r.indent,
        )
        for r in BBV_REGELS
    )
    return Report("Saldo", (titel(s),), kolommen, rijen, (LEGENDA,))


def titel(s: Saldo) -> str:
    return _("Begrotingssaldo {gemeente}, {peil}").format(gemeente=met_naam(s.zicht.gemeente), peil=peil_tekst(s.zicht))


def effect_per_post(s: Saldo) -> Report:
    jaren = list(s.jaren)
    kolommen = jaarkolommen(jaren, signed=True)
    rijen = []
    for post in sorted({p.post for p in s.posten if p.effect}):
        per_jaar = {p.jaar: p.effect for p in s.posten if p.post == post}
        rijen.append(rij(kolommen, [post, *(per_jaar.get(j) for j in jaren)]))
    return Report("Effect per post", (_("Effect per post"),), kolommen, tuple(rijen), (LEGENDA,))


def effect_per_programma(s: Saldo) -> Report:
    jaren = list(s.jaren)
    kolommen = jaarkolommen(jaren, signed=True)
    rijen = []
    for naam in sorted(set(s.programma.values())):
        posten = [p for p in s.posten if s.programma.get(p.post) == naam]
        rijen.append(
            rij(kolommen, [naam, *(sum((p.effect for p in posten if p.jaar == j), Decimal(0)) for j in jaren)])
        )
    return Report("Effect per programma", (_("Effect per programma"),), kolommen, tuple(rijen), (LEGENDA,))


def pm(s: Saldo) -> Report:
    kolommen = (
        kolom("post"),
        kolom("jaar"),
        kolom("bedrag", money=True),
        kolom("effect", money=True, signed=True),
        kolom("bron"),
    )
    rijen = tuple(rij(kolommen, [p.post, str(p.jaar), p.bedrag, p.effect, p.bron]) for p in s.pm)
    rijen += tuple(rij(kolommen, [p.post, "", "pm", None, p.bron]) for p in s.pm_zonder_bedrag)
    return Report("pm", (_("pm (niet verwerkt)"),), kolommen, rijen, (LEGENDA,))


def budgetneutraal(s: Saldo) -> Report:
    """The uitkeringen passed on to the task: their baten show, the same lasten beside them, no effect."""
    kolommen = (
        kolom("post"),
        kolom("jaar"),
        kolom("raming", money=True),
        kolom("prognose", "baten", money=True),
        kolom("doorgegeven", "doorgegeven als lasten", money=True),
    )
    neutraal = [p for p in s.posten if p.budgetneutraal]
    rijen = tuple(rij(kolommen, [p.post, str(p.jaar), p.raming, p.prognose, p.doorgegeven]) for p in neutraal)
    return Report("Budgetneutraal", (_("Budgetneutraal (doorgegeven aan de taak, effect 0)"),), kolommen, rijen)


def onderdelen(s: Saldo) -> Report:
    kolommen = (
        kolom("onderdeel_van", "onderdeel van"),
        kolom("post"),
        kolom("jaar"),
        kolom("bedrag", money=True),
        kolom("bron"),
    )
    rijen = tuple(rij(kolommen, [o.onderdeel_van, o.post, str(o.jaar), o.bedrag, o.bron]) for o in s.onderdelen)
    return Report("Onderdelen", (_("Onderdelen (al in het totaal van een andere post)"),), kolommen, rijen)


def csv(s: Saldo) -> Report:
    rijen = [rij(CSV_KOLOMMEN, [p.post, p.richting, p.jaar, p.raming, p.prognose, p.effect]) for p in s.posten]
    rijen += [
        rij(
            CSV_KOLOMMEN,
            ["[begrotingssaldo]", "", j, Bedrag(js.begroot_saldo, True), Bedrag(js.verwacht_saldo, True), js.effect],
        )
        for j, js in s.jaren.items()
    ]
    return Report("Saldo", ("Saldo",), CSV_KOLOMMEN, tuple(rijen))
