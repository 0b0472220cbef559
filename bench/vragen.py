"""Every read command as a whole process on an existing store: wall and CPU seconds, and peak memory.

    python bench/vragen.py --db sqlite:///bench.db [--gemeente GM0417] [--runs 7]

The store is one `bench/run.py` builds (or any ledger); the read models are caught up first,
so each run measures a question, not a catch-up. Medians over the runs after one warm-up.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.meten import begroting_cmd, proces

AS_OF, JAREN, POST, JAAR = "2022-06-30", "2020-2024", "algemene_uitkering", "2021"


def vragen(gemeente: str) -> dict[str, list[str]]:
    g = ["--gemeente", gemeente]
    return {
        "saldo": ["saldo", *g, "--as-of", AS_OF, "--jaren", JAREN],
        "saldo --format json": ["saldo", *g, "--as-of", AS_OF, "--jaren", JAREN, "--format", "json"],
        "diff": ["diff", *g, "--van", "2021-06-30", "--tot", AS_OF, "--jaren", JAREN],
        "explain": ["explain", *g, "--post", POST, "--jaar", JAAR, "--as-of", AS_OF],
        "history": ["history", *g, "--post", POST, "--jaar", JAAR, "--as-of", AS_OF],
        "events": ["events", *g],
        "reserves": ["reserves", *g, "--as-of", AS_OF, "--jaren", JAREN],
        "buig": ["buig", *g, "--jaar", "2022", "--as-of", AS_OF],
    }


def meet(db: str, gemeente: str, runs: int) -> dict[str, tuple[float, float, float]]:
    """command -> (median wall s, median CPU s, max peak MB); `--help` without a database."""
    uitslag = {}
    opdrachten = {k: [begroting_cmd(), "--db", db, *v] for k, v in vragen(gemeente).items()}
    opdrachten["--help"] = [begroting_cmd(), "--help"]
    for naam, args in opdrachten.items():
        proces(args)
        metingen = [proces(args) for _ in range(runs)]
        uitslag[naam] = (
            statistics.median(m.seconds for m in metingen),
            statistics.median(m.cpu for m in metingen),
            max(m.peak_mb for m in metingen),
        )
    return uitslag


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--gemeente", default="GM0417")
    parser.add_argument("--runs", type=int, default=7)
    opties = parser.parse_args()
    proces([begroting_cmd(), "--db", opties.db, "events", "--gemeente", opties.gemeente])  # catch up first
    print("| command | wall s | cpu s | MB |\n|---|---:|---:|---:|")
    for naam, (wall, cpu, mb) in meet(opties.db, opties.gemeente, opties.runs).items():
        print(f"| `{naam}` | {wall:.3f} | {cpu:.3f} | {mb:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
