"""A cell's value as a document's plain data: numbers through their text, never float arithmetic."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal

import pytest

from documents.werkboek_blad import Plaatsen
from documents.werkboek_cellen import kolom_letters, plaats, waarde
from documents.werkboek_layout import alle_layouts, bron_velden, layout
from events import REGISTRY
from events.errors import OngeldigeInvoer


@pytest.mark.parametrize(
    ("cel", "verwacht"),
    [
        (12701000.0, 12701000),
        (0.1, Decimal("0.1")),
        (0.1 + 0.2, Decimal("0.3")),
        (1234.56, Decimal("1234.56")),
        (-69000.0, -69000),
        (999999999999.99, Decimal("999999999999.99")),
        (1e20, Decimal("1E+20")),
    ],
)
def test_a_float_cell_becomes_the_number_its_text_says(cel: float, verwacht: object) -> None:
    uitkomst = waarde(cel, "bedrag")
    assert uitkomst == verwacht
    assert type(uitkomst) is type(verwacht)


def test_a_whole_number_stays_an_integer_and_a_text_number_stays_text() -> None:
    assert type(waarde(2021.0, "geheel")) is int
    assert waarde("1234", "bedrag") == "1234"
    assert waarde("", "bedrag") is None


def test_a_date_cell_is_a_date_and_midnight_is_no_time() -> None:
    assert waarde(date(2020, 9, 15), "datum") == date(2020, 9, 15)
    assert waarde(datetime(2020, 9, 15), "datum") == date(2020, 9, 15)
    assert waarde(datetime(2020, 9, 15, 10), "datum") == datetime(2020, 9, 15, 10)


@pytest.mark.parametrize(
    ("cel", "soort", "melding"),
    [
        ("twaalf", "bedrag", "'twaalf' is niet een bedrag"),
        (date(2020, 9, 15), "bedrag", "2020-09-15 is een datum waar een bedrag hoort"),
        (time(10, 30), "bedrag", "10:30:00 is een tijd waar een bedrag hoort"),
        (True, "bedrag", "ja is niet een bedrag"),
        (6.1, "tekst", "6.1 is een getal waar tekst hoort"),
        (float("nan"), "bedrag", "nan is niet een bedrag"),
        ("2\x00", "tekst", "bevat een stuurteken (U+0000)"),
        ("２０２２", "geheel", "heeft andere cijfers dan ASCII 0-9"),
    ],
)
def test_a_cell_that_cannot_be_what_its_place_asks_says_why(cel: object, soort: str, melding: str) -> None:
    with pytest.raises(ValueError, match=re.escape(melding)):
        waarde(cel, soort)


def test_places_are_said_as_a_spreadsheet_says_them() -> None:
    assert [kolom_letters(k) for k in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]
    assert plaats("1 circulaire", 6, 3) == "'1 circulaire'!D7"
    assert plaats("bron", 0, 1) == "bron!B1"
    assert plaats("it's", 0, 0) == "'it''s'!A1"


def test_a_validation_path_is_said_as_the_cell_it_came_from() -> None:
    plaatsen = Plaatsen({"events[0]": "'1 circulaire'", "events[0].taakmutaties[1]": "'1 circulaire'!A7"})
    plaatsen.cellen["events[0].taakmutaties[1].bedragen.2021"] = "'1 circulaire'!E7"
    fout = OngeldigeInvoer("s.xlsx", "events[0].taakmutaties[1].bedragen.2021", "too large", (
        ("s.xlsx", "events[0].taakmutaties[1].bedragen", "geeft geen bedragen"),
        ("s.xlsx", "events[0].soort", "ontbreekt"),
    ))  # fmt: skip
    assert plaatsen.vertaal(fout).fouten == (
        ("s.xlsx", "'1 circulaire'!E7", "too large"),
        ("s.xlsx", "'1 circulaire'!A7", "bedragen: geeft geen bedragen"),
        ("s.xlsx", "'1 circulaire'", "soort: ontbreekt"),
    )


def test_every_registered_type_has_a_layout_from_its_model() -> None:
    assert [v.type for v in alle_layouts()] == list(REGISTRY)
    circulaire = layout("circulaire")
    assert [v.naam for v in circulaire.velden] == ["soort", "jaar", "bekend_op", "toelichting", "verwerking"]
    assert [r.naam for r in circulaire.regels] == [
        "algemene_uitkering",
        "algemene_uitkering_mutatie",
        "taakmutaties",
        "integratie_uitkeringen",
        "decentralisatie_uitkeringen",
    ]
    assert [k.naam for k in circulaire.kolommen] == ["naam", "incidenteel", "budgetneutraal", "taakveld"]
    assert [k.naam for k in layout("begroting").kolommen] == [
        "post",
        "richting",
        "taakveld",
        "programma",
        "incidenteel",
        "pm",
    ]
    assert layout("buig_beschikking").regels == ()
    assert layout("buig_beschikking").veld("fase").keuzes == ("voorlopig", "nader_voorlopig", "definitief")
    assert not layout("resultaatbestemming").jaren
    assert [v.naam for v in bron_velden()] == ["gemeente", "id", "titel", "datum", "kenmerk", "sha256", "eenheid"]
