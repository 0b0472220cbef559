"""budgetneutraal on the lines of a circulaire: a pass-through row after each amount of its years."""

from __future__ import annotations

from datetime import date

import pytest

from documents.documenten import document_uit
from events.circulaire import CirculaireGepubliceerd
from events.errors import OngeldigeInvoer


def circulaire(**lijnen: list[dict]) -> CirculaireGepubliceerd:
    return CirculaireGepubliceerd.model_validate(
        {"soort": "maart", "jaar": 2021, "bekend_op": date(2021, 3, 15), **lijnen}, context={}
    )


def test_a_budgetneutraal_uitkering_gets_a_pass_through_row_after_each_amount_of_its_years() -> None:
    c = circulaire(
        integratie_uitkeringen=[{"naam": "bw", "bedragen": {2021: 10}, "mutaties": {2022: 3}, "budgetneutraal": [2022]}]
    )
    assert [(r.soort, r.post, r.richting, r.jaar, r.cents) for r in c.lijnen()] == [
        ("prognose", "iu.bw", "baten", 2021, 1000),
        ("mutatie", "iu.bw", "baten", 2022, 300),
        ("neutraal", "iu.bw", "baten", 2022, 300),
    ]


def test_budgetneutraal_on_a_taakmutatie_is_accepted_and_changes_nothing() -> None:
    met = circulaire(taakmutaties=[{"naam": "t", "bedragen": {2021: 7}, "budgetneutraal": True}])
    zonder = circulaire(taakmutaties=[{"naam": "t", "bedragen": {2021: 7}}])
    assert met.lijnen() == zonder.lijnen()


def test_budgetneutraal_may_name_only_years_the_line_has() -> None:
    gegevens = {
        "gemeente": "GM0001",
        "bron": {"id": "m", "datum": "2021-03-15"},
        "events": [
            {
                "type": "circulaire",
                "soort": "maart",
                "jaar": 2021,
                "decentralisatie_uitkeringen": [{"naam": "j", "bedragen": {2021: 1}, "budgetneutraal": [2024]}],
            }
        ],
    }
    with pytest.raises(OngeldigeInvoer, match="budgetneutraal noemt 2024, een jaar dat de regel niet heeft"):
        document_uit(gegevens)


def test_a_pm_line_with_amounts_is_refused() -> None:
    gegevens = {
        "gemeente": "GM0001",
        "bron": {"id": "b", "datum": "2021-01-01"},
        "events": [
            {
                "type": "begroting",
                "naam": "B",
                "posten": [{"post": "risico.x", "richting": "lasten", "pm": True, "bedragen": {2021: 5}}],
            }
        ],
    }
    with pytest.raises(OngeldigeInvoer, match="een pm-regel heeft geen bedragen"):
        document_uit(gegevens)
