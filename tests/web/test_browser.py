"""A real browser (Debian's chromium, driven by pytest-playwright) on the demo ledger served by uvicorn."""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from playwright.sync_api import Page, expect

from ledger.bootstrap import bootstrap
from web.app import maak_app

PAGINAS = {
    "gemeenten": "/",
    "saldo": "/gemeente/GM1708/saldo?bekend_op=2020-10-13",
    "diff": "/gemeente/GM1708/diff?van=2020-06-30&tot=2020-10-13",
    "post": "/gemeente/GM1708/post/buig/2020?bekend_op=2020-10-13",
    "diff_documenten": "/gemeente/GM1708/diff?van_bron=begroting-2020-2024-stand-mei&tot_bron=septembercirculaire-2020",
    "journaal": "/gemeente/GM1708/journaal",
    "journaal_door": "/gemeente/GM1708/journaal?door=j.jansen&geboekt_van=2020-01-01",
    "reserves": "/gemeente/GM1680/reserves?bekend_op=2021-12-31",
    "record": "/record",
    "forecast": "/gemeente/GM1708/forecast?bekend_op=2020-10-13",
    "snapshots": "/snapshots?gemeente=GM1708",
    "users": "/users",
}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Debian's chromium, never a downloaded one; as root it runs without its sandbox."""
    pad = shutil.which("chromium") or shutil.which("chromium-browser")
    if pad is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is required under CI=true (.ci/run installs it)")
        pytest.skip("chromium is not installed")
    args = ["--no-sandbox"] if os.geteuid() == 0 else []
    return {**browser_type_launch_args, "executable_path": pad, "args": args}


@pytest.fixture
def server(demo_db: str) -> Iterator[str]:
    """uvicorn in a thread on a free port of the loopback address."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    ledger = bootstrap(demo_db)
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


def test_saldo_then_june_through_the_form_then_a_diff_figure_to_its_audit_trail(page: Page, server: str) -> None:
    page.goto(server + PAGINAS["saldo"])
    expect(page.locator("tr", has_text="geraamd resultaat")).to_contain_text("+ 2.112")
    page.fill("input[name=bekend_op]", "2020-06-30")
    page.click("text=Toon")
    expect(page).to_have_url(re.compile(r"/gemeente/GM1708/saldo\?bekend_op=2020-06-30"))
    expect(page.locator("tr", has_text="buig-2020-nader-voorlopig")).to_contain_text("- 440")
    expect(page.locator("tr", has_text="geraamd resultaat")).not_to_contain_text("2.112")
    page.click("text=Wat veranderde")
    page.fill("input[name=van]", "2020-06-30")
    page.fill("input[name=tot]", "2020-10-13")
    page.click("text=Toon")
    page.locator("tr", has_text="buig").get_by_role("link", name="+ 456").click()
    expect(page).to_have_url(re.compile(r"/gemeente/GM1708/post/buig/2020\?bekend_op=2020-10-13"))
    expect(page.locator("tr", has_text="bepaalt de prognose")).to_contain_text("GM1708-0016")


@pytest.mark.parametrize("naam", PAGINAS)
def test_on_a_phone_no_page_is_wider_than_the_screen(page: Page, server: str, naam: str) -> None:
    """Wide tables scroll inside themselves; the page itself never scrolls sideways."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + PAGINAS[naam])
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_freeze_a_snapshot_in_the_form_then_verify_it_and_on_a_phone_nothing_is_too_wide(
    page: Page, server: str
) -> None:
    page.goto(server + "/gemeente/GM1708/saldo?bekend_op=2020-10-13")
    page.locator("nav.tabs").get_by_role("link", name="Snapshots").click()
    page.fill("input[name=jaar]", "2020")
    page.fill("input[name=bekend_op]", "2020-12-31")
    page.get_by_role("button", name="Bevries").click()
    expect(page.locator(".goed")).to_have_text("Snapshot 1 is bevroren.")
    with page.expect_download() as download:
        page.locator("tr", has_text="2020-12-31").get_by_role("link", name="json").click()
    assert download.value.suggested_filename == "snapshot-1-GM1708-Steenwijkerland-2020.json"
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("link", name="controleer").click()
    expect(page.locator(".goed")).to_contain_text("Identiek")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_diff_by_two_documents_the_journal_filtered_by_who_and_downloaded_and_the_history_chart(
    page: Page, server: str
) -> None:
    page.goto(server + "/gemeente/GM1708/diff")
    page.select_option("select[name=van_bron]", "begroting-2020-2024-stand-mei")
    page.select_option("select[name=tot_bron]", "septembercirculaire-2020")
    page.click("text=Toon")
    expect(page).to_have_url(re.compile(r"van_bron=begroting-2020-2024-stand-mei&tot_bron=septembercirculaire-2020"))
    expect(page.locator("p.klein", has_text="tot: septembercirculaire-2020")).to_contain_text("bekend op 2020-09-15")
    expect(page.locator("tr", has_text="saldo bekend op 2020-09-15")).to_contain_text("+ 1.656")
    page.click("text=Journaal")
    page.fill("input[name=door]", "j.jansen")
    page.click("text=Toon")
    expect(page).to_have_url(re.compile(r"door=j.jansen"))
    expect(page.locator("h2", has_text="Journaal (19 events")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV (alle velden)").click()
    assert download.value.suggested_filename == "journaal-GM1708-Steenwijkerland.csv"
    page.goto(server + PAGINAS["post"])
    grafiek = page.locator("svg.grafiek")
    expect(grafiek).to_be_visible()
    expect(grafiek.locator("title", has_text="GM1708-0016 (prognose)")).to_have_count(2)
