"""In a real browser (Debian's chromium): a browser that asks for English gets the pages in English, with
<html lang="en"> and English figures; one that asks for Dutch gets Dutch."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from tests.web.test_browser import browser_type_launch_args, server  # noqa: F401  (the fixtures, shared)

SALDO = "/gemeente/GM1708/saldo?bekend_op=2020-10-13"


def test_a_browser_asking_for_english_reads_the_saldo_in_english(
    browser: Browser,
    server: str,  # noqa: F811  (the fixture imported above)
) -> None:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(server + SALDO)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Budget balance Steenwijkerland (GM1708)")
    expect(page.get_by_role("row", name="effect").get_by_role("cell").nth(1)).to_have_text("+ 2,112")
    expect(page.get_by_role("button", name="Show")).to_be_visible()
    context.close()


def test_a_browser_asking_for_dutch_reads_it_in_dutch(
    browser: Browser,
    server: str,  # noqa: F811  (the fixture imported above)
) -> None:
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(server + SALDO)
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("h1")).to_have_text("Begrotingssaldo Steenwijkerland (GM1708)")
    expect(page.get_by_role("row", name="effect").get_by_role("cell").nth(1)).to_have_text("+ 2.112")
    expect(page.get_by_role("button", name="Toon")).to_be_visible()
    context.close()
