"""Reading YAML and JSON into plain data, with numbers as Decimal and no silent surprises.

Besides the syntax, the reader refuses what no document needs and what would harm the ledger or its
readers later: control characters in text (PostgreSQL cannot store a NUL; an escape sequence rewrites a
terminal), a key given twice in two spellings, digits other than 0-9, numbers longer than any amount,
nesting deeper than any document and files larger than 10 MB. Each refusal names the place, like
`events[3].bedragen.2021`. The parsers themselves are in documents/laders.py.
"""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal, InvalidOperation
from typing import Any, BinaryIO

import yaml

from documents.json_keuring import niets_te_weigeren
from documents.laders import (
    DIEPSTE_NESTING,
    GETAL_TEKENS,
    GEWONE_WAARDEN,
    GROOTSTE_BESTAND,
    MEESTE_CIJFERS,
    MEESTE_WAARDEN,
    VERBODEN_TEKEN,
    Afgewezen,
    JsonLezer,
    Lader,
    Onleesbaar,
    kort,
    soort_van,
    te_lang,
    te_veel_cijfers,
)
from events.errors import OngeldigeInvoer
from taal import _

GETAL_KLASSE = "[0-9" + re.escape("".join(sorted(GETAL_TEKENS))) + "]"
ASCII_GETAL = re.compile(f"{GETAL_KLASSE}*[0-9]{GETAL_KLASSE}*")
"""ASCII text that reads as a number: only digits and GETAL_TEKENS, at least one digit (in ASCII, isdigit is 0-9)."""


def _controleer(gegevens: Any) -> None:
    """Walk all the data, without recursion, and refuse the first value that may not pass (see the module).

    A plain value that passes is counted where its parent is read and never stacked: most values are.
    """
    stapel: list[tuple[Any, str, int]] = [(gegevens, "", 0)]
    geteld = 0
    while stapel:
        geteld += 1
        if geteld > MEESTE_WAARDEN:
            raise Onleesbaar("", _("bevat meer dan {n} waarden").format(n=f"{MEESTE_WAARDEN:,}"))
        waarde, pad, diepte = stapel.pop()
        kinderen, goed = _kinderen(waarde, pad, diepte)
        geteld += goed
        if geteld > MEESTE_WAARDEN:
            raise Onleesbaar("", _("bevat meer dan {n} waarden").format(n=f"{MEESTE_WAARDEN:,}"))
        stapel.extend(reversed(kinderen))


def _kinderen(waarde: Any, pad: str, diepte: int) -> tuple[list[tuple[Any, str, int]], int]:
    """(the children still to look at, with their place; how many plain children passed already)."""
    fout = _waarde_fout(waarde)
    if fout:
        raise Onleesbaar(pad, fout)
    if isinstance(waarde, (list, dict)) and diepte >= DIEPSTE_NESTING:
        raise Onleesbaar(pad, _("is dieper genest dan {n} niveaus").format(n=DIEPSTE_NESTING))
    if isinstance(waarde, list):
        paren = [(kind, i) for i, kind in enumerate(waarde) if not _gaat_door(kind)]
        return [(kind, f"{pad}[{i}]", diepte + 1) for kind, i in paren], len(waarde) - len(paren)
    if not isinstance(waarde, dict):
        return [], 0
    for sleutel in waarde:
        fout = tekst_fout(sleutel) if isinstance(sleutel, str) else _waarde_fout(sleutel)
        if fout:
            raise Onleesbaar(pad, f"key {kort(sleutel)} {fout}")
    paren = [(kind, sleutel) for sleutel, kind in waarde.items() if not _gaat_door(kind)]
    kinderen = [(kind, f"{pad}.{sleutel}" if pad else str(sleutel), diepte + 1) for kind, sleutel in paren]
    return kinderen, len(waarde) - len(paren)


def _gaat_door(kind: Any) -> bool:
    """A plain value (no list or mapping) without anything to refuse."""
    return not isinstance(kind, (list, dict)) and _waarde_fout(kind) is None


def _waarde_fout(waarde: Any) -> str | None:
    if isinstance(waarde, Afgewezen):
        return waarde.melding
    if isinstance(waarde, str):
        return tekst_fout(waarde)
    if not isinstance(waarde, GEWONE_WAARDEN):
        return _("is {soort} uit YAML; een document bevat alleen tekst, getallen, datums, lijsten en mappings").format(
            soort=soort_van(waarde)
        )
    return None


def tekst_fout(tekst: str) -> str | None:
    teken = VERBODEN_TEKEN.search(tekst)
    if teken:
        code = ord(teken.group())
        wat = _("een losse surrogaat") if 0xD800 <= code <= 0xDFFF else _("een stuurteken")
        return _("bevat {wat} (U+{code})").format(wat=wat, code=f"{code:04X}")
    return _getal_fout(tekst)


def _getal_fout(tekst: str) -> str | None:
    """A text that reads as a number must use the digits 0-9: Python would read '٢٠٢٢' and '２０２２' as 2022."""
    kaal = tekst.strip()
    if kaal.isascii():
        if not ASCII_GETAL.fullmatch(kaal):  # one regex instead of a loop over the characters: most text is no number
            return None
    elif not all(c.isdigit() or c in GETAL_TEKENS for c in kaal) or not any(c.isdigit() for c in kaal):
        return None
    else:
        return _("heeft andere cijfers dan ASCII 0-9")
    cijfers = sum(map(str.isdigit, kaal))
    if cijfers > MEESTE_CIJFERS:
        return te_lang(cijfers).melding
    if "e" not in kaal and "E" not in kaal:
        return None  # written out, it has no more digits than it shows, and those were counted
    try:
        afgewezen = te_veel_cijfers(Decimal(kaal))
    except InvalidOperation:
        return None
    return afgewezen.melding if afgewezen else None


