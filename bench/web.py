"""Server time of the web pages on a large ledger: the saldo page and the journal page, p50 and p95.

    python bench/web.py                      # 1,000 gemeenten x 10 years (2015-2024), built first (a few minutes)
    python bench/web.py --gemeenten 20       # a small store, for a quick run
    python bench/web.py --db sqlite:///x.db  # an existing store (from an earlier run with --keep)

The store is the one `bench/run.py` measures (`bench/generator.py`, seed 2020), recorded through
`begroting record` with a correction for every tenth gemeente. The pages are asked in-process through
Starlette's TestClient; "server" is the time inside the ASGI application, from the request's arrival to
the last byte of its response (timed by a wrapper around the app), and "client" adds the TestClient's own
round trip. Each measure: random gemeenten (seeded), after warm-up requests, as the open server
(no users) answers them.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import warnings
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import generator
from bench.run import corrigeer, record

JAREN = range(2015, 2025)
PAGINAS = {
    "saldo": "/gemeente/{g}/saldo?bekend_op=2022-06-30",
    "saldo 2020-2024": "/gemeente/{g}/saldo?bekend_op=2022-06-30&jaren=2020-2024",
    "journaal": "/gemeente/{g}/journaal",
    "journaal, laatste pagina": "/gemeente/{g}/journaal?pagina=3",
}
ASGI = Callable[[dict, Callable[[], Awaitable[Any]], Callable[[dict], Awaitable[None]]], Awaitable[None]]


class Stopwatch:
    """The ASGI app, timed from the call to its return (its response fully sent): wall time, and the CPU
    time of the process meanwhile (SQLite runs in-process), which a machine busy with other work inflates less."""

    def __init__(self, app: ASGI) -> None:
        self.app, self.laatste, self.cpu = app, 0.0, 0.0

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        start, cpu = time.perf_counter(), time.process_time()
        await self.app(scope, receive, send)
        self.laatste, self.cpu = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000


def bouw(db: str, gemeenten: int, werk: Path) -> None:
    start = time.perf_counter()
    bestanden = generator.schrijf(werk / "documenten", range(1, gemeenten + 1), JAREN)
    record(db, bestanden, 10_000)
    corrigeer(db, range(1, gemeenten + 1), JAREN, werk)
    print(f"  store: {gemeenten} gemeenten, {len(bestanden):,} documents in {time.perf_counter() - start:.0f} s")


def p(tijden: list[float], q: float) -> float:
    tijden = sorted(tijden)
    return tijden[min(len(tijden) - 1, int(len(tijden) * q))]


def meet(db: str, gemeenten: int, keer: int) -> dict[str, tuple[float, ...]]:
    """Per page, in ms: server p50 and p95, server CPU p50 and p95, client p50 and p95."""
    from starlette.testclient import TestClient

    from ledger.bootstrap import bootstrap
    from web.app import maak_app

    ledger = bootstrap(db)
    klok = Stopwatch(maak_app(ledger))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        client = TestClient(klok, base_url="http://127.0.0.1")  # type: ignore[arg-type]
    start = time.perf_counter()
    assert client.get("/gemeente/GM0001/saldo").status_code == 200  # catches the read models up
    print(f"  first request (catching up the read models): {time.perf_counter() - start:.1f} s")
    kans = random.Random(7)
    uit = {}
    for naam, pad in PAGINAS.items():
        server, cpu, rond = [], [], []
        for i in range(keer + 5):
            url = pad.format(g=f"GM{kans.randint(1, gemeenten):04d}")
            start = time.perf_counter()
            antwoord = client.get(url)
            verstreken = (time.perf_counter() - start) * 1000
            assert antwoord.status_code == 200, (url, antwoord.status_code)
            if i >= 5:
                server.append(klok.laatste)
                cpu.append(klok.cpu)
                rond.append(verstreken)
        uit[naam] = tuple(p(reeks, q) for reeks in (server, cpu, rond) for q in (0.5, 0.95))
    ledger.factory.datastore.engine.dispose()
    return uit


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gemeenten", type=int, default=1000, help="gemeenten in the store (default 1000)")
    parser.add_argument("--db", help="measure this existing store instead of building one")
    parser.add_argument("--keer", type=int, default=200, help="requests per page (default 200)")
    parser.add_argument("--keep", type=Path, help="build the store in this directory and keep it")
    opties = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="begroting-bench-web-") as tmp:
        werk = opties.keep or Path(tmp)
        werk.mkdir(parents=True, exist_ok=True)
        db = opties.db or f"sqlite:///{werk / 'web.db'}"
        if not opties.db:
            bouw(db, opties.gemeenten, werk)
        uitslag = meet(db, opties.gemeenten, opties.keer)
    kop = f"page ({opties.gemeenten} gemeenten, {opties.keer} requests)"
    print(f"\n| {kop} | server p50 ms | p95 ms | server CPU p50 ms | p95 ms | client p50 ms | p95 ms |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for naam, cijfers in uitslag.items():
        print(f"| {naam} | " + " | ".join(f"{c:.1f}" for c in cijfers) + " |")
    print(f"load average during the run: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
