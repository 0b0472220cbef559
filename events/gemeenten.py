"""The Dutch gemeenten, current and former, shipped as package data (data/gemeenten.csv, its source in
data/gemeenten.md): a gemeente is asked by its CBS code or its name, and shown as `Steenwijkerland (GM1708)`.
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files

from taal import _

_CODE = re.compile(r"(?:gm)?(\d{1,4})", re.IGNORECASE)


@dataclass(frozen=True)
class Gemeente:
    """One line of the list: `tot` is the first day the code no longer existed (None: it still does)."""

    code: str
    naam: str
    van: date
    tot: date | None


class OnduidelijkeGemeente(ValueError):
    """A name that more than one gemeente has had, none of them current."""


@cache
def gemeentelijst() -> dict[str, Gemeente]:
    with files("events").joinpath("data/gemeenten.csv").open(encoding="utf-8") as bestand:
        return {
            r["code"]: Gemeente(r["code"], r["naam"], date.fromisoformat(r["geldig_van"]), _datum(r["geldig_tot"]))
            for r in csv.DictReader(bestand)
        }


def _datum(tekst: str) -> date | None:
    return date.fromisoformat(tekst) if tekst else None


def normaal(tekst: str) -> str:
    """Case, accents, hyphens and spacing ignored: `Súdwest-Fryslân` and `sudwest fryslan` are one name."""
    zonder = "".join(t for t in unicodedata.normalize("NFKD", tekst.casefold()) if not unicodedata.combining(t))
    return " ".join(re.sub(r"[\W_]+", " ", zonder).split())


@cache
def _per_naam() -> dict[str, tuple[Gemeente, ...]]:
    """Every name, and every name without its `(…)` (`Bergen (NH.)` is also `bergen`), to the gemeenten."""
    namen: dict[str, list[Gemeente]] = {}
    for g in gemeentelijst().values():
        for sleutel in {normaal(g.naam), normaal(re.sub(r"\s*\(.*\)$", "", g.naam))}:
            namen.setdefault(sleutel, []).append(g)
    return {k: tuple(v) for k, v in namen.items()}


def gemeentecode(tekst: str) -> str:
    """`GM1708`, `gm1708`, `1708` and `Steenwijkerland` are all GM1708; a text that names no gemeente is returned
    as it is given (the ledger's check then names the gemeenten it has). A name several gemeenten had: the current
    one, else refused naming them."""
    tekst = tekst.strip()
    if code := _CODE.fullmatch(tekst):
        return f"GM{int(code[1]):04d}"
    kandidaten = _per_naam().get(normaal(tekst), ())
    huidige = [g for g in kandidaten if g.tot is None]
    if len(huidige) == 1 or len(kandidaten) == 1:
        return (huidige or list(kandidaten))[0].code
    if kandidaten:
        namen = ", ".join(met_naam(g.code) + (f" (tot {g.tot})" if g.tot else "") for g in kandidaten)
        raise OnduidelijkeGemeente(
            _("{tekst} is de naam van meer dan één gemeente: {namen}; geef de code").format(
                tekst=repr(tekst), namen=namen
            )
        )
    return tekst


def met_naam(code: str) -> str:
    """`Steenwijkerland (GM1708)`; a code that is not in the list as itself."""
    g = gemeentelijst().get(code)
    return code if g is None else f"{g.naam} ({code})"


def in_bestandsnaam(code: str) -> str:
    """`GM1708-Steenwijkerland`: the code and the name in plain ASCII letters, digits and hyphens."""
    g = gemeentelijst().get(code)
    if g is None:
        return re.sub(r"[^A-Za-z0-9]+", "-", code).strip("-")
    letters = "".join(t for t in unicodedata.normalize("NFKD", g.naam) if not unicodedata.combining(t))
    naam = re.sub(r"[^A-Za-z0-9]+", "-", letters.encode("ascii", "ignore").decode()).strip("-")
    return f"{code}-{naam}" if naam else code


def dichtstbij(tekst: str, codes: Iterable[str], hoeveel: int = 20) -> list[str]:
    """The codes whose code or name is most like `tekst`, closest first."""
    gezocht = normaal(tekst)

    def gelijkenis(code: str) -> float:
        namen = (normaal(code), normaal(met_naam(code).rsplit(" (", 1)[0]))
        return max(difflib.SequenceMatcher(None, gezocht, n).ratio() for n in namen)

    return sorted(codes, key=lambda c: (-gelijkenis(c), c))[:hoeveel]
