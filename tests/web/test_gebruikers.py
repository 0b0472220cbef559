"""Users in the browser (the beheerder only) and the limit on guessing passwords at login."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import create_engine, text
from starlette.testclient import TestClient
from typer.testing import CliRunner

from cli.main import app as cli_app
from tests.web.conftest import WACHTWOORD, csrf, gebruiker, log_in


class Klok:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.nu = 1000.0

    def __call__(self) -> float:
        return self.nu


@pytest.fixture
def beheerd(met_gebruikers: TestClient, demo_db: str) -> TestClient:
    """The demo ledger with an auditor, a controller and a beheerder, the beheerder logged in."""
    gebruiker(demo_db, "b.beheerder", "beheerder")
    log_in(met_gebruikers, "b.beheerder")
    return met_gebruikers


def user_list(db: str) -> list[str]:
    return CliRunner().invoke(cli_app, ["--db", db, "user", "list"]).stdout.splitlines()


def voeg_toe(client: TestClient, naam: str, rol: str, wachtwoord: str = WACHTWOORD, herhaald: str | None = None):
    data = {"naam": naam, "rol": rol, "wachtwoord": wachtwoord, "herhaald": herhaald or wachtwoord}
    return client.post("/users", data={"csrf": csrf(client.get("/users").text), **data})


def test_the_beheerder_sees_the_users_as_user_list_shows_them(beheerd: TestClient, demo_db: str) -> None:
    html = beheerd.get("/users").text
    assert user_list(demo_db) == [
        "a.auditor\tauditor\tactief\talle gemeenten",
        "b.beheerder\tbeheerder\tactief\talle gemeenten",
        "c.controller\tcontroller\tactief\talle gemeenten",
    ]
    rijen = {r[0]: r[1:] for r in (re.findall(r"<td[^>]*>(.*?)</td>", r, re.S) for r in html.split("<tr>")[2:])}
    assert rijen["a.auditor"][:2] == ["auditor", "alle"] and rijen["a.auditor"][2].startswith("actief")
    assert "Uitschakelen" in rijen["a.auditor"][2] and 'value="a.auditor"' in rijen["a.auditor"][2]
    assert rijen["b.beheerder"] == ["beheerder", "alle", "actief"]  # no button to disable yourself
    assert 'href="/users">Gebruikers</a>' in html


def test_a_user_added_in_the_browser_has_an_argon2id_hash_and_logs_in(beheerd: TestClient, demo_db: str) -> None:
    antwoord = voeg_toe(beheerd, "d.nieuw", "controller")
    assert antwoord.status_code == 200 and "gebruiker d.nieuw toegevoegd als controller" in antwoord.text
    assert "d.nieuw\tcontroller\tactief\talle gemeenten" in user_list(demo_db)
    with create_engine(demo_db).connect() as v:
        opgeslagen = v.execute(text("SELECT wachtwoord FROM begroting_gebruikers WHERE naam = 'd.nieuw'")).scalar_one()
    assert opgeslagen.startswith("$argon2id$") and WACHTWOORD not in opgeslagen
    log_in(beheerd, "d.nieuw")
    assert "d.nieuw (controller)" in beheerd.get("/").text


@pytest.mark.parametrize(
    ("naam", "rol", "wachtwoord", "herhaald", "melding"),
    [
        ("x", "auditor", "kort", "kort", "een wachtwoord heeft minstens 8 tekens"),
        ("x", "auditor", WACHTWOORD, "anders dan dat", "de twee wachtwoorden verschillen"),
        ("x", "koning", WACHTWOORD, WACHTWOORD, "&#39;koning&#39; is geen rol"),
        ("a.auditor", "auditor", WACHTWOORD, WACHTWOORD, "gebruiker a.auditor bestaat al"),
        ("   ", "auditor", WACHTWOORD, WACHTWOORD, "is geen gebruikersnaam"),
    ],
)
def test_a_wrong_new_user_is_refused_and_nothing_changes(
    beheerd: TestClient, demo_db: str, naam: str, rol: str, wachtwoord: str, herhaald: str, melding: str
) -> None:
    voor = user_list(demo_db)
    antwoord = voeg_toe(beheerd, naam, rol, wachtwoord, herhaald)
    assert antwoord.status_code == 400 and melding in antwoord.text
    assert user_list(demo_db) == voor


def test_a_user_disabled_in_the_browser_is_logged_out_and_cannot_log_in(beheerd: TestClient, demo_db: str) -> None:
    antwoord = beheerd.post("/users/disable", data={"csrf": csrf(beheerd.get("/users").text), "naam": "c.controller"})
    assert antwoord.status_code == 200 and "gebruiker c.controller uitgeschakeld" in antwoord.text
    assert "c.controller\tcontroller\tuitgeschakeld\talle gemeenten" in user_list(demo_db)
    token = csrf(beheerd.get("/users").text)
    zelf = beheerd.post("/users/disable", data={"csrf": token, "naam": "b.beheerder"})
    assert zelf.status_code == 400 and "uzelf uitschakelen kan hier niet" in zelf.text
    onbekend = beheerd.post("/users/disable", data={"csrf": token, "naam": "niemand"})
    assert onbekend.status_code == 400 and "er is geen gebruiker niemand" in onbekend.text
    beheerd.post("/logout", data={"csrf": token})
    data = {"naam": "c.controller", "wachtwoord": WACHTWOORD, "csrf": csrf(beheerd.get("/login").text)}
    assert beheerd.post("/login", data=data).status_code == 401


@pytest.mark.parametrize("naam", ["a.auditor", "c.controller"])
def test_anyone_but_the_beheerder_gets_403_and_nothing_changes(
    met_gebruikers: TestClient, demo_db: str, naam: str
) -> None:
    voor = user_list(demo_db)
    token = log_in(met_gebruikers, naam)
    assert 'href="/users"' not in met_gebruikers.get("/").text
    assert met_gebruikers.get("/users").status_code == 403
    assert voeg_toe_met(met_gebruikers, token, "e.escalatie", "beheerder").status_code == 403
    disable = met_gebruikers.post("/users/disable", data={"csrf": token, "naam": "a.auditor"})
    assert disable.status_code == 403 and "alleen een beheerder beheert gebruikers" in disable.text
    assert user_list(demo_db) == voor


def voeg_toe_met(client: TestClient, token: str, naam: str, rol: str):
    data = {"csrf": token, "naam": naam, "rol": rol, "wachtwoord": WACHTWOORD, "herhaald": WACHTWOORD}
    return client.post("/users", data=data)


def test_without_the_csrf_token_the_beheerder_changes_nothing(beheerd: TestClient, demo_db: str) -> None:
    voor = user_list(demo_db)
    assert voeg_toe_met(beheerd, "vervalst", "x.y", "beheerder").status_code == 403
    assert beheerd.post("/users/disable", data={"naam": "a.auditor"}).status_code == 403
    assert user_list(demo_db) == voor


def test_without_users_the_os_user_adds_the_first_beheerder_and_then_must_log_in(
    client: TestClient, demo_db: str
) -> None:
    html = client.get("/users").text
    assert "Er zijn nog geen gebruikers" in html and '<option selected value="beheerder">beheerder</option>' in html
    antwoord = voeg_toe(client, "b.eerste", "beheerder")
    assert antwoord.status_code == 200 and antwoord.url.path == "/login" and 'name="wachtwoord"' in antwoord.text
    assert user_list(demo_db) == ["b.eerste\tbeheerder\tactief\talle gemeenten"]
    assert client.get("/users", follow_redirects=False).status_code == 303


def inloggen(client: TestClient, naam: str, wachtwoord: str):
    data = {"naam": naam, "wachtwoord": wachtwoord, "csrf": csrf(client.get("/login").text)}
    return client.post("/login", data=data, follow_redirects=False)


@pytest.fixture
def klok(met_gebruikers: TestClient) -> Klok:
    klok = Klok()
    met_gebruikers.app.state.drempel.klok = klok  # type: ignore[attr-defined]
    return klok


def test_after_five_wrong_passwords_the_sixth_try_is_429_even_with_the_right_one(
    met_gebruikers: TestClient, klok: Klok
) -> None:
    for _ in range(5):
        assert inloggen(met_gebruikers, "c.controller", "fout wachtwoord").status_code == 401
        klok.nu += 60
    antwoord = inloggen(met_gebruikers, "c.controller", WACHTWOORD)
    assert antwoord.status_code == 429
    melding = "te veel mislukte pogingen om als c.controller in te loggen vanaf dit adres: probeer het over 10 minuten"
    assert melding + " opnieuw" in antwoord.text
    assert antwoord.headers["retry-after"] == str(15 * 60 - 5 * 60)
    assert inloggen(met_gebruikers, "a.auditor", WACHTWOORD).status_code == 303  # another name is not held up
    klok.nu += 10 * 60 - 1
    assert inloggen(met_gebruikers, "c.controller", WACHTWOORD).status_code == 429
    klok.nu += 1  # the first failure is now fifteen minutes old: four remain in the window
    assert inloggen(met_gebruikers, "c.controller", WACHTWOORD).status_code == 303


def test_a_successful_login_forgets_the_failures(met_gebruikers: TestClient, klok: Klok) -> None:
    for _ in range(4):
        assert inloggen(met_gebruikers, "c.controller", "fout wachtwoord").status_code == 401
    assert inloggen(met_gebruikers, "c.controller", WACHTWOORD).status_code == 303
    for _ in range(4):
        assert inloggen(met_gebruikers, "c.controller", "fout wachtwoord").status_code == 401
    assert inloggen(met_gebruikers, "c.controller", WACHTWOORD).status_code == 303


def test_a_refused_try_does_not_check_the_password_nor_extend_the_wait(met_gebruikers: TestClient, klok: Klok) -> None:
    for _ in range(5):
        inloggen(met_gebruikers, "c.controller", "fout wachtwoord")
    for _ in range(20):
        assert inloggen(met_gebruikers, "c.controller", "fout wachtwoord").status_code == 429
    klok.nu += 15 * 60
    assert inloggen(met_gebruikers, "c.controller", WACHTWOORD).status_code == 303
