"""Load on the real server: 50 concurrent clients asking saldo, diff and journaal pages of random gemeenten.

    python bench/web.py --keep /tmp/store              # build the 1,000-gemeente store once (a few minutes)
    python bench/belasting.py --db sqlite:////tmp/store/web.db --workers 2
    python bench/belasting.py --db postgresql+psycopg://... --workers 2 --seconden 60

It starts `begroting --db DB serve --workers N` on a free loopback port (the open server: no users) and,
once /health answers and every page has been asked once (the read models caught up), runs `--clients`
threads for `--seconden` seconds, each with its own keep-alive connection, each request a random page kind
and a random gemeente (seeded), the next one at once (or after `--denktijd` seconds, as a person reads).
Latency is the client's: from sending the request to the last byte of the answer, so it includes the wait
for a free worker. Prints p50 / p95 / max per page as a Markdown table, the
machine's noise beforehand (a fixed CPU loop) and the load average. The SPEC's target: p95 <= 250 ms.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.meten import begroting_cmd
from bench.web import p

PAGINAS = {
    "saldo": "/gemeente/{g}/saldo?bekend_op=2022-06-30",
    "diff": "/gemeente/{g}/diff?van=2021-06-30&tot=2022-06-30",
    "journaal": "/gemeente/{g}/journaal",
}


def ruis() -> float:
    """Seconds of a fixed CPU loop: it grows with the other work on the machine."""
    start = time.perf_counter()
    sum(range(10**8))
    return time.perf_counter() - start


def start_server(db: str, workers: int) -> tuple[subprocess.Popen[bytes], int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    opdracht = [begroting_cmd(), "--db", db, "serve", "--port", str(poort), "--workers", str(workers)]
    proces = subprocess.Popen(opdracht, stdout=subprocess.DEVNULL)
    tot = time.monotonic() + 120
    while time.monotonic() < tot and proces.poll() is None:
        try:
            if vraag(http.client.HTTPConnection("127.0.0.1", poort, timeout=300), "/health") == 200:
                return proces, poort
        except OSError:
            time.sleep(0.3)
    proces.terminate()
    raise SystemExit(f"serve did not come up on {db}")


def vraag(verbinding: http.client.HTTPConnection, pad: str) -> int:
    verbinding.request("GET", pad)
    antwoord = verbinding.getresponse()
    antwoord.read()
    return antwoord.status


def klant(poort: int, tot: float, zaad: int, opties: argparse.Namespace, uit: list[tuple[str, float, int]]) -> None:
    kans, verbinding = random.Random(zaad), http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
    time.sleep(kans.uniform(0, opties.denktijd))
    while time.monotonic() < tot:
        naam = kans.choice(list(PAGINAS))
        pad = PAGINAS[naam].format(g=f"GM{kans.randint(1, opties.gemeenten):04d}")
        start = time.perf_counter()
        try:
            status = vraag(verbinding, pad)
        except (OSError, http.client.HTTPException):
            status, verbinding = 0, http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
        uit.append((naam, (time.perf_counter() - start) * 1000, status))
        time.sleep(opties.denktijd)


def belast(poort: int, opties: argparse.Namespace) -> list[tuple[str, float, int]]:
    uit: list[tuple[str, float, int]] = []
    tot = time.monotonic() + opties.seconden
    draden = [threading.Thread(target=klant, args=(poort, tot, i, opties, uit)) for i in range(opties.clients)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    return uit


def tabel(uitslag: list[tuple[str, float, int]], seconden: float) -> str:
    regels = ["| page | requests | not 200 | p50 ms | p95 ms | max ms |", "|---|---:|---:|---:|---:|---:|"]
    for naam in PAGINAS:
        tijden = [t for n, t, _ in uitslag if n == naam]
        fout = sum(1 for n, _, s in uitslag if n == naam and s != 200)
        regels.append(
            f"| {naam} | {len(tijden)} | {fout} | {p(tijden, 0.5):.0f} | {p(tijden, 0.95):.0f} | {max(tijden):.0f} |"
        )
    regels.append(f"\n{len(uitslag) / seconden:.1f} requests/s in all")
    return "\n".join(regels)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="an existing bench store (see bench/web.py --keep)")
    parser.add_argument("--workers", type=int, default=2, help="serve --workers (default 2)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    parser.add_argument("--seconden", type=float, default=30, help="how long the load lasts (default 30 s)")
    parser.add_argument("--gemeenten", type=int, default=1000, help="gemeenten in the store (default 1000)")
    parser.add_argument("--denktijd", type=float, default=0, help="seconds a client waits between requests (0)")
    opties = parser.parse_args()
    print(f"noise: a fixed CPU loop (sum(range(10**8))) took {ruis():.2f} s", flush=True)
    proces, poort = start_server(opties.db, opties.workers)
    try:
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=600)
        for pad in PAGINAS.values():  # catches the read models up, in whichever worker answers
            assert vraag(verbinding, pad.format(g="GM0001")) == 200, pad
        uitslag = belast(poort, opties)
        last = os.getloadavg()
    finally:
        proces.terminate()
        proces.wait(30)
    wacht = f", {opties.denktijd:g} s between requests" if opties.denktijd else ", no wait between requests"
    print(f"\n{opties.clients} clients{wacht}, {opties.seconden:.0f} s, serve --workers {opties.workers}\n")
    print(tabel(uitslag, opties.seconden))
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in last)} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
