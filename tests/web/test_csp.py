"""Under the Content-Security-Policy the pages still look and work as before: the stylesheet is applied
(it was an inline <style> block) with the vendored NL Design System sheets, and the browser reports no refused
resource on any page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.web.test_browser import PAGINAS, browser_type_launch_args, server

__all__ = ["browser_type_launch_args", "server"]


@pytest.mark.parametrize("naam", sorted(PAGINAS))
def test_a_page_loads_under_the_csp_without_a_violation_and_with_its_stylesheet(
    page: Page, server: str, naam: str
) -> None:
    meldingen: list[str] = []
    page.on("console", lambda m: meldingen.append(m.text))
    page.on("pageerror", lambda fout: meldingen.append(str(fout)))
    antwoord = page.goto(server + PAGINAS[naam])
    assert antwoord is not None and antwoord.status == 200
    assert "frame-ancestors 'none'" in antwoord.headers["content-security-policy"]
    # the NL Design System theme's accent (a token of nlds/voorbeeld-theme.css through begroting.css)
    expect(page.locator("header")).to_have_css("background-color", "rgb(59, 15, 176)")
    assert [m for m in meldingen if "Content Security Policy" in m or "Refused" in m] == []


def test_indented_rows_and_the_forms_keep_their_layout(page: Page, server: str) -> None:
    page.goto(server + PAGINAS["saldo"])
    inspringing = page.locator("td.in2").first.evaluate("e => parseFloat(getComputedStyle(e).paddingLeft)")
    gewoon = page.locator("tr td:first-child:not([class])").first.evaluate(
        "e => parseFloat(getComputedStyle(e).paddingLeft)"
    )
    assert inspringing > gewoon * 2
    expect(page.locator("form.tijd").first).to_have_css("display", "flex")


def test_a_violation_would_be_seen(page: Page, server: str) -> None:
    """The check above can fail: an inline script on a page served with the CSP is refused and reported."""
    meldingen: list[str] = []
    page.on("console", lambda m: meldingen.append(m.text))
    page.route("**/verify", lambda route: route.fulfill(response=route.fetch(), body="<script>1</script>"))
    page.goto(server + "/verify")
    assert any("Content Security Policy" in m for m in meldingen)
