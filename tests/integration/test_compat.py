"""Ledgers written by earlier released versions, read by the current one (SPEC "Compatibility").

Each folder under tests/data/compat/ is kept for every later version. It holds a ledger recorded with a released
version (`begroting.db`, read models as that version left them), the documents and commands that recorded it
(`documenten/manifest.json`), and that version's JSON answers to a list of questions (`antwoorden/vragen.json`
names each question's CLI args). The current code must verify each ledger, give every answer at least as the old
version gave it (more keys are welcome), and record the same documents again as a no-op.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, begroting

COMPAT = DATA / "compat"
VERSIES = sorted(p for p in COMPAT.iterdir() if (p / "begroting.db").is_file())


def lees_json(pad: Path) -> Any:
    return json.loads(pad.read_text(encoding="utf-8"))


def vragen(versie: Path) -> dict[str, list[str]]:
    return lees_json(versie / "antwoorden" / "vragen.json")


def record_commandos(versie: Path) -> list[list[str]]:
    return [c for c in lees_json(versie / "documenten" / "manifest.json")["commandos"] if c[0] == "record"]


def kopie(versie: Path, tmp_path: Path) -> str:
    """A copy of the old ledger to work on: the fixture itself is never opened, let alone changed."""
    doel = tmp_path / f"{versie.name}.db"
    shutil.copyfile(versie / "begroting.db", doel)
    return f"sqlite:///{doel}"


def eerste_verschil(oud: Any, nieuw: Any, pad: str = "$") -> str | None:
    """Where `nieuw` first fails to hold all of `oud`: objects may have more keys, lists must be as long."""
    if isinstance(oud, dict):
        if not isinstance(nieuw, dict):
            return f"{pad}: expected an object, got {nieuw!r}"
        for sleutel, waarde in oud.items():
            if sleutel not in nieuw:
                return f"{pad}.{sleutel}: missing, expected {waarde!r}"
            verschil = eerste_verschil(waarde, nieuw[sleutel], f"{pad}.{sleutel}")
            if verschil:
                return verschil
        return None
    if isinstance(oud, list):
        if not isinstance(nieuw, list):
            return f"{pad}: expected a list, got {nieuw!r}"
        if len(oud) != len(nieuw):
            return f"{pad}: expected {len(oud)} items, got {len(nieuw)}"
        for i, (o, n) in enumerate(zip(oud, nieuw, strict=True)):
            verschil = eerste_verschil(o, n, f"{pad}[{i}]")
            if verschil:
                return verschil
        return None
    if type(oud) is not type(nieuw) or oud != nieuw:
        return f"{pad}: expected {oud!r}, got {nieuw!r}"
    return None


def aantal_events(db: str) -> int:
    uitkomst = begroting(db, "events", "--format", "json")
    assert uitkomst.exit_code == 0, uitkomst.output
    return len(json.loads(uitkomst.stdout))


def test_there_is_a_ledger_of_at_least_one_released_version_with_questions_and_commands() -> None:
    assert VERSIES, f"no compatibility ledgers under {COMPAT}"
    for versie in VERSIES:
        assert vragen(versie), versie.name
        assert record_commandos(versie), versie.name


def test_the_subset_comparison_allows_more_keys_but_reports_the_path_of_the_first_difference() -> None:
    oud = {"jaren": {"2020": {"effect": "1.00"}}, "posten": [{"post": "buig", "jaar": 2020}]}
    assert eerste_verschil(oud, {"extra": 1, **oud}) is None
    assert eerste_verschil(oud, {**oud, "posten": [{"post": "buig", "jaar": 2020, "nieuw": True}]}) is None
    assert eerste_verschil(oud, {**oud, "posten": [{"post": "buig", "jaar": "2020"}]}) == (
        "$.posten[0].jaar: expected 2020, got '2020'"
    )
    assert eerste_verschil(oud, {**oud, "posten": []}) == "$.posten: expected 1 items, got 0"
    assert eerste_verschil(oud, {"posten": oud["posten"]}) == "$.jaren: missing, expected {'2020': {'effect': '1.00'}}"
    assert eerste_verschil(oud, {**oud, "jaren": {"2020": {"effect": "2.00"}}}) == (
        "$.jaren.2020.effect: expected '1.00', got '2.00'"
    )


@pytest.mark.parametrize("versie", VERSIES, ids=[v.name for v in VERSIES])
def test_a_ledger_of_an_earlier_version_verifies(versie: Path, tmp_path: Path) -> None:
    uitkomst = begroting(kopie(versie, tmp_path), "verify")
    assert uitkomst.exit_code == 0, uitkomst.output


@pytest.mark.parametrize(
    ("versie", "vraag"),
    [pytest.param(v, naam, id=f"{v.name}-{naam}") for v in VERSIES for naam in vragen(v)],
)
def test_a_ledger_of_an_earlier_version_answers_as_that_version_did(versie: Path, vraag: str, tmp_path: Path) -> None:
    args = vragen(versie)[vraag]
    uitkomst = begroting(kopie(versie, tmp_path), *args, "--format", "json")
    assert uitkomst.exit_code == 0, uitkomst.output
    verwacht = lees_json(versie / "antwoorden" / f"{vraag}.json")
    verschil = eerste_verschil(verwacht, json.loads(uitkomst.stdout))
    assert verschil is None, f"begroting {' '.join(args)} --format json: {verschil}"


@pytest.mark.parametrize("versie", VERSIES, ids=[v.name for v in VERSIES])
def test_recording_the_documents_of_an_earlier_version_again_is_a_no_op(
    versie: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = kopie(versie, tmp_path)
    voor = aantal_events(db)
    documenten = shutil.copytree(versie / "documenten", tmp_path / "documenten")
    monkeypatch.chdir(documenten)  # the manifest's paths are relative to it, as they were when recorded
    for commando in record_commandos(versie):
        uitkomst = begroting(db, *commando)
        assert uitkomst.exit_code == 0, f"begroting {' '.join(commando)}: {uitkomst.output}"
    assert aantal_events(db) == voor
