"""Refusals instead of surprises: each says what is wrong, exits 2 (3 for a conflict) and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import begroting

G = "GM1708"


@pytest.fixture
def db(sqlite_url: str, voorbeeld: list[str]) -> str:
    assert begroting(sqlite_url, "record", *voorbeeld, "--door", "controller").exit_code == 0
    return sqlite_url


def aantal_events(db: str) -> int:
    return len(json.loads(begroting(db, "events", "--format", "json").stdout))


def test_a_bron_id_taken_by_an_erratum_cannot_be_recorded_with_other_content(db: str, tmp_path: Path) -> None:
    erratum = tmp_path / "erratum.yaml"
    erratum.write_text(
        "gemeente: GM1708\nbron: {id: erratum-1, datum: 2020-10-01}\n"
        "events:\n  - {type: buig_beschikking, fase: definitief, jaar: 2020, bedrag: 12700000}\n"
    )
    assert begroting(db, "correct", "GM1708-0017", str(erratum), "--reden", "bedrag").exit_code == 0
    ander = tmp_path / "ander.yaml"
    ander.write_text(erratum.read_text().replace("12700000", "1"))
    uitkomst = begroting(db, "record", str(ander))
    assert uitkomst.exit_code == 3
    assert "bron 'erratum-1' is eerder met andere inhoud geboekt" in uitkomst.stderr
    assert begroting(db, "record", str(erratum)).exit_code == 0  # the erratum itself: already here
    assert aantal_events(db) == 20


@pytest.mark.parametrize("opdracht", [["withdraw", "GM1708-0017"], ["correct", "GM1708-0017", "x.yaml"]])
def test_a_correction_or_withdrawal_without_a_reason_is_refused(db: str, opdracht: list[str]) -> None:
    uitkomst = begroting(db, *opdracht, "--reden", "  ")
    assert uitkomst.exit_code == 2
    assert "zeg waarom" in uitkomst.stderr
    assert aantal_events(db) == 19


@pytest.mark.parametrize(
    "vraag", [["saldo"], ["reserves"], ["events"], ["explain", "--post", "buig", "--jaar", "2020"]]
)
def test_a_question_about_a_gemeente_without_a_ledger_exits_2(db: str, vraag: list[str]) -> None:
    uitkomst = begroting(db, *vraag, "--gemeente", "GM0999")
    assert (uitkomst.exit_code, uitkomst.stderr) == (
        2,
        "fout: er is geen grootboek voor GM0999 in deze database; grootboeken hier, meest gelijkend eerst: "
        "Steenwijkerland (GM1708)\n",
    )


@pytest.mark.parametrize("jaren", ["0-99999999999999999999999", "1800-2020", "2020-2300", "２０２０"])
def test_years_outside_the_begrotingsjaren_are_a_usage_error(db: str, jaren: str) -> None:
    uitkomst = begroting(db, "saldo", "--gemeente", G, "--jaren", jaren)
    assert uitkomst.exit_code == 2
    assert "Traceback" not in uitkomst.output


def test_a_date_given_to_recorded_by_means_the_end_of_that_day_in_either_spelling(db: str) -> None:
    kort = begroting(db, "saldo", "--gemeente", G, "--as-of", "2020-10-13", "--recorded-by", "20991231", "-f", "json")
    lang = begroting(db, "saldo", "--gemeente", G, "--as-of", "2020-10-13", "--recorded-by", "2099-12-31", "-f", "json")
    assert json.loads(kort.stdout)["recorded_by"] == json.loads(lang.stdout)["recorded_by"]
    assert json.loads(kort.stdout)["recorded_by"].startswith("2099-12-31T23:59:59")


def test_export_refuses_a_directory_as_its_file(db: str, tmp_path: Path) -> None:
    uitkomst = begroting(db, "export", "--format", "journal", "--out", str(tmp_path))
    assert uitkomst.exit_code == 2
    assert "is een map; noem een bestand" in uitkomst.output


def test_a_snapshot_is_not_overwritten_without_force_nor_written_onto_a_file(db: str, tmp_path: Path) -> None:
    vraag = ["snapshot", "--gemeente", G, "--jaar", "2020", "--as-of", "2020-12-31"]
    assert begroting(db, *vraag, "--out", str(tmp_path / "s")).exit_code == 0
    eerst = (tmp_path / "s" / "snapshot.json").read_text()
    uitkomst = begroting(db, *vraag, "--out", str(tmp_path / "s"))
    assert uitkomst.exit_code == 2
    assert "bevat al een snapshot" in uitkomst.output
    assert (tmp_path / "s" / "snapshot.json").read_text() == eerst
    assert begroting(db, *vraag, "--out", str(tmp_path / "s"), "--force").exit_code == 0
    (tmp_path / "bestand").write_text("x")
    assert begroting(db, *vraag, "--out", str(tmp_path / "bestand")).exit_code == 2


def test_who_made_a_snapshot_is_under_its_hash(db: str, tmp_path: Path) -> None:
    vraag = ["snapshot", "--gemeente", G, "--jaar", "2020", "--as-of", "2020-12-31", "--out", str(tmp_path / "s")]
    assert begroting(db, *vraag).exit_code == 0
    pad = tmp_path / "s" / "snapshot.json"
    gegevens = json.loads(pad.read_text())
    gegevens["gemaakt"]["door"] = "iemand anders"
    pad.write_text(json.dumps(gegevens))
    uitkomst = begroting(db, "snapshot", "verify", str(pad))
    assert uitkomst.exit_code == 1
    assert "het bestand is gewijzigd nadat het gemaakt werd" in uitkomst.stdout


def test_demo_does_not_print_a_password() -> None:
    from cli.beheer import zonder_wachtwoord

    url = "postgresql+psycopg://controller:geheim@dbserver/begroting"
    assert zonder_wachtwoord(url) == "postgresql+psycopg://controller:***@dbserver/begroting"


CAPELLE = Path(__file__).parents[1] / "data" / "au-capelleaandenijssel-2021" / "begroting-2021.yaml"


@pytest.mark.parametrize(
    ("opties", "inhoud"),
    [
        (("--strict",), None),  # Capelle's table warns of four rows
        ((), "gemeente: GM17\n"),
    ],
    ids=["strict-warning", "invalid-document"],
)
def test_a_refused_record_into_a_new_sqlite_file_leaves_no_file(
    tmp_path: Path, opties: tuple[str, ...], inhoud: str | None
) -> None:
    document = CAPELLE
    if inhoud is not None:
        document = tmp_path / "fout.yaml"
        document.write_text(inhoud)
    bestand = tmp_path / "nieuw.db"
    uitkomst = begroting(f"sqlite:///{bestand}", "record", *opties, str(document))
    assert uitkomst.exit_code == 2 and uitkomst.stderr.startswith("fout: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == (["fout.yaml"] if inhoud else [])


def test_a_refused_record_into_an_existing_ledger_leaves_it_as_it_was(db: str, tmp_path: Path) -> None:
    (tmp_path / "fout.yaml").write_text("gemeente: GM17\n")
    voor = aantal_events(db)
    assert begroting(db, "record", str(tmp_path / "fout.yaml")).exit_code == 2
    assert aantal_events(db) == voor > 0
