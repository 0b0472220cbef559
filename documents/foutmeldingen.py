"""Pydantic's validation errors, said in plain words with the path a user can find."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from events.waarden import beschrijf

VERWACHT = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping (like {2020: 100})",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "date_type": "a date like 2020-09-15",
    "date_parsing": "a date like 2020-09-15",
    "date_from_datetime_parsing": "a date like 2020-09-15",
    "date_from_datetime_inexact": "a date like 2020-09-15, without a time",
}


def pad(loc: tuple[int | str, ...], invoer: Any, voorvoegsel: str = "") -> str:
    """('events', 3, 'bedragen', 2021) -> events[3].bedragen.2021, walking the input to tell lists from mappings."""
    tekst, hier = voorvoegsel, invoer
    for deel in loc:
        if deel == "[key]":
            continue
        if isinstance(hier, list):
            tekst += f"[{deel}]"
            hier = hier[deel] if isinstance(deel, int) and 0 <= deel < len(hier) else None
        else:
            tekst += f".{deel}" if tekst else str(deel)
            hier = _kind(hier, deel)
    return tekst


def _kind(mapping: Any, sleutel: int | str) -> Any:
    if not isinstance(mapping, dict):
        return None
    if sleutel in mapping:
        return mapping[sleutel]
    return next((v for k, v in mapping.items() if str(k) == str(sleutel)), None)


def melding(fout: ErrorDetails) -> str:
    soort, invoer = fout["type"], fout.get("input")
    if soort == "missing":
        if fout["loc"][-1:] == ("bekend_op",):
            return "is missing (and the bron has no datum to take it from)"
        return "is missing"
    if soort == "extra_forbidden":
        return f"unknown field {fout['loc'][-1]!r}"
    if soort == "value_error":
        return str(fout.get("ctx", {}).get("error", fout["msg"]))
    if soort == "literal_error":
        return f"{fout['msg'].replace('Input should be', 'should be')}; got {beschrijf(invoer)}"
    if soort == "too_short":
        return "should not be empty"
    if soort in ("greater_than_equal", "less_than_equal"):
        grens = fout.get("ctx", {}).get("ge", fout.get("ctx", {}).get("le"))
        return f"should be at {'least' if soort == 'greater_than_equal' else 'most'} {grens}, got {beschrijf(invoer)}"
    if soort in VERWACHT:
        return f"expected {VERWACHT[soort]}, got {beschrijf(invoer)}"
    return f"{fout['msg']} (got {_kort(invoer)})"


def _kort(invoer: Any) -> str:
    tekst = beschrijf(invoer)
    return tekst if len(tekst) < 60 else tekst[:57] + "..."


def meldingen(fout: ValidationError, invoer: Any, voorvoegsel: str = "") -> list[tuple[str, str]]:
    return [(pad(f["loc"], invoer, voorvoegsel), melding(f)) for f in fout.errors(include_url=False)]
