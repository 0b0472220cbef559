"""Sessions on the server: a copied cookie stops working at logout, disable, a password change and
`user sessions end`; idle and absolute expiry on an injected clock; the cookie's flags; the security log."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable

import pytest
from sqlalchemy import create_engine, text
from starlette.testclient import TestClient
from typer.testing import CliRunner

from cli.main import app as cli_app
from tests.web.conftest import WACHTWOORD, csrf, gebruiker, log_in
from web.logboek import Logboek

BEVRIES = {"gemeente": "GM1708", "jaar": "2020", "bekend_op": "2020-12-31"}


class Klok:
    def __init__(self) -> None:
        self.nu = 1_800_000_000.0

    def __call__(self) -> float:
        return self.nu


@pytest.fixture
def klok(met_gebruikers: TestClient) -> Klok:
    klok = Klok()
    met_gebruikers.app.state.sessies.klok = klok  # type: ignore[attr-defined]
    return klok


@pytest.fixture
def log(met_gebruikers: TestClient) -> Callable[[], list[dict]]:
    """The security events written so far, each line parsed as JSON."""
    uit = io.StringIO()
    met_gebruikers.app.state.logboek = Logboek(uit)  # type: ignore[attr-defined]
    return lambda: [json.loads(regel) for regel in uit.getvalue().splitlines()]


def kopie(client: TestClient) -> TestClient:
    """Another browser holding a copy of this one's cookie, as someone who copied it would."""
    return TestClient(client.app, base_url="http://127.0.0.1", cookies={"begroting": client.cookies["begroting"]})


def snapshots(db: str) -> int:
    with create_engine(db).connect() as v:
        return v.execute(text("SELECT count(*) FROM begroting_snapshots")).scalar_one()


def cli(db: str, *args: str, invoer: str | None = None) -> tuple[int, str]:
    uitkomst = CliRunner().invoke(cli_app, ["--db", db, *args], input=invoer)
    return uitkomst.exit_code, uitkomst.stdout + uitkomst.stderr


def test_after_logout_a_copied_cookie_reads_nothing_and_freezes_nothing(
    met_gebruikers: TestClient, demo_db: str
) -> None:
    token = log_in(met_gebruikers, "c.controller")
    dief = kopie(met_gebruikers)
    assert "c.controller (controller)" in dief.get("/").text  # the copy works while the session lives
    met_gebruikers.post("/logout", data={"csrf": token})
    terug = dief.get("/gemeente/GM1708/saldo", follow_redirects=False)
    assert terug.status_code == 303 and terug.headers["location"].startswith("/login?terug=")
    bevroren = dief.post("/snapshots", data={"csrf": token, **BEVRIES})
    assert bevroren.status_code == 403 and "log eerst in" in bevroren.text
    assert snapshots(demo_db) == 0
    assert met_gebruikers.get("/", follow_redirects=False).status_code == 303


def test_login_gives_a_new_token_and_only_its_hash_is_kept(met_gebruikers: TestClient, demo_db: str) -> None:
    met_gebruikers.get("/login")
    voor = met_gebruikers.cookies["begroting"]
    log_in(met_gebruikers, "a.auditor")
    na = met_gebruikers.cookies["begroting"]
    assert na != voor
    with create_engine(demo_db).connect() as v:
        rijen = v.execute(text("SELECT id, naam, beeindigd FROM begroting_sessies")).all()
    assert [tuple(r) for r in rijen] == [(hashlib.sha256(na.encode()).hexdigest(), "a.auditor", None)]
    with create_engine(demo_db).connect() as v:
        assert na not in str(v.execute(text("SELECT * FROM begroting_sessies")).all())


