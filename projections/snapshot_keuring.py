"""A snapshot.json from elsewhere (uploaded, or a file kept with a dossier) read and checked in shape before
it is verified: what is not a snapshot written by begroting is a clear refusal, never a crash.

The parts the verification reads are checked for their types; the figures may be any JSON, nested at
most DIEPSTE levels (the comparison walks them).
"""

from __future__ import annotations

import json
from typing import Any

from events.getallen import EERSTE_JAAR, LAATSTE_JAAR

DIEPSTE = 64


def lees_snapshot(inhoud: bytes) -> dict[str, Any]:
    """The snapshot's data; a ValueError saying what is wrong when it is not one."""
    try:
        gegevens = json.loads(inhoud.decode("utf-8"))
    except RecursionError:
        raise ValueError(f"nests deeper than {DIEPSTE} levels") from None
    except ValueError as fout:  # not UTF-8, not JSON, or a number of thousands of digits
        raise ValueError(f"not JSON: {fout}") from None
    fout = vorm_fout(gegevens)
    if fout:
        raise ValueError(fout)
    return gegevens


def _diepte(waarde: Any) -> int:
    diepste, open_ = 0, [(waarde, 1)]
    while open_:
        w, niveau = open_.pop()
        if isinstance(w, dict | list):
            diepste = max(diepste, niveau)
            if diepste > DIEPSTE:
                return diepste
            open_ += [(k, niveau + 1) for k in (w.values() if isinstance(w, dict) else w)]
    return diepste


def vorm_fout(gegevens: Any) -> str | None:
    """What is wrong with the shape of these data as a snapshot, or None."""
    if not isinstance(gegevens, dict):
        return "not a JSON object"
    if _diepte(gegevens) > DIEPSTE:
        return f"nests deeper than {DIEPSTE} levels"
    return _query_fout(gegevens.get("query")) or _rest_fout(gegevens)


def _query_fout(query: Any) -> str | None:
    if not isinstance(query, dict):
        return "query: missing, or not an object"
    if not all(isinstance(query.get(k), str) for k in ("gemeente", "as_of")):
        return "query.gemeente and query.as_of should be text"
    jaar = query.get("jaar")
    if type(jaar) is not int or not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        return f"query.jaar should be a year within {EERSTE_JAAR}-{LAATSTE_JAAR}"
    if query.get("recorded_by") is not None and not isinstance(query["recorded_by"], str):
        return "query.recorded_by should be a moment as text"
    return None


def _rest_fout(gegevens: dict[str, Any]) -> str | None:
    gemaakt, journaal, laatste = gegevens.get("gemaakt"), gegevens.get("journaal"), gegevens.get("laatste_event")
    if not isinstance(gemaakt, dict) or not isinstance(gemaakt.get("op"), str):
        return "gemaakt.op: missing, or not a moment as text"
    if not isinstance(journaal, list) or not all(
        isinstance(e, dict) and isinstance(e.get("id"), str) for e in journaal
    ):
        return "journaal should be a list of events, each with its id"
    if not isinstance(laatste, dict) or not all(_is_laatste(w) for w in laatste.values()):
        return "laatste_event should map a gemeente to its last event and hash"
    if not isinstance(gegevens.get("sha256"), str):
        return "sha256: missing, or not text"
    return None


def _is_laatste(waarde: Any) -> bool:
    return waarde is None or (
        isinstance(waarde, dict) and isinstance(waarde.get("event"), str) and isinstance(waarde.get("hash"), str)
    )
