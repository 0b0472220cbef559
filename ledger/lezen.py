"""Reading YAML and JSON into plain data, with numbers as Decimal and no silent surprises.

Besides the syntax, the reader refuses what no document needs and what would harm the ledger or its
readers later: control characters in text (PostgreSQL cannot store a NUL; an escape sequence rewrites a
terminal), a key given twice in two spellings, digits other than 0-9, numbers longer than any amount,
nesting deeper than any document and files larger than 10 MB. Each refusal names the place, like
`events[3].bedragen.2021`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from events.errors import OngeldigeInvoer

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


def _kort(waarde: Any) -> str:
    tekst = repr(waarde)
    return tekst if len(tekst) <= 40 else tekst[:37] + "..."


def _te_veel_cijfers(getal: Decimal) -> Afgewezen | None:
    """How many digits the number has when written out: 1E+999999 has a million, too many for any amount."""
    if not getal.is_finite():
        return None
    cijfers, exponent = len(getal.as_tuple().digits), int(getal.as_tuple().exponent)
    aantal = max(cijfers + exponent, cijfers, -exponent)
    return _te_lang(aantal) if aantal > MEESTE_CIJFERS else None


def _te_lang(aantal: int | None) -> Afgewezen:
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
    return _te_veel_cijfers(getal) or getal


def _mapping(lader: Lader, knoop: yaml.MappingNode) -> dict[Any, Any] | Afgewezen:
    lader.flatten_mapping(knoop)
    uitkomst: dict[Any, Any] = {}
    eerder: dict[Any, Any] = {}
    for sleutel_knoop, waarde_knoop in knoop.value:
        sleutel = lader.construct_object(sleutel_knoop, deep=True)
        fout = _nieuwe_sleutel(sleutel, eerder)
        if fout:
            return Afgewezen(f"line {sleutel_knoop.start_mark.line + 1}: {fout}")
        uitkomst[sleutel] = lader.construct_object(waarde_knoop, deep=True)
    return uitkomst


def _nieuwe_sleutel(sleutel: Any, eerder: dict[Any, Any]) -> str | None:
    """None for a key not seen before in its mapping, in any spelling; else what is wrong with it."""
    if isinstance(sleutel, Afgewezen):
        return f"key {sleutel}"
    try:
        vorm = _vorm(sleutel)
    except TypeError:
        return f"a key should be text or a number, not {_soort(sleutel)}"
    if vorm in eerder:
        zelfde = type(eerder[vorm]) is type(sleutel) and eerder[vorm] == sleutel
        return f"key {_kort(sleutel)} is given twice" + ("" if zelfde else f" (also as {_kort(eerder[vorm])})")
    eerder[vorm] = sleutel
    return None


def _vorm(sleutel: Any) -> str:
    """The key as the validators will see it: `2022`, `'2022'`, `' 2022'` and `'02022'` are all the year 2022."""
    hash(sleutel)
    tekst = str(sleutel).strip()
    if tekst.isdigit() and tekst.isascii():
        return tekst.lstrip("0") or "0"
    return tekst


def _soort(waarde: Any) -> str:
    soorten = {list: "a list", dict: "a mapping", set: "a set", bytes: "binary data", tuple: "a pair"}
    return soorten.get(type(waarde), type(waarde).__name__)


def _geheel(lader: Lader, knoop: yaml.ScalarNode) -> Any:
    """Only decimal integers: YAML 1.1 would read 010 as octal 8 and 1:30 as 90; those stay text, for the validator."""
    tekst = str(lader.construct_scalar(knoop))
    kaal = tekst.replace("_", "")
    cijfers = kaal.lstrip("+-")
    if not (cijfers.isdecimal() and cijfers.isascii()):
        return tekst
    return _te_lang(len(cijfers)) if len(cijfers) > MEESTE_CIJFERS else int(kaal)


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


def _json_paren(paren: list[tuple[str, Any]]) -> dict[str, Any] | Afgewezen:
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
    return _te_lang(cijfers) if cijfers > MEESTE_CIJFERS else int(tekst)


def _json_decimaal(tekst: str) -> Decimal | Afgewezen:
    try:
        getal = Decimal(tekst)
    except InvalidOperation:  # an exponent beyond what Decimal holds
        return _te_lang(None)
    return _te_veel_cijfers(getal) or getal


def _lees_json(tekst: str) -> Any:
    return json.loads(
        tekst,
        parse_float=_json_decimaal,
        parse_int=_json_geheel,
        parse_constant=lambda c: Decimal("NaN"),
        object_pairs_hook=_json_paren,
    )


def _controleer(gegevens: Any) -> None:
    """Walk all the data, without recursion, and refuse the first value that may not pass (see the module)."""
    stapel: list[tuple[Any, str, int]] = [(gegevens, "", 0)]
    geteld = 0
    while stapel:
        geteld += 1
        if geteld > MEESTE_WAARDEN:
            raise Onleesbaar("", f"holds more than {MEESTE_WAARDEN:,} values")
        waarde, pad, diepte = stapel.pop()
        stapel.extend(reversed(_kinderen(waarde, pad, diepte)))


def _kinderen(waarde: Any, pad: str, diepte: int) -> list[tuple[Any, str, int]]:
    fout = _waarde_fout(waarde)
    if fout:
        raise Onleesbaar(pad, fout)
    if isinstance(waarde, (list, dict)) and diepte >= DIEPSTE_NESTING:
        raise Onleesbaar(pad, f"is nested deeper than {DIEPSTE_NESTING} levels")
    if isinstance(waarde, list):
        return [(kind, f"{pad}[{i}]", diepte + 1) for i, kind in enumerate(waarde)]
    if not isinstance(waarde, dict):
        return []
    for sleutel in waarde:
        fout = _tekst_fout(sleutel) if isinstance(sleutel, str) else _waarde_fout(sleutel)
        if fout:
            raise Onleesbaar(pad, f"key {_kort(sleutel)} {fout}")
    return [(kind, f"{pad}.{sleutel}" if pad else str(sleutel), diepte + 1) for sleutel, kind in waarde.items()]


def _waarde_fout(waarde: Any) -> str | None:
    if isinstance(waarde, Afgewezen):
        return waarde.melding
    if isinstance(waarde, str):
        return _tekst_fout(waarde)
    if not isinstance(waarde, GEWONE_WAARDEN):
        return f"is {_soort(waarde)} from YAML; a document holds only text, numbers, dates, lists and mappings"
    return None


def _tekst_fout(tekst: str) -> str | None:
    teken = VERBODEN_TEKEN.search(tekst)
    if teken:
        code = ord(teken.group())
        wat = "a lone surrogate" if 0xD800 <= code <= 0xDFFF else "a control character"
        return f"holds {wat} (U+{code:04X})"
    return _getal_fout(tekst)


def _getal_fout(tekst: str) -> str | None:
    """A text that reads as a number must use the digits 0-9: Python would read '٢٠٢٢' and '２０２２' as 2022."""
    kaal = tekst.strip()
    if not all(c.isdigit() or c in GETAL_TEKENS for c in kaal) or not any(c.isdigit() for c in kaal):
        return None
    if not kaal.isascii():
        return "has digits other than ASCII 0-9"
    cijfers = sum(c.isdigit() for c in kaal)
    if cijfers > MEESTE_CIJFERS:
        return _te_lang(cijfers).melding
    try:
        te_lang = _te_veel_cijfers(Decimal(kaal))
    except InvalidOperation:
        return None
    return te_lang.melding if te_lang else None


def _lees_tekst(bestand: str) -> str:
    """The file as text, read no further than 10 MB: stat says 0 for /dev/zero and a pipe."""
    try:
        with open(bestand, "rb") as invoer:
            inhoud = invoer.read(GROOTSTE_BESTAND + 1)
    except FileNotFoundError:
        raise OngeldigeInvoer(bestand, "", "no such file") from None
    except IsADirectoryError:
        raise OngeldigeInvoer(bestand, "", "is a directory, not a document") from None
    except OSError as fout:
        raise OngeldigeInvoer(bestand, "", f"cannot be read: {fout.strerror or fout}") from None
    if len(inhoud) > GROOTSTE_BESTAND:
        raise OngeldigeInvoer(bestand, "", "is larger than 10 MB; a document is never that large")
    return _als_tekst(bestand, inhoud)


def _als_tekst(bestand: str, inhoud: bytes) -> str:
    try:
        return inhoud.decode("utf-8")
    except UnicodeDecodeError as fout:
        regel = inhoud.count(b"\n", 0, fout.start) + 1
        raise OngeldigeInvoer(
            bestand, "", f"is not UTF-8 text: byte 0x{inhoud[fout.start]:02x} on line {regel}"
        ) from None


def lees_gegevens(bestand: str) -> Any:
    tekst = _lees_tekst(bestand)
    if not tekst.strip():
        raise OngeldigeInvoer(bestand, "", "the file is empty")
    try:
        gegevens = _lees_json(tekst) if bestand.lower().endswith(".json") else yaml.load(tekst, Loader=Lader)
        _controleer(gegevens)
    except Onleesbaar as fout:
        raise OngeldigeInvoer(bestand, fout.pad, fout.melding) from None
    except RecursionError:
        raise OngeldigeInvoer(bestand, "", f"is nested deeper than {DIEPSTE_NESTING} levels") from None
    except json.JSONDecodeError as fout:
        raise OngeldigeInvoer(bestand, "", _json_melding(fout)) from None
    except yaml.YAMLError as fout:
        raise OngeldigeInvoer(bestand, "", _yaml_melding(fout, tekst)) from None
    return gegevens


def _json_melding(fout: json.JSONDecodeError) -> str:
    teken = fout.doc[fout.pos : fout.pos + 1]
    if fout.msg.startswith("Invalid control character") and VERBODEN_TEKEN.fullmatch(teken):
        return f"line {fout.lineno}, column {fout.colno}: holds a control character (U+{ord(teken):04X})"
    return f"not valid JSON: line {fout.lineno}, column {fout.colno}: {fout.msg}"


def _yaml_melding(fout: yaml.YAMLError, tekst: str) -> str:
    if isinstance(fout, yaml.reader.ReaderError) and isinstance(fout.character, int):
        return _teken_melding(tekst, chr(fout.character)) or f"not valid YAML: {fout.reason}"
    plek = getattr(fout, "problem_mark", None)
    probleem = getattr(fout, "problem", None) or str(fout)
    if plek is None:
        return f"not valid YAML: {probleem}"
    return f"not valid YAML: line {plek.line + 1}, column {plek.column + 1}: {probleem}"


def _teken_melding(tekst: str, teken: str) -> str | None:
    """Where a character YAML refuses first stands, as line and column."""
    plaats = tekst.find(teken)
    if plaats < 0:
        return None
    regel, kolom = tekst.count("\n", 0, plaats) + 1, plaats - tekst.rfind("\n", 0, plaats)
    wat = "a control character" if VERBODEN_TEKEN.fullmatch(teken) else "a character YAML does not allow"
    return f"line {regel}, column {kolom}: holds {wat} (U+{ord(teken):04X})"
