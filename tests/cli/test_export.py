"""`export --format journal`, read back by the plain-text accounting tools: their totals are our saldo."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import DATA, begroting

DATA_DAGEN = ["2020-06-30", "2020-09-15", "2020-10-01", "2020-10-13", "2021-12-31"]


def gereedschap(naam: str) -> str:
    pad = shutil.which(naam)
    if pad is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{naam} is required under CI=true (.ci/run installs it)")
        pytest.skip(f"{naam} is not installed")
    return pad


def dag_erna(dag: str) -> str:
    return (date.fromisoformat(dag) + timedelta(days=1)).isoformat()


@pytest.fixture
def journal(sqlite_url: str, voorbeeld: list[str], tmp_path: Path) -> tuple[str, Path]:
    bestanden = [*voorbeeld, *sorted(str(p) for p in (DATA / "reserves").glob("0[123]-*.yaml"))]
    assert begroting(sqlite_url, "record", *bestanden).exit_code == 0
    pad = tmp_path / "begroting.journal"
    uit = begroting(sqlite_url, "export", "--format", "journal", "--out", str(pad))
    assert uit.exit_code == 0, uit.stderr
    return sqlite_url, pad


def verwacht(db: str, dag: str) -> dict[str, Decimal]:
    s = json.loads(begroting(db, "saldo", "--gemeente", "GM1708", "--as-of", dag, "--format", "json").stdout)
    return {j: Decimal(v["verwacht_saldo"]) for j, v in s["jaren"].items()}


def test_the_journal_has_a_transaction_per_knowledge_date(journal: tuple[str, Path]) -> None:
    tekst = journal[1].read_text()
    koppen = [r for r in tekst.splitlines() if r[:1].isdigit()]
    assert koppen[:3] == [
        "2020-06-30 GM1708 begroting-2020-2024-stand-mei",
        "2020-09-15 GM1708 septembercirculaire-2020",
        "2020-10-01 GM1708 buig-2020-definitief-2021-voorlopig",
    ]
    regels = tekst.splitlines()
    assert "    (GM1708:saldo:2020:baten:buig:raming)  -12245000.00 EUR" in regels
    assert "    (GM1708:saldo:2020:baten:buig:prognose)  456000.00 EUR" in regels
    assert "    (GM1708:saldo:2022:lasten:taakmutatie.aanvulling_jeugdhulp_2022:prognose)  -735000.00 EUR" in regels


@pytest.mark.parametrize("dag", DATA_DAGEN)
def test_hledger_balances_equal_the_saldo_as_of_each_date(journal: tuple[str, Path], dag: str) -> None:
    db, pad = journal
    uit = subprocess.run(
        [
            gereedschap("hledger"),
            "-f",
            str(pad),
            "bal",
            "-e",
            dag_erna(dag),
            "^GM1708:saldo",
            "--depth",
            "3",
            "-O",
            "csv",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    regels = [r.replace('"', "").split(",") for r in uit.stdout.splitlines()[1:-1]]
    hledger = {rekening.rsplit(":", 1)[1]: Decimal(bedrag.removesuffix(" EUR")) for rekening, bedrag in regels}
    assert hledger == {j: v for j, v in verwacht(db, dag).items() if v}


@pytest.mark.parametrize("dag", ["2020-10-13", "2021-12-31"])
def test_ledger_cli_gives_the_same_totals(journal: tuple[str, Path], dag: str) -> None:
    db, pad = journal
    for jaar, bedrag in verwacht(db, dag).items():
        uit = subprocess.run(
            [gereedschap("ledger"), "-f", str(pad), "bal", "-e", dag_erna(dag), f"^GM1708:saldo:{jaar}", "-n"],
            check=True,
            capture_output=True,
            text=True,
        )
        gevonden = uit.stdout.split()[0] if uit.stdout.strip() else "0"
        assert Decimal(gevonden) == bedrag, (jaar, uit.stdout)
