"""Sessions and scoped roles on both backends: the sessions table changes, the event table stays append-only."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError
from starlette.testclient import TestClient
from typer.testing import CliRunner

from cli.main import app as cli_app
from ledger.bootstrap import bootstrap
from tests.conftest import als_json, begroting, voorbeeld_bestanden
from tests.web.conftest import WACHTWOORD, csrf, log_in
from web.app import maak_app
from web.sessies import Sessies


def cli(db: str, *args: str, invoer: str | None = WACHTWOORD + "\n") -> str:
    uitkomst = CliRunner().invoke(cli_app, ["--db", db, *args], input=invoer)
    assert uitkomst.exit_code == 0, uitkomst.stderr
    return uitkomst.stdout


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    assert begroting(db_url, "record", *voorbeeld_bestanden(), "--door", "j.jansen").exit_code == 0
    cli(db_url, "user", "add", "c.controller", "--role", "controller")
    cli(db_url, "user", "add", "c.gm0363", "--role", "controller", "--gemeenten", "GM0363")
    ledger = bootstrap(db_url)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        yield TestClient(maak_app(ledger), base_url="http://127.0.0.1")
    ledger.factory.datastore.engine.dispose()


def test_logout_disable_and_sessions_end_refuse_the_cookie_and_the_events_stay_append_only(
    client: TestClient, db_url: str
) -> None:
    token = log_in(client, "c.controller")
    kopie = TestClient(client.app, base_url="http://127.0.0.1", cookies={"begroting": client.cookies["begroting"]})
    client.post("/logout", data={"csrf": token})
    assert kopie.get("/record", follow_redirects=False).status_code == 303
    weg = kopie.post("/withdraw", data={"csrf": token, "event": "GM1708-0017", "reden": "na logout"})
    assert weg.status_code == 403 and len(als_json(db_url, "events")) == 19
    log_in(client, "c.controller")
    assert (
        cli(db_url, "user", "sessions", "end", "c.controller", invoer=None) == "1 sessie van c.controller beëindigd\n"
    )
    assert client.get("/record", follow_redirects=False).status_code == 303
    log_in(client, "c.controller")
    assert (
        cli(db_url, "user", "disable", "c.controller", invoer=None)
        == "gebruiker c.controller uitgeschakeld; 1 sessie beëindigd\n"
    )
    assert client.get("/record", follow_redirects=False).status_code == 303
    with create_engine(db_url).connect() as v:
        redenen = v.execute(text("SELECT reden FROM begroting_sessies ORDER BY gemaakt")).scalars().all()
    assert redenen == ["logout", "beheer", "uitgeschakeld"]
    with pytest.raises(DBAPIError), create_engine(db_url).begin() as v:
        v.execute(text("UPDATE begroting_events SET state = state"))
    assert begroting(db_url, "verify").exit_code == 0


def test_idle_and_absolute_expiry_on_the_database_clock(client: TestClient, db_url: str) -> None:
    nu = [1_800_000_000.0]
    sessies = Sessies(create_engine(db_url), klok=lambda: nu[0])
    stil, druk = sessies.begin("c.controller"), sessies.begin("c.controller")
    for _ in range(47):
        nu[0] += 15 * 60
        assert sessies.open(druk) == ("c.controller", None)
    assert sessies.open(stil) == ("c.controller", "idle")
    assert sessies.open(stil) == (None, None)
    nu[0] += 15 * 60
    assert sessies.open(druk) == ("c.controller", "absoluut")
    assert sessies.beeindig_van("c.controller", "beheer") == 0


def test_a_scoped_controller_gets_404_reading_and_403_writing_another_gemeente(client: TestClient, db_url: str) -> None:
    token = log_in(client, "c.gm0363")
    assert client.get("/gemeente/GM1708/saldo").status_code == 404
    assert client.get("/gemeente/GM1708/journaal.csv").status_code == 404
    assert client.post("/withdraw", data={"csrf": token, "event": "GM1708-0017", "reden": "x"}).status_code == 403
    assert len(als_json(db_url, "events")) == 19
    assert "c.gm0363\tcontroller\tactief\tGM0363" in cli(db_url, "user", "list", invoer=None)
    assert csrf(client.get("/record").text) == token
