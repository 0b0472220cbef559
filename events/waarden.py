"""The values every document event is made of: amounts, years, dates, names, and their checks.

Money is a `Decimal` in euros with exactly two decimals. Documents may state
amounts in thousands (`eenheid: 1000`); the loader passes the eenheid in the
validation context, and `Bedrag` applies it, so an event always holds euros.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    PlainSerializer,
    PlainValidator,
    SerializationInfo,
    ValidationInfo,
)

# the plain values live in events.getallen (the read side loads no validators); named here as before
from events.getallen import CENT as CENT
from events.getallen import EERSTE_JAAR, LAATSTE_JAAR, bedrag_als_tekst, beschrijf
from events.getallen import euro as euro
from events.keuring import Keuring
from taal import N_, _

POST_PATROON = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)*")
NAAM_PATROON = re.compile(r"[a-z0-9_]+")
BRON_PATROON = re.compile(r"[a-z0-9][a-z0-9._-]*")
GEMEENTE_PATROON = re.compile(r"GM[0-9]{4}")
GROOTSTE_BEDRAG = Decimal(10) ** 12  # € 1.000.000.000.000: beyond any gemeente, and its cents fit every database


def naar_decimal(value: Any) -> Decimal:
    if type(value) is int:
        return Decimal(value)
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise ValueError(_("verwachtte een getal, kreeg {waarde}").format(waarde=beschrijf(value)))
    try:
        getal = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(_("verwachtte een getal, kreeg {waarde}").format(waarde=beschrijf(value))) from None
    if not getal.is_finite():
        raise ValueError(_("verwachtte een eindig getal, kreeg {waarde}").format(waarde=value))
    return getal


def valideer_bedrag(value: Any, info: ValidationInfo) -> Decimal:
    context = info.context
    if context is None and type(value) is str:  # read back from the store: written by us, exact
        return Decimal(value)
    eenheid = context.get("eenheid", 1) if context else 1
    try:
        euros = naar_decimal(value) if eenheid == 1 else naar_decimal(value) * eenheid
        afgerond = euros.quantize(CENT)
    except InvalidOperation:
        raise ValueError(_("{waarde} is te groot voor een bedrag").format(waarde=value)) from None
    if afgerond != euros:
        na = _(" na toepassen van eenheid {eenheid}").format(eenheid=eenheid) if eenheid != 1 else ""
        raise ValueError(_("{waarde} heeft meer dan 2 decimalen{na}").format(waarde=value, na=na))
    if abs(afgerond) >= GROOTSTE_BEDRAG:
        raise ValueError(_("{waarde} is te groot voor een bedrag (€ 1.000.000.000.000 of meer)").format(waarde=value))
    return afgerond


def valideer_jaar(value: Any) -> int:
    if type(value) is int and EERSTE_JAAR <= value <= LAATSTE_JAAR:
        return value
    if type(value) is str and value.isdigit() and value.isascii() and EERSTE_JAAR <= int(value) <= LAATSTE_JAAR:
        return int(value)  # a year as a JSON key writes it
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(_("verwachtte een jaar, kreeg {waarde}").format(waarde=beschrijf(value)))
    if isinstance(value, str) and not (value.strip().isascii() and value.strip().isdigit()):
        raise ValueError(_("verwachtte een jaar, kreeg {waarde}").format(waarde=beschrijf(value)))
    jaar = int(value)
    if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        raise ValueError(_("jaar {jaar} ligt buiten {van}-{tot}").format(jaar=jaar, van=EERSTE_JAAR, tot=LAATSTE_JAAR))
    return jaar


def valideer_datum(value: Any) -> date:
    """A date as YAML writes it, or as text 2020-09-15 (as JSON and the store do); not a number, nor a moment."""
    if type(value) is date:
        return value
    if isinstance(value, str) and value.isascii() and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    wat = (
        _("een datum zoals 2020-09-15, zonder tijd") if isinstance(value, datetime) else _("een datum zoals 2020-09-15")
    )
    raise ValueError(_("verwachtte {wat}, kreeg {waarde}").format(wat=wat, waarde=beschrijf(value)))


def valideer_regel_tekst(value: Any, info: ValidationInfo) -> str:
    """Text on one line: a name, a title, a kenmerk (tab and newline only where a text may span lines).

    A rule for documents: what an earlier version stored is read as it was written.
    """
    if not isinstance(value, str):
        raise ValueError(_("verwachtte tekst, kreeg {waarde}").format(waarde=beschrijf(value)))
    if info.context is not None and any(teken in value for teken in "\t\n\r"):
        raise ValueError(
            _("{waarde} hoort één regel te zijn, zonder tabs of regeleinden").format(waarde=beschrijf(value))
        )
    return value


def niet_leeg(bedragen: dict[int, Decimal], info: ValidationInfo) -> dict[int, Decimal]:
    """A rule for documents: what an earlier version stored is read as it was written."""
    if not bedragen and info.context is not None:
        raise ValueError(_("geeft geen bedragen; geef minstens één jaar, zoals {{2021: 100}}").format())
    return bedragen


def patroon(regex: re.Pattern[str], wat: str, uitleg: str) -> Keuring:
    """`uitleg` is a msgid marked with `N_`: said in the language of the moment the value is checked."""

    def valideer(value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError(_("verwachtte {wat} als tekst, kreeg {waarde}").format(wat=wat, waarde=beschrijf(value)))
        if not regex.fullmatch(value):
            raise ValueError(_("{waarde} {uitleg}").format(waarde=repr(value), uitleg=_(uitleg)))
        return value

    return Keuring(valideer, "str")


def valideer_getal(value: Any, info: ValidationInfo) -> Decimal:
    """A quantity as a document states it: an amount, a count or a fraction; no eenheid applies."""
    if info.context is None and type(value) is str:  # read back from the store: written by us, exact
        return Decimal(value)
    getal = naar_decimal(value)
    if abs(getal) >= GROOTSTE_BEDRAG or getal.as_tuple().exponent < -12:  # type: ignore[operator]
        raise ValueError(_("{waarde} is te groot of heeft meer dan 12 decimalen").format(waarde=value))
    return getal


def bedrag_uit(bedrag: Decimal, info: SerializationInfo) -> Any:
    """Stored and JSON: text with two decimals, in euros. Written back as a document (`context={"eenheid": n}`):
    the number in the document's own eenheid, as it was written."""
    if info.mode_is_json():
        return bedrag_als_tekst(bedrag)
    eenheid = info.context.get("eenheid", 1) if info.context else 1
    if eenheid == 1:
        return bedrag
    waarde = bedrag / eenheid
    return waarde.quantize(Decimal(1)) if waarde == waarde.to_integral_value() else waarde.normalize()


