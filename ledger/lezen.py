"""Reading YAML and JSON into plain data, with numbers as Decimal and no silent surprises."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from events.errors import OngeldigeInvoer

_Basis = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
NIET_EINDIG = {".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}


class DubbeleSleutel(ValueError):
    pass


class Lader(_Basis):  # type: ignore[misc,valid-type]
    """SafeLoader that reads 1.5 as Decimal('1.5') and refuses a key given twice."""


def _decimaal(lader: Lader, knoop: yaml.ScalarNode) -> Decimal:
    tekst = str(lader.construct_scalar(knoop)).replace("_", "").lower()
    return Decimal(NIET_EINDIG.get(tekst, tekst))


def _mapping(lader: Lader, knoop: yaml.MappingNode) -> dict[Any, Any]:
    lader.flatten_mapping(knoop)
    uitkomst: dict[Any, Any] = {}
    for sleutel_knoop, waarde_knoop in knoop.value:
        sleutel = lader.construct_object(sleutel_knoop, deep=True)
        if sleutel in uitkomst:
            regel = sleutel_knoop.start_mark.line + 1
            raise DubbeleSleutel(f"line {regel}: key {sleutel!r} is given twice")
        uitkomst[sleutel] = lader.construct_object(waarde_knoop, deep=True)
    return uitkomst


def _geheel(lader: Lader, knoop: yaml.ScalarNode) -> Any:
    """Only decimal integers: YAML 1.1 would read 010 as octal 8 and 1:30 as 90; those stay text, for the validator."""
    tekst = str(lader.construct_scalar(knoop))
    kaal = tekst.replace("_", "")
    return int(kaal) if kaal.lstrip("+-").isdecimal() and kaal.lstrip("+-").isascii() else tekst


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


def _json_paren(paren: list[tuple[str, Any]]) -> dict[str, Any]:
    uitkomst: dict[str, Any] = {}
    for sleutel, waarde in paren:
        if sleutel in uitkomst:
            raise DubbeleSleutel(f"key {sleutel!r} is given twice")
        uitkomst[sleutel] = waarde
    return uitkomst


def _lees_json(tekst: str) -> Any:
    return json.loads(
        tekst, parse_float=Decimal, parse_constant=lambda c: Decimal("NaN"), object_pairs_hook=_json_paren
    )


def lees_gegevens(bestand: str) -> Any:
    try:
        tekst = Path(bestand).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise OngeldigeInvoer(bestand, "", "no such file") from None
    except (OSError, UnicodeDecodeError) as fout:
        raise OngeldigeInvoer(bestand, "", f"cannot be read: {fout}") from None
    if not tekst.strip():
        raise OngeldigeInvoer(bestand, "", "the file is empty")
    try:
        if bestand.lower().endswith(".json"):
            return _lees_json(tekst)
        return yaml.load(tekst, Loader=Lader)
    except DubbeleSleutel as fout:
        raise OngeldigeInvoer(bestand, "", str(fout)) from None
    except json.JSONDecodeError as fout:
        raise OngeldigeInvoer(
            bestand, "", f"not valid JSON: line {fout.lineno}, column {fout.colno}: {fout.msg}"
        ) from None
    except yaml.YAMLError as fout:
        raise OngeldigeInvoer(bestand, "", f"not valid YAML: {_yaml_melding(fout)}") from None


def _yaml_melding(fout: yaml.YAMLError) -> str:
    plek = getattr(fout, "problem_mark", None)
    probleem = getattr(fout, "problem", None) or str(fout)
    if plek is None:
        return probleem
    return f"line {plek.line + 1}, column {plek.column + 1}: {probleem}"
