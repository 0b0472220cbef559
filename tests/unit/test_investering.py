"""Afschrijving by seed 001's afschrijvingsbeleid, and periods of realisaties."""

from __future__ import annotations

from decimal import Decimal

import pytest

from documents.documenten import document_uit
from events.errors import OngeldigeInvoer
from events.investering import InvesteringGeactiveerd
from events.realisatie import ontleed_periode


def investering(**velden: object) -> InvesteringGeactiveerd:
    gegevens = {"type": "investering", "activum": "a", "nut": "economisch", "in_gebruik": "2023-09-01"} | velden
    return document_uit(
        {"gemeente": "GM1680", "bron": {"id": "b", "datum": "2023-05-01"}, "events": [gegevens]}
    ).feiten[0]


def test_nieuwbouw_schoolgebouwen_is_40_years_lineair_from_the_next_year() -> None:
    i = investering(categorie="nieuwbouw_schoolgebouwen", bedrag=1200000)
    assert (i.termijn, i.methode, i.geactiveerd) == (40, "lineair", True)
    lasten = i.kapitaallasten()
    assert (min(lasten), max(lasten), set(lasten.values())) == (2024, 2063, {Decimal("30000.00")})


def test_the_cents_that_do_not_divide_go_to_the_last_year() -> None:
    lasten = investering(categorie="automatiseringsapparatuur", bedrag=100000).kapitaallasten()
    assert list(lasten.values()) == [Decimal("20000.00")] * 5
    lasten = investering(categorie="telefooninstallaties", bedrag=Decimal("100000.02")).kapitaallasten()
    assert list(lasten.values()) == [Decimal("20000.00")] * 4 + [Decimal("20000.02")]


def test_economisch_nut_under_25000_is_not_activated_but_charged_to_the_year() -> None:
    i = investering(categorie="automatiseringsapparatuur", bedrag=24999)
    assert (i.geactiveerd, i.kapitaallasten()) == (False, {2023: Decimal("24999.00")})
    assert investering(categorie="automatiseringsapparatuur", bedrag=25000).geactiveerd is True


def test_gronden_are_not_depreciated_and_maatschappelijk_nut_is_always_activated() -> None:
    assert investering(categorie="gronden_en_terreinen", bedrag=500000).kapitaallasten() == {}
    assert investering(categorie="fietspaden", nut="maatschappelijk", bedrag=10000).geactiveerd is True


def test_a_category_without_a_fixed_term_needs_one() -> None:
    with pytest.raises(OngeldigeInvoer, match="heeft geen vaste termijn"):
        investering(categorie="duurzame_bedrijfsgoederen", bedrag=80000)
    assert investering(categorie="duurzame_bedrijfsgoederen", bedrag=80000, termijn=8).termijn == 8


@pytest.mark.parametrize(
    "tekst, verwacht",
    [
        ("2007-P03", (2007, "P", 3)),
        ("2007-03", (2007, "M", 3)),
        ("2007-Q1", (2007, "Q", 1)),
        ("2007-P13", (2007, "P", 13)),
    ],
)
def test_periods_are_four_weekly_monthly_or_quarterly(tekst: str, verwacht: tuple[int, str, int]) -> None:
    assert ontleed_periode(tekst) == verwacht


@pytest.mark.parametrize("tekst", ["2007-P14", "2007-13", "2007-Q5", "2007-P00", "2007-W05", "07-03"])
def test_impossible_periods_are_refused(tekst: str) -> None:
    with pytest.raises(ValueError, match="periode"):
        ontleed_periode(tekst)


def test_an_activation_decided_by_the_ledger_is_in_the_json_and_lines_even_when_they_were_read_before() -> None:
    i = investering(categorie="automatiseringsapparatuur", bedrag=100000)
    assert i.als_json()["geactiveerd"] is True and i.lijnen()  # cached before the ledger decides
    niet = i.model_copy(update={"geactiveerd": False})
    assert niet.als_json()["geactiveerd"] is False
    assert niet.lijnen() == type(niet).postbedragen(niet.model_dump(mode="json")) != i.lijnen()
