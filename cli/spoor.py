"""How the history and the audit trail of one figure look."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from cli.uitvoer import Tabel, eenheid_tekst, geld

if TYPE_CHECKING:
    from projections.explain import Uitleg
    from projections.history import Stap
    from projections.peil import Peil

HISTORY_KOLOMMEN = ["bekend_op", "event", "type", "soort", "bedrag", "raming", "prognose", "bron"]
EXPLAIN_KOLOMMEN = [
    "event",
    "type",
    "soort",
    "bedrag",
    "bekend_op",
    "geboekt_op",
    "geboekt_door",
    "bron",
    "reden",
    "in_kracht",
    "zet_waarde",
    "vervangen_door",
    "vervallen_op",
    "vervangen_door_wie",
    "vervangen_reden",
]


def history_rij(s: Stap) -> list[Any]:
    return [s.bekend_op, s.event_id, s.type, s.soort, s.bedrag, s.raming, s.prognose, s.bron]


def history_json(peil: Peil, post: str, jaar: int, stappen: list[Stap]) -> dict[str, Any]:
    from projections.als_json import peil_json

    return peil_json(peil) | {
        "post": post,
        "jaar": jaar,
        "stappen": [dict(zip(HISTORY_KOLOMMEN, history_rij(s), strict=False)) for s in stappen],
    }


def history_tabel(peil: Peil, post: str, jaar: int, stappen: list[Stap], eenheid: int) -> Tabel:
    rechts = {"bedrag", "raming", "prognose"}
    tabel = Tabel(
        f"{post} {jaar} ({peil.gemeente}): bekende waarde per event",
        HISTORY_KOLOMMEN,
        rechts=rechts,
        voet=f"{eenheid_tekst(eenheid)}; raming en prognose zoals bekend na die dag; pm telt niet mee",
    )
    tabel.rijen = [[geld(w, eenheid) if isinstance(w, Decimal) else str(w) for w in history_rij(s)] for s in stappen]
    return tabel


def explain_rij(r: Any) -> list[Any]:
    return [r.event_id, *(getattr(r, k) for k in EXPLAIN_KOLOMMEN[1:])]


def explain_json(u: Uitleg) -> dict[str, Any]:
    from projections.als_json import peil_json

    figuur = u.figuur
    return peil_json(u.peil) | {
        "post": u.post,
        "jaar": u.jaar,
        "richting": figuur.richting if figuur else None,
        "raming": figuur.raming if figuur else None,
        "prognose": figuur.prognose if figuur else None,
        "effect": figuur.effect if figuur else None,
        "events": [dict(zip(EXPLAIN_KOLOMMEN, explain_rij(r), strict=False)) for r in u.spoor],
    }


def explain_tabel(u: Uitleg, eenheid: int) -> Tabel:
    f = u.figuur
    stand = (
        (
            f"raming {geld(f.raming, eenheid)}, prognose {geld(f.prognose, eenheid)}, "
            f"effect {geld(f.effect, eenheid, teken=True)}"
        )
        if f
        else "geen bedrag"
    )
    kolommen = ["event", "type", "soort", "bedrag", "bekend_op", "geboekt", "door", "status"]
    tabel = Tabel(
        f"{u.post} {u.jaar} ({u.peil.gemeente}), bekend op {u.peil.as_of}: {stand}",
        kolommen,
        rechts={"bedrag"},
        voet=eenheid_tekst(eenheid),
    )
    for r in u.spoor:
        tabel.rijen.append(
            [
                r.event_id,
                r.type + (f" ({r.reden})" if r.reden else ""),
                r.soort,
                geld(r.bedrag, eenheid),
                str(r.bekend_op),
                r.geboekt_op[:19],
                r.geboekt_door,
                _status(r),
            ]
        )
    return tabel


def _status(r: Any) -> str:
    if not r.in_kracht:
        return f"vervangen door {r.vervangen_door} ({r.vervangen_door_wie}: {r.vervangen_reden})"
    return "bepaalt de prognose" if r.zet_waarde else "in kracht"
