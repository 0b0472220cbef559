"""The journal as reports: a summary for people, every field (hash chain, content) for files."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

from events.getallen import soort_melding
from events.klok import toon_iso
from projections.als_json import journaal_json
from projections.journaal import Journaalpost
from reports.model import Answer, Report, Row, kolom, rij
from taal import N_, _, ngettext

SOORTEN = (N_("afronding"), N_("waarschuwing"))  # what soort_melding says, for the catalogue
KOLOMMEN = tuple(kolom(k) for k in ("id", "type", "bron", "bekend_op", "geboekt_op", "door", "samenvatting"))
ALLE_VELDEN = tuple(kolom(f.name) for f in fields(Journaalpost))


@dataclass(frozen=True)
class Journaalfilter:
    """Which events an auditor asks for: of a type, recorded by someone, recorded between two moments (both in)."""

    type: str | None = None
    door: str | None = None
    geboekt_van: datetime | None = None
    geboekt_tot: datetime | None = None

    def past(self, r: Journaalpost) -> bool:
        if self.type not in (None, r.type) or self.door not in (None, r.geboekt_door):
            return False
        if self.geboekt_van is None and self.geboekt_tot is None:
            return True
        geboekt = datetime.fromisoformat(r.geboekt_op)
        return (self.geboekt_van is None or geboekt >= self.geboekt_van) and (
            self.geboekt_tot is None or geboekt <= self.geboekt_tot
        )


def journaal(regels: list[Journaalpost], filter: Journaalfilter | None = None) -> Answer:
    if filter is not None and filter != Journaalfilter():
        regels = [r for r in regels if filter.past(r)]
    return Answer("journaal", (tabel(regels),), journaal_json(regels), alle_velden(regels))


def tabel(regels: list[Journaalpost], titel: str | None = None) -> Report:
    """One row per event, and under it one row per warning `record` gave about it."""
    rijen = tuple(r for regel in regels for r in tabelrijen(regel))
    return Report(
        "Journaal",
        (
            ngettext("Journaal ({n} event)", "Journaal ({n} events)", len(regels)).format(n=len(regels))
            if titel is None
            else titel,
        ),
        KOLOMMEN,
        rijen,
    )


def tabelrijen(r: Journaalpost) -> list[Row]:
    return [_rij(r), *_waarschuwingen(r)]


def _rij(r: Journaalpost) -> Row:
    """The row, and (not a column) the event's exact moment: the page links it to the ledger just after it."""
    tabelrij = rij(
        KOLOMMEN,
        [
            r.id,
            r.type,
            r.bron or "",
            str(r.bekend_op or ""),
            toon_iso(r.geboekt_op),
            r.geboekt_door,
            r.samenvatting + _betreft(r),
        ],
    )
    return replace(tabelrij, cells={**tabelrij.cells, "moment": toon_iso(r.geboekt_op, exact=True)})


def _betreft(r: Journaalpost) -> str:
    """The event a correction or withdrawal is about, and its reason unless the summary already says it."""
    if not r.betreft:
        return ""
    return f" [{r.betreft}]" if not r.reden or r.reden in r.samenvatting else f" [{r.betreft}: {r.reden}]"


def _waarschuwingen(r: Journaalpost) -> list[Row]:
    return [
        rij(
            KOLOMMEN,
            ["", "", "", "", "", "", _("{soort}: {melding}").format(soort=_(soort_melding(w)), melding=w)],
            "waarschuwing",
        )
        for w in r.waarschuwingen
    ]


def velden(r: Journaalpost) -> list[Any]:
    """Every field's value, without `astuple`'s deep copy of the event's content; the moment in Dutch time with
    all its digits (JSON keeps UTC)."""
    return [toon_iso(r.geboekt_op, exact=True) if k.key == "geboekt_op" else getattr(r, k.key) for k in ALLE_VELDEN]


def alle_velden(regels: list[Journaalpost]) -> Report:
    """Every field of every event; the content as JSON text."""
    return Report("Journaal", ("Journaal",), ALLE_VELDEN, tuple(map(veldenrij, regels)))


def veldenrij(r: Journaalpost) -> Row:
    waarden = [json.dumps(w, ensure_ascii=False) if isinstance(w, (dict, tuple)) else w for w in velden(r)]
    return rij(ALLE_VELDEN, waarden)
