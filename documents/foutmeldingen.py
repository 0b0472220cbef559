"""Pydantic's validation errors, said in plain words with the path a user can find."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from events.waarden import beschrijf
from taal import N_, _

VERWACHT = {
    "string_type": N_("tekst"),
    "list_type": N_("een lijst"),
    "dict_type": N_("een mapping (zoals {2020: 100})"),
    "model_type": N_("een mapping van velden"),
    "model_attributes_type": N_("een mapping van velden"),
    "int_type": N_("een geheel getal"),
    "int_parsing": N_("een geheel getal"),
    "date_type": N_("een datum zoals 2020-09-15"),
    "date_parsing": N_("een datum zoals 2020-09-15"),
    "date_from_datetime_parsing": N_("een datum zoals 2020-09-15"),
    "date_from_datetime_inexact": N_("een datum zoals 2020-09-15, zonder tijd"),
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
            return _("ontbreekt (en de bron heeft geen datum om het uit te nemen)")
        return _("ontbreekt")
    if soort == "extra_forbidden":
        return _("onbekend veld {veld}").format(veld=repr(fout["loc"][-1]))
    if soort == "value_error":
        return str(fout.get("ctx", {}).get("error", fout["msg"]))
    if soort == "literal_error":
        keuzes = str(fout.get("ctx", {}).get("expected", ""))
        return _("hoort {keuzes} te zijn; kreeg {waarde}").format(
            keuzes=keuzes.replace(" or ", _(" of ")), waarde=beschrijf(invoer)
        )
    if soort == "too_short":
        return _("hoort niet leeg te zijn")
    if soort in ("greater_than_equal", "less_than_equal"):
        grens = fout.get("ctx", {}).get("ge", fout.get("ctx", {}).get("le"))
        tekst = _("hoort minstens {grens} te zijn, kreeg {waarde}") if soort == "greater_than_equal" else None
        tekst = tekst or _("hoort hoogstens {grens} te zijn, kreeg {waarde}")
        return tekst.format(grens=grens, waarde=beschrijf(invoer))
    if soort in VERWACHT:
        return _("verwachtte {wat}, kreeg {waarde}").format(wat=_(VERWACHT[soort]), waarde=beschrijf(invoer))
    return _("{melding} (kreeg {waarde})").format(melding=fout["msg"], waarde=_kort(invoer))


def _kort(invoer: Any) -> str:
    tekst = beschrijf(invoer)
    return tekst if len(tekst) < 60 else tekst[:57] + "..."


def meldingen(fout: ValidationError, invoer: Any, voorvoegsel: str = "") -> list[tuple[str, str]]:
    return [(pad(f["loc"], invoer, voorvoegsel), melding(f)) for f in fout.errors(include_url=False)]
