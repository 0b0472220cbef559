"""Reading the key/value rows and the table of a sheet (see documents/werkboek_layout.py for the layout)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from documents.werkboek_blad import Blad
from documents.werkboek_cellen import getal
from documents.werkboek_layout import MUTATIE, REGEL, Layout, Regel, Veld
from events.waarden import beschrijf, valideer_jaar
from taal import _


def kop_rij(blad: Blad) -> int | None:
    """The row of the table's header: the first whose A says `regel`."""
    return next((r for r in range(blad.hoogte) if blad.tekst(r, 0) == REGEL), None)


def sleutels(blad: Blad, tot: int, velden: tuple[Veld, ...], pad_van: Callable[[str], str]) -> dict[str, Any]:
    """The key/value rows above row `tot`: key in A, value in B; an empty value is a field left out."""
    per_naam = {v.naam: v for v in velden}
    uit: dict[str, Any] = {}
    rij_van: dict[str, int] = {}
    for r in range(tot):
        gevuld = blad.gevuld(r)
        if not gevuld:
            continue
        naam = blad.tekst(r, 0)
        if naam not in per_naam:
            wat = (
                _("{cel} is hier geen veld").format(cel=beschrijf(blad.cel(r, 0)))
                if 0 in gevuld
                else _("een waarde zonder sleutel in A")
            )
            blad.fout(r, 0, _("{wat}; de velden zijn {velden}").format(wat=wat, velden=", ".join(per_naam)))
        if naam in rij_van:
            blad.fout(
                r,
                0,
                _("{naam} staat er twee keer (ook in {cel})").format(naam=naam, cel=blad.cel_naam(rij_van[naam], 0)),
            )
        rij_van[naam] = r
        if gevuld[-1] > 1:
            blad.fout(
                r, gevuld[-1], _("een sleutel/waarde-regel heeft de sleutel in A en de waarde in B, niets voorbij B")
            )
        inhoud = blad.waarde(r, 1, per_naam[naam].soort)
        if inhoud is not None:
            uit[naam] = inhoud
            blad.merk(pad_van(naam), r, 1)
    return uit


def _jaar(blad: Blad, kop: int, k: int, layout: Layout) -> int:
    cel = blad.cel(kop, k)
    kolommen = ", ".join(c.naam for c in layout.kolommen)
    try:
        return valideer_jaar(getal(cel) if isinstance(cel, float) else cel)
    except ValueError:
        melding = (
            _("{cel} is geen jaar en geen kolom van deze tabel ({kolommen})") if kolommen else _("{cel} is geen jaar")
        )
        blad.fout(kop, k, melding.format(cel=beschrijf(cel), kolommen=kolommen))


def kop(blad: Blad, kop: int, layout: Layout) -> tuple[dict[int, Veld], dict[int, int], dict[int, int]]:
    """The header's columns: the lines' fields by name, then the years, then the years of changes."""
    per_naam = {c.naam: c for c in layout.kolommen}
    kolommen: dict[int, Veld] = {}
    jaren: dict[int, int] = {}
    mutaties: dict[int, int] = {}
    for k in blad.gevuld(kop, 1):
        naam = blad.tekst(kop, k)
        if naam and naam.startswith(MUTATIE) and layout.mutaties:
            jaar = valideer_jaar_of_fout(blad, kop, k, naam.removeprefix(MUTATIE))
            if jaar in mutaties.values():
                blad.fout(kop, k, _("{naam} staat er twee keer").format(naam=naam))
            mutaties[k] = jaar
            continue
        if naam in per_naam:
            eerder = next((j for j, v in kolommen.items() if v.naam == naam), None)
            if eerder is not None:
                melding = _("kolom {naam} staat er twee keer (ook in {cel})")
                blad.fout(kop, k, melding.format(naam=naam, cel=blad.cel_naam(kop, eerder)))
            kolommen[k] = per_naam[naam]
            continue
        jaar = _jaar(blad, kop, k, layout)
        eerder = next((j for j, v in jaren.items() if v == jaar), None)
        if eerder is not None:
            melding = _("jaar {jaar} staat er twee keer (ook in {cel})")
            blad.fout(kop, k, melding.format(jaar=jaar, cel=blad.cel_naam(kop, eerder)))
        if not layout.jaren:
            blad.fout(kop, k, _("een {type} heeft geen bedragen per jaar").format(type=layout.type))
        jaren[k] = jaar
    return kolommen, jaren, mutaties


