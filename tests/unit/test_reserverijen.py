"""A rebuild's reserve rows, read from the stored JSON, are the model's own reservemutaties."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from events import ReserveGemuteerd, ReserveIngesteld, ResultaatBestemd
from events.base import Feit

GEVALLEN = [
    ReserveIngesteld(
        bekend_op=date(2020, 1, 1),
        reserve="algemene_reserve",
        soort="algemene_reserve",
        per=date(2020, 1, 1),
        beginstand=Decimal("46391146.94"),
    ),
    ReserveGemuteerd(
        bekend_op=date(2020, 11, 10),
        reserve="egalisatie",
        soort="onttrekking",
        jaar=2021,
        bedrag=Decimal("125000.50"),
    ),
    ReserveGemuteerd(
        bekend_op=date(2020, 11, 10), reserve="egalisatie", soort="dotatie", jaar=2022, bedrag=Decimal("0.01")
    ),
    ResultaatBestemd(
        bekend_op=date(2021, 6, 30),
        jaar=2020,
        resultaat=Decimal("300000.00"),
        toevoegingen=[
            {"reserve": "algemene_reserve", "bedrag": "350000.00"},
            {"reserve": "egalisatie", "bedrag": "-50000.00"},
        ],
    ),
]


@pytest.mark.parametrize("feit", GEVALLEN, ids=lambda f: f.type)
def test_the_rows_from_the_stored_json_are_the_models_reservemutaties(feit: Feit) -> None:
    verwacht = [(m.reserve, m.reserve_soort, m.soort, m.jaar, int(m.bedrag.scaleb(2))) for m in feit.reservemutaties()]
    assert type(feit).reserverijen(feit.als_json()) == verwacht
    assert verwacht  # each case moves a reserve
