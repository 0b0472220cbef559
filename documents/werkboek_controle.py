"""A document's `controle` as a sheet of its own: a key/value row `stand`, then a table of stated figures.

stand   | TRUE                                         (optional: every figure is a stand)
regel   | naam      | posten                | stand | 2020 | 2021
saldo   |           |                       |       | 2112 | 205
posten  | buig      |                       |       | 456  |
totalen | oormerken | taakmutatie.a, taakmutatie.b | TRUE | 213 |
"""

from __future__ import annotations

from typing import Any

from documents.controlecijfers import SALDI
from documents.werkboek_blad import Blad
from documents.werkboek_layout import REGEL, Layout, Regel, Veld
from documents.werkboek_tabel import bedragen, kop, kop_rij, sleutels
from documents.werkboek_writer import UitBlad, cel_waarde
from taal import _

BLAD = "controle"
STAND = Veld("stand", "ja_nee")
KOLOMMEN = (Veld("naam", "tekst"), Veld("posten", "tekst"), STAND)
LAYOUT = Layout(BLAD, (STAND,), tuple(Regel(n, lijst=False) for n in (*SALDI, "posten", "totalen")))


def controle_blad(controle: dict[str, Any]) -> UitBlad:
    """The sheet of a document's controle (Python values, amounts in its eenheid)."""
    blad = UitBlad(BLAD)
    if controle.get("stand"):
        blad.rijen.append(["stand", True])
    rijen = [[s, None, None, None, controle[s]] for s in SALDI if controle.get(s)]
    rijen += [["posten", post, None, None, b] for post, b in (controle.get("posten") or {}).items()]
    rijen += [
        ["totalen", t["naam"], ", ".join(t["posten"]), True if t.get("stand") else None, t["bedragen"]]
        for t in controle.get("totalen") or []
    ]
    jaren = sorted({j for r in rijen for j in r[4]})
    blad.rijen += [[], [REGEL, *(k.naam for k in KOLOMMEN), *jaren]]
    blad.rijen += [[*r[:4], *(cel_waarde(r[4].get(j)) for j in jaren)] for r in rijen]
    return blad


def lees_controle(blad: Blad) -> dict[str, Any]:
    """The controle of the sheet, in the shape a YAML document gives it; errors name the cell."""
    blad.merk_blad(BLAD)
    begin = kop_rij(blad)
    uit = sleutels(blad, blad.hoogte if begin is None else begin, LAYOUT.velden, lambda n: f"{BLAD}.{n}")
    if begin is None:
        return uit
    kolommen, jaren, _ = kop(blad, begin, Layout(BLAD, (), (Regel("x", lijst=True, kolommen=KOLOMMEN, bedragen="b"),)))
    for r in range(begin + 1, blad.hoogte):
        if blad.gevuld(r):
            waarden = {v.naam: blad.waarde(r, k, v.soort) for k, v in kolommen.items()}
            _rij(blad, r, jaren, uit, waarden)
    return uit


def _rij(blad: Blad, r: int, jaren: dict[int, int], uit: dict[str, Any], waarden: dict[str, Any]) -> None:
    regel, naam, posten, stand = blad.tekst(r, 0), waarden.get("naam"), waarden.get("posten"), waarden.get("stand")
    if regel in SALDI:
        uit[regel] = bedragen(blad, r, jaren, f"{BLAD}.{regel}")
    elif regel == "posten":
        uit.setdefault("posten", {})[naam] = bedragen(blad, r, jaren, f"{BLAD}.posten.{naam}")
    elif regel == "totalen":
        totalen = uit.setdefault("totalen", [])
        pad = f"{BLAD}.totalen[{len(totalen)}]"
        totaal = {"naam": naam, "posten": [p.strip() for p in (posten or "").split(",") if p.strip()]}
        totalen.append(totaal | {"bedragen": bedragen(blad, r, jaren, f"{pad}.bedragen")} | _stand(stand))
        blad.merk(pad, r, 0)
    else:
        namen = ", ".join((*SALDI, "posten", "totalen"))
        blad.fout(r, 0, _("{regel} is geen van {namen}").format(regel=repr(regel), namen=namen))


def _stand(stand: Any) -> dict[str, Any]:
    return {"stand": stand} if stand is not None else {}
