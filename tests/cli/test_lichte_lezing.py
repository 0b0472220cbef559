"""A question to a caught-up ledger loads neither the write side, SQLAlchemy nor the event models; a catch-up does.

On PostgreSQL it loads psycopg 3, its one driver; on SQLite no PostgreSQL driver at all.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine

from storage.triggers import trigger_gebreken
from storage.verbinding import Verbinding
from tests.conftest import begroting
from tests.integration.test_verify import knoei, zonder_triggers

ZWAAR = ("eventsourcing", "eventsourcing_sqlalchemy", "sqlalchemy.orm", "sqlalchemy_utils", "events.base")
SALDO = ("saldo", "--gemeente", "GM1708", "--as-of", "2020-10-13", "--format", "json")
PROGRAMMA = """
import json, sys
from cli.main import run
uit, sys.argv = sys.argv[1], ["begroting", *sys.argv[2:]]
try:
    run()
finally:
    open(uit, "w").write(json.dumps(sorted(sys.modules)))
"""


def geladen(tmp_path: Path, *args: str) -> tuple[set[str], str]:
    """(the modules one whole `begroting ARGS` process loaded, what it printed)."""
    lijst = tmp_path / "modules.json"
    uitkomst = subprocess.run(
        [sys.executable, "-c", PROGRAMMA, str(lijst), *args], capture_output=True, text=True, check=True
    )
    return set(json.loads(lijst.read_text())), uitkomst.stdout


def test_a_question_loads_the_write_side_only_when_the_read_models_must_catch_up(
    db_url: str, voorbeeld: list[str], tmp_path: Path
) -> None:
    assert begroting(db_url, "record", *voorbeeld).exit_code == 0
    bijwerken, eerste = geladen(tmp_path, "--db", db_url, *SALDO)
    assert {"eventsourcing_sqlalchemy", "ledger.application"} <= bijwerken
    bij, tweede = geladen(tmp_path, "--db", db_url, *SALDO)
    assert bij.isdisjoint(ZWAAR) and "ledger.application" not in bij
    assert tweede == eerste
    assert set(json.loads(tweede)["jaren"]) >= {"2020", "2021"}


def test_a_question_to_caught_up_read_models_loads_neither_sqlalchemy_nor_pydantic_and_only_its_own_driver(
    db_url: str, voorbeeld: list[str], tmp_path: Path
) -> None:
    ander = ("psycopg2",) if db_url.startswith("postgresql") else ("psycopg", "psycopg2")
    assert begroting(db_url, "record", *voorbeeld).exit_code == 0
    geladen(tmp_path, "--db", db_url, *SALDO)  # catches up
    g = ("--gemeente", "GM1708")
    for vraag in (SALDO, ("diff", *g, "--van", "2020-06-30", "--tot", "2020-10-13"), ("reserves", *g)):
        modules, uitvoer = geladen(tmp_path, "--db", db_url, *vraag)
        assert modules.isdisjoint((*ZWAAR, "sqlalchemy", "pydantic", *ander)), vraag
        assert ("psycopg" in modules) is db_url.startswith("postgresql"), vraag
        assert "GM1708" in uitvoer


def test_help_loads_no_database_library_and_no_event_model(tmp_path: Path) -> None:
    modules, uitvoer = geladen(tmp_path, "--help")
    assert "record" in uitvoer and "saldo" in uitvoer
    assert modules.isdisjoint((*ZWAAR, "sqlalchemy", "pydantic", "rich"))


def test_a_question_after_the_triggers_were_dropped_puts_them_back_as_every_start_up_does(
    db_url: str, voorbeeld: list[str]
) -> None:
    assert begroting(db_url, "record", *voorbeeld).exit_code == 0
    assert begroting(db_url, *SALDO).exit_code == 0  # the read models are caught up: the next question is light
    knoei(db_url, *zonder_triggers(db_url))
    assert begroting(db_url, *SALDO).exit_code == 0
    engine = create_engine(db_url)
    with engine.connect() as verbinding:
        assert trigger_gebreken(Verbinding.van(verbinding), "begroting_events") == []
    engine.dispose()
