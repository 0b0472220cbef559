"""The layers import only downwards: taal <- events <- documents, storage <- ledger <- projections <- checks <- reports
<- web <- cli.

`taal` (the language, its catalogues) is the floor: it imports nothing of the project, and every room may use it.

`documents` (reading YAML, JSON and workbooks, and their errors) and `storage` (the database: its URL,
the read side's connection and driver, the append-only triggers) are two rooms side by side: neither
imports the other, and neither imports the ledger that uses them both.

`checks` (what `record` checks against the ledger before it writes) uses the read side's queries and is used
by the commands and pages that record; the read side (`projections`) holds only answers to questions.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAGEN = ["taal", "events", "documents", "storage", "ledger", "projections", "checks", "reports", "web", "cli"]
ONZE = set(LAGEN)
MAG = {
    "taal": set(),
    "events": {"taal"},
    "documents": {"taal", "events"},
    "storage": {"taal"},
    "ledger": {"taal", "events", "documents", "storage"},
    "projections": {"taal", "events", "documents", "storage", "ledger"},
    "checks": {"taal", "events", "documents", "storage", "ledger", "projections"},
    "reports": {"taal", "events", "documents", "storage", "ledger", "projections"},
    "web": {"taal", "events", "documents", "storage", "ledger", "projections", "checks", "reports"},
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


@pytest.mark.parametrize("laag", ["taal", "events", "documents", "ledger"])
def test_the_domain_and_the_documents_import_neither_typer_nor_starlette(laag: str) -> None:
    assert overtredingen(laag, {"typer", "starlette"}) == {}


@pytest.mark.parametrize("laag", ["taal", "events", "documents"])
def test_the_events_and_the_documents_know_nothing_of_a_database(laag: str) -> None:
    assert overtredingen(laag, {"sqlalchemy", "eventsourcing_sqlalchemy", "psycopg", "psycopg2", "sqlite3"}) == {}


def modulenaam(bestand: Path) -> str:
    delen = bestand.relative_to(ROOT).with_suffix("").parts
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


def bovenaan(boom: ast.Module) -> list[ast.stmt]:
    """The statements that run when the module loads: not in a function or class, not under `if TYPE_CHECKING:`."""
    uit: list[ast.stmt] = []
    for knoop in boom.body:
        if isinstance(knoop, ast.If) and "TYPE_CHECKING" in ast.unparse(knoop.test):
            uit += bovenaan(ast.Module(body=knoop.orelse, type_ignores=[]))
        elif isinstance(knoop, (ast.If, ast.Try)):
            uit += [knoop]
            for deel in (getattr(knoop, "body", []), getattr(knoop, "orelse", []), getattr(knoop, "finalbody", [])):
                uit += bovenaan(ast.Module(body=deel, type_ignores=[]))
        else:
            uit.append(knoop)
    return uit


def overal(boom: ast.Module) -> list[ast.AST]:
    """Every statement, also in functions, except those under `if TYPE_CHECKING:`."""
    alleen_typen = {id(k) for n in ast.walk(boom) if _typecheck(n) for b in n.body for k in ast.walk(b)}  # type: ignore[attr-defined]
    return [n for n in ast.walk(boom) if id(n) not in alleen_typen]


def _typecheck(knoop: ast.AST) -> bool:
    return isinstance(knoop, ast.If) and "TYPE_CHECKING" in ast.unparse(knoop.test)


def importgraaf(lagen: list[str] = LAGEN, laden: Any = bovenaan) -> dict[str, set[str]]:
    """Each project module -> the project modules it imports as it loads (function-local imports run later)."""
    bestanden = [p for laag in lagen for p in (ROOT / laag).rglob("*.py")]
    modules = {modulenaam(p): p for p in bestanden}
    graaf: dict[str, set[str]] = {}
    for naam, pad in modules.items():
        doelen: set[str] = set()
        for knoop in laden(ast.parse(pad.read_text(encoding="utf-8"))):
            if isinstance(knoop, ast.Import):
                doelen |= {a.name for a in knoop.names}
            elif isinstance(knoop, ast.ImportFrom) and knoop.module and not knoop.level:
                doelen |= {f"{knoop.module}.{a.name}" for a in knoop.names if f"{knoop.module}.{a.name}" in modules}
                doelen.add(knoop.module)
        graaf[naam] = {d for d in doelen if d in modules and d != naam}
    return graaf


def kring(graaf: dict[str, set[str]]) -> list[str]:
    """One import circle, as the modules in it, or [] when there is none."""
    kleur: dict[str, int] = {}
    pad: list[str] = []

    def bezoek(m: str) -> list[str]:
        kleur[m] = 1
        pad.append(m)
        for d in sorted(graaf[m]):
            if kleur.get(d) == 1:
                return [*pad[pad.index(d) :], d]
            if d not in kleur and (gevonden := bezoek(d)):
                return gevonden
        kleur[m] = 2
        pad.pop()
        return []

    return next((k for m in sorted(graaf) if m not in kleur and (k := bezoek(m))), [])


def test_no_module_imports_itself_through_others_as_it_loads() -> None:
    assert kring(importgraaf()) == []


def test_events_and_projections_import_no_circle_even_through_imports_inside_functions() -> None:
    # the registry loads the type modules by name (pkgutil), not by an import statement: no edge back
    assert kring(importgraaf(["events", "projections"], overal)) == []


def test_the_circle_check_finds_a_circle() -> None:
    assert kring({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]


def test_the_ledger_asks_the_database_room_for_its_store_and_imports_no_sqlalchemy_or_driver() -> None:
    assert overtredingen("ledger", {"sqlalchemy", "eventsourcing_sqlalchemy", "psycopg", "psycopg2", "sqlite3"}) == {}


def test_the_sqlalchemy_check_finds_an_import_of_it(tmp_path: Path) -> None:
    bestand = tmp_path / "module.py"
    bestand.write_text("def f():\n    from sqlalchemy.engine import Connection\n", encoding="utf-8")
    assert geimporteerd(bestand) & {"sqlalchemy"} == {"sqlalchemy"}
