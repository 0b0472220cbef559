"""`/gemeente/G/forecast`: seed 004's Wmo run rate, the CLI's JSON, and accepting it as a controller."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from tests.conftest import DATA, als_json, begroting
from tests.web.conftest import csrf, log_in
from tests.web.test_paginas import rij

WMO = sorted(str(p) for p in (DATA / "wmo-dalfsen-2007").glob("*.yaml"))
PAD = "/gemeente/GM0148/forecast"


@pytest.fixture
def wmo(demo_db: str) -> str:
    assert begroting(demo_db, "record", *WMO).exit_code == 0
    return demo_db


@pytest.mark.parametrize(
    ("vraag", "cli"),
    [
        ("bekend_op=2007-06-30&jaar=2007", "--as-of 2007-06-30"),
        ("bekend_op=2007-05-31&jaar=2007&post=wmo.zorg_in_natura", "--as-of 2007-05-31 --post wmo.zorg_in_natura"),
        ("bekend_op=2007-06-30&jaar=2007&post=wmo.pgb", "--as-of 2007-06-30 --post wmo.pgb"),
        ("bekend_op=2007-06-30&jaar=2007&geboekt_op=2000-01-01", "--as-of 2007-06-30 --recorded-by 2000-01-01"),
    ],
)
def test_format_json_is_the_cli_forecast_json(client: TestClient, wmo: str, vraag: str, cli: str) -> None:
    antwoord = client.get(f"{PAD}?{vraag}&format=json")
    assert antwoord.json() == als_json(wmo, "forecast", "-g", "GM0148", "--jaar", "2007", *cli.split())


def test_the_page_shows_three_periods_of_90000_as_13_times_90000(client: TestClient, wmo: str) -> None:
    html = client.get(f"{PAD}?bekend_op=2007-06-30&jaar=2007&eenheid=1").text
    assert rij(html, "Wmo: zorg in natura") == [
        "270.000,00",
        "1.170.000,00",
        "1.633.880,00",
        "+ 463.880,00",
        "€ 270.000,00 gerealiseerd in 3 van 13 vierwekelijkse perioden: € 270.000,00 / 3 x 13 = € 1.170.000,00",
    ]
    assert 'class="hier">Forecast</a>' in html and 'name="jaar" value="2007"' in html


def test_the_year_defaults_to_the_latest_year_with_realisaties_and_links_keep_it(client: TestClient, wmo: str) -> None:
    html = client.get(f"{PAD}?bekend_op=2007-06-30").text
    assert "<h1>Forecast Dalfsen (GM0148) 2007</h1>" in html
    assert f'href="{PAD}?bekend_op=2007-06-30&amp;format=json&amp;jaar=2007"' in html
    assert (
        'href="/gemeente/GM0148/forecast?bekend_op=2007-06-30"'
        in client.get("/gemeente/GM0148/saldo?bekend_op=2007-06-30").text
    )


@pytest.mark.parametrize(
    ("vraag", "status", "melding"),
    [("jaar=1800", 400, "jaar: 1800 ligt niet binnen 1990-2100"), ("jaar=twee", 400, "jaar: &#39;twee&#39;")],
)
def test_a_bad_year_is_a_400(client: TestClient, wmo: str, vraag: str, status: int, melding: str) -> None:
    antwoord = client.get(f"{PAD}?{vraag}")
    assert antwoord.status_code == status and melding in antwoord.text
    assert client.get("/gemeente/GM9999/forecast?jaar=2007").status_code == 404


def test_a_controller_accepts_the_forecast_and_it_counts_in_the_saldo(met_gebruikers: TestClient, wmo: str) -> None:
    token = log_in(met_gebruikers, "c.controller")
    formulier = met_gebruikers.get(f"{PAD}?bekend_op=2007-06-30&jaar=2007").text
    assert "Accepteren" in formulier and csrf(formulier) == token
    data = {"csrf": token, "bekend_op": "2007-06-30", "jaar": "2007"}
    antwoord = met_gebruikers.post(PAD, data=data)
    assert antwoord.status_code == 200, antwoord.text
    assert "forecast wmo.zorg_in_natura: bron forecast-2007-wmo.zorg_in_natura-03-13-2007-06-30-" in antwoord.text
    assert "geboekt voor GM0148 door c.controller: 1 event" in antwoord.text
    s = als_json(wmo, "saldo", "--gemeente", "GM0148", "--as-of", "2007-06-30")
    assert {p["post"]: p["effect"] for p in s["posten"]}["wmo.zorg_in_natura"] == "463880.00"
    assert als_json(wmo, "events", "-g", "GM0148")[-1]["geboekt_door"] == "c.controller"
    opnieuw = met_gebruikers.post(PAD, data=data)
    assert "staat al zo geboekt voor GM0148; niets veranderd" in opnieuw.text


def test_an_auditor_sees_no_accept_form_and_a_forged_accept_changes_nothing(
    met_gebruikers: TestClient, wmo: str
) -> None:
    voor = len(als_json(wmo, "events"))
    token = log_in(met_gebruikers, "a.auditor")
    assert "Accepteren" not in met_gebruikers.get(f"{PAD}?bekend_op=2007-06-30&jaar=2007").text
    data = {"csrf": token, "bekend_op": "2007-06-30", "jaar": "2007"}
    assert met_gebruikers.post(PAD, data=data).status_code == 403
    log_in(met_gebruikers, "c.controller")
    assert met_gebruikers.post(PAD, data={**data, "csrf": "vervalst"}).status_code == 403
    assert len(als_json(wmo, "events")) == voor
