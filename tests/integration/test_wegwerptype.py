"""A new event type is one module: a throwaway SPUK beschikking shows up in every command, its fase rule included."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[2]
DOCS = sorted(str(p) for p in (ROOT / "tests" / "wegwerp").glob("0*.yaml"))  # not in tests/data: that holds known types
CLI = "import sys, tests.wegwerptype; from cli.main import run; sys.argv = ['begroting', *sys.argv[1:]]; run()"
WEB = """import sys, tests.wegwerptype
from starlette.testclient import TestClient
from ledger.bootstrap import bootstrap
from web.app import maak_app
print(TestClient(maak_app(bootstrap(sys.argv[1])), base_url="http://127.0.0.1").get(sys.argv[2]).text)
"""


def met_type(db: str, *args: str, code: str = CLI) -> subprocess.CompletedProcess[str]:
    """`begroting --db DB ARGS` in a process that loaded the throwaway type's module first."""
    argv = [db, *args] if code is WEB else ["--db", db, *args]
    return subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('spuk') / 'b.db'}"
    uitkomst = met_type(url, "record", *DOCS[:3], "--door", "t")
    assert uitkomst.returncode == 0, uitkomst.stderr
    return url


def test_its_fase_rule_comes_from_the_shared_base(db: str) -> None:
    uitkomst = met_type(db, "record", DOCS[3], "--door", "t")
    assert uitkomst.returncode == 2
    assert (
        "SPUK 2024: een aanvraag beschikking bekend op 2024-04-01 kan niet volgen op de verlening bekend op 2024-03-01"
        in uitkomst.stderr
    )


def test_saldo_and_diff_count_it_in_its_own_group(db: str) -> None:
    saldo = json.loads(met_type(db, "saldo", "--gemeente", "GM0999", "--format", "json").stdout)
    assert saldo["jaren"]["2024"]["effect"] == "25000.00"
    diff = met_type(db, "diff", "--gemeente", "GM0999", "--van", "2024-02-01", "--tot", "2024-03-31").stdout
    assert "│ subtotaal specifieke uitkeringen │ + 15.000,00 │" in diff


def test_the_journal_the_export_and_the_web_list_it_in_its_own_line(db: str) -> None:
    regel = "SPUK sportakkoord 2024 verlening: € 125.000,00"
    assert regel in met_type(db, "events", "--gemeente", "GM0999").stdout
    assert regel in met_type(db, "/gemeente/GM0999/journaal", code=WEB).stdout
    journal = met_type(db, "export", "--format", "journal").stdout
    assert "2024-03-01 GM0999 spuk-verlening-2024\n    (GM0999:saldo:2024:baten:spuk:prognose)  15000.00 EUR" in journal


def test_its_workbook_template_and_its_document_are_written(db: str, tmp_path: Path) -> None:
    sjabloon, terug = tmp_path / "spuk.xlsx", tmp_path / "terug.yaml"
    assert met_type(db, "template", "spuk_beschikking", "--out", str(sjabloon), "--jaren", "2024").returncode == 0
    assert load_workbook(sjabloon).sheetnames == ["bron", "1 spuk_beschikking"]
    assert met_type(db, "document", "GM0999", "spuk-verlening-2024", "--out", str(terug)).returncode == 0
    feit = yaml.safe_load(terug.read_text())["events"][0]
    assert (feit["type"], feit["fase"], feit["regeling"], feit["bedrag"]) == (
        "spuk_beschikking", "verlening", "sportakkoord", 125000
    )  # fmt: skip


def test_the_reference_describes_it_in_its_own_dutch_words() -> None:
    code = "import tests.wegwerptype; from tools.documenten import genereer; print(genereer())"
    uitkomst = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert "## spuk_beschikking\n\nEen beschikking voor een specifieke uitkering (SPUK)" in uitkomst.stdout
    rij = "| `regeling` | `sportakkoord` of `cultuur` | ja | de specifieke uitkering waarvoor ze is |"
    assert rij in uitkomst.stdout
