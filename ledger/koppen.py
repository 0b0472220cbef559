"""Receipts: per gemeente the last version and its hash, kept outside the database by an auditor.

A hash chain can be recomputed by whoever rewrites it; a receipt cannot. When
the chain no longer holds that version with that hash (and seal), history was
rewritten or truncated after the receipt was written.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eventsourcing.persistence import ApplicationRecorder

from events.errors import LedgerError
from ledger.grootboek import event_id, grootboek_id
from ledger.hashchain import herbereken
from ledger.integriteit import Breuk, Ketencontrole
from taal import _


class OngeldigeKoppen(LedgerError):
    """A heads file that cannot be read."""


def koppen(controle: Ketencontrole) -> dict[str, Any]:
    """The receipt of the ledger as the check walked it."""
    kop: dict[str, Any] = {}
    for stroom in sorted(controle.stromen.values(), key=lambda s: s.naam):
        kop[stroom.naam] = {"event": event_id(stroom.naam, stroom.versie), "versie": stroom.versie, "hash": stroom.hash}
        if stroom.zegel:
            kop[stroom.naam]["zegel"] = stroom.zegel
    return {"gemaakt": datetime.now(UTC).isoformat(timespec="seconds"), "heads": kop}


def lees_koppen(pad: Path) -> dict[str, dict[str, Any]]:
    try:
        heads = json.loads(pad.read_text(encoding="utf-8"))["heads"]
        for gemeente, kop in heads.items():
            if not (isinstance(kop["versie"], int) and isinstance(kop["hash"], str) and gemeente.startswith("GM")):
                raise ValueError(gemeente)
    except OSError as fout:
        raise OngeldigeKoppen(
            _("heads-bestand {pad}: niet te lezen ({reden})").format(pad=pad, reden=fout.strerror)
        ) from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise OngeldigeKoppen(
            _("heads-bestand {pad}: geen ontvangstbewijs geschreven door `begroting heads`").format(pad=pad)
        ) from None
    return heads


def vergelijk_koppen(recorder: ApplicationRecorder, heads: dict[str, dict[str, Any]]) -> list[Breuk]:
    """Every gemeente whose chain no longer holds the receipt's version with its hash and seal."""
    breuken = []
    for gemeente, kop in heads.items():
        id_ = event_id(gemeente, kop["versie"])
        gevonden = recorder.select_events(grootboek_id(gemeente), gt=kop["versie"] - 1, lte=kop["versie"])
        melding = (
            _melding(gevonden[0].topic, gevonden[0].state, kop) if gevonden else _("is weg: geschiedenis ingekort")
        )
        if melding:
            breuken.append(Breuk(id_, melding))
    return breuken


def _melding(topic: str, state: bytes, kop: dict[str, Any]) -> str | None:
    try:
        nu = herbereken(topic, state)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return _("niet meer te lezen: gewijzigd na het ontvangstbewijs")
    if nu.hash != kop["hash"]:
        return _("heeft nu hash {nu}…, het ontvangstbewijs zegt {kop}…: geschiedenis herschreven").format(
            nu=nu.hash[:12], kop=kop["hash"][:12]
        )
    if kop.get("zegel") and nu.zegel != kop["zegel"]:
        return _("het zegel is na het ontvangstbewijs verwijderd of vervangen")
    return None
