"""The web's names and years: a gemeente by name, a misspelling a 404 naming the intended one, a Dutch time that is
ambiguous a 400, and the pages of a year opening on the latest year the ledger has amounts for."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from tests.conftest import DATA, begroting

WMO = sorted(str(p) for p in (DATA / "wmo-dalfsen-2007").glob("*.yaml"))


@pytest.fixture
def wmo(demo_db: str) -> str:
    assert begroting(demo_db, "record", *WMO).exit_code == 0
    return demo_db


def kop(html: str) -> str:
    gevonden = re.search(r"<h1>(.*?)</h1>", html)
    assert gevonden, html[:500]
    return gevonden.group(1)


@pytest.mark.parametrize("gemeente", ["steenwijkerland", "Steenwijkerland", "gm1708", "1708"])
def test_a_gemeente_by_name_or_bare_code_is_that_gemeente_and_the_page_names_it(
    client: TestClient, gemeente: str
) -> None:
    antwoord = client.get(f"/gemeente/{gemeente}/saldo?bekend_op=2020-10-13")
    assert antwoord.status_code == 200
    assert kop(antwoord.text) == "Begrotingssaldo Steenwijkerland (GM1708)"
    assert "<h2>Begrotingssaldo Steenwijkerland (GM1708), bekend op 2020-10-13</h2>" in antwoord.text
    json = client.get(f"/gemeente/{gemeente}/saldo?bekend_op=2020-10-13&format=json").json()
    assert json == client.get("/gemeente/GM1708/saldo?bekend_op=2020-10-13&format=json").json()


def test_the_list_of_gemeenten_and_the_journal_file_name_them(client: TestClient) -> None:
    assert ">Steenwijkerland (GM1708)</a>" in client.get("/").text
    bestand = client.get("/gemeente/GM1708/journaal.csv")
    assert bestand.headers["content-disposition"] == 'attachment; filename="journaal-GM1708-Steenwijkerland.csv"'


def test_a_misspelled_gemeente_is_a_404_naming_the_ledgers_here(client: TestClient) -> None:
    antwoord = client.get("/gemeente/Steenwijkerlnd/saldo?format=json")
    assert antwoord.status_code == 404
    assert antwoord.json() == {
        "error": "er is geen grootboek voor 'Steenwijkerlnd' in deze database; grootboeken hier, "
        "meest gelijkend eerst: "
        "Steenwijkerland (GM1708), Aa en Hunze (GM1680)"
    }


def test_a_post_the_gemeente_never_had_is_a_404_naming_the_closest(client: TestClient) -> None:
    antwoord = client.get("/gemeente/GM1708/post/algemene_uitkeringen/2020")
    assert antwoord.status_code == 404
    assert "heeft nooit een post &#39;algemene_uitkeringen&#39; gehad; bedoelde u algemene_uitkering?" in antwoord.text


def test_a_dutch_time_of_the_repeated_hour_is_a_400_naming_both_readings(client: TestClient) -> None:
    antwoord = client.get("/gemeente/GM1708/saldo", params={"geboekt_op": "2026-10-25T02:30", "format": "json"})
    assert antwoord.status_code == 400
    assert antwoord.json() == {
        "error": "geboekt_op: '2026-10-25T02:30' komt in Nederlandse tijd twee keer voor (de klok ging terug): "
        "bedoelt u 2026-10-25T02:30+02:00 of 2026-10-25T02:30+01:00?"
    }
    for offset in ("+01:00", "+02:00"):
        assert (
            client.get("/gemeente/GM1708/saldo", params={"geboekt_op": f"2026-10-25T02:30{offset}"}).status_code == 200
        )


@pytest.mark.parametrize(
    ("pad", "naar"),
    [
        ("/gemeente/GM0148/signalen", "/gemeente/GM0148/signalen/2007"),  # the realisaties and ramingen of 2007
        ("/gemeente/dalfsen/signalen?bekend_op=2007-06-30", "/gemeente/GM0148/signalen/2007?bekend_op=2007-06-30"),
        ("/gemeente/GM1708/buig", "/gemeente/GM1708/buig/2021"),  # the latest beschikking, not the begroting's 2024
        ("/gemeente/GM1708/buig?jaar=2020&fase=", "/gemeente/GM1708/buig/2020"),  # the year field, an empty fase
    ],
)
def test_a_page_of_a_year_opens_on_the_latest_year_with_amounts_or_the_year_asked(
    wmo: str, client: TestClient, pad: str, naar: str
) -> None:
    antwoord = client.get(pad, follow_redirects=False)
    assert (antwoord.status_code, antwoord.headers["location"]) == (303, naar)


def test_the_pages_of_a_year_have_a_year_field_and_their_tab_leads_to_the_latest_year(
    wmo: str, client: TestClient
) -> None:
    html = client.get("/gemeente/GM0148/signalen/2007?bekend_op=2007-06-30").text
    assert kop(html) == "Signalen Dalfsen (GM0148) 2007"
    assert '<form method="get" class="tijd" action="/gemeente/GM0148/signalen">' in html
    assert '<label>jaar <input name="jaar" value="2007"' in html
    assert '<a href="/gemeente/GM0148/buig?bekend_op=2007-06-30">BUIG</a>' in html
    forecast = client.get("/gemeente/GM0148/forecast?bekend_op=2020-01-01").text  # no year asked: that of realisaties
    assert kop(forecast) == "Forecast Dalfsen (GM0148) 2007"