def valideer_jaar_of_fout(blad: Blad, r: int, k: int, tekst: str) -> int:
    try:
        return valideer_jaar(tekst.strip())
    except ValueError:
        melding = _("{kolom} is geen kolom met mutaties zoals {voorbeeld}")
        blad.fout(r, k, melding.format(kolom=f"{MUTATIE}{tekst}", voorbeeld=f"{MUTATIE}2021"))


def regel_van(blad: Blad, r: int, layout: Layout) -> Regel:
    naam = blad.tekst(r, 0)
    if not naam and len(layout.regels) == 1:
        return layout.regels[0]
    gevonden = layout.regel(naam or "")
    if gevonden is None:
        melding = _("{cel} is geen van {regels}") if naam else _("zeg in A welke regel dit is: een van {regels}")
        blad.fout(r, 0, melding.format(cel=beschrijf(blad.cel(r, 0)), regels=", ".join(r.naam for r in layout.regels)))
    return gevonden


def bedragen(blad: Blad, r: int, jaren: dict[int, int], pad: str) -> dict[int, Any]:
    uit = {}
    for k, jaar in jaren.items():
        bedrag = blad.waarde(r, k, "bedrag")
        if bedrag is not None:
            uit[jaar] = bedrag
            blad.merk(f"{pad}.{jaar}", r, k)
    return uit


def lijn(
    blad: Blad, r: int, regel: Regel, kolommen: dict[int, Veld], jaren: tuple[dict[int, int], dict[int, int]], pad: str
) -> Any:
    """One row of the table: a line of a list (its columns, amounts and changes), or a series of amounts."""
    jaren, mutatiejaren = jaren
    blad.merk(pad, r, 0)
    eigen = {c.naam for c in regel.kolommen}
    uit: dict[str, Any] = {}
    for k, veld in kolommen.items():
        inhoud = blad.waarde(r, k, veld.soort)
        if inhoud is not None and veld.naam not in eigen:
            blad.fout(r, k, _("een regel {regel} heeft geen {veld}").format(regel=regel.naam, veld=veld.naam))
        if inhoud is not None:
            uit[veld.naam] = inhoud
            blad.merk(f"{pad}.{veld.naam}", r, k)
    reeks = bedragen(blad, r, jaren, f"{pad}.{regel.bedragen}" if regel.lijst else pad)
    mutaties = bedragen(blad, r, mutatiejaren, f"{pad}.mutaties")
    if mutaties and regel.mutaties is None:
        eerste = min(k for k, j in mutatiejaren.items() if j in mutaties)
        blad.fout(
            r, eerste, _("{regel} neemt geen mutaties in een {kolom}kolom").format(regel=regel.naam, kolom=MUTATIE)
        )
    if not regel.lijst:
        return reeks
    if reeks and regel.bedragen is None:
        melding = _("een regel {regel} heeft geen bedragen per jaar").format(regel=regel.naam)
        blad.fout(r, min(k for k, j in jaren.items() if j in reeks), melding)
    uit |= {regel.bedragen: reeks} if regel.bedragen and (reeks or not mutaties) else {}
    return uit | ({regel.mutaties: mutaties} if mutaties and regel.mutaties else {})


def tabel(blad: Blad, begin: int, layout: Layout, waar: str) -> dict[str, Any]:
    """The lines below the header in row `begin`, per field they belong to."""
    kolommen, jaren, mutaties = kop(blad, begin, layout)
    uit: dict[str, Any] = {}
    for r in range(begin + 1, blad.hoogte):
        gevuld = blad.gevuld(r)
        if not gevuld:
            continue
        buiten = [k for k in gevuld if k and k not in kolommen and k not in jaren and k not in mutaties]
        if buiten:
            blad.fout(r, buiten[0], _("een waarde in een kolom zonder kop"))
        regel = regel_van(blad, r, layout)
        pad = f"{waar}.{regel.naam}"
        if not regel.lijst and regel.naam in uit:
            blad.fout(r, 0, _("{regel} staat er twee keer; geef hem in één rij").format(regel=regel.naam))
        if regel.naam not in uit:
            blad.merk(pad, r, 0)
        nummer = f"[{len(uit.get(regel.naam, []))}]" if regel.lijst else ""
        inhoud = lijn(blad, r, regel, kolommen, (jaren, mutaties), pad + nummer)
        uit[regel.naam] = [*uit.get(regel.naam, []), inhoud] if regel.lijst else inhoud
    return uit
