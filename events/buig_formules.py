"""The BUIG verdeelmodel for middelgrote gemeenten: its formulas by letter, as seed 002 Tabel 4-2 writes them.

The rijk states every quantity rounded; it computes on with the unrounded ones. So
where a stated value is its formula's value up to rounding, later formulas use the
computed value, and where it is not, they use what the document states.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Literal

from events.getallen import AFRONDING, oordeel

W = Mapping[str, Decimal]


@dataclass(frozen=True)
class Formule:
    """One line of the verdeelmodel: the letter it computes, from which letters, and how."""

    naam: str
    tekst: str
    invoer: tuple[str, ...]
    reken: Callable[[W], Decimal]
    soort: Literal["bedrag", "fractie"] = "bedrag"


FORMULES = (
    Formule("Y", "Y = (X − 15000) / 25000", ("X",), lambda w: (w["X"] - 15000) / 25000, "fractie"),
    Formule("C", "C = A − B", ("A", "B"), lambda w: w["A"] - w["B"]),
    Formule("AH", "AH = C − AF − AG", ("C", "AF", "AG"), lambda w: w["C"] - w["AF"] - w["AG"]),
    Formule("AI", "AI = D · Y", ("D", "Y"), lambda w: w["D"] * w["Y"]),
    Formule("F", "F = AI / E · AH", ("AI", "E", "AH"), lambda w: w["AI"] / w["E"] * w["AH"]),
    Formule(
        "I",
        "I = G / H · (A − B) · Y",
        ("G", "H", "A", "B", "Y"),
        lambda w: w["G"] / w["H"] * (w["A"] - w["B"]) * w["Y"],
    ),
    Formule("L", "L = J / K", ("J", "K"), lambda w: w["J"] / w["K"]),
    Formule("N", "N = L · M", ("L", "M"), lambda w: w["L"] * w["M"]),
    Formule("P", "P = N / O", ("N", "O"), lambda w: w["N"] / w["O"], "fractie"),
)


@dataclass(frozen=True)
class Toets:
    """One formula checked: the stated value, the value computed from the inputs, and the difference.

    Attributes:
        invoer: the input values used (unrounded where a stated input was its own formula's value up to rounding).
        oordeel: klopt, afronding, verschil, niet vermeld (computed only) or niet te berekenen.
    """

    naam: str
    formule: str
    soort: str
    vermeld: Decimal | None
    berekend: Decimal | None
    verschil: Decimal | None
    oordeel: str
    invoer: dict[str, Decimal] = field(default_factory=dict)

    @property
    def waarden(self) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
        return (self.vermeld, self.berekend, self.verschil)


def tolerantie(formule: Formule, vermeld: Decimal) -> Decimal:
    """An amount may be a euro off; a fraction half a unit of the last decimal it is stated in."""
    if formule.soort == "bedrag":
        return AFRONDING
    exponent = vermeld.as_tuple().exponent
    return Decimal(5).scaleb(int(exponent) - 1) if isinstance(exponent, int) else Decimal(0)


def afgerond(formule: Formule, waarde: Decimal) -> Decimal:
    return waarde.quantize(Decimal("0.01") if formule.soort == "bedrag" else Decimal("1E-10"))


def toets(verdeling: W) -> list[Toets]:
    """Every formula whose inputs the verdeling states (or that earlier formulas give), in the model's order."""
    waarden = dict(verdeling)
    uit = []
    for formule in FORMULES:
        if not all(i in waarden for i in formule.invoer):
            continue
        uit.append(_een(formule, verdeling.get(formule.naam), {i: waarden[i] for i in formule.invoer}))
        berekend = uit[-1].berekend
        if berekend is not None and uit[-1].oordeel != "verschil":
            waarden[formule.naam] = formule.reken(uit[-1].invoer)
    return uit


def _een(formule: Formule, vermeld: Decimal | None, invoer: dict[str, Decimal]) -> Toets:
    try:
        berekend = afgerond(formule, formule.reken(invoer))
    except (ZeroDivisionError, InvalidOperation):
        return Toets(formule.naam, formule.tekst, formule.soort, vermeld, None, None, "niet te berekenen", invoer)
    if vermeld is None:
        return Toets(formule.naam, formule.tekst, formule.soort, None, berekend, None, "niet vermeld", invoer)
    verschil = vermeld - berekend
    return Toets(
        formule.naam,
        formule.tekst,
        formule.soort,
        vermeld,
        berekend,
        verschil,
        oordeel(verschil, tolerantie(formule, vermeld)),
        invoer,
    )
