"""The JSON form of the answers a snapshot freezes (saldo, diff, reserves, journaal), and the JSON writer.

These stay below reports/ because projections/snapshot.py derives and
re-verifies a snapshot from them and hashes their canonical text; reports/
uses the same functions for the CLI's JSON, so there is one form of each.
The JSON form of the other answers lives with their builders in reports/.
Money stays Decimal and dates stay dates here; `als_tekst` writes money as
a string with exactly two decimals, in euros.
"""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from events.klok import als_gesteld
from events.lijsten import groep
from ledger.ids import event_id
from projections.journaal import Journaalpost

if TYPE_CHECKING:  # a saldo's JSON needs no diff loaded
    from projections.diff import Diff
    from projections.reserves import Reserve
    from projections.saldo import Saldo
    from projections.zicht import Zicht

JOURNAAL_VELDEN = tuple(f.name for f in fields(Journaalpost))


def json_waarde(waarde: Any) -> Any:
    if isinstance(waarde, Decimal):
        return f"{waarde:.2f}"
    if isinstance(waarde, (date, datetime)):
        return waarde.isoformat()
    raise TypeError(f"cannot write {type(waarde).__name__} as JSON")


def als_tekst(gegevens: Any, canoniek: bool = False) -> str:
    if canoniek:
        return json.dumps(gegevens, default=json_waarde, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return json.dumps(gegevens, default=json_waarde, ensure_ascii=False, indent=2)


def zicht_json(zicht: Zicht) -> dict[str, Any]:
    return {
        "gemeente": zicht.gemeente,
        "as_of": zicht.as_of,
        "recorded_by": als_gesteld(zicht.recorded_by).isoformat() if zicht.recorded_by else None,
    }


def journaal_json(regels: list[Journaalpost]) -> list[dict[str, Any]]:
    return [journaalpost_json(r) for r in regels]


def journaalpost_json(r: Journaalpost) -> dict[str, Any]:
    """Field by field, without `asdict`'s deep copy of the event's content (nobody changes it)."""
    return {naam: getattr(r, naam) for naam in JOURNAAL_VELDEN}


def saldo_json(s: Saldo) -> dict[str, Any]:
    return zicht_json(s.zicht) | {
        "jaren": {
            str(j): {
                "begroot_saldo": js.begroot_saldo,
                "effect": js.effect,
                "verwacht_saldo": js.verwacht_saldo,
                "saldo_baten_lasten": js.verwacht_saldo,
                "dotaties_reserves": js.dotaties,
                "onttrekkingen_reserves": js.onttrekkingen,
                "mutaties_reserves": js.mutaties_reserves,
                "resultaat": js.resultaat,
                "incidenteel_saldo": js.incidenteel_saldo,
                "structureel_saldo": js.structureel_saldo,
            }
            for j, js in s.jaren.items()
        },
        "posten": [
            {
                "post": p.post,
                "richting": p.richting,
                "jaar": p.jaar,
                "raming": p.raming,
                "prognose": p.prognose,
                "effect": p.effect,
                "incidenteel": p.incidenteel,
                **_programma(s, p.post),
                **({"budgetneutraal": True, "doorgegeven": p.doorgegeven} if p.budgetneutraal else {}),
            }
            for p in s.posten
        ],
        "pm": [
            {
                "post": p.post,
                "richting": p.richting,
                "jaar": p.jaar,
                "bedrag": p.bedrag,
                "effect": p.effect,
                "bron": p.bron,
                "event": _id(s.zicht, p.versie),
            }
            for p in s.pm
        ]
        + [
            {"post": p.post, "richting": p.richting, "jaar": None, "bedrag": "pm", "effect": None, "bron": p.bron}
            | {"event": _id(s.zicht, p.versie)}
            for p in s.pm_zonder_bedrag
        ],
        "onderdelen": [
            {
                "post": o.post,
                "onderdeel_van": o.onderdeel_van,
                "jaar": o.jaar,
                "bedrag": o.bedrag,
                "bron": o.bron,
                "event": _id(s.zicht, o.versie),
            }
            for o in s.onderdelen
        ],
    }


def _programma(s: Saldo, post: str) -> dict[str, str]:
    return {"programma": s.programma[post]} if post in s.programma else {}


def _id(zicht: Zicht, versie: int) -> str:
    return event_id(zicht.gemeente, versie)


def diff_json(d: Diff) -> dict[str, Any]:
    return {
        "gemeente": d.zicht.gemeente,
        "van": d.van,
        "tot": d.tot,
        "recorded_by": als_gesteld(d.zicht.recorded_by).isoformat() if d.zicht.recorded_by else None,
        "jaren": {
            str(j): {
                "mutatie": m.mutatie,
                "verwacht_van": m.verwacht_van,
                "verwacht_tot": m.verwacht_tot,
                "stand_van": m.verwacht_van,
                "stand_tot": m.verwacht_tot,
            }
            for j, m in d.jaren.items()
        },
        "posten": [
            {
                "post": p.post,
                "richting": p.richting,
                "jaar": p.jaar,
                "effect_van": p.effect_van,
                "effect_tot": p.effect_tot,
                "mutatie": p.mutatie,
                "oorzaken": list(p.oorzaken),
                "pm": p.pm,
                "groep": groep(p.post),
                **({"opbouw": list(p.opbouw)} if p.opbouw else {}),
                **({"budgetneutraal": True} if p.budgetneutraal else {}),
            }
            for p in d.posten
        ],
        "wijzigingen": [
            {"bron": w.bron, "naam": w.naam, "post": w.post, "jaar": w.jaar, "mutatie": w.mutatie}
            for w in d.wijzigingen
        ],
    }


def reserves_json(zicht: Zicht, alle: dict[str, Reserve]) -> dict[str, Any]:
    return zicht_json(zicht) | {
        "reserves": {
            naam: {
                "soort": r.soort,
                "standen": {str(j): v for j, v in r.standen.items()},
                "mutaties": {str(j): m for j, m in r.mutaties.items()},
            }
            for naam, r in sorted(alle.items())
        }
    }
