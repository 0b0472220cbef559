"""`begroting saldo` against hledger and ledger on an existing store: the same question, whole processes.

    python bench/tegen_peers.py --db sqlite:////tmp/b400/store.db [--runs 5]

The store is one `bench/run.py` builds, or any recorded from `bench/generator.py`'s documents (the
400-gemeente figure of issue 16: its first 36,000 files). GM0001's verwacht saldo 2020-2024 as known
on 2022-06-30: begroting's JSON against the balances hledger and ledger compute from the exported
journal (`begroting export --format journal`), with their times and peak memory.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.peers import vergelijk
from bench.run import AS_OF, JAREN, saldo_cli


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=5)
    opties = parser.parse_args()
    seconden, piek, totalen = saldo_cli(opties.db, opties.runs)
    with tempfile.TemporaryDirectory() as werk:
        peers = vergelijk(opties.db, Path(werk), AS_OF, JAREN, {j: str(v) for j, v in totalen.items()})
    print(f"journal: {peers['journal_postings']:,} postings, export {peers['export_s']:.1f} s")
    print("| tool | seconds | MB | vs `begroting saldo` | totals equal |\n|---|---:|---:|---:|---|")
    print(f"| begroting saldo | {seconden:.3f} | {piek:.0f} | 1x | - |")
    for naam in ("hledger", "ledger"):
        p = peers[naam]
        if p is not None:
            print(f"| {naam} | {p['s']:.2f} | {p['mb']:.0f} | {p['s'] / seconden:.1f}x slower | {p['gelijk']} |")
    return 0 if peers["gelijk"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
