"""Reserves over 2020-2024: an algemene reserve, two bestemmingsreserves and the resultaatbestemming of 2020."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from documents.documenten import lees_documenten
from events.errors import RegelOvertreden
from ledger.application import BegrotingApp
from projections.reader import Reader
from projections.zicht import Zicht
from tests.conftest import DATA

G = "GM1680"
RESERVES = sorted(str(p) for p in (DATA / "reserves").glob("0[123]-*.yaml"))
JAREN = (2020, 2024)


def k(*bedragen: int) -> list[Decimal]:
    return [Decimal(b) * 1000 for b in bedragen]


def standen(reader: Reader, as_of: date) -> dict[str, list[Decimal]]:
    return {naam: list(r.standen.values()) for naam, r in reader.reserves(Zicht(G, as_of, jaren=JAREN)).items()}


@pytest.fixture
def geboekt(app: BegrotingApp) -> BegrotingApp:
    app.boek(lees_documenten(RESERVES), "controller")
    return app


def test_stands_per_year_as_known_at_the_end_of_2020(geboekt: BegrotingApp, reader: Reader) -> None:
    assert standen(reader, date(2020, 12, 31)) == {
        "algemene_reserve": k(11000, 11000, 11000, 11000, 11000),
        "onderhoud_gebouwen": k(800, 950, 1100, 200, 350),
        "sociaal_domein": k(2500, 1900, 1500, 1500, 1500),
    }


def test_the_resultaatbestemming_of_2020_counts_in_2021_once_it_is_known(geboekt: BegrotingApp, reader: Reader) -> None:
    assert standen(reader, date(2021, 12, 31)) == {
        "algemene_reserve": k(11000, 12612, 12612, 12612, 12612),
        "onderhoud_gebouwen": k(800, 950, 1100, 200, 350),
        "sociaal_domein": k(2500, 2400, 2000, 2000, 2000),
    }
    assert reader.reserves(Zicht(G, date(2021, 12, 31))).get("sociaal_domein").soort == "bestemmingsreserve"


def test_the_saldo_shows_reserve_mutations_as_the_bbv_does(geboekt: BegrotingApp, reader: Reader) -> None:
    jaren = reader.saldo(Zicht(G, date(2021, 12, 31), jaren=JAREN)).jaren
    assert [(j.dotaties, j.onttrekkingen, j.resultaat) for j in jaren.values()] == [
        (*k(0, 1000), *k(1000)),
        (*k(150, 600), *k(450)),
        (*k(150, 400), *k(250)),
        (*k(0, 900), *k(900)),
        (*k(150, 0), *k(-150)),
    ]


def test_an_onttrekking_beyond_the_stand_is_refused_and_nothing_is_written(
    geboekt: BegrotingApp, reader: Reader
) -> None:
    te_groot = str(DATA / "reserves" / "04-onttrekking-te-groot.yaml")
    with pytest.raises(RegelOvertreden, match=r"'sociaal_domein' zou eind 2023 op € -500.000,00 staan"):
        geboekt.boek(lees_documenten([te_groot]), "controller")
    assert len(reader.journaal(G)) == 11
