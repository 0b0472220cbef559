"""Reading documents: eenheid, defaults, and refusals that name the place and the problem."""

from __future__ import annotations

from decimal import Decimal

import pytest

from documents.documenten import document_uit, lees_document
from events import BuigBeschikkingOntvangen, CirculaireGepubliceerd
from events.errors import OngeldigeInvoer


def doc(*events: dict, eenheid: int = 1000) -> dict:
    return {
        "gemeente": "GM1708",
        "bron": {"id": "b", "datum": "2020-09-15"},
        "eenheid": eenheid,
        "events": list(events),
    }


def test_eenheid_turns_thousands_into_euros_with_two_decimals() -> None:
    d = document_uit(doc({"type": "buig_beschikking", "fase": "definitief", "jaar": 2020, "bedrag": Decimal("327.2")}))
    assert d.feiten[0].bedrag == Decimal("327200.00")
    assert str(d.feiten[0].bedrag) == "327200.00"


def test_events_take_the_bron_datum_as_bekend_op_unless_they_state_their_own() -> None:
    d = document_uit(
        doc(
            {"type": "buig_beschikking", "fase": "definitief", "jaar": 2020, "bedrag": 1},
            {"type": "buig_beschikking", "fase": "voorlopig", "jaar": 2021, "bedrag": 1, "bekend_op": "2020-10-01"},
        )
    )
    assert [str(f.bekend_op) for f in d.feiten] == ["2020-09-15", "2020-10-01"]


def test_the_septembercirculaire_file_reads_to_twelve_events_in_euros(voorbeeld: list[str]) -> None:
    d = lees_document(voorbeeld[2])
    assert len(d.feiten) == 12
    circulaire = d.feiten[0]
    assert isinstance(circulaire, CirculaireGepubliceerd)
    assert circulaire.algemene_uitkering[2021] == Decimal("77891000.00")
    assert [t.naam for t in circulaire.taakmutaties][:2] == ["waterschapsverkiezingen", "uitvoeringskosten_svb_pgb"]


def test_the_same_content_gives_the_same_hash_whatever_the_eenheid() -> None:
    in_duizenden = document_uit(doc({"type": "buig_beschikking", "fase": "definitief", "jaar": 2020, "bedrag": 12701}))
    in_euros = document_uit(
        doc({"type": "buig_beschikking", "fase": "definitief", "jaar": 2020, "bedrag": 12701000}, eenheid=1)
    )
    assert in_duizenden.hash == in_euros.hash


def test_a_begroting_may_state_only_its_saldo_as_a_kadernota_stand_does() -> None:
    stand = {"type": "begroting", "naam": "FMP na Kadernota 2019", "saldo": {2019: -466, 2020: -6}}
    begroting = document_uit(doc(stand)).feiten[0]
    assert (begroting.posten, begroting.saldo) == ([], {2019: Decimal("-466000.00"), 2020: Decimal("-6000.00")})


def test_a_begroting_without_posten_and_without_saldo_is_refused() -> None:
    with pytest.raises(OngeldigeInvoer) as fout:
        document_uit(doc({"type": "begroting", "naam": "Kadernota", "incidenteel_saldo": {2019: -1}}), "k.yaml")
    assert str(fout.value) == "k.yaml: events[0]: geeft geen bedragen: geen posten en geen saldo"


def test_all_problems_of_a_document_are_named() -> None:
    with pytest.raises(OngeldigeInvoer) as fout:
        document_uit(doc({"type": "buig_beschikking", "fase": "x", "jaar": 1800, "bedrag": "veel"}), "brief.yaml")
    plaatsen = [p for _, p, _ in fout.value.fouten]
    assert plaatsen == ["events[0].fase", "events[0].jaar", "events[0].bedrag"]
    assert str(fout.value).splitlines()[1] == "brief.yaml: events[0].jaar: jaar 1800 ligt buiten 1990-2100"


def test_a_taakveld_outside_its_years_is_a_warning_not_a_refusal() -> None:
    d = document_uit(
        doc(
            {
                "type": "begroting",
                "naam": "B",
                "posten": [
                    {"post": "wmo.begeleiding", "richting": "lasten", "taakveld": "6.71", "bedragen": {2024: 5}}
                ],
            }
        )
    )
    assert d.meldingen == (
        "<document>: events[0]: taakveld 6.71 is not valid in 2024 (valid 2017-2022); recorded anyway",
    )
    assert d.waarschuwingen_van(0) == (
        "events[0]: taakveld 6.71 is not valid in 2024 (valid 2017-2022); recorded anyway",
    )


def test_a_taakveld_is_not_checked_against_years_before_iv3() -> None:
    d = document_uit(
        doc(
            {
                "type": "begroting",
                "naam": "B",
                "posten": [{"post": "wmo.begeleiding", "richting": "lasten", "taakveld": "6.6", "bedragen": {2007: 5}}],
            }
        )
    )
    assert d.waarschuwingen == ()


def test_a_buig_beschikking_is_its_own_event_type() -> None:
    d = document_uit(
        doc({"type": "buig_beschikking", "fase": "nader_voorlopig", "jaar": 2020, "bedrag": 11805, "verwerking": "pm"})
    )
    assert isinstance(d.feiten[0], BuigBeschikkingOntvangen)
    assert d.feiten[0].verwerking == "pm"


def test_yaml_numbers_are_decimal_whatever_yaml_1_1_says() -> None:
    import yaml

    from documents.lezen import Lader

    gegevens = yaml.load("a: 010\nb: 1_000\nc: 1:30\nd: 0x1F\n", Loader=Lader)
    assert gegevens == {"a": 10, "b": 1000, "c": "1:30", "d": "0x1F"}
