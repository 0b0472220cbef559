"""The layers import only downwards: events <- documents, storage <- ledger <- projections <- reports <- web <- cli.

`documents` (reading YAML, JSON and workbooks, and their errors) and `storage` (the database: its URL,
the read side's connection and driver, the append-only triggers) are two rooms side by side: neither
imports the other, and neither imports the ledger that uses them both.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAGEN = ["events", "documents", "storage", "ledger", "projections", "reports", "web", "cli"]
ONZE = set(LAGEN)
MAG = {
    "events": set(),
    "documents": {"events"},
    "storage": set(),
    "ledger": {"events", "documents", "storage"},
    "projections": {"events", "documents", "storage", "ledger"},
    "reports": {"events", "documents", "storage", "ledger", "projections"},
    "web": {"events", "documents", "storage", "ledger", "projections", "reports"},
    "cli": ONZE - {"cli"},
}


def geimporteerd(bestand: Path) -> set[str]:
    """The top-level packages a module imports, also inside functions."""
    namen: set[str] = set()
    for knoop in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Import):
            namen |= {a.name.split(".")[0] for a in knoop.names}
        elif isinstance(knoop, ast.ImportFrom) and knoop.module and not knoop.level:
            namen.add(knoop.module.split(".")[0])
    return namen


def overtredingen(laag: str, verboden: set[str]) -> dict[str, list[str]]:
    fout = {str(p.relative_to(ROOT)): sorted(geimporteerd(p) & verboden) for p in (ROOT / laag).rglob("*.py")}
    return {k: v for k, v in fout.items() if v}


@pytest.mark.parametrize("laag", LAGEN)
def test_a_room_imports_only_the_rooms_below_it(laag: str) -> None:
    assert overtredingen(laag, ONZE - MAG[laag] - {laag}) == {}


def test_the_rooms_form_no_circle_and_follow_the_stated_order() -> None:
    for laag in LAGEN:
        assert MAG[laag] <= set(LAGEN[: LAGEN.index(laag)])


@pytest.mark.parametrize("laag", ["events", "documents", "ledger"])
def test_the_domain_and_the_documents_import_neither_typer_nor_starlette(laag: str) -> None:
    assert overtredingen(laag, {"typer", "starlette"}) == {}


@pytest.mark.parametrize("laag", ["events", "documents"])
def test_the_events_and_the_documents_know_nothing_of_a_database(laag: str) -> None:
    assert overtredingen(laag, {"sqlalchemy", "eventsourcing_sqlalchemy", "psycopg", "psycopg2", "sqlite3"}) == {}