def lees_bytes(bestand: str) -> bytes:
    """The file's bytes, read no further than 10 MB: stat says 0 for /dev/zero and a pipe."""
    try:
        with open(bestand, "rb") as invoer:
            inhoud = _tot_grens(invoer)
    except FileNotFoundError:
        raise OngeldigeInvoer(bestand, "", _("bestand bestaat niet")) from None
    except IsADirectoryError:
        raise OngeldigeInvoer(bestand, "", _("is een map, geen document")) from None
    except OSError as fout:
        raise OngeldigeInvoer(bestand, "", _("niet te lezen: {reden}").format(reden=fout.strerror or fout)) from None
    if len(inhoud) > GROOTSTE_BESTAND:
        raise OngeldigeInvoer(bestand, "", _("is groter dan 10 MB; zo groot is een document nooit"))
    return inhoud


def _tot_grens(invoer: BinaryIO) -> bytes:
    """At most 10 MB and one byte; read as large as stat says it is, not into a buffer of 10 MB each time."""
    grootte = os.fstat(invoer.fileno()).st_size
    inhoud = invoer.read(grootte + 1) if 0 < grootte <= GROOTSTE_BESTAND else b""
    if not inhoud or len(inhoud) > grootte:  # stat does not know (a pipe, /dev/zero), or it grew meanwhile
        inhoud += invoer.read(GROOTSTE_BESTAND + 1 - len(inhoud))
    return inhoud


def _lees_tekst(bestand: str) -> str:
    return _als_tekst(bestand, lees_bytes(bestand))


def _als_tekst(bestand: str, inhoud: bytes) -> str:
    if len(inhoud) > GROOTSTE_BESTAND:
        raise OngeldigeInvoer(bestand, "", _("is groter dan 10 MB; zo groot is een document nooit"))
    try:
        return inhoud.decode("utf-8")
    except UnicodeDecodeError as fout:
        regel = inhoud.count(b"\n", 0, fout.start) + 1
        melding = _("is geen UTF-8-tekst: byte 0x{byte} op regel {regel}").format(
            byte=f"{inhoud[fout.start]:02x}", regel=regel
        )
        raise OngeldigeInvoer(bestand, "", melding) from None


def lees_gegevens(bestand: str) -> Any:
    return _ontleed(bestand, _lees_tekst(bestand))


def lees_inhoud(bestand: str, inhoud: bytes) -> Any:
    """A document that arrived as bytes (an upload), named `bestand` in every message."""
    return _ontleed(bestand, _als_tekst(bestand, inhoud))


def _ontleed(bestand: str, tekst: str) -> Any:
    if not tekst.strip():
        raise OngeldigeInvoer(bestand, "", _("het bestand is leeg"))
    try:
        if bestand.lower().endswith(".json"):
            lezer = JsonLezer()
            gegevens = lezer.lees(tekst)
            if lezer.afgewezen or not niets_te_weigeren(tekst):
                _controleer(gegevens)
        else:
            gegevens = yaml.load(tekst, Loader=Lader)
            _controleer(gegevens)
    except Onleesbaar as fout:
        raise OngeldigeInvoer(bestand, fout.pad, fout.melding) from None
    except RecursionError:
        raise OngeldigeInvoer(bestand, "", _("is dieper genest dan {n} niveaus").format(n=DIEPSTE_NESTING)) from None
    except json.JSONDecodeError as fout:
        raise OngeldigeInvoer(bestand, "", _json_melding(fout)) from None
    except yaml.YAMLError as fout:
        raise OngeldigeInvoer(bestand, "", _yaml_melding(fout, tekst)) from None
    return gegevens


def _json_melding(fout: json.JSONDecodeError) -> str:
    teken = fout.doc[fout.pos : fout.pos + 1]
    if fout.msg.startswith("Invalid control character") and VERBODEN_TEKEN.fullmatch(teken):
        return _("regel {regel}, kolom {kolom}: bevat {wat} (U+{code})").format(
            regel=fout.lineno, kolom=fout.colno, wat=_("een stuurteken"), code=f"{ord(teken):04X}"
        )
    return _("geen geldige JSON: regel {regel}, kolom {kolom}: {fout}").format(
        regel=fout.lineno, kolom=fout.colno, fout=fout.msg
    )


def _yaml_melding(fout: yaml.YAMLError, tekst: str) -> str:
    if isinstance(fout, yaml.reader.ReaderError) and isinstance(fout.character, int):
        return _teken_melding(tekst, chr(fout.character)) or _("geen geldige YAML: {fout}").format(fout=fout.reason)
    plek = getattr(fout, "problem_mark", None)
    probleem = getattr(fout, "problem", None) or str(fout)
    if plek is None:
        return _("geen geldige YAML: {fout}").format(fout=probleem)
    return _("geen geldige YAML: regel {regel}, kolom {kolom}: {fout}").format(
        regel=plek.line + 1, kolom=plek.column + 1, fout=probleem
    )


def _teken_melding(tekst: str, teken: str) -> str | None:
    """Where a character YAML refuses first stands, as line and column."""
    plaats = tekst.find(teken)
    if plaats < 0:
        return None
    regel, kolom = tekst.count("\n", 0, plaats) + 1, plaats - tekst.rfind("\n", 0, plaats)
    wat = _("een stuurteken") if VERBODEN_TEKEN.fullmatch(teken) else _("een teken dat YAML niet toestaat")
    return _("regel {regel}, kolom {kolom}: bevat {wat} (U+{code})").format(
        regel=regel, kolom=kolom, wat=wat, code=f"{ord(teken):04X}"
    )