@pytest.mark.parametrize(
    ("opdracht", "invoer", "melding", "reden"),
    [
        (
            ["user", "disable", "c.controller"],
            None,
            "gebruiker c.controller uitgeschakeld; 2 sessies beëindigd",
            "uitgeschakeld",
        ),
        (["user", "password", "c.controller"], "nieuw wachtwoord\n",
         "wachtwoord van c.controller gewijzigd; 2 sessies beëindigd", "wachtwoord"),
        (["user", "sessions", "end", "c.controller"], None, "2 sessies van c.controller beëindigd", "beheer"),
    ],
)  # fmt: skip
def test_the_cli_ends_every_session_of_the_user_at_once(
    met_gebruikers: TestClient, demo_db: str, opdracht: list[str], invoer: str | None, melding: str, reden: str
) -> None:
    log_in(met_gebruikers, "c.controller")
    tweede = TestClient(met_gebruikers.app, base_url="http://127.0.0.1")
    log_in(tweede, "c.controller")
    log_in(ander := TestClient(met_gebruikers.app, base_url="http://127.0.0.1"), "a.auditor")
    assert cli(demo_db, *opdracht, invoer=invoer) == (0, melding + "\n")
    for client in (met_gebruikers, tweede):
        assert client.get("/record", follow_redirects=False).status_code == 303
    assert ander.get("/record").status_code == 200  # another user's session goes on
    with create_engine(demo_db).connect() as v:
        redenen = v.execute(text("SELECT reden FROM begroting_sessies WHERE naam = 'c.controller'")).scalars().all()
    assert redenen == [reden, reden]


def test_after_a_password_change_the_new_password_logs_in_and_the_old_one_does_not(
    met_gebruikers: TestClient, demo_db: str
) -> None:
    assert cli(demo_db, "user", "password", "c.controller", invoer="een nieuw wachtwoord\n")[0] == 0
    data = {"naam": "c.controller", "wachtwoord": WACHTWOORD, "csrf": csrf(met_gebruikers.get("/login").text)}
    assert met_gebruikers.post("/login", data=data).status_code == 401
    log_in(met_gebruikers, "c.controller", "een nieuw wachtwoord")
    assert cli(demo_db, "user", "password", "c.controller", invoer="kort\n") == (
        2, "fout: een wachtwoord heeft minstens 8 tekens\n"
    )  # fmt: skip
    assert cli(demo_db, "user", "sessions", "end", "niemand") == (2, "fout: er is geen gebruiker niemand\n")
    assert cli(demo_db, "user", "password", "niemand", invoer="lang genoeg\n") == (
        2,
        "fout: er is geen gebruiker niemand\n",
    )


def test_a_session_ends_after_thirty_idle_minutes(met_gebruikers: TestClient, klok: Klok, log) -> None:
    log_in(met_gebruikers, "c.controller")
    for _ in range(3):  # each request within half an hour of the one before keeps it alive
        klok.nu += 29 * 60
        assert met_gebruikers.get("/record", follow_redirects=False).status_code == 200
    klok.nu += 30 * 60
    assert met_gebruikers.get("/record", follow_redirects=False).status_code == 303
    klok.nu -= 30 * 60  # once ended, it stays ended
    assert met_gebruikers.get("/record", follow_redirects=False).status_code == 303
    assert [r["reden"] for r in log() if r["gebeurtenis"] == "sessie_beeindigd"] == ["idle"]


def test_a_session_ends_twelve_hours_after_login_however_busy(met_gebruikers: TestClient, klok: Klok, log) -> None:
    log_in(met_gebruikers, "c.controller")
    for _ in range(12 * 4 - 1):
        klok.nu += 15 * 60
        assert met_gebruikers.get("/record", follow_redirects=False).status_code == 200
    klok.nu += 15 * 60
    assert met_gebruikers.get("/record", follow_redirects=False).status_code == 303
    regel = [r for r in log() if r["gebeurtenis"] == "sessie_beeindigd"]
    assert [(r["gebruiker"], r["reden"]) for r in regel] == [("c.controller", "absoluut")]


def test_the_cookie_is_httponly_and_lax_and_secure_exactly_over_https(demo_db: str) -> None:
    from tests.web.conftest import maak_client

    for basis, secure in (("http://127.0.0.1", False), ("https://127.0.0.1", True)):
        client = next(maak_client(demo_db))
        client.base_url = basis  # type: ignore[assignment]
        koekje = client.get("/login").headers["set-cookie"]
        delen = [d.strip() for d in koekje.split(";")]
        assert delen[0].startswith("begroting=") and len(delen[0]) > 40
        assert delen[1:] == ["Path=/", "Max-Age=43200", "HttpOnly", "SameSite=Lax"] + (["Secure"] if secure else [])


def test_a_forged_or_malformed_cookie_is_no_session(met_gebruikers: TestClient) -> None:
    for waarde in ("x" * 43, "a" * 5000, "../../etc", hashlib.sha256(b"x").hexdigest()):
        client = TestClient(met_gebruikers.app, base_url="http://127.0.0.1", cookies={"begroting": waarde})
        assert client.get("/record", follow_redirects=False).status_code == 303


