"""The journal read model: every event with its ids, bron, both dates and who recorded it.

The journal keeps what an auditor filters and sorts on; the event's full
content stays in the event store, and `samenvatting` says it in one line.
"""

from __future__ import annotations

import json
from typing import Any

from events import lees_feit
from events.postbedragen import Json
from projections.tijd import iso_naar_us


def beschrijving(state: bytes | str) -> tuple[str, Json | None]:
    """(one line about a stored event, its feit as JSON) for listings: decoded only when shown."""
    event = json.loads(state)
    feit = event.get("feit")
    if feit is None:
        return (
            f"intrekking: {event['reden']}" if "trekt_in" in event else f"grootboek {event['gemeente']} geopend"
        ), None
    tekst = lees_feit(feit).samenvatting()
    return (f"correctie: {tekst}" if "vervangt" in event else tekst), feit


def journaalrij(event: Json, soort: str, positie: int) -> dict[str, Any]:
    """The journal row of one stored event, read straight from its JSON state.

    `soort` is geopend, geboekt, correctie or intrekking (from the topic).
    """
    feit = event.get("feit") or {}
    bron = event.get("bron") or {}
    return {
        "positie": positie,
        "gemeente": event["gemeente"],
        "versie": event["originator_version"],
        "type": feit.get("type", soort) if soort == "geboekt" else soort,
        "feit_type": feit.get("type"),
        "bron": bron.get("id"),
        "bron_titel": bron.get("titel"),
        "bron_kenmerk": bron.get("kenmerk"),
        "bekend_op": feit.get("bekend_op"),
        "geboekt_op": iso_naar_us(event["timestamp"]),
        "geboekt_door": event["geboekt_door"],
        "keten": event.get("keten", event["originator_version"] if soort == "geboekt" else None),
        "betreft": event.get("vervangt", event.get("trekt_in")),
        "verwerking": feit.get("verwerking"),
        "reden": event.get("reden"),
        "toelichting": feit.get("toelichting"),
        "hash": event["hash"],
        "vorige_hash": event["vorige_hash"],
    }
