"""The parts of a snapshot as reports: one source for the workbook, the Markdown and the HTML report."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from events.gemeenten import met_naam
from events.klok import toon_iso
from reports.gedeeld import jaarkolommen
from reports.model import Answer, Column, Report, Row, kolom, rij
from reports.saldo import BBV_REGELS
from taal import _

JOURNAAL_VELDEN = (
    "id", "type", "bron", "bekend_op", "geboekt_op", "geboekt_door", "samenvatting", "betreft", "reden", "hash",
)  # fmt: skip


def _d(waarde: str | None) -> Decimal | None:
    return None if waarde is None else Decimal(waarde)


def _getoond(veld: str, waarde: Any) -> Any:
    """A moment in the file's JSON (UTC, every digit) as people read it: Dutch time, its offset, every digit."""
    return toon_iso(waarde, exact=True) if veld in ("geboekt_op", "recorded_by") and waarde else waarde


def _kolommen(velden: tuple[str, ...], geld: tuple[str, ...] = ()) -> tuple[Column, ...]:
    return tuple(kolom(k, money=k in geld) for k in velden)


def snapshot(s: dict[str, Any]) -> Answer:
    """The snapshot's reports; its JSON form is the snapshot itself."""
    q = s["query"]
    tot = toon_iso(q["recorded_by"], exact=True) if q["recorded_by"] else _("het moment van maken")
    intro = (
        _("Bekend op {datum}, geboekt tot {tot}; sha256 `{hash}`.").format(datum=q["as_of"], tot=tot, hash=s["sha256"]),
    )
    makers = (saldo_deel, posten_deel, diff_deel, reserves_deel, pm_deel, journaal_deel, query_deel)
    titel = (_("Jaarrekening-snapshot {gemeente} {jaar}").format(gemeente=met_naam(q["gemeente"]), jaar=q["jaar"]),)
    return Answer("snapshot", tuple(maak(s) for maak in makers), s, None, titel, intro)


def saldo_deel(s: dict[str, Any]) -> Report:
    jaren = s["saldo"]["jaren"]
    kolommen = jaarkolommen(list(jaren))
    rijen = tuple(
        Row({"": _(r.label), **{j: _d(jaren[j][r.sleutel]) for j in jaren}}, r.kind, "", r.indent) for r in BBV_REGELS
    )
    return Report("Saldo", (_("Begrotingssaldo per jaar (+ = voordeel)"),), kolommen, rijen)


def posten_deel(s: dict[str, Any]) -> Report:
    kolommen = _kolommen(("post", "richting", "jaar", "raming", "prognose", "effect"), ("raming", "prognose", "effect"))
    rijen = tuple(
        rij(kolommen, [p["post"], p["richting"], p["jaar"], _d(p["raming"]), _d(p["prognose"]), _d(p["effect"])])
        for p in s["saldo"]["posten"]
    )
    return Report("Posten", (_("Raming, prognose en effect per post en jaar"),), kolommen, rijen)


def diff_deel(s: dict[str, Any]) -> Report:
    d = s["diff_begroting"]
    velden = ("post", "richting", "jaar", "effect_van", "effect_tot", "mutatie", "oorzaken")
    kolommen = _kolommen(velden, ("effect_van", "effect_tot", "mutatie"))
    rijen = tuple(
        rij(kolommen, [*(p[k] for k in velden[:3]), *(_d(p[k]) for k in velden[3:6]), " ".join(p["oorzaken"])])
        for p in d["posten"]
    )
    return Report(
        "Diff begroting",
        (_("Verschil met de begroting: bekend op {van} -> {tot}").format(van=d["van"], tot=d["tot"]),),
        kolommen,
        rijen,
    )


def reserves_deel(s: dict[str, Any]) -> Report:
    kolommen = _kolommen(("reserve", "soort", "jaar", "stand"), ("stand",))
    rijen = tuple(
        rij(kolommen, [naam, r["soort"], int(j), _d(stand)])
        for naam, r in s["reserves"].items()
        for j, stand in r["standen"].items()
    )
    return Report("Reserves", (_("Stand van de reserves, einde jaar"),), kolommen, rijen)


def pm_deel(s: dict[str, Any]) -> Report:
    velden = ("post", "richting", "jaar", "bedrag", "effect", "bron", "event")
    kolommen = _kolommen(velden, ("bedrag", "effect"))
    rijen = tuple(rij(kolommen, [_d(p[k]) if k in ("bedrag", "effect") else p[k] for k in velden]) for p in s["pm"])
    return Report("pm", (_("Pro memorie: bekend, niet verwerkt"),), kolommen, rijen)


def journaal_deel(s: dict[str, Any]) -> Report:
    kolommen = _kolommen(JOURNAAL_VELDEN)
    rijen = tuple(rij(kolommen, [_getoond(k, e[k]) for k in JOURNAAL_VELDEN]) for e in s["journaal"])
    return Report("Journaal", (_("Bijdragende events"),), kolommen, rijen)


def query_deel(s: dict[str, Any]) -> Report:
    kolommen = _kolommen(("veld", "waarde"))
    paren = [(k, _getoond(k, v) if v is not None else "") for k, v in s["query"].items()]
    paren += [(f"laatste event {g}", f"{a['event']} {a['hash']}" if a else "") for g, a in s["laatste_event"].items()]
    paren += [
        ("gemaakt_op", toon_iso(s["gemaakt"]["op"], exact=True)),
        ("gemaakt_door", s["gemaakt"]["door"]),
        ("sha256", s["sha256"]),
    ]
    return Report(
        "Query", (_("Vraag, verankering en inhoudshash"),), kolommen, tuple(rij(kolommen, list(p)) for p in paren)
    )
