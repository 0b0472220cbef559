"""The jaarrekening snapshot: what the ledger says about a year, frozen with a content hash, re-verifiable.

The content is re-derived from the ledger with the same query to verify it;
`sha256` covers the canonical JSON of the content, so an edited file shows too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from projections.als_json import als_tekst, diff_json, journaal_json, reserves_json, saldo_json
from projections.diff import diff
from projections.journaal import journaal
from projections.reserves import reserves
from projections.saldo import saldo
from projections.tijd import naar_us
from projections.zicht import Zicht, vraag
from storage.schema import Tabelnamen
from storage.verbinding import Verbinding

JOURNAAL_VELDEN = (
    "id",
    "type",
    "bron",
    "bekend_op",
    "geboekt_op",
    "geboekt_door",
    "samenvatting",
    "betreft",
    "reden",
    "hash",
)


@dataclass(frozen=True)
class Snapshotvraag:
    """What is frozen: the jaarrekening of `jaar` for `gemeente`, as known on `as_of`, as recorded by `recorded_by`."""

    gemeente: str
    jaar: int
    as_of: date
    recorded_by: datetime | None = None

    @property
    def zicht(self) -> Zicht:
        return Zicht(self.gemeente, self.as_of, self.recorded_by)

    def als_json(self) -> dict[str, Any]:
        return {
            "gemeente": self.gemeente,
            "jaar": self.jaar,
            "as_of": self.as_of.isoformat(),
            "recorded_by": self.recorded_by.isoformat() if self.recorded_by else None,
        }

    @classmethod
    def uit_json(cls, gegevens: dict[str, Any]) -> Snapshotvraag:
        moment = gegevens.get("recorded_by")
        return cls(
            gegevens["gemeente"],
            int(gegevens["jaar"]),
            date.fromisoformat(gegevens["as_of"]),
            datetime.fromisoformat(moment) if moment else None,
        )


def inhoud_hash(inhoud: dict[str, Any], met_gemaakt: bool = True) -> str:
    """SHA-256 over the canonical JSON of everything but `sha256`, so who made it and when are sealed too.

    Snapshots made before 0.2 left `gemaakt` out (`met_gemaakt=False`); they still verify.
    """
    weg = ("sha256",) if met_gemaakt else ("sha256", "gemaakt")
    kern = {k: v for k, v in inhoud.items() if k not in weg}
    return hashlib.sha256(als_tekst(kern, canoniek=True).encode("utf-8")).hexdigest()


def bestand_klopt(bestand: dict[str, Any]) -> bool:
    """The file's content still matches its own sha256, by the rule it was made with."""
    gegeven = bestand.get("sha256")
    return gegeven in (inhoud_hash(bestand), inhoud_hash(bestand, met_gemaakt=False))


def begroting_bekend_op(v: Verbinding, t: Tabelnamen, zicht: Zicht, jaar: int) -> date | None:
    """The bekend_op of the begroting in force for `jaar`: where the "diff against the begroting" starts."""
    sql = vraag(
        "SELECT MAX(bekend_op) AS bekend_op FROM {postbedragen} WHERE {zichtbaar} AND jaar = :jaar AND soort = 'saldo'",
        postbedragen=t.postbedragen,
    )
    return v.execute(sql, zicht.params(jaar=jaar)).scalar_one()


def bijdragend(regels: list[dict[str, Any]], as_of: date) -> list[dict[str, Any]]:
    """The events that count for this knowledge date: known by then, or correcting or withdrawing one that was."""
    bekend = {r["id"]: r["bekend_op"] for r in regels}

    def telt(r: dict[str, Any]) -> bool:
        datum = r["bekend_op"] or bekend.get(r["betreft"])
        return datum is not None and datum <= as_of

    return [{k: r[k] for k in JOURNAAL_VELDEN} for r in regels if telt(r)]


def maak(v: Verbinding, t: Tabelnamen, vraag: Snapshotvraag) -> dict[str, Any]:
    zicht = vraag.zicht
    s = saldo_json(saldo(v, t, zicht))
    van = begroting_bekend_op(v, t, zicht, vraag.jaar) or vraag.as_of
    grens = None if vraag.recorded_by is None else naar_us(vraag.recorded_by)
    regels = journaal_json(journaal(v, t, vraag.gemeente, tot_us=grens))
    laatste = regels[-1] if regels else None
    inhoud = {
        "query": vraag.als_json(),
        "laatste_event": {vraag.gemeente: {"event": laatste["id"], "hash": laatste["hash"]} if laatste else None},
        "saldo": s,
        "diff_begroting": diff_json(diff(v, t, zicht, van)),
        "reserves": reserves_json(zicht, reserves(v, t, zicht))["reserves"],
        "pm": s["pm"],
        "journaal": bijdragend(regels, vraag.as_of),
    }
    return _als_gegevens(inhoud)


def _als_gegevens(inhoud: dict[str, Any]) -> dict[str, Any]:
    """Through JSON once, so a fresh derivation compares equal to one read back from a file."""
    return json.loads(als_tekst(inhoud))


def met_hash(inhoud: dict[str, Any], gemaakt: dict[str, Any]) -> dict[str, Any]:
    return {"gemaakt": gemaakt, **inhoud, "sha256": inhoud_hash({"gemaakt": gemaakt, **inhoud})}


def laatste_event(gemeente: str, inhoud: dict[str, Any]) -> tuple[str, str] | None:
    laatste = inhoud["laatste_event"].get(gemeente)
    return (laatste["event"], laatste["hash"]) if laatste else None
