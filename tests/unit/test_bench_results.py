"""A full benchmark run rewrites the first section of bench/RESULTS.md and keeps the sections after it."""

from __future__ import annotations

from pathlib import Path

from bench.peers import schrijf_results

STAP = {"gemeenten": 10, "record_per_s": 2000, "saldo_p50_ms": 9.0, "saldo_p95_ms": 12.0}
RUN = {
    "machine": {"cores": 2, "geheugen_gb": 23.5, "python": "3.11.7", "systeem": "Linux"},
    "backends": [
        {
            "backend": "sqlite",
            "stappen": [STAP | {"saldo_cli_s": 0.15, "saldo_cli_mb": 22}],
            "herbouw": {"events": 1400, "s": 0.1, "per_s": 14000},
        }
    ],
    "help_s": 0.1,
    "peers": {"journal_postings": 2000, "export_s": 0.5, "hledger": None, "ledger": None},
}


def test_a_new_run_replaces_the_old_runs_table_and_keeps_the_later_sections(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmark results\n\n| old run |\n\n## Issue 16\n\nmeasured by hand\n", encoding="utf-8")
    schrijf_results(RUN, results)
    tekst = results.read_text(encoding="utf-8")
    assert "| old run |" not in tekst
    assert "| sqlite | 10 | 2,000 | 9.0 | 12.0 | 0.15 | 22 |" in tekst
    assert tekst.endswith("\n\n## Issue 16\n\nmeasured by hand\n")


def test_a_first_run_writes_the_file(tmp_path: Path) -> None:
    schrijf_results(RUN, tmp_path / "RESULTS.md")
    assert (tmp_path / "RESULTS.md").read_text(encoding="utf-8").startswith("# Benchmark results\n")
