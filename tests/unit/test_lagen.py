"""The layers import only downwards: events <- ledger <- projections <- reports <- web <- cli."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAGEN = ["events", "ledger", "projections", "reports", "web", "cli"]


def geimporteerd(bestand: Path) -> set[str]:
    """The top-level packages a module imports, also inside functions."""
    namen: set[str] = set()
    for knoop in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Import):
            namen |= {a.name.split(".")[0] for a in knoop.names}
        elif isinstance(knoop, ast.ImportFrom) and knoop.module and not knoop.level:
            namen.add(knoop.module.split(".")[0])
    return namen


@pytest.mark.parametrize("laag", LAGEN[:-1])
def test_a_layer_imports_nothing_from_the_layers_above_it(laag: str) -> None:
    hoger = set(LAGEN[LAGEN.index(laag) + 1 :])
    fout = {str(p.relative_to(ROOT)): sorted(geimporteerd(p) & hoger) for p in (ROOT / laag).rglob("*.py")}
    assert {k: v for k, v in fout.items() if v} == {}
