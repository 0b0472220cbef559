"""The AU's rule, exact: rows, subtotals, the factor, and the change explained in parts that add up."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events.au_regel import bereken
from events.au_verklaring import OORZAKEN, verklaar
from events.exact import centen, exact, valideer_exact, verdeel

MODEL = {
    "uitkeringsfactor": "1.468",
    "bedragen_per_eenheid": {"2": "160.44", "3a": "822.76", "8a": "2148.18", "1e": "380.05"},
    "tarieven": {"1a": "-0.0894", "1c": "-0.159"},
}
MAATSTAVEN = {
    "aantallen": {"2": "67900", "3a": "3540", "8a": "5924/3", "1e": "697.99", "1a": "61976000"},
    "buiten_factor": {"suppletie": "12500.00"},
    "bedragen": {"2": "10893876.00", "8a": "4241939.44"},
}


def test_a_fraction_three_year_average_reproduces_the_printed_amount_where_its_rounded_decimal_does_not() -> None:
    printed = Decimal("4241939.44")
    assert Decimal(centen(exact("5924/3") * exact("2148.18"))) / 100 == printed
    assert Decimal(centen(exact("1974.67") * exact("2148.18"))) / 100 == Decimal("4241946.60")


def test_the_au_is_part_a_plus_the_factor_times_part_b_plus_the_amounts_outside_it() -> None:
    b = bereken(2021, MODEL, MAATSTAVEN)
    assert [r.code for r in b.a] == ["1a"]
    assert [r.code for r in b.b] == ["1e", "2", "3a", "8a"]
    assert b.subtotaal_a == Fraction(-554065440, 100)
    rijen = [("697.99", "380.05"), ("67900", "160.44"), ("3540", "822.76"), ("5924/3", "2148.18")]
    assert b.basis_b == sum(exact(a) * exact(w) for a, w in rijen)
    assert centen(b.basis_b) == 1831365694
    assert centen(b.subtotaal_b) == 2688444839
    assert centen(b.au) == 2135629399  # -5.540.654,40 + 26.884.448,39 + 12.500,00, each exact until the end


def test_a_stated_row_amount_within_one_euro_is_rounding_and_more_a_difference() -> None:
    maatstaven = MAATSTAVEN | {"bedragen": {"2": "10893876.99", "3a": "2912572.40"}}
    rijen = {r.code: r for r in bereken(2021, MODEL, maatstaven).b}
    assert (rijen["2"].verschil, rijen["2"].oordeel) == (Decimal("0.99"), "afronding")
    assert (rijen["3a"].verschil, rijen["3a"].oordeel) == (Decimal("2.00"), "verschil")
    assert rijen["8a"].oordeel is None


def test_herindeling_is_part_b_without_the_factor() -> None:
    model = MODEL | {"bedragen_per_eenheid": {"2": "160.44", "45": "1"}}
    b = bereken(2021, model, {"aantallen": {"2": "100", "45": "250000"}})
    assert [(r.code, r.factor) for r in b.b] == [("2", True), ("45", False)]
    assert (b.som_b, b.basis_b, b.subtotaal_b) == (
        250000 + exact("16044"),
        exact("16044"),
        250000 + exact("16044") * exact("1.468"),
    )


def test_a_code_without_a_weight_in_the_verdeelmodel_counts_zero_and_shows_it_has_none() -> None:
    b = bereken(2021, MODEL, {"aantallen": {"99z": "10"}})
    assert (b.b[0].code, b.b[0].gewicht, b.b[0].bedrag) == ("99z", None, 0)


@pytest.mark.parametrize("tekst", ["5924/3", "-1/3", "697.99", "61976000", "1.5/2"])
def test_an_aantal_is_kept_as_given(tekst: str) -> None:
    assert valideer_exact(tekst) == tekst


@pytest.mark.parametrize(
    ("waarde", "melding"),
    [
        ("1/0", "1/0: een breuk met noemer 0"),
        ("veel", "verwacht een getal of een breuk als \"5924/3\", kreeg 'veel'"),
        (True, 'verwacht een getal of een breuk als "5924/3", kreeg ja'),
    ],
)
def test_an_aantal_that_is_no_number_is_refused_saying_why(waarde: object, melding: str) -> None:
    with pytest.raises(ValueError, match="^" + melding.replace("(", r"\(").replace(")", r"\)") + "$"):
        valideer_exact(waarde)


def test_parts_in_cents_add_up_to_the_total_given() -> None:
    assert verdeel([Fraction(1, 3)] * 3, 100) == [34, 33, 33]
    assert sum(verdeel([Fraction(-1, 3), Fraction(-2, 3), Fraction(1, 7)], -86)) == -86


def test_the_change_between_two_computations_in_its_causes() -> None:
    later = {
        "uitkeringsfactor": "1.472",
        "bedragen_per_eenheid": {"2": "161.02", "3a": "822.76", "8a": "2150.00", "1e": "380.05"},
        "tarieven": {"1a": "-0.0901"},
    }
    maatstaven = {
        "aantallen": {"2": "68100", "3a": "3560", "8a": "5930/3", "1e": "697.99", "1a": "62500000"},
        "buiten_factor": {"suppletie": "10000.00"},
    }
    v = verklaar(bereken(2021, MODEL, MAATSTAVEN), bereken(2021, later, maatstaven))
    oorzaken, per_maatstaf = v.centen()
    assert v.mutatie == 12137548
    assert oorzaken == {
        "uitkeringsfactor": 7325463,
        "aantallen": 3093423,
        "bedragen_per_eenheid": 1968662,
        "buiten_factor": -250000,
    }
    assert per_maatstaf[0] == ("1a", -4684560, -4375000)
    assert sum(a for _, a, _ in per_maatstaf) == oorzaken["aantallen"]


CODES_A, CODES_B = ["1a", "1c"], ["2", "3a", "8a", "40b", "45"]
ZONDER_FACTOR = {"45"}  # herindeling: the Besluit divides it by the factor, so it is euros (bijlage 2, nr. 45)
getal = st.fractions(min_value=-1000, max_value=100000, max_denominator=7).map(
    lambda f: f"{f.numerator}/{f.denominator}"
)
gewicht = st.decimals(min_value=-500, max_value=5000, places=2).map(str)
factor = st.decimals(min_value=Decimal("0.5"), max_value=Decimal("2"), places=4).map(str)


@st.composite
def paar(draw: st.DrawFn) -> tuple[dict, dict]:
    model = {
        "uitkeringsfactor": draw(factor),
        "bedragen_per_eenheid": draw(st.dictionaries(st.sampled_from(CODES_B), gewicht)),
        "tarieven": draw(st.dictionaries(st.sampled_from(CODES_A), gewicht)),
    }
    maatstaven = {
        "aantallen": draw(st.dictionaries(st.sampled_from(CODES_A + CODES_B), getal)),
        "buiten_factor": draw(st.dictionaries(st.sampled_from(["suppletie", "herindeling"]), gewicht)),
    }
    return model, maatstaven


def referentie(model: dict, maatstaven: dict) -> Fraction:
    """The rule as the SPEC writes it, computed apart from the product's code."""
    f = Fraction(Decimal(model["uitkeringsfactor"]))
    a, b = Fraction(0), Fraction(0)
    for code, aantal in maatstaven["aantallen"].items():
        teller, noemer = aantal.split("/")
        n = Fraction(int(teller), int(noemer))
        if code in model["tarieven"]:
            a += n * Fraction(Decimal(model["tarieven"][code]))
        elif code in model["bedragen_per_eenheid"] and code in ZONDER_FACTOR:
            a += n * Fraction(Decimal(model["bedragen_per_eenheid"][code]))
        elif code in model["bedragen_per_eenheid"]:
            b += n * Fraction(Decimal(model["bedragen_per_eenheid"][code]))
    return a + f * b + sum((Fraction(Decimal(x)) for x in maatstaven["buiten_factor"].values()), Fraction(0))


def _cent(x: Fraction) -> int:
    return int(abs(x) * 100 + Fraction(1, 2)) * (1 if x >= 0 else -1)


@settings(max_examples=300, deadline=None)
@given(paar(), paar())
def test_the_parts_of_any_change_add_up_to_the_change_to_the_cent(een: tuple, twee: tuple) -> None:
    van, tot = bereken(2021, *een), bereken(2021, *twee)
    assert van.au == referentie(*een) and tot.au == referentie(*twee)
    v = verklaar(van, tot)
    assert sum(v.oorzaken.values()) == tot.au - van.au  # exact
    oorzaken, per_maatstaf = v.centen()
    assert sum(oorzaken.values()) == _cent(referentie(*twee)) - _cent(referentie(*een))
    assert sum(a for _, a, _ in per_maatstaf) == oorzaken["aantallen"]
    assert sum(w for _, _, w in per_maatstaf) == oorzaken["bedragen_per_eenheid"]
    for o in OORZAKEN:  # no part is moved by more than the cents it took to make them add up
        assert abs(oorzaken[o] - v.oorzaken[o] * 100) < len(OORZAKEN) + 1
