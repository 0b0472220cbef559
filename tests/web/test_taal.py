"""The web speaks the language the browser asks for (Accept-Language, q-values honoured), Dutch by default."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from web.taalkeuze import gevraagde_taal


@pytest.mark.parametrize(
    ("kop", "taal"),
    [
        (None, "nl"),
        ("", "nl"),
        ("en", "en"),
        ("en-GB,en;q=0.9,nl;q=0.8", "en"),
        ("nl;q=0.5, en;q=0.7", "en"),
        ("en;q=0.3, nl", "nl"),
        ("en;q=0, nl;q=0.1", "nl"),
        ("fr-FR, de;q=0.9", "nl"),
        ("fr, en-US;q=0.2", "en"),
        ("en;q=zes", "nl"),
    ],
)
def test_the_language_is_the_best_of_those_the_browser_accepts(kop: str | None, taal: str) -> None:
    assert gevraagde_taal(kop) == taal


def test_a_page_in_english_has_english_texts_headings_and_figures(client: TestClient) -> None:
    html = client.get("/gemeente/GM1708/saldo?bekend_op=2020-10-13", headers={"Accept-Language": "en-GB,en;q=0.9"}).text
    assert html.startswith('<!DOCTYPE html><html lang="en">')
    assert "<h1>Budget balance Steenwijkerland (GM1708)</h1>" in html
    assert '<a href="/record">Record</a>' in html and ">Log out</button>" not in html  # open server: nobody logs out
    assert re.search(r"<td class=\"geld\">\+ 2,112</td>", html)  # x € 1,000 by default


def test_the_same_page_in_dutch_by_default(client: TestClient) -> None:
    html = client.get("/gemeente/GM1708/saldo?bekend_op=2020-10-13").text
    assert html.startswith('<!DOCTYPE html><html lang="nl">')
    assert "<h1>Begrotingssaldo Steenwijkerland (GM1708)</h1>" in html
    assert re.search(r"<td class=\"geld\">\+ 2\.112</td>", html)


def test_a_404_and_a_400_speak_the_users_language(client: TestClient) -> None:
    en = {"Accept-Language": "en"}
    niet = client.get("/gemeente/GM1708/event/GM1708-9999", headers=en)
    assert niet.status_code == 404 and "GM1708-9999 is not an event in the ledger of GM1708" in niet.text
    assert "<h1>Error 404</h1>" in niet.text
    fout = client.get("/gemeente/GM1708/saldo?jaren=2024-2020", headers=en)
    assert fout.status_code == 400 and "jaren: &#39;2024-2020&#39; does not run from early to late" in fout.text
    assert "deze pagina bestaat niet" in client.get("/bestaat-niet").text
    assert "this page does not exist" in client.get("/bestaat-niet", headers=en).text


def test_json_keys_stay_as_they_are_in_english(client: TestClient) -> None:
    nl = client.get("/gemeente/GM1708/saldo?bekend_op=2020-10-13&format=json").json()
    en = client.get("/gemeente/GM1708/saldo?bekend_op=2020-10-13&format=json", headers={"Accept-Language": "en"}).json()
    assert en == nl
