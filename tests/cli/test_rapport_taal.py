"""A report in English: the same figures in English number format, its titles, rows and headings in English;
CSV keeps its Dutch headings and plain numbers (scripts read it)."""

from __future__ import annotations

import pytest

from tests.conftest import begroting, voorbeeld_bestanden


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('taal') / 'begroting.db'}"
    assert begroting(url, "record", *voorbeeld_bestanden()).exit_code == 0
    return url


def regel(tekst: str, begin: str) -> str:
    return next(r for r in tekst.splitlines() if r.startswith(begin))


def test_the_saldo_table_in_english(db: str) -> None:
    uit = begroting(db, "--taal", "en", "saldo", "-g", "GM1708", "--as-of", "2020-10-13")
    assert uit.exit_code == 0, uit.stderr
    assert uit.stdout.startswith("Budget balance Steenwijkerland (GM1708), known on 2020-10-13")
    assert regel(uit.stdout, "│ balance of income and expenses ").split("│")[2].strip() == "+ 2,112,000.00"
    assert "+ = advantage (amounts in euros)" in uit.stdout


def test_the_same_saldo_table_in_dutch(db: str) -> None:
    uit = begroting(db, "saldo", "-g", "GM1708", "--as-of", "2020-10-13")
    assert uit.stdout.startswith("Begrotingssaldo Steenwijkerland (GM1708), bekend op 2020-10-13")
    assert regel(uit.stdout, "│ saldo van baten en lasten ").split("│")[2].strip() == "+ 2.112.000,00"
    assert "+ = voordeel (bedragen in euro's)" in uit.stdout


def test_csv_in_english_keeps_its_headings_and_numbers(db: str) -> None:
    en = begroting(db, "--taal", "en", "saldo", "-g", "GM1708", "--as-of", "2020-10-13", "--format", "csv").stdout
    nl = begroting(db, "saldo", "-g", "GM1708", "--as-of", "2020-10-13", "--format", "csv").stdout
    assert en == nl and en.startswith("post,richting,jaar,raming,prognose,effect\n")


def test_the_journal_table_in_english_counts_its_events(db: str) -> None:
    uit = begroting(db, "--taal", "en", "events", "-g", "GM1708")
    assert "Journal (19 events)" in uit.stdout
