"""The AU page: the computation from the verdeelmaatstaven with each aantal and weight linked to the event that set
it, and a circulaire's change drawn as a waterfall; the same JSON as `begroting au`."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Page, expect
from starlette.testclient import TestClient

from ledger.bootstrap import bootstrap
from tests.conftest import als_json, begroting
from tests.integration.test_au import MAATSTAVEN, MEI, SEPTEMBER, bestand
from tests.web.conftest import maak_client
from tests.web.test_browser import browser_type_launch_args
from tests.web.test_paginas import rij
from tests.web.test_waterval import balken
from web.app import maak_app

__all__ = ["browser_type_launch_args"]

AU = "/gemeente/GM0502/au/2021"


def au_bestanden(map_: Path) -> list[str]:
    return [bestand(map_, n, t) for n, t in (("mei.yaml", MEI), ("m.yaml", MAATSTAVEN), ("sept.yaml", SEPTEMBER))]


@pytest.fixture
def db(sqlite_url: str, tmp_path: Path) -> str:
    assert begroting(sqlite_url, "record", *au_bestanden(tmp_path)).exit_code == 0
    return sqlite_url


@pytest.fixture
def client(db: str) -> Iterator[TestClient]:
    yield from maak_client(db)


def test_the_page_shows_the_rows_and_links_aantal_and_weight_to_their_events(client: TestClient) -> None:
    html = client.get(f"{AU}?bekend_op=2020-07-01").text
    assert rij(html, "8a")[1:] == ["5.924/3", "2.148,18", "4.241.939,44", "4.241.939,44", "klopt"]
    assert rij(html, "algemene uitkering berekend") == ["21.356.293,99"]
    assert '<a href="/gemeente/GM0502/event/GM0502-0003?bekend_op=2020-07-01">5.924/3</a>' in html
    assert '<a href="/gemeente/GM0502/event/GM0502-0002?bekend_op=2020-07-01">2.148,18</a>' in html


def test_its_json_is_the_clis(client: TestClient, db: str) -> None:
    web = client.get(f"{AU}?bekend_op=2020-10-01&format=json").json()
    assert web == als_json(db, "au", "-g", "GM0502", "-j", "2021", "--as-of", "2020-10-01")
    assert (web["au"], web["au_ledger"], web["verschil"]) == ("21449425.93", "21400000.00", "49425.93")
    verklaring = client.get(f"{AU}?van=2020-07-01&tot=2020-10-01&format=json").json()
    assert verklaring == als_json(db, "au", "-g", "GM0502", "-j", "2021", "--van", "2020-07-01", "--tot", "2020-10-01")


def test_a_change_is_drawn_as_a_waterfall_whose_steps_add_up(client: TestClient) -> None:
    html = client.get(f"{AU}?van=2020-07-01&tot=2020-10-01").text
    staven = balken(html)
    assert [s for s, _ in staven] == ["stand", "plus", "plus", "plus", "plus", "stand"]
    assert [b for _, b in staven] == [
        Decimal("21356293.99"), Decimal("73254.63"), Decimal(0), Decimal("19877.31"), Decimal(0), Decimal("21449425.93")
    ]  # fmt: skip
    assert staven[0][1] + sum(b for _, b in staven[1:-1]) == staven[-1][1]
    assert '<title id="waterval-titel">De algemene uitkering 2021 van bekend op 2020-07-01' in html
    assert "style=" not in re.search(r"<svg.*?</svg>", html, re.S).group(0)


@pytest.mark.parametrize(
    ("pad", "melding"),
    [
        (f"{AU}?van=juli", "van: &#39;juli&#39; is geen datum zoals 2020-10-13"),
        (f"{AU}?van=2020-07-01&tot=morgen", "tot: &#39;morgen&#39; is geen datum zoals 2020-10-13"),
        ("/gemeente/GM0502/au/3000", "jaar: 3000 ligt niet binnen 1990-2100"),
    ],
)
def test_bad_input_is_a_400_naming_it(client: TestClient, pad: str, melding: str) -> None:
    antwoord = client.get(pad)
    assert antwoord.status_code == 400 and melding in antwoord.text


def test_without_a_year_the_page_goes_to_the_forms_year(client: TestClient) -> None:
    antwoord = client.get("/gemeente/GM0502/au?jaar=2021&van=2020-07-01", follow_redirects=False)
    assert (antwoord.status_code, antwoord.headers["location"]) == (303, f"{AU}?van=2020-07-01")


@pytest.fixture
def au_server(db: str) -> Iterator[str]:
    """uvicorn in a thread on a free port of the loopback address, serving the AU ledger."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    ledger = bootstrap(db)
    uvi = uvicorn.Server(uvicorn.Config(maak_app(ledger), host="127.0.0.1", port=poort, log_level="warning"))
    draad = threading.Thread(target=uvi.run, daemon=True)
    draad.start()
    tot = time.monotonic() + 20
    while not uvi.started and time.monotonic() < tot:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{poort}"
    uvi.should_exit = True
    draad.join(10)
    ledger.factory.datastore.engine.dispose()


def test_in_chromium_the_form_explains_a_change_and_an_aantal_leads_to_its_event(page: Page, au_server: str) -> None:
    page.goto(au_server + f"{AU}?bekend_op=2020-10-01")
    expect(page.locator("tr", has_text="algemene uitkering berekend")).to_contain_text("21.449.425,93")
    page.fill("input[name=van]", "2020-07-01")
    page.click("text=Toon")
    expect(page).to_have_url(re.compile(r"/gemeente/GM0502/au/2021\?.*van=2020-07-01"))
    expect(page.locator("tr", has_text="bedragen per eenheid").first).to_contain_text("+ 19.877,31")
    page.goto(au_server + f"{AU}?bekend_op=2020-07-01")
    page.get_by_role("link", name="5.924/3").click()
    expect(page).to_have_url(re.compile(r"/gemeente/GM0502/event/GM0502-0003"))
    expect(page.locator("body")).to_contain_text("maatstaven")


@pytest.mark.parametrize("pad", [f"{AU}?bekend_op=2020-07-01", f"{AU}?van=2020-07-01&tot=2020-10-01"])
def test_on_a_phone_the_au_page_is_no_wider_than_the_screen(page: Page, au_server: str, pad: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(au_server + pad)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
