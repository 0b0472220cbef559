"""One clock: every moment the product shows or takes, in Dutch time with its offset.

A moment shown to people is ISO 8601 in Europe/Amsterdam with its offset, to the
second (`2026-12-07T19:47:22+01:00`); `exact` keeps the microseconds, for links
that must name one event's moment and files that keep every digit. A moment
taken covers its stated precision: a date is the end of that day, a minute its
last second, a second its last microsecond. So any moment shown, pasted back,
includes the event it was copied from and every event recorded in the same
second, and nothing recorded after that second.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from taal import _

NEDERLAND = ZoneInfo("Europe/Amsterdam")
VOORBEELD = "2020-10-13T17:00:00+02:00"

_MOMENT = re.compile(
    r"(?P<datum>\d{4}-\d{2}-\d{2}|\d{8})"
    r"(?:[T ](?P<uur>\d{2})(?::(?P<minuut>\d{2})(?::(?P<seconde>\d{2})(?:[.,](?P<fractie>\d{1,6}))?)?)?"
    r"(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)


class Gelezen(datetime):
    """A moment read: the end of the span it states, which the ledger filters on; `gesteld` is the moment as it was
    stated (a time as written, a date its end), which JSON echoes as `recorded_by` as it always has."""

    gesteld: datetime


def als_gesteld(moment: datetime) -> datetime:
    """The moment as the user stated it, where it was read by `lees_moment`; else the moment itself."""
    return getattr(moment, "gesteld", moment)


class OngeldigMoment(ValueError):
    """A moment that cannot be read, or a Dutch local time that occurs twice or never."""


def toon_moment(moment: datetime, *, exact: bool = False) -> str:
    """For people: `2026-12-07T19:47:22+01:00`; `exact` adds the microseconds."""
    if moment.tzinfo is None:
        raise ValueError(_("een moment zonder tijdzone is niet te tonen"))
    return moment.astimezone(NEDERLAND).isoformat(timespec="microseconds" if exact else "seconds")


def toon_iso(tekst: str, *, exact: bool = False) -> str:
    """A stored ISO 8601 moment with its offset (the journal's UTC text), shown as `toon_moment` does."""
    return toon_moment(datetime.fromisoformat(tekst), exact=exact)


def lees_moment(tekst: str, *, begin: bool = False) -> datetime:
    """The end of the span the text states (with `begin`: its start), with an offset or `Z` as given, else Dutch
    time. A Dutch time that occurs twice (October) or never (March) is refused, naming the readings or the gap."""
    gevonden = _MOMENT.fullmatch(tekst.strip())
    if gevonden is None:
        raise OngeldigMoment(
            _("{tekst} is geen moment zoals {voorbeeld}").format(tekst=repr(tekst), voorbeeld=VOORBEELD)
        )
    try:
        start, breedte = _start_en_breedte(gevonden)
    except ValueError:
        raise OngeldigMoment(
            _("{tekst} is geen bestaand moment (zoals {voorbeeld})").format(tekst=repr(tekst), voorbeeld=VOORBEELD)
        ) from None
    wand = start if begin else start + breedte - timedelta(microseconds=1)
    zone = gevonden["zone"]
    if zone:
        zonder = UTC if zone.upper() == "Z" else _offset(zone)
        moment, gesteld = wand.replace(tzinfo=zonder), start.replace(tzinfo=zonder)
    else:
        moment, gesteld = _in_nederland(wand, tekst.strip()), _in_nederland(start, tekst.strip())
    m = moment
    uit = Gelezen(m.year, m.month, m.day, m.hour, m.minute, m.second, m.microsecond, m.tzinfo, fold=m.fold)
    uit.gesteld = moment if gevonden["uur"] is None else gesteld
    return uit


def _start_en_breedte(m: re.Match[str]) -> tuple[datetime, timedelta]:
    dag = date.fromisoformat(m["datum"])
    if m["uur"] is None:
        return datetime(dag.year, dag.month, dag.day), timedelta(days=1)
    fractie = m["fractie"] or ""
    delen = (int(m["uur"]), int(m["minuut"] or 0), int(m["seconde"] or 0), int(fractie.ljust(6, "0") or 0))
    start = datetime(dag.year, dag.month, dag.day, *delen)
    if m["minuut"] is None:
        return start, timedelta(hours=1)
    if m["seconde"] is None:
        return start, timedelta(minutes=1)
    return start, timedelta(microseconds=10 ** (6 - len(fractie)))


def _offset(zone: str) -> timezone:
    cijfers = zone[1:].replace(":", "")
    minuten = int(cijfers[:2]) * 60 + int(cijfers[2:] or 0)
    if minuten >= 24 * 60:
        raise OngeldigMoment(_("{zone}: een tijdzone ligt binnen -23:59 en +23:59").format(zone=zone))
    return timezone(timedelta(minutes=-minuten if zone[0] == "-" else minuten))


def _in_nederland(wand: datetime, tekst: str) -> datetime:
    eerst, later = wand.replace(tzinfo=NEDERLAND, fold=0), wand.replace(tzinfo=NEDERLAND, fold=1)
    if eerst.utcoffset() == later.utcoffset():
        return eerst
    if _bestaat(eerst) and _bestaat(later):
        lezingen = " of ".join(f"{tekst}{_als_offset(m)}" for m in (eerst, later))
        raise OngeldigMoment(
            _("{tekst} komt in Nederlandse tijd twee keer voor (de klok ging terug): bedoelt u {lezingen}?").format(
                tekst=repr(tekst), lezingen=lezingen
            )
        )
    raise OngeldigMoment(
        _(
            "{tekst} bestaat niet in Nederlandse tijd: op {datum} sprong de klok van 02:00{eerst} "
            "naar 03:00{later}; geef een offset, zoals {zelf}{eerst}"
        ).format(tekst=repr(tekst), datum=wand.date(), eerst=_als_offset(eerst), later=_als_offset(later), zelf=tekst)
    )


def _bestaat(moment: datetime) -> bool:
    terug = moment.astimezone(UTC).astimezone(NEDERLAND)
    return terug.replace(tzinfo=None) == moment.replace(tzinfo=None)


def _als_offset(moment: datetime) -> str:
    return moment.isoformat()[-6:]
