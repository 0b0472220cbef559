"""The benchmark's quick run completes, and begroting, hledger and ledger give the same totals."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parents[2] / "bench" / "run.py"


def vereist(*programmas: str) -> None:
    """Skips unless the optional tools are installed; under CI=true they must be."""
    ontbreekt = [p for p in programmas if shutil.which(p) is None]
    if ontbreekt and os.environ.get("CI") == "true":
        pytest.fail(f"{', '.join(ontbreekt)} required under CI=true")
    if ontbreekt:
        pytest.skip(f"{', '.join(ontbreekt)} not installed")


def test_the_quick_benchmark_completes_with_equal_totals(tmp_path: Path) -> None:
    vereist("hledger", "ledger")
    uitvoer = tmp_path / "bench.json"
    proces = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--out", str(uitvoer)], capture_output=True, text=True, timeout=600
    )
    assert proces.returncode == 0, proces.stdout[-2000:] + proces.stderr[-2000:]
    r = json.loads(uitvoer.read_text())
    peers = r["peers"]
    assert peers["gelijk"] is True
    assert peers["hledger"]["gelijk"] is True and peers["ledger"]["gelijk"] is True
    begroting = {j: v for j, v in r["backends"][0]["totalen"].items() if Decimal(v)}
    assert peers["hledger"]["totalen"] == peers["ledger"]["totalen"] == begroting
    stappen = r["backends"][0]["stappen"]
    assert [s["gemeenten"] for s in stappen] == [2, 4]
    opgeslagen = sum(s["events_nieuw"] + s["correcties"] for s in stappen) + stappen[-1]["gemeenten"]
    assert r["backends"][0]["herbouw"]["events"] == opgeslagen
