"""The BUIG page: seed 002's beschikking explained in the browser, the same as `begroting buig`."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from tests.conftest import DATA, als_json, begroting
from tests.web.conftest import maak_client
from tests.web.test_paginas import rij

BUIG = "/gemeente/GM0556/buig/2023"
MAASSLUIS = sorted(str(p) for p in (DATA / "buig-maassluis-2023").glob("0*.yaml"))


@pytest.fixture
def db(sqlite_url: str) -> str:
    assert begroting(sqlite_url, "record", *MAASSLUIS).exit_code == 0
    return sqlite_url


@pytest.fixture
def client(db: str) -> Iterator[TestClient]:
    yield from maak_client(db)


def test_the_page_shows_the_opbouw_and_flags_the_verdeling(client: TestClient) -> None:
    html = client.get(f"{BUIG}?fase=voorlopig").text
    assert rij(html, "mutatie") == ["- 178.831,00", "- 178.830,00", "- 1,00", "afronding"]
    assert rij(html, "C") == ["C = A − B", "5.636.460.411", "6.013.651.826", "-377.191.415", "VERSCHIL"]
    assert rij(html, "I") == ["I = G / H · (A − B) · Y", "97.130", "103.629,45", "-6.499,45", "VERSCHIL"]
    assert rij(html, "budgetaandeel") == ["- 171.373,00", "", "", ""]


def test_the_latest_fase_by_default_and_the_fase_kept_in_links(client: TestClient) -> None:
    html = client.get(BUIG).text
    assert [rij(html, f)[0] for f in ("voorlopig", "nader voorlopig", "definitief")] == [
        "11.776.477,00",
        "11.900.000,00",
        "12.250.000,00",
    ]
    assert rij(html, "mutatie")[0] == "+ 294.692,00"
    assert "format=json&amp;fase=nader_voorlopig" in client.get(f"{BUIG}?fase=nader_voorlopig").text


def test_its_json_is_the_clis(client: TestClient, db: str) -> None:
    web = client.get(f"{BUIG}?fase=voorlopig&bekend_op=2023-01-01&format=json").json()
    cli = als_json(db, "buig", "-g", "GM0556", "-j", "2023", "--fase", "voorlopig", "--as-of", "2023-01-01")
    assert web == cli and web["mutatie"]["bedrag"] == "-178831.00"


def test_a_fase_that_does_not_exist_is_refused(client: TestClient) -> None:
    antwoord = client.get(f"{BUIG}?fase=concept")
    assert antwoord.status_code == 400 and "fase: &#39;concept&#39; is niet voorlopig" in antwoord.text
    assert json.loads(client.get(f"{BUIG}?bekend_op=2022-01-01&format=json").text)["fasen"] == []
