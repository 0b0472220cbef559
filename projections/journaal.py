"""The journal read model: every event with its ids, bron, both dates and who recorded it.

The writer turns each stored event into its journal row (`journaalrij`); auditors
read it back as `Journaalpost`s, oldest recording first. The journal keeps what
an auditor filters and sorts on; the event's full content stays in the event
store, and `samenvatting` says it in one line.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from events.errors import GeenGrootboek
from events.gemeenten import dichtstbij, gemeentelijst, met_naam
from events.lijsten import samenvatting
from events.postbedragen import Json
from ledger.ids import event_id
from projections.namen import Tabelnamen
from projections.tijd import iso, iso_naar_us
from storage.verbinding import Verbinding
from taal import _


def beschrijving(state: bytes | str) -> tuple[str, Json | None]:
    """(one line about a stored event, its feit as JSON) for listings: decoded only when shown."""
    event = json.loads(state)
    feit = event.get("feit")
    if feit is None:
        return (
            f"intrekking: {event['reden']}" if "trekt_in" in event else f"grootboek {event['gemeente']} geopend"
        ), None
    tekst = samenvatting(feit)
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
        "waarschuwingen": json.dumps(event["waarschuwingen"], ensure_ascii=False)
        if event.get("waarschuwingen")
        else None,
        "hash": event["hash"],
        "vorige_hash": event["vorige_hash"],
    }


@dataclass(frozen=True)
class Journaalpost:
    """One recorded event.

    Attributes:
        type: the input type (circulaire, ...), or correctie / intrekking.
        betreft: the event a correctie or intrekking is about.
    """

    id: str
    type: str
    gemeente: str
    bron: str | None
    bekend_op: date | None
    geboekt_op: str
    geboekt_door: str
    samenvatting: str
    betreft: str | None
    reden: str | None
    verwerking: str | None
    toelichting: str | None
    bron_titel: str | None
    bron_kenmerk: str | None
    hash: str
    vorige_hash: str
    inhoud: dict[str, Any] | None
    positie: int
    waarschuwingen: tuple[str, ...] = ()
    """What `record` warned of about it, as it printed them (without `warning: FILE: `)."""


@dataclass(frozen=True)
class Journaalselectie:
    """Which events a listing holds: of one gemeente, of one bron, recorded up to a moment (in us); None: all."""

    gemeente: str | None = None
    bron: str | None = None
    tot_us: int | None = None

    def vraag(self, t: Tabelnamen, kolommen: str) -> tuple[str, dict[str, Any]]:
        filters = [
            ("j.gemeente = :g", bool(self.gemeente)),
            ("j.bron = :bron", bool(self.bron)),
            ("j.geboekt_op <= :tot", self.tot_us is not None),
        ]
        waar = "".join(f" AND {f}" for f, gevraagd in filters if gevraagd)
        sql = f"SELECT {kolommen} FROM {t.journaal} j JOIN {t.events} e ON e.id = j.positie WHERE j.type != 'geopend'"
        return sql + waar, {"g": self.gemeente, "bron": self.bron, "tot": self.tot_us}


@dataclass(frozen=True)
class Journaalstroom:
    """The events of a listing as they are read; `aantal` counts them, on the same connection, when asked."""

    posten: Iterator[Journaalpost]
    aantal: Callable[[], int]


def journaal(
    verbinding: Verbinding,
    t: Tabelnamen,
    gemeente: str | None = None,
    bron: str | None = None,
    tot_us: int | None = None,
) -> list[Journaalpost]:
    sql, params = Journaalselectie(gemeente, bron, tot_us).vraag(t, "j.*, e.state")
    return [_regel(r) for r in verbinding.execute(sql + " ORDER BY j.positie", params)]


def journaalposten(verbinding: Verbinding, t: Tabelnamen, selectie: Journaalselectie) -> Iterator[Journaalpost]:
    """The events as they are read, oldest recording first: the whole store's journal fits in no memory."""
    sql, params = selectie.vraag(t, "j.*, e.state")
    return map(_regel, verbinding.stroom(sql + " ORDER BY j.positie", params))


def aantal(verbinding: Verbinding, t: Tabelnamen, selectie: Journaalselectie) -> int:
    sql, params = selectie.vraag(t, "count(*)")
    return verbinding.execute(sql, params).scalar_one()


def _regel(r: Any) -> Journaalpost:
    samenvatting, inhoud = beschrijving(r.state)
    return Journaalpost(
        id=event_id(r.gemeente, r.versie),
        type=r.type,
        gemeente=r.gemeente,
        bron=r.bron,
        bekend_op=r.bekend_op,
        geboekt_op=iso(r.geboekt_op),
        geboekt_door=r.geboekt_door,
        samenvatting=samenvatting,
        betreft=event_id(r.gemeente, r.betreft) if r.betreft else None,
        reden=r.reden,
        verwerking=r.verwerking,
        toelichting=r.toelichting,
        bron_titel=r.bron_titel,
        bron_kenmerk=r.bron_kenmerk,
        hash=r.hash,
        vorige_hash=r.vorige_hash,
        inhoud=inhoud,
        positie=r.positie,
        waarschuwingen=lijst(r.waarschuwingen),
    )


def lijst(waarschuwingen: str | None) -> tuple[str, ...]:
    """The journal's `waarschuwingen` column (JSON text or null) as the warnings."""
    return tuple(json.loads(waarschuwingen)) if waarschuwingen else ()


def event_hash(verbinding: Verbinding, t: Tabelnamen, gemeente: str, versie: int) -> str | None:
    vraag = f"SELECT hash FROM {t.journaal} WHERE gemeente = :g AND versie = :v"
    return verbinding.execute(vraag, {"g": gemeente, "v": versie}).scalar()


def check_gemeente(verbinding: Verbinding, t: Tabelnamen, gemeente: str) -> None:
    """A question about a gemeente that has no ledger here is a mistake, not an empty answer."""
    vraag = f"SELECT versie FROM {t.journaal} WHERE gemeente = :g LIMIT 1"
    if verbinding.execute(vraag, {"g": gemeente}).first() is None:
        bestaande = verbinding.execute(f"SELECT DISTINCT gemeente FROM {t.journaal}").scalars()
        raise GeenGrootboek(geen_grootboek(gemeente, bestaande))


def geen_grootboek(gemeente: str, bestaande: list[str]) -> str:
    """The refusal names the gemeenten that have a ledger here, at most 20, the closest to what was asked first."""
    wie = met_naam(gemeente) if gemeente in gemeentelijst() or gemeente.startswith("GM") else repr(gemeente)
    if not bestaande:
        return _("er is geen grootboek voor {wie} in deze database; hier is nog niets geboekt").format(wie=wie)
    naast = ", ".join(met_naam(c) for c in dichtstbij(gemeente, bestaande))
    meer = _(" (20 van {n})").format(n=len(bestaande)) if len(bestaande) > 20 else ""
    return _(
        "er is geen grootboek voor {wie} in deze database; grootboeken hier{meer}, meest gelijkend eerst: {naast}"
    ).format(wie=wie, meer=meer, naast=naast)
