"""Every test document: recorded again it is a silent no-op, and written back out it answers identically.

Re-recording (twice, with and without --strict): exit 0, no warnings, nothing written. Round trip: every
recorded document written by `document --out` as xlsx, ods and yaml and recorded into a fresh ledger gives
the same saldo, reserves and journal types; a workbook refuses only an opbouw, a BUIG vorige or verdeling,
naming that field (the document then goes as YAML).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, als_json, begroting, eigen_schema, voorbeeld_bestanden

SETS = {
    "steenwijkerland-2020": voorbeeld_bestanden(),
    **{
        map_.name: sorted(str(p) for p in map_.glob("*.yaml") if p.name != "04-onttrekking-te-groot.yaml")
        for map_ in sorted(DATA.iterdir())
        if map_.is_dir() and map_.name not in ("compat", "ongeldig", "werkboeken") and any(map_.glob("*.yaml"))
    },
}
IN_WERKBOEK_NIET = ("opbouw", "vorige", "verdeling")


def _gemeenten_en_bronnen(db: str) -> list[tuple[str, str]]:
    gezien: dict[tuple[str, str], None] = {}
    for e in als_json(db, "events"):
        if e["bron"] and e["type"] not in ("geopend",):
            gezien.setdefault((e["gemeente"], e["bron"]), None)
    return list(gezien)


def _antwoorden(db: str, gemeenten: set[str]) -> dict:
    uit = {}
    for g in sorted(gemeenten):
        for as_of in ("2019-06-30", "2020-12-31", "2023-12-31", "2030-01-01"):
            s = als_json(db, "saldo", "--gemeente", g, "--as-of", as_of)
            uit[(g, as_of)] = {k: s[k] for k in ("jaren", "posten", "pm", "onderdelen")}
        uit[(g, "reserves")] = als_json(db, "reserves", "--gemeente", g)["reserves"]
        uit[(g, "events")] = [(e["type"], e["bron"], e["bekend_op"]) for e in als_json(db, "events", "--gemeente", g)]
    return uit


@dataclass(frozen=True)
class Opgenomen:
    """A set recorded into a ledger, with its answers before any round trip."""

    db: str
    bestanden: list[str]
    bronnen: list[tuple[str, str]]
    antwoorden: dict


Opnemen = Callable[[str, str], Opgenomen]


@pytest.fixture(scope="module")
def opnemen(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opnemen]:
    """Records a set once per worker for all its tests: they only read its ledger, or record what is in it
    already. Each set's tests are one xdist group, so they run on one worker."""
    gedaan: dict[tuple[str, str], Opgenomen] = {}
    with ExitStack() as stapel:

        def opgenomen(naam: str, soort: str) -> Opgenomen:
            if (naam, soort) not in gedaan:
                if soort == "sqlite":
                    db = f"sqlite:///{tmp_path_factory.mktemp(naam) / 'begroting.db'}"
                else:
                    db = stapel.enter_context(eigen_schema(request.getfixturevalue("postgres_server")))
                uitkomst = begroting(db, "record", *SETS[naam])
                assert uitkomst.exit_code == 0, uitkomst.stderr
                bronnen = _gemeenten_en_bronnen(db)
                gedaan[naam, soort] = Opgenomen(db, SETS[naam], bronnen, _antwoorden(db, {g for g, _ in bronnen}))
            return gedaan[naam, soort]

        yield opgenomen


def per_set(*combinaties: tuple[str, ...]) -> list[Any]:
    return [
        pytest.param(n, *c, id="-".join((n, *c)), marks=pytest.mark.xdist_group(n)) for n in SETS for c in combinaties
    ]


@pytest.mark.parametrize(("naam", "soort"), per_set(("sqlite",), ("postgres",)))
def test_recording_every_document_again_is_silent_and_writes_nothing(opnemen: Opnemen, naam: str, soort: str) -> None:
    set_ = opnemen(naam, soort)
    db, bestanden = set_.db, set_.bestanden
    voor = als_json(db, "events")
    for optie in ([], ["--strict"], [], ["--strict"]):
        uitkomst = begroting(db, "record", *optie, *bestanden)
        assert (uitkomst.exit_code, uitkomst.stderr) == (0, ""), uitkomst.stdout
        alle = f"alle {len(bestanden)} documenten stonden" if len(bestanden) > 1 else "het document stond"
        assert uitkomst.stdout.endswith(f"niets nieuws: {alle} al geboekt\n")
    assert als_json(db, "events") == voor


@pytest.mark.parametrize(
    ("naam", "soort", "vorm"),
    per_set(("sqlite", "xlsx"), ("sqlite", "ods"), ("sqlite", "yaml"), ("postgres", "yaml")),
)
def test_every_document_written_back_answers_identically(
    opnemen: Opnemen, naam: str, soort: str, vorm: str, tmp_path: Path
) -> None:
    """Written from either database; a workbook is written alike from both, so from PostgreSQL as YAML only."""
    set_ = opnemen(naam, soort)
    db, bronnen = set_.db, set_.bronnen
    nieuw = f"sqlite:///{tmp_path / 'nieuw.db'}"
    for i, (gemeente, bron) in enumerate(bronnen):
        pad = tmp_path / f"{i:02d}-{bron}.{vorm}"
        uitkomst = begroting(db, "document", gemeente, bron, "--out", str(pad))
        if uitkomst.exit_code == 2:  # a workbook names the one field it cannot hold
            assert any(f".{veld}: een werkboek bevat geen" in uitkomst.stderr for veld in IN_WERKBOEK_NIET)
            pad = pad.with_suffix(".yaml")
            uitkomst = begroting(db, "document", gemeente, bron, "--out", str(pad))
        assert uitkomst.exit_code == 0, uitkomst.stderr
        assert begroting(nieuw, "record", str(pad)).exit_code == 0
        assert begroting(db, "record", "--strict", str(pad)).stdout.startswith("ongewijzigd ")
    assert _antwoorden(nieuw, {g for g, _ in bronnen}) == set_.antwoorden
