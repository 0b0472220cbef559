"""Shared fixtures: the worked example, a SQLite file per test, a PostgreSQL schema per test."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text
from typer.testing import CliRunner, Result

import taal
from cli.main import app as cli_app
from ledger.application import BegrotingApp
from ledger.bootstrap import bootstrap
from projections.reader import Reader

# The tests expect Dutch unless they ask for English: no language from the environment of whoever runs them.
for _naam in ("BEGROTING_TAAL", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_naam, None)
os.environ["LANG"] = "C.UTF-8"

PG_URL = os.environ.get("BEGROTING_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
DATA = Path(__file__).parent / "data"


def begroting(db: str, *args: str) -> Result:
    """Run the CLI in-process, as a user would: `begroting --db DB ARGS...`."""
    return CliRunner().invoke(cli_app, ["--db", db, *args])


def als_json(db: str, *args: str) -> Any:
    uitkomst = begroting(db, *args, "--format", "json")
    assert uitkomst.exit_code == 0, uitkomst.stderr
    return json.loads(uitkomst.stdout)


def opgeslagen(db: str) -> list[tuple[str, int, bytes]]:
    """The stored events; none when a refused record left no SQLite file behind (it removes one it made)."""
    if db.startswith("sqlite:///") and not Path(db.removeprefix("sqlite:///")).exists():
        return []
    engine = create_engine(db)
    with engine.connect() as v:
        rijen = v.execute(text("SELECT originator_id, originator_version, state FROM begroting_events ORDER BY id"))
        uit = [(str(r[0]), r[1], bytes(r[2])) for r in rijen]
    engine.dispose()
    return uit


def voorbeeld_bestanden() -> list[str]:
    map_ = files("cli").joinpath("voorbeeld")
    return sorted(str(p) for p in map_.iterdir() if p.name.endswith(".yaml"))


@pytest.fixture(autouse=True)
def goedkoop_wachtwoord(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its lowest cost in the tests: at the product's (64 MiB, 3 passes, 4 lanes) every hash and
    every login took 0.19 s of CPU, most of a web test's. The cost is read from the stored hash when it is
    checked, so a served process in a test checks these as well."""
    import web.gebruikers

    monkeypatch.setattr(web.gebruikers, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture(autouse=True)
def nederlands() -> Iterator[None]:
    """Each test starts in Dutch, whatever language the one before it chose."""
    taal.kies("nl")
    yield
    taal.kies("nl")


@pytest.fixture
def voorbeeld() -> list[str]:
    return voorbeeld_bestanden()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'begroting.db'}"


def _postgres_bereikbaar() -> str | None:
    try:
        engine = create_engine(PG_URL)
        with engine.connect():
            pass
        engine.dispose()
        return None
    except Exception as fout:
        return str(fout).splitlines()[0]


@pytest.fixture(scope="session")
def postgres_server() -> str:
    probleem = _postgres_bereikbaar()
    if probleem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required under CI=true and cannot be reached: {probleem}")
        pytest.skip(f"PostgreSQL not reachable: {probleem}")
    return PG_URL


@contextmanager
def eigen_schema(server: str) -> Iterator[str]:
    """A fresh schema on the server, as a URL whose search_path is it; dropped afterwards."""
    schema = f"t_{secrets.token_hex(6)}"
    engine = create_engine(server)
    with engine.begin() as v:
        v.execute(text(f"CREATE SCHEMA {schema}"))
    yield f"{server}?options={quote(f'-csearch_path={schema}')}"
    with engine.begin() as v:
        v.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    engine.dispose()


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh schema per test, dropped afterwards."""
    with eigen_schema(postgres_server) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest) -> str:
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def app(db_url: str) -> Iterator[BegrotingApp]:
    toepassing = bootstrap(db_url)
    yield toepassing
    toepassing.factory.datastore.engine.dispose()


@pytest.fixture
def sqlite_app(sqlite_url: str) -> Iterator[BegrotingApp]:
    toepassing = bootstrap(sqlite_url)
    yield toepassing
    toepassing.factory.datastore.engine.dispose()


@pytest.fixture
def reader(app: BegrotingApp) -> Reader:
    return Reader(app)
