"""The table of a `verdeelmodel` or `maatstaven` sheet: one row per maatstaf, one column per year.

    regel                 code   naam          2021     2022
    uitkeringsfactor                           1.468    1.47
    bedragen_per_eenheid  2      Inwoners      160.44   161.02
    aantallen             8a     Bijstand      5924/3   1980

`regel` says which part of each year the row gives, `code` the maatstaf (or, for buiten_factor,
the amount's name); `naam` is for the reader of the sheet and is not read back. A template has a
row for every code the shipped list knows in its years, so the rijk's specification can be pasted in.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from documents.werkboek_blad import Blad
from documents.werkboek_cellen import getal
from documents.werkboek_layout import REGEL
from events.maatstafcodes import maatstaf, maatstaflijst, naam, sorteer
from events.waarden import beschrijf, valideer_jaar
from taal import _

REGELS = {
    "verdeelmodel": ("uitkeringsfactor", "bedragen_per_eenheid", "tarieven"),
    "maatstaven": ("aantallen", "bedragen", "buiten_factor"),
}
"""The rows a sheet of the type may have; the first of verdeelmodel is one number a year, the others per code."""
KOLOMMEN = ("code", "naam")


def per_maatstaf(type_naam: str) -> bool:
    return type_naam in REGELS


def _cel(waarde: Any) -> Any:
    """A number as a cell holds it; a fraction, or a decimal whose form a number cell would lose (`67900.00`),
    stays text: read back, the document says exactly what it said."""
    if isinstance(waarde, str) and "/" not in waarde:
        getal_ = Decimal(waarde)
        cel = int(getal_) if getal_ == getal_.to_integral_value() else getal_
        return cel if str(getal(float(cel))) == waarde else waarde
    return waarde


def rijen(type_naam: str, jaren: dict[Any, dict[str, Any]], jaartallen: list[int]) -> list[list[Any]]:
    """The header and a row per (regel, code) the years give, in the Besluit's order."""
    uit: list[list[Any]] = [[REGEL, *KOLOMMEN, *jaartallen]]
    jaren = {int(j): v for j, v in jaren.items()}
    for regel in REGELS[type_naam]:
        if regel == "uitkeringsfactor":
            factoren = [jaren.get(j, {}).get(regel) for j in jaartallen]
            if any(f is not None for f in factoren):
                uit.append([regel, None, None, *(_cel(f) for f in factoren)])
            continue
        codes = {c for j in jaartallen for c in (jaren.get(j, {}).get(regel) or {})}
        for code in sorted(codes, key=sorteer):
            waarden = [(jaren.get(j, {}).get(regel) or {}).get(code) for j in jaartallen]
            uit.append([regel, code, naam(code, max(jaartallen)), *(_cel(w) for w in waarden)])
    return uit


def sjabloon_rijen(type_naam: str, jaartallen: list[int]) -> list[list[Any]]:
    """An empty table with a row for every code the shipped list knows in these years, part A as tarieven."""
    uit: list[list[Any]] = [[REGEL, *KOLOMMEN, *jaartallen]]
    codes = sorted(
        {m.code for ms in maatstaflijst().values() for m in ms if any(m.geldt(j) for j in jaartallen)}, key=sorteer
    )
    if type_naam == "verdeelmodel":
        uit.append(["uitkeringsfactor", None, None, *([None] * len(jaartallen))])
    for code in codes:
        m = next(maatstaf(code, j) for j in sorted(jaartallen, reverse=True) if maatstaf(code, j))
        regel = (
            ("tarieven" if m.onderdeel == "A" else "bedragen_per_eenheid")
            if type_naam == "verdeelmodel"
            else "aantallen"
        )
        uit.append([regel, code, m.naam, *([None] * len(jaartallen))])
    return uit


def _jaar(blad: Blad, r: int, k: int) -> int:
    cel = blad.cel(r, k)
    try:
        return valideer_jaar(getal(cel) if isinstance(cel, float) else cel)
    except ValueError:
        melding = _("{cel} is geen jaar en geen kolom van deze tabel ({kolommen})")
        blad.fout(r, k, melding.format(cel=beschrijf(cel), kolommen=", ".join(KOLOMMEN)))


def _code(blad: Blad, r: int) -> str:
    cel = blad.cel(r, 1)
    if isinstance(cel, float):
        return str(getal(cel))
    if not isinstance(cel, str) or not cel.strip():
        blad.fout(r, 1, _("noem in kolom code de maatstaf (zoals 2, 3a of 7c-2) of de naam van het bedrag"))
    return cel.strip()


def _waarde(blad: Blad, r: int, k: int) -> Any:
    cel = blad.cel(r, k)
    if isinstance(cel, bool):
        blad.fout(r, k, _("{cel} is geen getal").format(cel=beschrijf(cel)))
    return getal(cel) if isinstance(cel, float) else cel


def lees_tabel(blad: Blad, begin: int, type_naam: str, waar: str) -> dict[str, Any]:
    """The rows below the header in row `begin` as the event's `jaren`, each value's cell marked as its place."""
    kop = {k: blad.tekst(begin, k) for k in blad.gevuld(begin, 1)}
    jaren = {k: _jaar(blad, begin, k) for k, t in kop.items() if t not in KOLOMMEN}
    uit: dict[int, dict[str, Any]] = {}
    for r in range(begin + 1, blad.hoogte):
        if not blad.gevuld(r):
            continue
        regel = blad.tekst(r, 0)
        if regel not in REGELS[type_naam]:
            melding = _("{cel} is geen van {regels}").format(
                cel=beschrijf(blad.cel(r, 0)), regels=", ".join(REGELS[type_naam])
            )
            blad.fout(r, 0, melding)
        code = None if regel == "uitkeringsfactor" else _code(blad, r)
        for k, jaar in jaren.items():
            if blad.cel(r, k) in ("", None):
                continue
            jaarvak = uit.setdefault(jaar, {})
            if code is None:
                jaarvak[regel] = _waarde(blad, r, k)
                blad.merk(f"{waar}.jaren.{jaar}.{regel}", r, k)
            else:
                if code in jaarvak.get(regel, {}):
                    melding = _("{regel} {code} staat twee keer in de tabel; geef elke maatstaf één rij")
                    blad.fout(r, 1, melding.format(regel=regel, code=code))
                jaarvak.setdefault(regel, {})[code] = _waarde(blad, r, k)
                blad.merk(f"{waar}.jaren.{jaar}.{regel}.{code}", r, k)
    return {"jaren": uit} if uit else {}
