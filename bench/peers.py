"""The peers: hledger and ledger answering the same question on the exported journal; and the report."""

from __future__ import annotations

import os
import platform
import shutil
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from bench.meten import begroting_cmd, herhaal, proces


def machine() -> dict[str, object]:
    geheugen = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "cores": os.cpu_count(),
        "geheugen_gb": round(geheugen, 1),
        "python": platform.python_version(),
        "systeem": platform.platform(),
    }


def _hledger_totalen(uitvoer: str) -> dict[str, Decimal]:
    regels = [r.replace('"', "").split(",") for r in uitvoer.splitlines()[1:] if not r.startswith('"total"')]
    return {rekening.rsplit(":", 1)[1]: Decimal(bedrag.split()[0]) for rekening, bedrag in regels}


def _ledger_totalen(uitvoer: str) -> dict[str, Decimal]:
    totalen = {}
    for regel in uitvoer.splitlines():
        delen = regel.split()
        if len(delen) == 3 and delen[2].isdigit():
            totalen[delen[2]] = Decimal(delen[0])
    return totalen


def vergelijk(
    db: str, werk: Path, as_of: date, jaren: tuple[int, int], begroting_totalen: dict[str, str]
) -> dict[str, object]:
    """Export the journal, ask hledger and ledger for GM0001's saldo per year as of `as_of`; compare."""
    journal = werk / "bench.journal"
    export = proces([begroting_cmd(), "--db", db, "export", "--format", "journal", "--out", str(journal)])
    postings = sum(1 for r in journal.open(encoding="utf-8") if r.startswith("    ("))
    eind = (as_of + timedelta(days=1)).isoformat()
    verwacht = {j: Decimal(v) for j, v in begroting_totalen.items() if Decimal(v)}
    uitslag: dict[str, object] = {"journal_postings": postings, "export_s": export.seconds, "gelijk": True}
    soorten = {"hledger": ["-O", "csv"], "ledger": []}
    for naam, formaat in soorten.items():
        pad = shutil.which(naam)
        if pad is None:
            uitslag[naam] = None
            continue
        args = [pad, "-f", str(journal), "bal", "-e", eind, "^GM0001:saldo", "--depth", "3", *formaat]
        seconden, piek, uit = herhaal(args, 1, warm=False)  # a minute each at full size: one run tells
        totalen = _hledger_totalen(uit) if naam == "hledger" else _ledger_totalen(uit)
        totalen = {j: v for j, v in totalen.items() if jaren[0] <= int(j) <= jaren[1]}
        gelijk = totalen == verwacht
        uitslag[naam] = {
            "s": seconden,
            "mb": piek,
            "gelijk": gelijk,
            "totalen": {j: str(v) for j, v in totalen.items()},
        }
        uitslag["gelijk"] = bool(uitslag["gelijk"]) and gelijk
    return uitslag


def tabel(r: dict) -> str:
    regels = [
        "| backend | gemeenten | record ev/s | saldo p50 ms | p95 ms | `begroting saldo` s | MB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for b in r["backends"]:
        for s in b["stappen"]:
            regels.append(
                f"| {b['backend']} | {s['gemeenten']} | {s['record_per_s']:,.0f} | {s['saldo_p50_ms']:.1f} | "
                f"{s['saldo_p95_ms']:.1f} | {s['saldo_cli_s']:.2f} | {s['saldo_cli_mb']:.0f} |"
            )
    regels += [
        "",
        "| backend | rebuild events | rebuild s | rebuild ev/s | saldo p50 growth (largest / smallest) |",
        "|---|---:|---:|---:|---:|",
    ]
    for b in r["backends"]:
        h, s = b["herbouw"], b["stappen"]
        regels.append(
            f"| {b['backend']} | {h['events']:,} | {h['s']:.1f} | {h['per_s']:,.0f} | "
            f"{s[-1]['saldo_p50_ms'] / s[0]['saldo_p50_ms']:.2f}x |"
        )
    p = r["peers"]
    cli = r["backends"][0]["stappen"][-1]["saldo_cli_s"]
    regels += [
        "",
        f"`begroting --help`: {r['help_s']:.2f} s",
        "",
        f"Peers on the exported journal ({p['journal_postings']:,} postings, export {p['export_s']:.1f} s):",
        "",
        "| tool | seconds | MB | vs `begroting saldo` | totals equal |",
        "|---|---:|---:|---:|---|",
        f"| begroting saldo (SQLite) | {cli:.2f} | {r['backends'][0]['stappen'][-1]['saldo_cli_mb']:.0f} | 1x | - |",
    ]
    for naam in ("hledger", "ledger"):
        m = p.get(naam)
        if m:
            regels.append(f"| {naam} | {m['s']:.2f} | {m['mb']:.0f} | {m['s'] / cli:.1f}x slower | {m['gelijk']} |")
        else:
            regels.append(f"| {naam} | not installed | | | |")
    return "\n".join(regels)


def schrijf_results(r: dict, pad: Path) -> None:
    """The file's first section becomes this run; the sections after it (from the first `## `) stay as they are."""
    m = r["machine"]
    tekst = [
        "# Benchmark results",
        "",
        f"One full run of `python bench/run.py` on {m['cores']} cores, {m['geheugen_gb']} GB memory, "
        f"Python {m['python']} ({m['systeem']}).",
        "",
        "Data: `bench/generator.py`, seed 2020: per gemeente 10 years (2015-2024) of a meerjarenbegroting, three "
        "circulaires with 5-year AU series and taakmutaties, BUIG nader voorlopig / definitief / voorlopig, BCF "
        "voorschot and afrekening, a begrotingswijziging, a najaarsnota prognose (now and then pm), reserve "
        "mutations and a resultaatbestemming; one correction per 10 gemeenten. The store grows 10 -> 100 -> "
        "1,000 gemeenten; each step is measured on the store as it then is.",
        "",
        "Record: `begroting record` on batches of 10,000 JSON files (the real command path, one transaction per "
        "batch). saldo: one gemeente, 2020-2024, as of 2022-06-30; in-process over 200 random gemeenten, and the "
        "whole command (median of 3 runs after a warm-up). hledger and ledger: one run each (they parse the "
        "whole journal every time; a minute per run at this size). Rebuild: every read model into fresh tables.",
        "",
        tabel(r),
        "",
        "Reproduce: `python bench/run.py` (PostgreSQL at 127.0.0.1:5432 or `BEGROTING_TEST_PG`; hledger and "
        "ledger from Debian).",
        "",
    ]
    oud = pad.read_text(encoding="utf-8") if pad.exists() else ""
    rest = oud[oud.index("\n## ") :] if "\n## " in oud else ""
    pad.write_text("\n".join(tekst) + rest, encoding="utf-8")
