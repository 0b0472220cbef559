"""What `snapshot verify` found, as the CLI's lines and as tables of the differing figures and later events."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from events.klok import toon_iso
from projections.snapshot_verify import Figuurverschil, Uitslag
from reports.model import Answer, Cel, Report, kolom, rij

VERSCHIL_KOLOMMEN = (kolom("waar"), kolom("snapshot", money=True), kolom("ledger", money=True))
EVENT_VELDEN = ("id", "type", "bron", "bekend_op", "geboekt_op", "geboekt_door", "samenvatting")
EVENT_KOLOMMEN = tuple(kolom(k) for k in EVENT_VELDEN)


def regels(uitslag: Uitslag, bestand: str, gemaakt_op: str) -> list[str]:
    """The report of `begroting snapshot verify FILE`, line by line; the last line says identical or differs."""
    uit = []
    if uitslag.bestand_gewijzigd:
        uit.append("the file was changed after it was made: its content no longer matches its sha256")
    if uitslag.laatste_event_gewijzigd:
        uit.append("the last event the snapshot saw is no longer in the ledger with the same hash")
    uit += [
        f"ALTERED {v.waar}: the snapshot says {v.toen}, the ledger as recorded then gives {v.nu}" for v in uitslag.toen
    ]
    if uitslag.onveranderd_toen:
        uit.append(
            f"as recorded when it was made ({toon_iso(gemaakt_op, exact=True) if gemaakt_op else '?'}): identical"
        )
    uit += [f"differs {v.waar}: {v.toen} -> {v.nu}" for v in uitslag.verschillen]
    uit += [
        f"recorded since: {e['id']} {e['type']} bron {e['bron']} bekend_op {e['bekend_op']} "
        f"geboekt_op {toon_iso(e['geboekt_op'])} by {e['geboekt_door']}: {e['samenvatting']}"
        for e in uitslag.nieuwe_events
    ]
    if uitslag.identiek:
        return [*uit, f"identical: {bestand}"]
    return [
        *uit,
        f"differs: {len(uitslag.verschillen)} figure(s), {len(uitslag.nieuwe_events)} event(s) recorded since",
    ]


def _veld(event: dict[str, Any], veld: str) -> Any:
    return toon_iso(event[veld]) if veld == "geboekt_op" else event[veld]


def _waarde(waarde: Any) -> Cel:
    """An amount as an amount (so it reads 2.112.000,00), anything else as its text."""
    if isinstance(waarde, str) and "." in waarde:
        try:
            return Decimal(waarde)
        except InvalidOperation:
            pass
    return None if waarde is None else str(waarde)


def _verschillen(naam: str, titel: str, lijst: list[Figuurverschil]) -> Report:
    rijen = tuple(rij(VERSCHIL_KOLOMMEN, [v.waar, _waarde(v.toen), _waarde(v.nu)]) for v in lijst)
    return Report(naam, (titel,), VERSCHIL_KOLOMMEN, rijen)


def verificatie(uitslag: Uitslag) -> Answer:
    """The figures that differ (as recorded then, and as the ledger knows now) and the events recorded since."""
    delen = []
    if uitslag.toen:
        delen.append(_verschillen("Gewijzigd", "Anders dan de ledger toen gaf (gewijzigd)", uitslag.toen))
    if uitslag.verschillen:
        delen.append(_verschillen("Verschillen", "Figuren die nu anders zijn", uitslag.verschillen))
    if uitslag.nieuwe_events:
        events = tuple(rij(EVENT_KOLOMMEN, [_veld(e, k) for k in EVENT_VELDEN]) for e in uitslag.nieuwe_events)
        delen.append(Report("Sindsdien", ("Sindsdien geboekt en van belang voor de snapshot",), EVENT_KOLOMMEN, events))
    return Answer("snapshot_verify", tuple(delen), None)
