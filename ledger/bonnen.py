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
from ledger.verify import Breuk, Ketencontrole
from taal import _


class OngeldigeBonnen(LedgerError):
    """A heads file that cannot be read."""


def bonnen(controle: Ketencontrole) -> dict[str, Any]:
    """The receipt of the ledger as the check walked it."""
    bon: dict[str, Any] = {}
    for stroom in sorted(controle.stromen.values(), key=lambda s: s.naam):
        bon[stroom.naam] = {"event": event_id(stroom.naam, stroom.versie), "versie": stroom.versie, "hash": stroom.hash}
        if stroom.zegel:
            bon[stroom.naam]["zegel"] = stroom.zegel
    return {"gemaakt": datetime.now(UTC).isoformat(timespec="seconds"), "heads": bon}


def lees_bonnen(pad: Path) -> dict[str, dict[str, Any]]:
    try:
        heads = json.loads(pad.read_text(encoding="utf-8"))["heads"]
        for gemeente, bon in heads.items():
            if not (isinstance(bon["versie"], int) and isinstance(bon["hash"], str) and gemeente.startswith("GM")):
                raise ValueError(gemeente)
    except OSError as fout:
        raise OngeldigeBonnen(
            _("heads-bestand {pad}: niet te lezen ({reden})").format(pad=pad, reden=fout.strerror)
        ) from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise OngeldigeBonnen(
            _("heads-bestand {pad}: geen ontvangstbewijs geschreven door `begroting heads`").format(pad=pad)
        ) from None
    return heads


def vergelijk_bonnen(recorder: ApplicationRecorder, heads: dict[str, dict[str, Any]]) -> list[Breuk]:
    """Every gemeente whose chain no longer holds the receipt's version with its hash and seal."""
    breuken = []
    for gemeente, bon in heads.items():
        id_ = event_id(gemeente, bon["versie"])
        gevonden = recorder.select_events(grootboek_id(gemeente), gt=bon["versie"] - 1, lte=bon["versie"])
        melding = (
            _melding(gevonden[0].topic, gevonden[0].state, bon) if gevonden else _("is weg: geschiedenis ingekort")
        )
        if melding:
            breuken.append(Breuk(id_, melding))
    return breuken


def _melding(topic: str, state: bytes, bon: dict[str, Any]) -> str | None:
    try:
        nu = herbereken(topic, state)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return _("niet meer te lezen: gewijzigd na het ontvangstbewijs")
    if nu.hash != bon["hash"]:
        return _("heeft nu hash {nu}…, het ontvangstbewijs zegt {kop}…: geschiedenis herschreven").format(
            nu=nu.hash[:12], kop=bon["hash"][:12]
        )
    if bon.get("zegel") and nu.zegel != bon["zegel"]:
        return _("het zegel is na het ontvangstbewijs verwijderd of vervangen")
    return None
