"""A year's BUIG budget as a report: the beschikkingen, the mutation and its opbouw, the verdeelmodel checked."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from events.buig_formules import Toets
from events.gemeenten import met_naam
from projections.buig import Beschikking, Buiganalyse, Knoop, Mutatie
from reports.buig_json import buig_json
from reports.gedeeld import oordeel_tekst, peil_tekst
from reports.model import Answer, Bedrag, Column, Eenheid, Report, Row, Teken, kolom, rij
from taal import N_, _, opmaak

FASE_KOLOMMEN = (kolom("fase"), kolom("bedrag", money=True), kolom("bekend_op"), kolom("bron"), kolom("event"))
OPBOUW_KOLOMMEN = (
    kolom("onderdeel"),
    kolom("bedrag", money=True, signed=True),
    kolom("som", "som der delen", money=True, signed=True),
    kolom("verschil", money=True, signed=True),
    kolom("oordeel"),
)
VERDELING_KOLOMMEN = (
    kolom("naam"),
    kolom("formule"),
    Column("vermeld", "vermeld", align="right"),
    Column("berekend", "berekend", align="right"),
    Column("verschil", "verschil", align="right"),
    kolom("oordeel"),
)
CSV_KOLOMMEN = tuple(
    kolom(k) for k in ("onderdeel", "naam", "vermeld", "berekend", "verschil", "oordeel", "toelichting")
)


BIJVOEGLIJK = {
    "voorlopig": N_("voorlopige"),
    "nader_voorlopig": N_("nader voorlopige"),
    "definitief": N_("definitieve"),
}


def buig(a: Buiganalyse) -> Answer:
    reports = [fasen(a)]
    if a.mutatie is not None and a.beschikking is not None:
        reports.append(opbouw(a.beschikking, a.mutatie))
    if a.verdeling:
        reports.append(verdeling(a))
    return Answer("buig", tuple(reports), buig_json(a), csv(a))


def fasen(a: Buiganalyse) -> Report:
    rijen = tuple(
        rij(FASE_KOLOMMEN, [b.fase.replace("_", " "), b.bedrag, b.bekend_op, b.bron, b.event_id]) for b in a.fasen
    )
    kop = _("BUIG {jaar} {gemeente}: beschikkingen, {peil}")
    titel = (kop.format(jaar=a.jaar, gemeente=met_naam(a.zicht.gemeente), peil=peil_tekst(a.zicht)),)
    if not a.fasen:  # said in words, not an empty table
        geen = _("{titel}: geen BUIG-beschikking voor {jaar}").format(titel=titel[0], jaar=a.jaar)
        return Report("Beschikkingen", (geen,), ())
    return Report("Beschikkingen", titel, FASE_KOLOMMEN, rijen, ((Eenheid(), *_gekozen(a)),))


def _gekozen(a: Buiganalyse) -> tuple[str, ...]:
    if a.beschikking is None:
        return ()
    uitleg = _("; hieronder de {fase} beschikking ({event})").format(
        fase=_(BIJVOEGLIJK[a.beschikking.fase]), event=a.beschikking.event_id
    )
    if a.mutatie is None:
        uitleg += _("; geen definitief {jaar} bekend om de mutatie tegen af te zetten (geef `vorige`)").format(
            jaar=a.jaar - 1
        )
    return (uitleg,)


def opbouw(b: Beschikking, m: Mutatie) -> Report:
    totaal = Row(_opbouwcellen("mutatie", m.bedrag, m.som, m.verschil, m.oordeel or ""), kind="total")
    rijen = (totaal, *_knooprijen(m.opbouw, 1))
    titel = (
        _("Mutatie {fase} {jaar} ten opzichte van {van} (").format(
            fase=b.fase.replace("_", " "), jaar=b.jaar, van=_van_tekst(m)
        ),
        Bedrag(m.van.bedrag),
        ")"
        + ("" if m.van.bron else _(", zoals vermeld"))
        + (_(", met de opbouw uit de beschikking") if m.opbouw else ""),
    )
    voet = ((Teken.voordeel, " (", Eenheid(), _("); verschil = bedrag − som der delen; ten hoogste € 1 is afronding")),)
    return Report("Opbouw", titel, OPBOUW_KOLOMMEN, rijen, voet)


def _van_tekst(m: Mutatie) -> str:
    return f"{m.van.fase.replace('_', ' ')} {m.van.jaar}"


def _knooprijen(knopen: tuple[Knoop, ...], diepte: int) -> list[Row]:
    rijen = []
    for k in knopen:
        cellen = _opbouwcellen(k.naam, k.bedrag, k.som, k.verschil, k.oordeel if k.som is not None else "")
        rijen += [Row(cellen, indent=2 * diepte), *_knooprijen(k.opbouw, diepte + 1)]
    return rijen


def _opbouwcellen(
    naam: str, bedrag: Decimal, som: Decimal | None, verschil: Decimal | None, oordeel: str
) -> dict[str, Any]:
    return dict(
        zip((c.key for c in OPBOUW_KOLOMMEN), [naam, bedrag, som, verschil, oordeel_tekst(oordeel)], strict=True)
    )


def verdeling(a: Buiganalyse) -> Report:
    rijen = tuple(
        rij(VERDELING_KOLOMMEN, [t.naam, t.formule, *_getallen(t), oordeel_tekst(t.oordeel)]) for t in a.verdeling
    )
    titel = (_("Verdeelmodel middelgrote gemeenten: vermeld tegen berekend uit de vermelde invoer"),)
    voet = (
        (
            _(
                "bedragen in euro's, fracties als fractie; afronding: ten hoogste € 1, of bij een fractie een halve "
                "eenheid van de laatste vermelde decimaal; later berekend met de onafgeronde waarde"
            ),
        ),
    )
    return Report("Verdeling", titel, VERDELING_KOLOMMEN, rijen, voet)


def _getallen(t: Toets) -> list[str]:
    return [getal_tekst(w, t.soort) for w in (t.vermeld, t.berekend, t.verschil)]


def getal_tekst(waarde: Decimal | None, soort: str) -> str:
    """6013651826 -> '6.013.651.826'; 0.76592 -> '0,76592', as the documents write them."""
    if waarde is None:
        return ""
    if soort == "fractie":
        return opmaak.getal(waarde, None)
    return opmaak.getal(waarde, 0 if waarde == waarde.to_integral_value() else 2)


def csv(a: Buiganalyse) -> Report:
    rijen = [
        rij(CSV_KOLOMMEN, ["fase", b.fase, b.bedrag, None, None, None, f"{b.bron} {b.bekend_op}"]) for b in a.fasen
    ]
    if a.mutatie is not None:
        m = a.mutatie
        cijfers = [_getekend(w) for w in (m.bedrag, m.som, m.verschil)]
        rijen.append(rij(CSV_KOLOMMEN, ["mutatie", _van_tekst(m), *cijfers, m.oordeel, None]))
        rijen += [rij(CSV_KOLOMMEN, ["opbouw", pad, *waarden, None]) for pad, waarden in _paden(m.opbouw, "")]
    rijen += [
        rij(CSV_KOLOMMEN, ["verdeling", t.naam, *(_csv_getal(w, t.soort) for w in t.waarden), t.oordeel, t.formule])
        for t in a.verdeling
    ]
    return Report("BUIG", ("BUIG",), CSV_KOLOMMEN, tuple(rijen))


def _paden(knopen: tuple[Knoop, ...], boven: str) -> list[tuple[str, list[Any]]]:
    uit = []
    for k in knopen:
        pad = f"{boven}{k.naam}"
        cijfers = [_getekend(w) for w in (k.bedrag, k.som, k.verschil)]
        uit.append((pad, [*cijfers, k.oordeel if k.som is not None else None]))
        uit += _paden(k.opbouw, f"{pad}.")
    return uit


def _csv_getal(waarde: Decimal | None, soort: str) -> Decimal | str | None:
    """An amount as money; a fraction as its exact decimal text (money would round it to two decimals)."""
    return format(waarde.normalize(), "f") if soort == "fractie" and waarde is not None else waarde


def _getekend(waarde: Decimal | None) -> Bedrag | None:
    """A change of the budget: + = voordeel (more BUIG budget), so `--teken nadeel` flips it."""
    return None if waarde is None else Bedrag(waarde, teken=True)
