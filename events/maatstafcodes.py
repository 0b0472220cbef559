"""The maatstaven of the algemene uitkering by their code in the Besluit financiële verhouding 2001, bijlage 2,
shipped as package data (data/maatstaven.csv, its source named in its `bron` column): the name, the part
(A: inkomstenmaatstaven, B: uitgavenmaatstaven) and the uitkeringsjaren each code is valid.

A code the list does not know is a warning, not a refusal: every herijking brings new codes.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator

from events.getallen import beschrijf
from events.keuring import Keuring
from taal import _


@dataclass(frozen=True)
class Maatstaf:
    """One code in one period of meaning: `van` and `tot` are uitkeringsjaren, both inclusive (None: open).

    Attributes:
        factor: the uitkeringsfactor multiplies its amount (part B but herindeling, 45); part A's never.
    """

    code: str
    naam: str
    onderdeel: str
    van: int | None
    tot: int | None
    bron: str
    factor: bool = True

    def geldt(self, jaar: int) -> bool:
        return (self.van is None or jaar >= self.van) and (self.tot is None or jaar <= self.tot)


def _jaar(tekst: str | None) -> int | None:
    """A year, or the year of a date (`2023-01-01`); empty: open."""
    tekst = (tekst or "").strip()
    return int(tekst[:4]) if tekst else None


def _maatstaf(r: dict[str, str]) -> Maatstaf:
    onderdeel = r["onderdeel"].strip().upper()
    factor = (r.get("factor") or ("nee" if onderdeel == "A" else "ja")).strip().lower() == "ja"
    code, naam_, bron = r["code"].strip(), r["naam"].strip(), (r.get("bron") or "").strip()
    return Maatstaf(code, naam_, onderdeel, _jaar(r["van"]), _jaar(r["tot"]), bron, factor)


@cache
def maatstaflijst() -> dict[str, tuple[Maatstaf, ...]]:
    """Every code of the shipped list with its periods of meaning (a code may mean another thing later)."""
    bestand = files("events").joinpath("data/maatstaven.csv")
    if not bestand.is_file():
        return {}
    with bestand.open(encoding="utf-8") as f:
        lijst: dict[str, list[Maatstaf]] = {}
        for r in csv.DictReader(f):
            if r.get("code"):
                m = _maatstaf(r)
                lijst.setdefault(m.code, []).append(m)
    return {code: tuple(ms) for code, ms in lijst.items()}


def maatstaf(code: str, jaar: int) -> Maatstaf | None:
    """The code as valid in `jaar`; None when the list does not know it for that year."""
    return next((m for m in maatstaflijst().get(code, ()) if m.geldt(jaar)), None)


def naam(code: str, jaar: int) -> str:
    """The maatstaf's name in `jaar` (else its latest), or its code when the list does not know it."""
    m = maatstaf(code, jaar) or (maatstaflijst().get(code) or (None,))[-1]
    return m.naam if m else code


def onbekend(codes: Iterable[str], jaar: int) -> list[str]:
    """The codes the list does not know as valid in `jaar`, sorted; none while the product ships no list."""
    if not maatstaflijst():
        return []
    return sorted(c for c in codes if maatstaf(str(c), jaar) is None)


CODE = re.compile(r"[0-9]{1,2}[a-z]{0,2}(-[0-9]{1,2})?")


def valideer_code(value: Any) -> str:
    """A maatstaf code of the Besluit, like 2, 3a, 7c-2 (YAML reads a bare 2 as a number: accepted)."""
    tekst = str(value) if type(value) is int else value
    if not isinstance(tekst, str) or not CODE.fullmatch(tekst):
        raise ValueError(
            _("{waarde} is geen maatstafcode van het Besluit (zoals 2, 3a of 7c-2)").format(waarde=beschrijf(value))
        )
    return tekst


MaatstafCode = Annotated[str, Keuring(valideer_code, "str")]


def sorteer(code: str) -> tuple[int, str]:
    """`2` before `3a` before `10`, as the Besluit numbers them."""
    cijfers = re.match(r"[0-9]*", code)
    return (int(cijfers[0]) if cijfers and cijfers[0] else 10**6, code)


def op_volgorde(per_code: dict[str, Any]) -> dict[str, Any]:
    """Values per code (or name) in the Besluit's order: so a document's content has one JSON form (its hash),
    in whatever order a table or a workbook gives them."""
    return dict(sorted(per_code.items(), key=lambda item: sorteer(item[0])))


def op_jaar(per_jaar: dict[int, Any]) -> dict[int, Any]:
    return dict(sorted(per_jaar.items()))


def meld_onbekend(codes: list[str], jaar: int, context: dict[str, Any] | None) -> None:
    """Warn (not refuse) of codes the list does not know for the year: new codes come with every herijking."""
    vreemd = onbekend(codes, jaar)
    if vreemd and context is not None:
        melding = _("jaren.{jaar}: maatstaf {codes} is onbekend in {jaar} (niet in de lijst van het Besluit)").format(
            jaar=jaar, codes=", ".join(vreemd)
        )
        context.setdefault("waarschuwingen", []).append(melding)


T = TypeVar("T")
PerCode = Annotated[dict[MaatstafCode, T], AfterValidator(op_volgorde)]
"""Values per maatstaf code, kept in the Besluit's order."""
