"""WCAG 2.1 A and AA on every page at 1280 and 390 px: axe-core (vendored in tests/web/axe) in Debian's chromium.

The app's CSP refuses an injected script, so the test's browser context bypasses the CSP; the pages are served
with it as always (test_csp.py drives them under it)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from playwright.sync_api import Browser

from ledger.bootstrap import bootstrap
from tests.conftest import begroting, voorbeeld_bestanden
from tests.web.conftest import RESERVES
from tests.web.test_au import au_bestanden
from tests.web.test_browser import PAGINAS, browser_type_launch_args
from web.app import maak_app

__all__ = ["browser_type_launch_args"]

AXE = (Path(__file__).parent / "axe" / "axe.min.js").read_text()
BREEDTES = (1280, 390)
TALEN = ("nl-NL", "en-GB")
REGELS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ALLE_PAGINAS = {
    **PAGINAS,
    "signalen": "/gemeente/GM1708/signalen/2020?bekend_op=2020-10-13",
    "buig": "/gemeente/GM1708/buig/2020",
    "au": "/gemeente/GM0502/au/2021?bekend_op=2020-07-01",
    "au_verklaring": "/gemeente/GM0502/au/2021?van=2020-07-01&tot=2020-10-01",
    "verify": "/verify",
    "login": "/login",
    "event": "/gemeente/GM1708/event/GM1708-0003",
    "snapshot_verify": "/snapshots/1/verify",
    "niet_gevonden": "/bestaat-niet",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[str]:
    """The demo ledger with a snapshot of 2020 frozen through the browser's form, served once for every page."""
    db = f"sqlite:///{tmp_path_factory.mktemp('axe') / 'begroting.db'}"
    au = au_bestanden(tmp_path_factory.mktemp("au"))
    assert begroting(db, "record", *voorbeeld_bestanden(), *RESERVES, *au, "--door", "j.jansen").exit_code == 0
    ledger = bootstrap(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    uvi = uvicorn.Server(uvicorn.Config(maak_app(ledger), host="127.0.0.1", port=poort, log_level="warning"))
    draad = threading.Thread(target=uvi.run, daemon=True)
    draad.start()
    tot = time.monotonic() + 20
    while not uvi.started and time.monotonic() < tot:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{poort}"
    _bevries(browser, url)
    yield url
    uvi.should_exit = True
    draad.join(10)
    ledger.factory.datastore.engine.dispose()


def _bevries(browser: Browser, url: str) -> None:
    page = browser.new_page(locale="nl-NL")
    page.goto(url + "/snapshots")
    page.fill("input[name=jaar]", "2020")
    page.fill("input[name=bekend_op]", "2020-12-31")
    page.click("button:text-is('Bevries')")
    page.wait_for_selector("text=Snapshot 1 is bevroren", timeout=10000)
    page.close()


def overtredingen(browser: Browser, url: str, breedte: int, taal: str = "nl-NL") -> list[dict[str, Any]]:
    context = browser.new_context(locale=taal, bypass_csp=True, viewport={"width": breedte, "height": 900})
    try:
        page = context.new_page()
        page.goto(url)
        page.evaluate(AXE)
        uitslag = page.evaluate("r => axe.run(document, {runOnly: {type: 'tag', values: r}})", REGELS)
        return [
            {"id": v["id"], "help": v["help"], "waar": [n["target"] for n in v["nodes"]][:5]}
            for v in uitslag["violations"]
        ]
    finally:
        context.close()


@pytest.mark.parametrize("taal", TALEN)
@pytest.mark.parametrize("breedte", BREEDTES)
@pytest.mark.parametrize("naam", sorted(ALLE_PAGINAS))
def test_a_page_has_no_wcag_21_a_or_aa_violation(
    browser: Browser, server: str, naam: str, breedte: int, taal: str
) -> None:
    """In Dutch and in English (the browser's Accept-Language): English words are longer, and its <html lang>
    differs."""
    assert overtredingen(browser, server + ALLE_PAGINAS[naam], breedte, taal) == []


def test_axe_finds_a_violation_where_there_is_one(browser: Browser, server: str) -> None:
    """The check above can fail: an image without a text alternative is a WCAG 2.1 A violation."""
    context = browser.new_context(locale="nl-NL", bypass_csp=True)
    page = context.new_page()
    page.goto(server + "/login")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/static/x.png\">')")
    page.evaluate(AXE)
    uitslag = page.evaluate("r => axe.run(document, {runOnly: {type: 'tag', values: r}})", REGELS)
    context.close()
    assert [v["id"] for v in uitslag["violations"]] == ["image-alt"]
