"""The trail of one figure as reports: its history event by event, and the audit trail behind it."""

from __future__ import annotations

from typing import Any

from events.gemeenten import met_naam
from events.klok import toon_iso
from projections.als_json import zicht_json
from projections.explain import Spoorregel, Uitleg
from projections.history import Stap
from projections.zicht import Zicht
from reports.model import Answer, Bedrag, Eenheid, Report, Row, Teken, Tekst, in_woorden, kolom, rij
from reports.opbouw import opbouw_json, opbouw_rijen, waarschuwing_rijen
from taal import _

GELD = {"bedrag", "raming", "prognose", "effect"}
HISTORY_VELDEN = ("bekend_op", "event", "type", "soort", "bedrag", "raming", "prognose", "effect", "bron")
HISTORY_KOLOMMEN = tuple(kolom(k, money=k in GELD, signed=k == "effect") for k in HISTORY_VELDEN)
EXPLAIN_VELDEN = (
    "event", "type", "soort", "bedrag", "bekend_op", "geboekt_op", "geboekt_door", "bron", "reden", "in_kracht",
    "zet_waarde", "vervangen_door", "vervallen_op", "vervangen_door_wie", "vervangen_reden",
)  # fmt: skip
EXPLAIN_KOLOMMEN = tuple(kolom(k, money=k == "bedrag") for k in EXPLAIN_VELDEN)
SPOOR_KOLOMMEN = tuple(
    kolom(k, money=k == "bedrag")
    for k in ("event", "type", "soort", "bedrag", "bekend_op", "geboekt", "door", "status")
)


def history_rij(s: Stap) -> list[Any]:
    return [s.bekend_op, s.event_id, s.type, s.soort, s.bedrag, s.raming, s.prognose, s.effect, s.bron]


def history(zicht: Zicht, post: str, jaar: int, stappen: list[Stap]) -> Answer:
    titel = (
        _("{post} {jaar} in {gemeente}: bekende waarde per event").format(
            post=post, jaar=jaar, gemeente=met_naam(zicht.gemeente)
        ),
    )
    voet = (
        (Teken.voordeel, " (", Eenheid(), _("); raming, prognose en effect zoals bekend na die dag; pm telt niet mee")),
    )
    rijen = tuple(r for s in stappen for r in (rij(HISTORY_KOLOMMEN, history_rij(s)), *_onder(s)))
    tabel = (
        Report("History", titel, HISTORY_KOLOMMEN, rijen, voet) if stappen else in_woorden("History", titel[0], [jaar])
    )
    csv = Report(
        "History", titel, HISTORY_KOLOMMEN, tuple(rij(HISTORY_KOLOMMEN, history_rij(s)) for s in stappen), voet
    )
    data = zicht_json(zicht) | {
        "post": post,
        "jaar": jaar,
        "stappen": [dict(zip(HISTORY_VELDEN, history_rij(s), strict=True)) | opbouw_json(s.opbouw) for s in stappen],
    }
    return Answer("history", (tabel,), data, csv)


def _onder(s: Stap) -> list[Row]:
    return opbouw_rijen(HISTORY_KOLOMMEN, s.opbouw)


def explain_rij(r: Spoorregel) -> list[Any]:
    return [r.event_id, *(getattr(r, k) for k in EXPLAIN_VELDEN[1:])]


def explain(u: Uitleg) -> Answer:
    rijen = tuple(
        regel
        for r in u.spoor
        for regel in (
            rij(SPOOR_KOLOMMEN, _spoor(r)),
            *opbouw_rijen(SPOOR_KOLOMMEN, r.opbouw),
            *waarschuwing_rijen(SPOOR_KOLOMMEN, r.waarschuwingen, "status"),
        )
    )
    tabel = Report("Explain", _stand(u), SPOOR_KOLOMMEN, rijen, ((Teken.voordeel, " (", Eenheid(), ")"),))
    if u.figuur is None and not u.spoor:
        tabel = in_woorden("Explain", _kop(u), [u.jaar])
    csv = Report(
        "Explain", ("Explain",), EXPLAIN_KOLOMMEN, tuple(rij(EXPLAIN_KOLOMMEN, explain_rij(r)) for r in u.spoor)
    )
    return Answer("explain", (tabel,), explain_json(u), csv)


def explain_json(u: Uitleg) -> dict[str, Any]:
    f = u.figuur
    return zicht_json(u.zicht) | {
        "post": u.post,
        "jaar": u.jaar,
        "richting": f.richting if f else None,
        "raming": f.raming if f else None,
        "prognose": f.prognose if f else None,
        "effect": f.effect if f else None,
        **({"budgetneutraal": True, "doorgegeven": f.doorgegeven} if f and f.budgetneutraal else {}),
        "events": [
            dict(zip(EXPLAIN_VELDEN, explain_rij(r), strict=True))
            | {"waarschuwingen": list(r.waarschuwingen)}
            | opbouw_json(r.opbouw)
            for r in u.spoor
        ],
    }


def _stand(u: Uitleg) -> Tekst:
    kop = _kop(u) + ": "
    f = u.figuur
    if f is None:
        return (kop, _("geen bedrag"))
    return (
        kop,
        _("raming") + " ",
        Bedrag(f.raming),
        ", " + _("prognose") + " ",
        Bedrag(f.prognose),
        ", " + _("effect") + " ",
        Bedrag(f.effect, teken=True),
        *((_(" (budgetneutraal: "), Bedrag(f.doorgegeven), _(" doorgegeven als lasten)")) if f.budgetneutraal else ()),
    )


def _kop(u: Uitleg) -> str:
    gezegd = _("{post} {jaar} in {gemeente}, bekend op {datum}")
    return gezegd.format(post=u.post, jaar=u.jaar, gemeente=met_naam(u.zicht.gemeente), datum=u.zicht.as_of)


def _spoor(r: Spoorregel) -> list[Any]:
    soort = r.type + (f" ({r.reden})" if r.reden else "")
    return [r.event_id, soort, r.soort, r.bedrag, str(r.bekend_op), toon_iso(r.geboekt_op), r.geboekt_door, _status(r)]


def _status(r: Spoorregel) -> str:
    if not r.in_kracht:
        gezegd = _("vervangen door {id} ({wie}: {reden})")
        return gezegd.format(id=r.vervangen_door, wie=r.vervangen_door_wie, reden=r.vervangen_reden)
    return _("bepaalt de prognose") if r.zet_waarde else _("in kracht")
