"""The journal read model: every event with its ids, bron, both dates and who recorded it."""
from __future__ import annotations

from decimal import Decimal
from functools import singledispatch
from typing import Any

from events import (
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
from ledger.grootboek import Grootboek
from events.base import euro
from projections.tijd import naar_us


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


def journaalrij(event: Grootboek.Event, positie: int) -> dict[str, Any]:
    rij: dict[str, Any] = {
        "positie": positie,
        "gemeente": event.gemeente,
        "versie": event.originator_version,
        "geboekt_op": naar_us(event.timestamp),
        "geboekt_door": event.geboekt_door,
        "hash": event.hash,
        "vorige_hash": event.vorige_hash,
        **dict.fromkeys(("bron", "bron_titel", "bron_kenmerk", "bekend_op", "keten", "betreft")),
        **dict.fromkeys(("verwerking", "reden", "toelichting", "inhoud", "feit_type")),
    }
    return rij | _per_soort(event)


def _per_soort(event: Grootboek.Event) -> dict[str, Any]:
    if isinstance(event, Grootboek.Geopend):
        return {"type": "geopend", "samenvatting": f"grootboek {event.gemeente} geopend"}
    if isinstance(event, Grootboek.FeitIngetrokken):
        return {"type": "intrekking", "keten": event.keten, "betreft": event.trekt_in,
                "reden": event.reden, "samenvatting": f"intrekking: {event.reden}"}
    assert isinstance(event, (Grootboek.FeitGeboekt, Grootboek.FeitGecorrigeerd))
    feit = event.feit
    gedeeld = {
        "feit_type": feit.type, "bron": event.bron.id, "bron_titel": event.bron.titel,
        "bron_kenmerk": event.bron.kenmerk, "bekend_op": feit.bekend_op,
        "verwerking": getattr(feit, "verwerking", None), "toelichting": feit.toelichting,
        "inhoud": feit.model_dump_json(),
    }
    if isinstance(event, Grootboek.FeitGecorrigeerd):
        return gedeeld | {"type": "correctie", "keten": event.keten, "betreft": event.vervangt,
                          "reden": event.reden, "samenvatting": f"correctie: {samenvatting(feit)}"}
    return gedeeld | {"type": feit.type, "keten": event.originator_version, "samenvatting": samenvatting(feit)}
