"""The algemene uitkering computed from its verdeelmaatstaven as a report, and its change between two dates.

`subtotaal` of a part is the sum of its rows (part B before the uitkeringsfactor); the AU is
A + uitkeringsfactor × B + the amounts outside the factor. Amounts are exact until shown, to the cent.
"""

from __future__ import annotations

from typing import Any

from events.au_regel import Berekening, Regel
from events.exact import euro_exact
from events.gemeenten import met_naam
from projections.au import Auberekening, Bewaard
from reports.gedeeld import oordeel_tekst, peil_tekst
from reports.model import Aantal, Answer, Bedrag, Column, Eenheid, Report, Row, kolom
from taal import N_, _

GEWICHT = {"A": ("tarief", N_("tarief (%)")), "B": ("bedrag_per_eenheid", N_("bedrag per eenheid"))}
ONDERDEEL = {
    "A": N_("Onderdeel A: inkomstenmaatstaven"),
    "B": N_("Onderdeel B: uitgavenmaatstaven (met uitkeringsfactor)"),
}
KOPPEN = (N_("code"), N_("aantal"), N_("aantallen"), N_("bedragen per eenheid"))  # headings, for the catalogue


def _kolommen(onderdeel: str, vermeld: bool) -> tuple[Column, ...]:
    sleutel, label = GEWICHT[onderdeel]
    basis = (
        kolom("code"),
        kolom("naam"),
        Column("aantal", "aantal", align="right"),
        Column(sleutel, label, align="right"),
        kolom("bedrag", money=True),
    )
    return (*basis, kolom("vermeld", money=True), kolom("oordeel")) if vermeld else basis


def _rij(r: Regel, kolommen: tuple[Column, ...], bronnen: tuple[str, str]) -> Row:
    """A row; `aantal_event` and `<gewicht>_event` name the events that set them (the web links the cells there)."""
    cellen: dict[str, Any] = {"code": r.code, "naam": r.naam, "aantal": Aantal(r.aantal)}
    cellen["bedrag"] = euro_exact(r.bedrag)
    cellen[kolommen[3].key] = Aantal(r.gewicht) if r.gewicht is not None else _("geen")
    cellen |= {"aantal_event": bronnen[0], f"{kolommen[3].key}_event": bronnen[1]}
    if len(kolommen) > 5:
        cellen |= {"vermeld": r.vermeld, "oordeel": oordeel_tekst(r.oordeel)}
    return Row(cellen)


def onderdeel(b: Berekening, letter: str, bronnen: tuple[str, str] = ("", "")) -> Report:
    """Part A or B: its rows, its subtotal and (B) the factor; `bronnen`: the maatstaven and verdeelmodel events."""
    regels = b.a if letter == "A" else b.b
    kolommen = _kolommen(letter, any(r.vermeld is not None for r in regels))
    som = b.subtotaal_a if letter == "A" else b.som_b
    rijen = [_rij(r, kolommen, bronnen) for r in regels]
    rijen.append(Row({"naam": _("subtotaal {letter}").format(letter=letter), "bedrag": euro_exact(som)}, "total"))
    if letter == "B" and b.basis_b != b.som_b:
        rijen.append(Row({"naam": _("waarvan met uitkeringsfactor"), "bedrag": euro_exact(b.basis_b)}))
    if letter == "B" and b.subtotaal_b is not None:
        rijen.append(
            Row(
                {
                    "naam": _("× uitkeringsfactor {factor}").format(factor=b.uitkeringsfactor),
                    "bedrag": euro_exact(b.subtotaal_b),
                },
                "total",
            )
        )
    vermeld = _("vermeld: het bedrag zoals de tabel het drukt, ten hoogste € 1 verschil is afronding")
    voet = ((Eenheid(), f"; {vermeld}") if len(kolommen) > 5 else (Eenheid(),),)
    return Report(f"Onderdeel {letter}", (_(ONDERDEEL[letter]),), kolommen, tuple(rijen), voet)


def _herkomst(soort: str, b: Bewaard | None) -> str:
    if b is None:
        return _("{soort}: geen").format(soort=_(soort))
    return _("{soort}: {bron} ({event}, bekend op {datum})").format(
        soort=_(soort), bron=b.bron, event=b.event_id, datum=b.bekend_op
    )