def test_every_security_event_is_a_json_line_with_who_and_from_where(
    met_gebruikers: TestClient, demo_db: str, log
) -> None:
    gebruiker(demo_db, "b.beheerder", "beheerder")
    met_gebruikers.post(
        "/login", data={"naam": "c.controller", "wachtwoord": "fout!", "csrf": csrf(met_gebruikers.get("/login").text)}
    )
    token = log_in(met_gebruikers, "b.beheerder")
    data = {"naam": "d.nieuw", "rol": "controller", "wachtwoord": WACHTWOORD, "herhaald": WACHTWOORD}
    met_gebruikers.post("/users", data={"csrf": token, "gemeenten": "GM1708", **data})
    log_in(andere := TestClient(met_gebruikers.app, base_url="http://127.0.0.1"), "c.controller")
    met_gebruikers.post("/users/disable", data={"csrf": token, "naam": "c.controller"})
    met_gebruikers.post("/snapshots", data={"csrf": "vervalst", **BEVRIES})
    met_gebruikers.post("/logout", data={"csrf": token})
    assert andere.get("/", follow_redirects=False).status_code == 303
    regels = log()
    assert all(r["adres"] == "testclient" and r["tijd"].endswith("+00:00") for r in regels)
    gezien = [(r["gebeurtenis"], r["gebruiker"], r.get("reden") or r.get("naam")) for r in regels]
    assert gezien == [
        ("login_mislukt", "c.controller", "naam of wachtwoord onjuist, of uitgeschakeld"),
        ("login", "b.beheerder", None),
        ("gebruiker_toegevoegd", "b.beheerder", "d.nieuw"),
        ("login", "c.controller", None),
        ("gebruiker_uitgeschakeld", "b.beheerder", "c.controller"),
        ("sessie_beeindigd", "c.controller", "uitgeschakeld"),
        ("geweigerd", "b.beheerder", "het formulier is verlopen of niet van deze sessie (CSRF): er is niets veranderd"),
        ("logout", "b.beheerder", None),
        ("sessie_beeindigd", "b.beheerder", "logout"),
    ]
    toegevoegd = next(r for r in regels if r["gebeurtenis"] == "gebruiker_toegevoegd")
    assert (toegevoegd["rol"], toegevoegd["gemeenten"]) == ("controller", "GM1708")


def test_a_user_changes_their_own_password_in_the_browser_and_every_session_of_theirs_ends(
    met_gebruikers: TestClient, demo_db: str, log
) -> None:
    token = log_in(met_gebruikers, "c.controller")
    tweede = kopie(met_gebruikers)
    assert 'href="/password"' in met_gebruikers.get("/").text
    data = {
        "csrf": token,
        "huidig": "geraden?",
        "wachtwoord": "een nieuw wachtwoord",
        "herhaald": "een nieuw wachtwoord",
    }
    fout = met_gebruikers.post("/password", data=data)
    assert fout.status_code == 400 and "het huidige wachtwoord klopt niet; er is niets veranderd" in fout.text
    anders = met_gebruikers.post("/password", data={**data, "huidig": WACHTWOORD, "herhaald": "iets anders"})
    assert anders.status_code == 400 and "de twee wachtwoorden verschillen" in anders.text
    assert met_gebruikers.post("/password", data={**data, "csrf": "vervalst", "huidig": WACHTWOORD}).status_code == 403
    gedaan = met_gebruikers.post("/password", data={**data, "huidig": WACHTWOORD}, follow_redirects=False)
    assert gedaan.status_code == 303 and gedaan.headers["location"] == "/login"
    for client in (met_gebruikers, tweede):
        assert client.get("/record", follow_redirects=False).status_code == 303
    log_in(met_gebruikers, "c.controller", "een nieuw wachtwoord")
    gezien = [(r["gebeurtenis"], r.get("reden")) for r in log() if r["gebeurtenis"] != "login"]
    assert gezien == [
        ("login_mislukt", "huidig wachtwoord onjuist bij wijzigen"),
        ("geweigerd", "het formulier is verlopen of niet van deze sessie (CSRF): er is niets veranderd"),
        ("wachtwoord_gewijzigd", None),
        ("sessie_beeindigd", "wachtwoord"),
    ]
