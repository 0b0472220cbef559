"""The demo ledger (the worked example and two reserve documents) served to a test client."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from cli.main import app as cli_app
from ledger.bootstrap import bootstrap
from tests.conftest import DATA, begroting, voorbeeld_bestanden
from web.app import maak_app

RESERVES = [str(DATA / "reserves" / n) for n in ("01-nota-reserves.yaml", "02-begroting-2021.yaml")]
WACHTWOORD = "correct horse battery"


@pytest.fixture
def demo_db(sqlite_url: str) -> str:
    uitkomst = begroting(sqlite_url, "record", *voorbeeld_bestanden(), *RESERVES, "--door", "j.jansen")
    assert uitkomst.exit_code == 0, uitkomst.stderr
    return sqlite_url


def maak_client(db: str) -> Iterator[TestClient]:
    ledger = bootstrap(db)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        client = TestClient(maak_app(ledger), base_url="http://127.0.0.1")
    yield client
    ledger.factory.datastore.engine.dispose()


@pytest.fixture
def client(demo_db: str) -> Iterator[TestClient]:
    yield from maak_client(demo_db)


@pytest.fixture
def met_snapshot(demo_db: str) -> Iterator[TestClient]:
    """The demo ledger with one snapshot frozen, so that /snapshots/1 exists."""
    for client in maak_client(demo_db):
        data = {"csrf": csrf(client.get("/snapshots").text), "gemeente": "GM1708", "jaar": "2020"}
        antwoord = client.post("/snapshots", data=data | {"bekend_op": "2021-04-15"}, follow_redirects=False)
        assert antwoord.status_code == 303, antwoord.text
        yield client


def gebruiker(db: str, naam: str, rol: str, wachtwoord: str = WACHTWOORD) -> None:
    uitkomst = CliRunner().invoke(cli_app, ["--db", db, "user", "add", naam, "--role", rol], input=wachtwoord + "\n")
    assert uitkomst.exit_code == 0, uitkomst.stderr


@pytest.fixture
def met_gebruikers(demo_db: str) -> Iterator[TestClient]:
    """The demo ledger with an auditor and a controller; nobody logged in yet."""
    gebruiker(demo_db, "a.auditor", "auditor")
    gebruiker(demo_db, "c.controller", "controller")
    yield from maak_client(demo_db)


def csrf(html: str) -> str:
    gevonden = re.search(r'name="csrf" value="([^"]+)"', html)
    assert gevonden, "no CSRF field on the page"
    return gevonden.group(1)


def log_in(client: TestClient, naam: str, wachtwoord: str = WACHTWOORD) -> str:
    """Log in through the form; the CSRF token of the new session."""
    token = csrf(client.get("/login").text)
    antwoord = client.post("/login", data={"naam": naam, "wachtwoord": wachtwoord, "csrf": token})
    assert antwoord.status_code == 200, antwoord.text
    return csrf(client.get("/record").text)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, object]) -> dict[str, object]:
    """The browser of a Dutch controller: it asks for Dutch (Accept-Language), as chromium's en-US would not."""
    return {**browser_context_args, "locale": "nl-NL"}
