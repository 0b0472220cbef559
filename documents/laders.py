"""The YAML and JSON parsers of the reader: numbers as Decimal, a key once in any spelling, no YAML-only values.

What they may not pass on becomes an `Afgewezen` in the data, so the reader's walk
(documents/inlezen.py) can name the place it stands in.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from taal import _

_Basis = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
NIET_EINDIG = {".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}

GROOTSTE_BESTAND = 10 * 1024 * 1024
DIEPSTE_NESTING = 64
MEESTE_CIJFERS = 100
MEESTE_WAARDEN = 1_000_000
VERBODEN_TEKEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
"""C0 controls except tab, newline and carriage return; DEL; C1 controls; lone surrogates."""
GETAL_TEKENS = frozenset("+-.,_ eE")
GEWONE_WAARDEN = (str, int, Decimal, date, list, dict, type(None))


@dataclass(frozen=True)
class Afgewezen:
    """Stands in the data where the parser met what it may not pass on; `_controleer` names the place."""

    melding: str

    def __str__(self) -> str:
        return self.melding


class Onleesbaar(ValueError):
    """A refusal found while walking the data: the place (`events[0].toelichting`) and what is wrong."""

    def __init__(self, pad: str, melding: str) -> None:
        super().__init__(melding)
        self.pad, self.melding = pad, melding


def kort(waarde: Any) -> str:
    tekst = repr(waarde)
    return tekst if len(tekst) <= 40 else tekst[:37] + "..."


def te_veel_cijfers(getal: Decimal) -> Afgewezen | None:
    """How many digits the number has when written out: 1E+999999 has a million, too many for any amount."""
    if not getal.is_finite():
        return None
    delen = getal.as_tuple()
    cijfers, exponent = len(delen.digits), int(delen.exponent)
    aantal = max(cijfers + exponent, cijfers, -exponent)
    return te_lang(aantal) if aantal > MEESTE_CIJFERS else None


def te_lang(aantal: int | None) -> Afgewezen:
    hoeveel = f"{aantal:,}; " if aantal else ""
    return Afgewezen(f"has too many digits ({hoeveel}at most {MEESTE_CIJFERS})")


class Lader(_Basis):  # type: ignore[misc,valid-type]
    """SafeLoader that reads 1.5 as Decimal('1.5') and refuses a key given twice."""


def _decimaal(lader: Lader, knoop: yaml.ScalarNode) -> Any:
    """A YAML float as Decimal; 1:30.5 (YAML 1.1 sexagesimal) stays text, for the validator to name."""
    tekst = str(lader.construct_scalar(knoop)).replace("_", "").lower()
    try:
        getal = Decimal(NIET_EINDIG.get(tekst, tekst))
    except InvalidOperation:
        return lader.construct_scalar(knoop)
    return te_veel_cijfers(getal) or getal


def _mapping(lader: Lader, knoop: yaml.MappingNode) -> dict[Any, Any] | Afgewezen:
    lader.flatten_mapping(knoop)
    uitkomst: dict[Any, Any] = {}
    eerder: dict[Any, Any] = {}
    for sleutel_knoop, waarde_knoop in knoop.value:
        sleutel = lader.construct_object(sleutel_knoop, deep=True)
        fout = _nieuwe_sleutel(sleutel, eerder)
        if fout:
            return Afgewezen(_("regel {n}: {fout}").format(n=sleutel_knoop.start_mark.line + 1, fout=fout))
        uitkomst[sleutel] = lader.construct_object(waarde_knoop, deep=True)
    return uitkomst


def _nieuwe_sleutel(sleutel: Any, eerder: dict[Any, Any]) -> str | None:
    """None for a key not seen before in its mapping, in any spelling; else what is wrong with it."""
    if isinstance(sleutel, Afgewezen):
        return _("sleutel {sleutel}").format(sleutel=sleutel)
    try:
        vorm = _vorm(sleutel)
    except TypeError:
        return _("een sleutel hoort tekst of een getal te zijn, geen {soort}").format(soort=soort_van(sleutel))
    if vorm in eerder:
        zelfde = type(eerder[vorm]) is type(sleutel) and eerder[vorm] == sleutel
        melding = (
            _("sleutel {sleutel} staat er twee keer")
            if zelfde
            else _("sleutel {sleutel} staat er twee keer (ook als {eerder})")
        )
        return melding.format(sleutel=kort(sleutel), eerder=kort(eerder[vorm]))
    eerder[vorm] = sleutel
    return None


def _vorm(sleutel: Any) -> str:
    """The key as the validators will see it: `2022`, `'2022'`, `' 2022'` and `'02022'` are all the year 2022."""
    hash(sleutel)
    tekst = str(sleutel).strip()
    if tekst.isdigit() and tekst.isascii():
        return tekst.lstrip("0") or "0"
    return tekst


def soort_van(waarde: Any) -> str:
    soorten = {list: _("een lijst"), dict: _("een mapping"), set: _("een verzameling"), bytes: _("binaire gegevens")}
    soorten[tuple] = _("een paar")
    return soorten.get(type(waarde), type(waarde).__name__)


def _geheel(lader: Lader, knoop: yaml.ScalarNode) -> Any:
    """Only decimal integers: YAML 1.1 would read 010 as octal 8 and 1:30 as 90; those stay text, for the validator."""
    tekst = str(lader.construct_scalar(knoop))
    kaal = tekst.replace("_", "")
    cijfers = kaal.lstrip("+-")
    if not (cijfers.isdecimal() and cijfers.isascii()):
        return tekst
    return te_lang(len(cijfers)) if len(cijfers) > MEESTE_CIJFERS else int(kaal)


def _datum(lader: Lader, knoop: yaml.ScalarNode) -> Any:
    """A date as YAML writes it; an impossible one (2020-13-45) stays text, for the validator to name."""
    try:
        return lader.construct_yaml_timestamp(knoop)
    except ValueError:
        return lader.construct_scalar(knoop)


Lader.add_constructor("tag:yaml.org,2002:float", _decimaal)
Lader.add_constructor("tag:yaml.org,2002:int", _geheel)
Lader.add_constructor("tag:yaml.org,2002:timestamp", _datum)
Lader.add_constructor("tag:yaml.org,2002:map", _mapping)


KALE_SLEUTEL = re.compile(r"(?!\s)(?!0[0-9])(?:.*(?<!\s))?", re.DOTALL)
"""A key that is its own form (`_vorm`): no space around it, no leading zero; most keys are."""


KALE_BEKEND: set[str] = set()
"""Keys found in their own form: documents use the same few dozen again and again (at most KALE_HOOGSTENS)."""
KALE_HOOGSTENS = 10_000


def _json_paren(paren: list[tuple[str, Any]]) -> dict[str, Any] | Afgewezen:
    uitkomst = dict(paren)
    if len(uitkomst) == len(paren) and (uitkomst.keys() <= KALE_BEKEND or _alle_kaal(uitkomst)):
        return uitkomst  # no key twice, and none in two spellings
    return _json_paren_een_voor_een(paren)


def _alle_kaal(uitkomst: dict[str, Any]) -> bool:
    if not all(map(KALE_SLEUTEL.fullmatch, uitkomst)):
        return False
    if len(KALE_BEKEND) < KALE_HOOGSTENS:
        KALE_BEKEND.update(uitkomst)
    return True


def _json_paren_een_voor_een(paren: list[tuple[str, Any]]) -> dict[str, Any] | Afgewezen:
    uitkomst: dict[str, Any] = {}
    eerder: dict[Any, Any] = {}
    for sleutel, waarde in paren:
        fout = _nieuwe_sleutel(sleutel, eerder)
        if fout:
            return Afgewezen(fout)
        uitkomst[sleutel] = waarde
    return uitkomst


def _json_geheel(tekst: str) -> int | Afgewezen:
    cijfers = len(tekst.lstrip("-"))
    return te_lang(cijfers) if cijfers > MEESTE_CIJFERS else int(tekst)


def _json_decimaal(tekst: str) -> Decimal | Afgewezen:
    try:
        getal = Decimal(tekst)
    except InvalidOperation:  # an exponent beyond what Decimal holds
        return te_lang(None)
    return te_veel_cijfers(getal) or getal


def lees_json(tekst: str) -> Any:
    return JsonLezer().lees(tekst)


class JsonLezer:
    """The JSON parser's hooks, counting the values they refused (each an `Afgewezen` in the data)."""

    def __init__(self) -> None:
        self.afgewezen = 0

    def lees(self, tekst: str) -> Any:
        return json.loads(
            tekst,
            parse_float=self._decimaal,
            parse_int=self._geheel,
            parse_constant=lambda c: Decimal("NaN"),
            object_pairs_hook=self._paren,
        )

    def _tel(self, waarde: Any) -> Any:
        if isinstance(waarde, Afgewezen):
            self.afgewezen += 1
        return waarde

    def _paren(self, paren: list[tuple[str, Any]]) -> dict[str, Any] | Afgewezen:
        return self._tel(_json_paren(paren))

    def _geheel(self, tekst: str) -> int | Afgewezen:
        return self._tel(_json_geheel(tekst))

    def _decimaal(self, tekst: str) -> Decimal | Afgewezen:
        return self._tel(_json_decimaal(tekst))
