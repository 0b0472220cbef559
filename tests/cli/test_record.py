"""`begroting record`, exactly as a user sees it: output, messages and exit codes."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA, begroting

ONGELDIG = DATA / "ongeldig"
VERWACHT = list(csv.DictReader((ONGELDIG / "verwacht.csv").open(encoding="utf-8")))


def aantal_events(db: str) -> int:
    uitkomst = begroting(db, "events", "--format", "csv")
    assert uitkomst.exit_code == 0, uitkomst.stderr
    return len(uitkomst.stdout.splitlines()) - 1


@pytest.fixture
def voorbeeld_hier(tmp_path: Path, voorbeeld: list[str]) -> list[str]:
    """The worked example copied next to the test, so messages show short, stable paths."""
    return [str(shutil.copy(p, tmp_path / Path(p).name)) for p in voorbeeld]


def test_recording_the_example_prints_what_was_recorded(sqlite_url: str, voorbeeld_hier: list[str]) -> None:
    uitkomst = begroting(sqlite_url, "record", *voorbeeld_hier, "--door", "j.jansen")
    assert uitkomst.exit_code == 0
    regels = [r.replace(str(Path(voorbeeld_hier[0]).parent) + "/", "") for r in uitkomst.stdout.splitlines()]
    assert regels == [
        "geboekt 01-begroting.yaml: bron begroting-2020-2024-stand-mei voor GM1708: 1 event (GM1708-0002)",
        "geboekt 02-buig-2020-nader-voorlopig.yaml: bron buig-2020-nader-voorlopig voor GM1708: 1 event (GM1708-0003)",
        "geboekt 03-septembercirculaire-2020.yaml: bron septembercirculaire-2020 voor GM1708: "
        "12 events (GM1708-0004 .. GM1708-0015)",
        "geboekt 04-buig-definitief-2020-voorlopig-2021.yaml: bron buig-2020-definitief-2021-voorlopig voor GM1708: "
        "2 events (GM1708-0016 .. GM1708-0017)",
        "geboekt 05-informatienota-stelposten.yaml: bron informatienota-septembercirculaire-2020 voor GM1708: "
        "3 events (GM1708-0018 .. GM1708-0020)",
        "19 events geboekt uit 5 documenten",
    ]
    assert aantal_events(sqlite_url) == 19


def test_recording_the_same_files_again_is_a_no_op_that_says_so(sqlite_url: str, voorbeeld_hier: list[str]) -> None:
    begroting(sqlite_url, "record", *voorbeeld_hier)
    uitkomst = begroting(sqlite_url, "record", voorbeeld_hier[0])
    assert uitkomst.exit_code == 0
    assert uitkomst.stdout.splitlines()[-1] == "niets nieuws: het document stond al geboekt"
    assert "staat al met deze inhoud geboekt voor GM1708" in uitkomst.stdout
    assert aantal_events(sqlite_url) == 19


def test_the_same_bron_with_changed_content_exits_3_and_writes_nothing(
    sqlite_url: str, voorbeeld_hier: list[str], tmp_path: Path
) -> None:
    begroting(sqlite_url, "record", *voorbeeld_hier)
    gewijzigd = tmp_path / "sept-gewijzigd.yaml"
    gewijzigd.write_text(Path(voorbeeld_hier[2]).read_text().replace("77891", "78891"))
    nieuw = tmp_path / "nieuw.yaml"
    nieuw.write_text(
        "gemeente: GM1708\nbron: {id: nieuw, datum: 2020-11-01}\n"
        "events:\n  - {type: bcf_afrekening, jaar: 2019, bedrag: 295}\n"
    )
    uitkomst = begroting(sqlite_url, "record", str(nieuw), str(gewijzigd))
    assert uitkomst.exit_code == 3
    assert uitkomst.stderr == (
        f"fout: {gewijzigd}: bron 'septembercirculaire-2020' is eerder met andere inhoud geboekt; "
        "geef het nieuwe document een eigen bron-id, of gebruik `begroting correct`\n"
    )
    assert aantal_events(sqlite_url) == 19


@pytest.mark.parametrize("geval", VERWACHT, ids=[g["bestand"] for g in VERWACHT])
def test_a_malformed_document_exits_2_names_file_and_field_and_writes_nothing(
    sqlite_url: str, voorbeeld_hier: list[str], geval: dict[str, str], tmp_path: Path
) -> None:
    begroting(sqlite_url, "record", *voorbeeld_hier)
    geldig = tmp_path / "geldig.yaml"
    geldig.write_text(
        "gemeente: GM1708\nbron: {id: bcf-afrekening-2019, datum: 2020-05-29}\n"
        "events:\n  - {type: bcf_afrekening, jaar: 2019, bedrag: 295000}\n"
    )
    bestand = str(ONGELDIG / geval["bestand"])
    uitkomst = begroting(sqlite_url, "record", str(geldig), bestand)
    assert uitkomst.exit_code == 2
    waar = f"{bestand}: {geval['plaats']}: " if geval["plaats"] else f"{bestand}: "
    assert uitkomst.stderr.startswith(f"fout: {waar}"), uitkomst.stderr
    assert geval["melding"] in uitkomst.stderr
    assert "Traceback" not in uitkomst.stderr + uitkomst.stdout
    assert aantal_events(sqlite_url) == 19


def test_the_corpus_holds_at_least_25_malformed_documents() -> None:
    bestanden = {p.name for p in ONGELDIG.iterdir() if p.suffix in (".yaml", ".json")}
    assert len(bestanden) >= 25
    assert bestanden == {g["bestand"] for g in VERWACHT}


def test_several_bad_files_are_all_reported_at_once(sqlite_url: str) -> None:
    a, b = ONGELDIG / "03-jaar-1800.yaml", ONGELDIG / "20-leeg.yaml"
    uitkomst = begroting(sqlite_url, "record", str(a), str(b))
    assert uitkomst.exit_code == 2
    assert uitkomst.stderr == (
        f"fout: {a}: events[0].jaar: jaar 1800 ligt buiten 1990-2100\n{b}: het bestand is leeg\n"
    )


def test_a_missing_file_exits_2(sqlite_url: str) -> None:
    uitkomst = begroting(sqlite_url, "record", "bestaat-niet.yaml")
    assert (uitkomst.exit_code, uitkomst.stderr) == (2, "fout: bestaat-niet.yaml: bestand bestaat niet\n")


@pytest.mark.parametrize("schema", ["postgresql", "postgres", "postgresql+psycopg2"])
def test_a_postgresql_url_without_psycopg_3_in_it_records_again_and_answers(
    postgres_url: str, voorbeeld: list[str], schema: str
) -> None:
    """The second record catches the read models up first: it, too, writes through psycopg 3."""
    db = schema + postgres_url.removeprefix("postgresql+psycopg")
    assert begroting(db, "record", *voorbeeld[:2]).exit_code == 0
    tweede = begroting(db, "record", *voorbeeld[2:])
    assert (tweede.exit_code, tweede.stderr) == (0, "")
    assert tweede.stdout.splitlines()[-1] == "17 events geboekt uit 3 documenten"
    assert aantal_events(db) == 19