Bedrag = Annotated[
    Decimal, PlainValidator(valideer_bedrag), PlainSerializer(bedrag_uit, return_type=Any, when_used="always")
]
Getal = Annotated[Decimal, PlainValidator(valideer_getal), PlainSerializer(str, when_used="json")]
"""A quantity of the rijk's arithmetic (a BUIG verdeling): euros, households or a fraction, kept as stated."""
Jaar = Annotated[int, Keuring(valideer_jaar, "int")]
Datum = Annotated[date, Keuring(valideer_datum, "date")]
RegelTekst = Annotated[str, Keuring(valideer_regel_tekst, "str", met_info=True)]
Bedragen = Annotated[dict[Jaar, Bedrag], AfterValidator(lambda bedragen: dict(sorted(bedragen.items())))]
"""Amounts per year, kept in year order: so a document's content has one JSON form, whatever order it was typed in."""
BedragenVerplicht = Annotated[Bedragen, AfterValidator(niet_leeg)]
"""Amounts per year where a line without any amount would mean nothing."""
PostNaam = Annotated[
    str, patroon(POST_PATROON, "post", N_("mag alleen a-z, 0-9, '_' en '.' bevatten (zoals stelpost.jeugdhulp)"))
]
Letter = Annotated[
    str,
    patroon(
        re.compile(r"[A-Z]{1,3}"),
        "letter",
        N_("is geen letter van het verdeelmodel (A tot Z, hoogstens drie, zoals AH)"),
    ),
]
Naam = Annotated[str, patroon(NAAM_PATROON, "naam", N_("mag alleen a-z, 0-9 en '_' bevatten"))]
BronId = Annotated[
    str, patroon(BRON_PATROON, "bron id", N_("mag alleen a-z, 0-9, '.', '_' en '-' bevatten, en begint met a-z of 0-9"))
]
GemeenteCode = Annotated[
    str, patroon(GEMEENTE_PATROON, "gemeente", N_("is geen CBS-code (GM en vier cijfers, zoals GM1708)"))
]
Sha256 = Annotated[
    str, patroon(re.compile(r"^[0-9a-f]{64}$"), "sha256", N_("is geen 64 hexadecimale tekens in kleine letters"))
]
Richting = Literal["baten", "lasten"]
Verwerking = Literal["verwerkt", "pm"]
