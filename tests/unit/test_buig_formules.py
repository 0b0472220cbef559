"""The verdeelmodel's formulas checked against what a beschikking states."""

from __future__ import annotations

from decimal import Decimal

from events.buig_formules import toets
from events.opbouw import Deel, verschillen


def uitslag(**waarden: str) -> dict[str, tuple[str | None, str]]:
    return {
        t.naam: (None if t.berekend is None else str(t.berekend), t.oordeel)
        for t in toets({k: Decimal(v) for k, v in waarden.items()})
    }


def test_a_fraction_may_be_off_by_half_a_unit_of_its_last_stated_decimal() -> None:
    assert uitslag(N="1914913", O="1000000000", P="0.00191")["P"] == ("0.0019149130", "afronding")
    assert uitslag(N="1916000", O="1000000000", P="0.00191")["P"] == ("0.0019160000", "verschil")


def test_an_amount_may_be_off_by_one_euro() -> None:
    assert uitslag(A="100", B="0", C="99")["C"] == ("100.00", "afronding")
    assert uitslag(A="100", B="0", C="98.99")["C"] == ("100.00", "verschil")


def test_later_formulas_compute_on_with_the_unrounded_value_of_a_rounded_input() -> None:
    # L = J / K = 1114.63..., stated 1115; N from the stated L would be 3.879 off
    assert uitslag(J="11453945", K="10276", L="1115", M="10503", N="11706966")["N"] == ("11706966.17", "afronding")


def test_a_flagged_input_is_used_as_stated() -> None:
    # C is not A − B; AH = C − AF − AG then uses the stated C
    assert uitslag(A="100", B="0", C="60", AF="10", AG="10", AH="40")["AH"] == ("40.00", "klopt")


def test_a_formula_without_a_stated_value_is_computed_and_said_so() -> None:
    assert uitslag(X="34148") == {"Y": ("0.7659200000", "niet vermeld")}


def test_a_division_by_zero_is_said_not_raised() -> None:
    assert uitslag(J="100", K="0", L="1")["L"] == (None, "niet te berekenen")


def test_a_rounding_difference_is_no_warning_but_more_than_a_unit_is() -> None:
    delen = {"a": Deel(bedrag=Decimal(-13314)), "b": Deel(bedrag=Decimal(-165516))}
    assert verschillen(delen, {None: Decimal(-178831)}) == []
    assert verschillen(delen, {None: Decimal(-178832)}) == [
        "opbouw: de delen tellen op tot € -178.830,00, het bedrag is € -178.832,00 (verschil € -2,00)"
    ]
    assert verschillen(delen, {None: Decimal(-179830)}, afronding=Decimal(1000)) == []
