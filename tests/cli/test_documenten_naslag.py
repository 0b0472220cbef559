"""docs/documenten.md is what the registry gives, and every example in it comes from a file that records."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from events.registry import typen
from tests.conftest import begroting
from tools import documenten

GEDOCUMENTEERD = documenten.UITVOER.read_text(encoding="utf-8")
BRONNEN = sorted(set(re.findall(r"^Voorbeeld, uit `([^`]+)`:$", GEDOCUMENTEERD, re.MULTILINE)))


def test_the_reference_is_what_the_registry_gives_now() -> None:
    """After a change to an event type: `python -m tools.documenten`, and commit docs/documenten.md."""
    assert documenten.genereer() == GEDOCUMENTEERD
    assert documenten.main(["--check"]) == 0


def test_every_type_has_its_section_its_fields_and_an_example() -> None:
    secties = GEDOCUMENTEERD.split("\n## ")[2:]
    assert [s.split("\n", 1)[0] for s in secties] == sorted(typen())
    for sectie, (naam, model) in zip(secties, sorted(typen().items()), strict=True):
        assert "Voorbeeld, uit `" in sectie, naam
        assert f"type: {naam}" in sectie, naam
        for veld in set(model.model_fields) - {"type"}:
            assert f"| `{veld}` |" in sectie, (naam, veld)


def test_a_changed_meaning_is_drift(monkeypatch: pytest.MonkeyPatch) -> None:
    model = typen()["circulaire"]
    monkeypatch.setattr(model, "betekenis", "Een andere betekenis.")
    assert documenten.genereer() != GEDOCUMENTEERD


@pytest.mark.parametrize("bron", BRONNEN)
def test_the_file_an_example_comes_from_records_after_the_files_before_it(bron: str, sqlite_url: str) -> None:
    pad = documenten.ROOT / bron
    eerder = [str(p) for p in sorted(pad.parent.glob("*.yaml")) if p.name <= pad.name]
    uitkomst = begroting(sqlite_url, "record", *eerder)
    assert uitkomst.exit_code == 0, uitkomst.stderr
    assert f"{Path(bron).name}: bron " in uitkomst.stdout
