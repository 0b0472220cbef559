"""One event as people read it: its fields, its content as a table of fields and amounts, what corrected or
withdrew it, and what `record` warned of; its JSON is the event as `begroting events --format json` gives it."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from events.klok import toon_iso
from ledger.zegeldekking import Zegeldekking
from projections.als_json import journaal_json
from projections.journaal import Journaalpost
from reports.journaal import KOLOMMEN, tabelrijen
from reports.model import Answer, Cel, Report, kolom, rij
from taal import N_, _

VELD_KOLOMMEN = (kolom("veld"), kolom("waarde"))
INHOUD_KOLOMMEN = (kolom("veld"), kolom("waarde"), kolom("bedrag", money=True))
ZEGEL_KOLOMMEN = (kolom("event"), kolom("zegel", "zegel (HMAC-SHA256 van de hash)"), kolom("controle"))
VELDEN = (
    ("type", N_("type")),
    ("bron", N_("bron")),
    ("bron_titel", N_("titel van de bron")),
    ("bron_kenmerk", N_("kenmerk")),
    ("bekend_op", N_("bekend op")),
    ("geboekt_op", N_("geboekt op")),
    ("geboekt_door", N_("geboekt door")),
    ("samenvatting", N_("samenvatting")),
    ("verwerking", N_("verwerking")),
    ("toelichting", N_("toelichting")),
    ("betreft", N_("betreft")),
    ("reden", N_("reden")),
    ("positie", N_("positie in het grootboek")),
    ("hash", N_("hash (SHA-256)")),
    ("vorige_hash", N_("hash van het vorige event")),
)


def eventpagina(event: Journaalpost, later: list[Journaalpost], dekking: Zegeldekking | None = None) -> Answer:
    """`later`: the events that correct or withdraw this one; `dekking`: the seal that covers it, if asked."""
    gegevens = tuple(
        rij(VELD_KOLOMMEN, [_(label), _tekst(k, getattr(event, k))])
        for k, label in VELDEN
        if getattr(event, k) not in (None, "")
    )
    delen = [Report("Event", (_("Event {id}").format(id=event.id),), VELD_KOLOMMEN, gegevens)]
    inhoud = tuple(rij(INHOUD_KOLOMMEN, [pad, *_waarde(w)]) for pad, w in _bladeren(event.inhoud or {}))
    if inhoud:
        delen.append(Report("Inhoud", (_("Inhoud zoals geboekt (bedragen in euro's)"),), INHOUD_KOLOMMEN, inhoud))
    if dekking is not None:
        delen.append(zegel(event.id, dekking))
    titel = (
        _("Correcties en intrekkingen van dit event") if later else _("Correcties en intrekkingen van dit event: geen")
    )
    rijen = tuple(r for e in later for r in tabelrijen(e))
    delen.append(Report("Later", (titel,), KOLOMMEN if later else (), rijen))
    if event.waarschuwingen:
        regels = tuple(rij((kolom("waarschuwing"),), [w]) for w in event.waarschuwingen)
        delen.append(Report("Waarschuwingen", (_("Waarschuwingen bij het boeken"),), (kolom("waarschuwing"),), regels))
    return Answer("event", tuple(delen), journaal_json([event])[0])


def zegel(id_: str, d: Zegeldekking) -> Report:
    """The seal that covers the event: its own, or a later event's through the hash chain; and whether it holds."""
    if d.door is None:
        if d.breuk:
            titel = _("Zegel: geen (de hashketen houdt niet bij {id})").format(id=d.breuk)
        else:
            titel = _("Zegel: geen (geen event vanaf {id} is verzegeld)").format(id=id_)
        return Report("Zegel", (titel,), (), ())
    if d.door == id_:
        titel = _("Zegel: dit event is zelf verzegeld")
    else:
        gezegd = _("Zegel: gedekt door het zegel van {id} (zijn hash bevat via de hashketen die van dit event)")
        titel = gezegd.format(id=d.door)
    return Report("Zegel", (titel,), ZEGEL_KOLOMMEN, (rij(ZEGEL_KOLOMMEN, [d.door, d.zegel, _klopt(d)]),))


def _klopt(d: Zegeldekking) -> str:
    if d.klopt is None:
        return _("niet gecontroleerd: deze server heeft geen zegelsleutel")
    if d.klopt:
        return _("klopt met de zegelsleutel")
    return _("KLOPT NIET met de zegelsleutel: vervalst of een andere sleutel")


def _tekst(veld: str, waarde: Any) -> str:
    return toon_iso(waarde, exact=True) if veld == "geboekt_op" else str(waarde)


def _bladeren(inhoud: Any, pad: str = "") -> list[tuple[str, Any]]:
    """Every leaf of the content with its path (`opbouw · structureel · 2021`); an empty part is left out."""
    if isinstance(inhoud, dict):
        return [b for k, w in inhoud.items() for b in _bladeren(w, f"{pad} · {k}" if pad else str(k))]
    if isinstance(inhoud, list):
        return [b for i, w in enumerate(inhoud, 1) for b in _bladeren(w, f"{pad} · {i}")]
    return [] if inhoud in (None, "") else [(pad, inhoud)]


def _waarde(waarde: Any) -> tuple[Cel, Cel]:
    """An amount (a decimal string, as the content stores money) in the amount column, anything else as text."""
    if isinstance(waarde, str) and "." in waarde:
        try:
            return "", Decimal(waarde)
        except InvalidOperation:
            pass
    return str(waarde), None
