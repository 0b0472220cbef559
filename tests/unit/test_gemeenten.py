"""events.gemeenten: the CBS list of gemeenten, asked by code or name."""

from __future__ import annotations

from datetime import date

import pytest

from events.gemeenten import OnduidelijkeGemeente, dichtstbij, gemeentecode, gemeentelijst, in_bestandsnaam, met_naam


def test_the_list_holds_the_342_gemeenten_of_2025_and_the_former_ones_with_their_dates() -> None:
    lijst = gemeentelijst()
    assert sum(1 for g in lijst.values() if g.tot is None) == 342
    assert len(lijst) == 788
    steenwijk = lijst["GM0181"]
    assert (steenwijk.naam, steenwijk.van, steenwijk.tot) == ("Steenwijk", date(1970, 1, 1), date(2003, 1, 1))
    assert (lijst["GM1708"].naam, lijst["GM1708"].van, lijst["GM1708"].tot) == (
        "Steenwijkerland",
        date(2003, 1, 1),
        None,
    )


@pytest.mark.parametrize(
    ("tekst", "code"),
    [
        ("GM1708", "GM1708"),
        ("gm1708", "GM1708"),
        ("1708", "GM1708"),
        ("Steenwijkerland", "GM1708"),
        ("  steenwijkerland ", "GM1708"),
        ("Maassluis", "GM0556"),
        ("DALFSEN", "GM0148"),
        ("renkum", "GM0274"),
        ("Noordenveld", "GM1699"),
        ("berg en dal", "GM1945"),
        ("súdwest-fryslân", "GM1900"),
        ("Sudwest Fryslan", "GM1900"),
        ("'s-Gravenhage", "GM0518"),
        ("Hengelo", "GM0164"),  # the current one: Hengelo (Gld.) was merged into Bronckhorst in 2005
        ("Steenwijk", "GM0181"),  # a former gemeente keeps its code
        ("274", "GM0274"),
        ("GM9999", "GM9999"),  # a code outside the list is still a code
    ],
)
def test_a_gemeente_is_asked_by_its_code_or_its_name_case_and_accents_ignored(tekst: str, code: str) -> None:
    assert gemeentecode(tekst) == code


def test_a_text_that_names_no_gemeente_is_given_back_for_the_ledger_to_refuse() -> None:
    assert gemeentecode("Steenwijkerlnd") == "Steenwijkerlnd"


def test_a_name_of_two_current_gemeenten_is_refused_naming_both() -> None:
    with pytest.raises(OnduidelijkeGemeente) as fout:
        gemeentecode("Bergen")
    assert str(fout.value) == (
        "'Bergen' is de naam van meer dan één gemeente: Bergen (NH.) (GM0373), Bergen (L.) (GM0893); geef de code"
    )


def test_a_gemeente_shows_as_name_and_code_and_a_code_outside_the_list_as_itself() -> None:
    assert met_naam("GM1708") == "Steenwijkerland (GM1708)"
    assert met_naam("GM1900") == "Súdwest-Fryslân (GM1900)"
    assert met_naam("GM9999") == "GM9999"
    assert in_bestandsnaam("GM1900") == "GM1900-Sudwest-Fryslan"
    assert in_bestandsnaam("GM0518") == "GM0518-s-Gravenhage"
    assert in_bestandsnaam("GM9999") == "GM9999"


def test_the_closest_gemeenten_come_first() -> None:
    assert dichtstbij("Steenwijkerlnd", ["GM0556", "GM1708", "GM0148"]) == ["GM1708", "GM0148", "GM0556"]
    assert dichtstbij("GM1709", ["GM0556", "GM1708"], hoeveel=1) == ["GM1708"]
