"""How long reading a workbook document takes: a begroting of 1,000 posten x 5 years, as .xlsx and .ods.

    python bench/werkboek.py [--rijen 1000] [--runs 5]

It measures the reader alone (cells to plain data) and the whole of `lees_document`
(reading and validating, as `record` does before it writes), the median of the runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from documents.documenten import lees_document
from documents.werkboek import lees_werkboek
from documents.werkboek_bestanden import schrijf_werkboek
from documents.werkboek_writer import bladen

JAREN = range(2021, 2026)


def begroting(rijen: int) -> dict[str, Any]:
    """A begroting with `rijen` posten, amounts with cents."""
    posten = [
        {
            "post": f"programma_{i // 100}.post_{i}",
            "richting": "lasten" if i % 3 else "baten",
            "taakveld": "0.7",
            "bedragen": {j: Decimal(f"{1000 + i * 7 + j}.{i % 100:02d}") for j in JAREN},
        }
        for i in range(rijen)
    ]
    return {
        "gemeente": "GM1708",
        "bron": {"id": "begroting-2021", "datum": "2020-11-05"},
        "events": [{"type": "begroting", "naam": "Programmabegroting 2021-2025", "posten": posten}],
    }


def mediaan(stap: Callable[[], object], runs: int) -> float:
    tijden = []
    for _ in range(runs):
        begin = time.perf_counter()
        stap()
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def main() -> None:
    opties = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    opties.add_argument("--rijen", type=int, default=1000)
    opties.add_argument("--runs", type=int, default=5)
    args = opties.parse_args()
    gegevens = begroting(args.rijen)
    with tempfile.TemporaryDirectory() as map_:
        for soort in ("xlsx", "ods"):
            pad = Path(map_) / f"begroting.{soort}"
            schrijf_werkboek(bladen(gegevens), pad)
            lezen = mediaan(partial(lees_werkboek, str(pad)), args.runs)
            geheel = mediaan(partial(lees_document, pad), args.runs)
            grootte = pad.stat().st_size // 1024
            print(
                f"{soort}: {args.rijen:,} rows x {len(JAREN)} years ({grootte} kB): "
                f"reader {lezen * 1000:.0f} ms, reader + validation {geheel * 1000:.0f} ms"
            )


if __name__ == "__main__":
    main()
