"""A snapshot.json from elsewhere (uploaded, or a file kept with a dossier) read and checked in shape before
it is verified: what is not a snapshot written by begroting is a clear refusal, never a crash.

The parts the verification reads are checked for their types; the figures may be any JSON, nested at
most DIEPSTE levels (the comparison walks them).
"""

from __future__ import annotations

import json
from typing import Any

from events.getallen import EERSTE_JAAR, LAATSTE_JAAR
from taal import _

DIEPSTE = 64


def lees_snapshot(inhoud: bytes) -> dict[str, Any]:
    """The snapshot's data; a ValueError saying what is wrong when it is not one."""
    try:
        gegevens = json.loads(inhoud.decode("utf-8"))
    except RecursionError:
        raise ValueError(_("nest dieper dan {n} niveaus").format(n=DIEPSTE)) from None
    except ValueError as fout:  # not UTF-8, not JSON, or a number of thousands of digits
        raise ValueError(_("geen JSON: {fout}").format(fout=fout)) from None
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
        return _("geen JSON-object")
    if _diepte(gegevens) > DIEPSTE:
        return _("nest dieper dan {n} niveaus").format(n=DIEPSTE)
    return _query_fout(gegevens.get("query")) or _rest_fout(gegevens)


def _query_fout(query: Any) -> str | None:
    if not isinstance(query, dict):
        return _("query: ontbreekt, of is geen object")
    if not all(isinstance(query.get(k), str) for k in ("gemeente", "as_of")):
        return _("query.gemeente en query.as_of horen tekst te zijn")
    jaar = query.get("jaar")
    if type(jaar) is not int or not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        return _("query.jaar hoort een jaar binnen {van}-{tot} te zijn").format(van=EERSTE_JAAR, tot=LAATSTE_JAAR)
    if query.get("recorded_by") is not None and not isinstance(query["recorded_by"], str):
        return _("query.recorded_by hoort een moment als tekst te zijn")
    return None


def _rest_fout(gegevens: dict[str, Any]) -> str | None:
    gemaakt, journaal, laatste = gegevens.get("gemaakt"), gegevens.get("journaal"), gegevens.get("laatste_event")
    if not isinstance(gemaakt, dict) or not isinstance(gemaakt.get("op"), str):
        return _("gemaakt.op: ontbreekt, of is geen moment als tekst")
    if not isinstance(journaal, list) or not all(
        isinstance(e, dict) and isinstance(e.get("id"), str) for e in journaal
    ):
        return _("journaal hoort een lijst events te zijn, elk met zijn id")
    if not isinstance(laatste, dict) or not all(_is_laatste(w) for w in laatste.values()):
        return _("laatste_event hoort per gemeente het laatste event en de hash te geven")
    if not isinstance(gegevens.get("sha256"), str):
        return _("sha256: ontbreekt, of is geen tekst")
    return None


def _is_laatste(waarde: Any) -> bool:
    return waarde is None or (
        isinstance(waarde, dict) and isinstance(waarde.get("event"), str) and isinstance(waarde.get("hash"), str)
    )
