"""The journal read model: every event with its ids, bron, both dates and who recorded it.

The journal keeps what an auditor filters and sorts on; the event's full
content stays in the event store, and `samenvatting` says it in one line.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import singledispatch
from typing import Any

from events import (
    FEIT,
    BcfAfrekeningOntvangen,
    BcfVoorschotOntvangen,
    BegrotingGewijzigd,
    BegrotingVastgesteld,
    BuigBeschikkingOntvangen,
    CirculaireGepubliceerd,
    CoronaCompensatieToegekend,
    Feit,
    PrognoseBijgesteld,
    ReserveGemuteerd,
    ReserveIngesteld,
    ResultaatBestemd,
)
from events.base import euro
from ledger.posten import Json
from projections.tijd import iso_naar_us


def _jaren(jaren: set[int]) -> str:
    if not jaren:
        return "-"
    return f"{min(jaren)}-{max(jaren)}" if len(jaren) > 1 else str(min(jaren))


@singledispatch
def samenvatting(feit: Feit) -> str:
    return f"{feit.type} {_jaren(feit.jaren())}"


@samenvatting.register
def _(feit: BegrotingVastgesteld | BegrotingGewijzigd) -> str:
    return f"{feit.naam}: {len(feit.posten)} posten, {_jaren(feit.jaren())}"


@samenvatting.register
def _(feit: CirculaireGepubliceerd) -> str:
    delen = [f"{feit.soort}circulaire {feit.jaar}: algemene uitkering {_jaren(set(feit.algemene_uitkering))}"]
    if feit.taakmutaties:
        delen.append(f"{len(feit.taakmutaties)} taakmutaties")
    return ", ".join(delen)


@samenvatting.register
def _(feit: BuigBeschikkingOntvangen) -> str:
    return f"BUIG {feit.jaar} {feit.fase.replace('_', ' ')}: {euro(feit.bedrag)}"


@samenvatting.register(BcfVoorschotOntvangen)
@samenvatting.register(BcfAfrekeningOntvangen)
def _(feit: BcfVoorschotOntvangen | BcfAfrekeningOntvangen) -> str:
    deel = f" (in {feit.onderdeel_van})" if feit.onderdeel_van else ""
    return f"BCF {feit.type.removeprefix('bcf_')} {feit.jaar}: {euro(feit.bedrag)}{deel}"


@samenvatting.register
def _(feit: CoronaCompensatieToegekend) -> str:
    totaal = sum(feit.bedragen.values(), Decimal(0))
    return f"corona {feit.maatregel} via {feit.route.replace('_', ' ')}: {euro(totaal)}"


@samenvatting.register
def _(feit: PrognoseBijgesteld) -> str:
    return f"prognose {feit.post} {_jaren(set(feit.bedragen))}"


@samenvatting.register
def _(feit: ReserveIngesteld) -> str:
    return f"{feit.soort.replace('_', ' ')} {feit.reserve} per {feit.per}: {euro(feit.beginstand)}"


@samenvatting.register
def _(feit: ReserveGemuteerd) -> str:
    return f"{feit.soort} {feit.reserve} {feit.jaar}: {euro(feit.bedrag)}"


@samenvatting.register
def _(feit: ResultaatBestemd) -> str:
    return f"resultaatbestemming {feit.jaar}: {euro(feit.resultaat)} naar {len(feit.toevoegingen)} reserve(s)"


def beschrijving(state: bytes | str) -> tuple[str, Json | None]:
    """(one line about a stored event, its feit as JSON) for listings: decoded only when shown."""
    event = json.loads(state)
    feit = event.get("feit")
    if feit is None:
        return (
            f"intrekking: {event['reden']}" if "trekt_in" in event else f"grootboek {event['gemeente']} geopend"
        ), None
    tekst = samenvatting(FEIT.validate_python(feit))
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
