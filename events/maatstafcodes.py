"""The maatstaven of the algemene uitkering by their code in the Besluit financiële verhouding 2001, bijlage 2,
shipped as package data (data/maatstaven.csv, its source named in its `bron` column): the name, the part
(A: inkomstenmaatstaven, B: uitgavenmaatstaven) and the uitkeringsjaren each code is valid.

A code the list does not know is a warning, not a refusal: every herijking brings new codes.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Annotated, Any

from events.getallen import beschrijf
from events.keuring import Keuring


@dataclass(frozen=True)
class Maatstaf:
    """One code of the list; `tot` is the last uitkeringsjaar it is valid (None: still valid)."""

    code: str
    naam: str
    onderdeel: str
    van: int | None
    tot: int | None
    bron: str


def _jaar(tekst: str | None) -> int | None:
    """A year, or the year of a date (`2023-01-01`); empty: open."""
    tekst = (tekst or "").strip()
    return int(tekst[:4]) if tekst else None


@cache
def maatstaflijst() -> dict[str, Maatstaf]:
    """Every code of the shipped list; empty while the product ships none."""
    bestand = files("events").joinpath("data/maatstaven.csv")
    if not bestand.is_file():
        return {}
    with bestand.open(encoding="utf-8") as f:
        rijen = list(csv.DictReader(f))
    return {
        r["code"].strip(): Maatstaf(
            r["code"].strip(),
            r["naam"].strip(),
            r["onderdeel"].strip().upper(),
            _jaar(r["van"]),
            _jaar(r["tot"]),
            (r.get("bron") or "").strip(),
        )
        for r in rijen
        if r.get("code")
    }


def maatstaf(code: str, jaar: int) -> Maatstaf | None:
    """The code as valid in `jaar`; None when the list does not know it for that year."""
    m = maatstaflijst().get(code)
    if m is None or (m.van is not None and jaar < m.van) or (m.tot is not None and jaar > m.tot):
        return None
    return m


def naam(code: str) -> str:
    """The maatstaf's name, or its code when the list does not know it."""
    m = maatstaflijst().get(code)
    return m.naam if m else code


def onbekend(codes: object, jaar: int) -> list[str]:
    """The codes the list does not know as valid in `jaar`, sorted; none while the product ships no list."""
    if not maatstaflijst():
        return []
    return sorted(c for c in codes if maatstaf(str(c), jaar) is None)  # type: ignore[attr-defined]


CODE = re.compile(r"[0-9]{1,2}[a-z]{0,2}(-[0-9]{1,2})?")


def valideer_code(value: Any) -> str:
    """A maatstaf code of the Besluit, like 2, 3a, 7c-2 (YAML reads a bare 2 as a number: accepted)."""
    tekst = str(value) if type(value) is int else value
    if not isinstance(tekst, str) or not CODE.fullmatch(tekst):
        raise ValueError(f"{beschrijf(value)} is geen maatstafcode van het Besluit (zoals 2, 3a of 7c-2)")
    return tekst


MaatstafCode = Annotated[str, Keuring(valideer_code, "str")]


def meld_onbekend(codes: list[str], jaar: int, context: dict[str, Any] | None) -> None:
    """Warn (not refuse) of codes the list does not know for the year: new codes come with every herijking."""
    vreemd = onbekend(codes, jaar)
    if vreemd and context is not None:
        melding = f"jaren.{jaar}: maatstaf {', '.join(vreemd)} is onbekend in {jaar} (niet in de lijst van het Besluit)"
        context.setdefault("waarschuwingen", []).append(melding)
