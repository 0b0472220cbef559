"""In a real browser (Debian's chromium): a controller of GM0363 finds no GM1708 (404), cannot record for it
(403, nothing written), and after logging out the same browser is asked to log in again."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect
from typer.testing import CliRunner

from cli.main import app as cli_app
from tests.conftest import als_json
from tests.web.conftest import WACHTWOORD, gebruiker
from tests.web.test_browser import browser_type_launch_args, server  # noqa: F401  (the fixtures, shared)

DECEMBER = (
    "gemeente: GM1708\nbron: {id: decembercirculaire-2020, datum: 2020-12-14}\neenheid: 1000\n"
    "events:\n  - {type: circulaire, soort: december, jaar: 2020, algemene_uitkering: {2020: 77700}}\n"
)


def test_a_controller_of_gm0363_gets_404_reading_and_403_writing_gm1708_in_the_browser(
    page: Page,
    server: str,  # noqa: F811  (the fixture imported above)
    demo_db: str,
) -> None:
    gebruiker(demo_db, "b.beheerder", "beheerder")
    args = ["--db", demo_db, "user", "add", "c.gm0363", "--role", "controller", "--gemeenten", "GM0363"]
    assert CliRunner().invoke(cli_app, args, input=WACHTWOORD + "\n").exit_code == 0
    voor = len(als_json(demo_db, "events"))
    page.goto(server + "/gemeente/GM1708/saldo")
    expect(page).to_have_url(re.compile(r"/login\?terug="))
    page.fill("input[name=naam]", "c.gm0363")
    page.fill("input[name=wachtwoord]", WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.locator("p.fout")).to_have_text("er is geen grootboek voor GM1708 in deze database")
    assert page.goto(server + "/gemeente/GM1708/journaal").status == 404  # type: ignore[union-attr]
    page.goto(server + "/")
    expect(page.locator("main a[href*='/gemeente/']")).to_have_count(0)
    page.goto(server + "/record")
    page.set_input_files(
        "input[name=bestanden]", files=[{"name": "d.yaml", "mimeType": "text/yaml", "buffer": DECEMBER.encode()}]
    )
    with page.expect_response(server + "/record") as antwoord:
        page.get_by_role("button", name="Boeken").click()
    assert antwoord.value.status == 403
    expect(page.locator("p.fout")).to_have_text("c.gm0363 werkt niet voor GM1708: er is niets veranderd")
    assert len(als_json(demo_db, "events")) == voor
    page.get_by_role("button", name="Uitloggen").click()
    page.goto(server + "/gemeente/GM0363/saldo")
    expect(page).to_have_url(re.compile(r"/login\?terug="))
