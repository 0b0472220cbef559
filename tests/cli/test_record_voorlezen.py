"""A large `record` reads its files in a helper process: what it stores and refuses is what it does alone.

The helper is switched on for a handful of files here (`helpt`), in blocks of two files with one block
read ahead, so the worked example alone crosses every block boundary.
"""

from __future__ import annotations

import json
import os
import pickle
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from documents.documenten import lees_document
from ledger import readahead, stroom
from tests.conftest import DATA, begroting

WERKBOEKEN = DATA / "werkboeken" / "voorbeeld"
VOORBEELDSTAD = sorted(str(p) for p in (DATA / "voorbeeldstad-2024").glob("*.yaml"))
SLECHT = DATA / "ongeldig" / "03-jaar-1800.yaml"
VLUCHTIG = ("timestamp", "hash", "vorige_hash")
"""What differs between two recordings of the same files: when, and the hash chain over it."""


@pytest.fixture
def met_helper(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Switch the helper on; the number of files of each record it read for."""
    gelezen: list[int] = []

    class Geteld(readahead.Lezing):
        def __init__(self, paden: list[str]) -> None:
            gelezen.append(len(paden))
            super().__init__(paden)

    monkeypatch.setattr(readahead, "helpt", lambda paden: True)
    monkeypatch.setattr(readahead, "Lezing", Geteld)
    monkeypatch.setattr(readahead, "BLOK", 2)
    monkeypatch.setattr(readahead, "VOORUIT", 1)
    return gelezen


def opgeslagen(db: str) -> list[dict]:
    engine = create_engine(db)
    with engine.connect() as v:
        staten = v.execute(text("SELECT state FROM begroting_events ORDER BY id")).scalars().all()
    engine.dispose()
    return [{k: w for k, w in json.loads(bytes(s)).items() if k not in VLUCHTIG} for s in staten]


def test_the_events_stored_with_a_helper_are_those_stored_without(
    met_helper: list[int], voorbeeld: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paden = [*VOORBEELDSTAD, *voorbeeld]
    alleen, samen = f"sqlite:///{tmp_path / 'alleen.db'}", f"sqlite:///{tmp_path / 'samen.db'}"
    uitkomst = begroting(samen, "record", *paden, "--door", "j.jansen")
    assert uitkomst.exit_code == 0, uitkomst.stderr
    assert met_helper == [len(paden)]
    monkeypatch.setattr(readahead, "helpt", lambda paden: False)
    zonder = begroting(alleen, "record", *paden, "--door", "j.jansen")
    assert (zonder.stdout, zonder.stderr) == (uitkomst.stdout, uitkomst.stderr)
    assert met_helper == [len(paden)]
    assert opgeslagen(samen) == opgeslagen(alleen)
    assert uitkomst.stdout.splitlines()[-1] == "23 events recorded from 9 document(s)"
    assert len(opgeslagen(samen)) == 2 + 23  # and the openings of two ledgers


def test_a_workbook_read_by_the_helper_records_as_its_yaml_twin(met_helper: list[int], tmp_path: Path) -> None:
    werkboeken = sorted(str(p) for p in WERKBOEKEN.glob("*.xlsx"))
    yaml = sorted(str(p) for p in Path("cli/voorbeeld").glob("*.yaml"))
    uit_werkboek, uit_yaml = f"sqlite:///{tmp_path / 'w.db'}", f"sqlite:///{tmp_path / 'y.db'}"
    assert begroting(uit_werkboek, "record", *werkboeken).exit_code == 0
    assert begroting(uit_yaml, "record", *yaml).exit_code == 0
    assert met_helper and [e.get("feit") for e in opgeslagen(uit_werkboek)] == [
        e.get("feit") for e in opgeslagen(uit_yaml)
    ]


def test_a_bad_file_read_by_the_helper_is_refused_as_without_it(
    met_helper: list[int], voorbeeld: list[str], db_url: str
) -> None:
    uitkomst = begroting(db_url, "record", *voorbeeld, str(SLECHT), *VOORBEELDSTAD)
    assert (uitkomst.exit_code, uitkomst.stderr) == (
        2,
        f"error: {SLECHT}: events[0].jaar: jaar 1800 is outside 1990-2100\n",
    )
    assert met_helper and opgeslagen(db_url) == []


def test_a_missing_file_read_by_the_helper_is_refused_with_its_name(
    met_helper: list[int], voorbeeld: list[str], tmp_path: Path
) -> None:
    db, weg = f"sqlite:///{tmp_path / 'b.db'}", str(tmp_path / "weg.yaml")
    uitkomst = begroting(db, "record", *voorbeeld, weg)
    assert uitkomst.exit_code == 2
    assert uitkomst.stderr.startswith(f"error: {weg}: ")
    assert "Traceback" not in uitkomst.stderr


def test_a_large_record_written_in_parts_with_a_helper_verifies(
    met_helper: list[int], voorbeeld: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stroom, "PER_KEER", 1)
    monkeypatch.setattr(stroom, "BEWAARD", 0)
    db = f"sqlite:///{tmp_path / 'delen.db'}"
    assert begroting(db, "record", *voorbeeld, *VOORBEELDSTAD).exit_code == 0
    assert begroting(db, "verify").exit_code == 0


def test_a_helper_is_used_for_many_regular_files_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readahead, "VANAF", 3)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    gewoon = [str(tmp_path / f"{i}.yaml") for i in range(3)]
    for pad in gewoon:
        Path(pad).write_text("x")
    pijp = tmp_path / "pijp"
    os.mkfifo(pijp)
    assert (readahead.helpt(gewoon), readahead.helpt(gewoon[:2]), readahead.helpt([*gewoon, str(pijp)])) == (
        True,
        False,
        False,
    )
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert not readahead.helpt(gewoon)


def test_a_document_sent_from_the_helper_keeps_its_lines_and_equals_the_one_read_here(voorbeeld: list[str]) -> None:
    document = lees_document(voorbeeld[2])
    for feit in document.feiten:
        feit.lijnen()
    terug = pickle.loads(pickle.dumps(document))
    assert terug == document
    for hier, daar in zip(document.feiten, terug.feiten, strict=True):
        assert daar.__pydantic_private__["_lijnen"] == hier.lijnen()
        assert daar.lijnen() == hier.lijnen() and type(daar.lijnen()[0]) is type(hier.lijnen()[0])
        assert daar.als_json() == hier.als_json()


def test_a_helper_that_dies_leaves_the_reading_to_the_record_itself(
    met_helper: list[int], voorbeeld: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def sterft(paden: list[str], blokken: object, beurt: object, ruimte: object) -> None:
        os._exit(1)  # as a helper killed for its memory would end

    monkeypatch.setattr(readahead, "_lees_alle", sterft)
    monkeypatch.setattr(readahead, "WACHT", 0.01)
    db = f"sqlite:///{tmp_path / 'b.db'}"
    uitkomst = begroting(db, "record", *voorbeeld, *VOORBEELDSTAD)
    assert (uitkomst.exit_code, uitkomst.stdout.splitlines()[-1]) == (0, "23 events recorded from 9 document(s)")
    assert met_helper == [9]


def test_a_record_reads_every_block_itself_that_a_slow_helper_has_not_begun(
    met_helper: list[int], voorbeeld: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def traag(paden: list[str], blokken: object, beurt: object, ruimte: object) -> None:
        time.sleep(60)  # it never takes a turn: every block is the record's

    hier: list[str] = []
    lees = readahead._lees
    monkeypatch.setattr(readahead, "_lees_alle", traag)
    monkeypatch.setattr(readahead, "_lees", lambda pad: hier.append(pad) or lees(pad))
    db = f"sqlite:///{tmp_path / 'b.db'}"
    uitkomst = begroting(db, "record", *voorbeeld, *VOORBEELDSTAD)
    assert (uitkomst.exit_code, uitkomst.stdout.splitlines()[-1]) == (0, "23 events recorded from 9 document(s)")
    assert hier == [*voorbeeld, *VOORBEELDSTAD]


def test_the_helper_reads_no_more_megabytes_ahead_than_allowed_and_every_file_still_comes_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readahead, "BLOK", 1)
    monkeypatch.setattr(readahead, "MEGABYTES", 2)
    groot = "x" * (1 << 20)  # a toelichting of a megabyte: each file is one megabyte and a little
    paden = []
    for i in range(8):
        pad = tmp_path / f"{i}.json"
        bron = {"id": f"groot-{i}", "datum": "2024-05-31"}
        feit = {"type": "prognose", "post": "algemene_uitkering", "richting": "baten", "toelichting": groot}
        pad.write_text(json.dumps({"gemeente": "GM0150", "bron": bron, "events": [feit | {"bedragen": {"2024": i}}]}))
        paden.append(str(pad))
    lezing = readahead.Lezing(paden)
    try:
        for _ in range(200):  # the helper takes a third turn, then waits for room
            if lezing.beurt.value >= 3:
                break
            time.sleep(0.05)
        time.sleep(0.5)
        assert lezing.beurt.value == 3
        gelezen = list(lezing)
    finally:
        lezing.stop()
    assert [g[1].bron.id for g in gelezen if g] == [f"groot-{i}" for i in range(8)]