def totaal(a: Auberekening) -> Report:
    b = a.berekening
    kolommen = (kolom("", ""), kolom("bedrag", money=True))
    rijen: list[Row] = []
    if b is not None:
        rijen += [Row({"": _("onderdeel A"), "bedrag": euro_exact(b.subtotaal_a)})]
        if b.subtotaal_b is None:
            rijen += [Row({"": _("onderdeel B × uitkeringsfactor: het verdeelmodel geeft geen uitkeringsfactor")})]
        else:
            rijen += [
                Row(
                    {
                        "": _("onderdeel B × {factor}").format(factor=b.uitkeringsfactor),
                        "bedrag": euro_exact(b.subtotaal_b),
                    }
                )
            ]
        rijen += [Row({"": _("buiten de factor: {naam}").format(naam=n), "bedrag": bedrag}) for n, bedrag in b.buiten]
        rijen += [Row({"": _("algemene uitkering berekend"), "bedrag": a.au}, "total")]
    rijen += [Row({"": _("algemene uitkering in het grootboek"), "bedrag": a.au_ledger})]
    if a.verschil is not None:
        rijen += [Row({"": _("verschil (berekend − grootboek)"), "bedrag": Bedrag(a.verschil, teken=True)}, "total")]
    titel = _("Algemene uitkering {jaar} {gemeente} uit de verdeelmaatstaven, {peil}").format(
        jaar=a.jaar, gemeente=met_naam(a.zicht.gemeente), peil=peil_tekst(a.zicht)
    )
    bronnen = [(N_("verdeelmodel"), a.verdeelmodel), (N_("maatstaven"), a.maatstaven)]
    if a.factor is not None and a.factor != a.verdeelmodel:
        bronnen.insert(1, (N_("uitkeringsfactor"), a.factor))
    herkomst = "; ".join(_herkomst(s, e) for s, e in bronnen)
    return Report("Algemene uitkering", (titel,), kolommen, tuple(rijen), ((Eenheid(), f"; {herkomst}"),))


def au_json(a: Auberekening) -> dict[str, Any]:
    b = a.berekening
    onderdelen = [] if b is None else [_onderdeel_json(b, letter) for letter in ("A", "B")]
    return {
        "gemeente": a.zicht.gemeente,
        "jaar": a.jaar,
        "uitkeringsfactor": None if b is None else b.uitkeringsfactor,
        "onderdelen": onderdelen,
        "buiten_factor": [] if b is None else [{"naam": n, "bedrag": bedrag} for n, bedrag in b.buiten],
        "au": a.au,
        "au_ledger": a.au_ledger,
        "verschil": a.verschil,
    }


def _onderdeel_json(b: Berekening, letter: str) -> dict[str, Any]:
    sleutel = GEWICHT[letter][0]
    regels = [
        {"code": r.code, "naam": r.naam, "aantal": r.aantal, sleutel: r.gewicht, "bedrag": euro_exact(r.bedrag)}
        for r in (b.a if letter == "A" else b.b)
    ]
    return {"naam": letter, "regels": regels, "subtotaal": euro_exact(b.subtotaal_a if letter == "A" else b.som_b)}


def au(a: Auberekening) -> Answer:
    if a.berekening is None:
        bronnen = ((N_("verdeelmodel (bedragen per eenheid)"), a.verdeelmodel), (N_("maatstaven"), a.maatstaven))
        ontbreekt = _(" en ").join(_(s) for s, e in bronnen if e is None)
        titel = _("Algemene uitkering {jaar} {gemeente}: geen {ontbreekt} voor {jaar} bekend").format(
            jaar=a.jaar, gemeente=met_naam(a.zicht.gemeente), ontbreekt=ontbreekt
        )
        return Answer(
            "au", (Report("Algemene uitkering", (f"{titel}, {peil_tekst(a.zicht)}",), ()), totaal(a)), au_json(a)
        )
    bronnen = (a.maatstaven.event_id if a.maatstaven else "", a.verdeelmodel.event_id if a.verdeelmodel else "")
    reports = [onderdeel(a.berekening, "A", bronnen), onderdeel(a.berekening, "B", bronnen), totaal(a)]
    return Answer("au", tuple(reports), au_json(a))
