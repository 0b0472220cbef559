"""A listing's line per event, read from the stored JSON without the models."""

from __future__ import annotations

from events.lijsten import samenvatting

INVESTERING = {"type": "investering", "in_gebruik": "2023-07-01", "bedrag": "1200000.00"}


def test_an_investering_written_off_in_forty_years_lists_the_forty_years_after_its_year_of_use() -> None:
    feit = INVESTERING | {"geactiveerd": True, "methode": "lineair", "termijn": 40}
    assert samenvatting(feit) == "investering 2024-2063"


def test_an_investering_not_written_off_or_not_activated_lists_its_year_of_use() -> None:
    assert samenvatting(INVESTERING | {"geactiveerd": True, "methode": "niet_afschrijven"}) == "investering 2023"
    assert samenvatting(INVESTERING | {"geactiveerd": False, "termijn": 40}) == "investering 2023"


def test_a_bcf_change_without_an_amount_says_its_mutatie_and_the_post_it_is_part_of() -> None:
    feit = {"type": "bcf_voorschot", "jaar": 2021, "bedrag": None, "mutatie": "-12500.00", "onderdeel_van": "au"}
    assert samenvatting(feit) == "BCF voorschot 2021: mutatie € -12.500,00 (in au)"


def test_a_circulaire_names_its_years_from_the_stored_keys_and_counts_its_taakmutaties() -> None:
    feit = {
        "type": "circulaire",
        "soort": "september",
        "jaar": 2020,
        "algemene_uitkering": {"2021": "1.00", "2020": "2.00", "2024": "3.00"},
        "taakmutaties": [{}, {}],
    }
    assert samenvatting(feit) == "septembercirculaire 2020: algemene uitkering 2020-2024, 2 taakmutaties"


def test_a_type_without_a_line_of_its_own_shows_its_type() -> None:
    assert samenvatting({"type": "verordening", "naam": "Financiële verordening"}) == "verordening -"
