"""Measuring: whole commands as processes (wall time and peak memory from the kernel), and latencies in-process."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Run:
    """One finished process: seconds of wall time, peak resident memory in MB, its output, its CPU seconds."""

    seconds: float
    peak_mb: float
    uitvoer: str
    cpu: float = 0.0  # user + system: on a shared machine steadier than the wall time


def begroting_cmd() -> str:
    return str(BIN / "begroting") if (BIN / "begroting").exists() else shutil.which("begroting") or "begroting"


def proces(args: list[str], env: dict[str, str] | None = None) -> Run:
    """Run a command to completion; wait4 gives that process's own rusage, so its peak memory."""
    with tempfile.TemporaryFile() as uit, tempfile.TemporaryFile() as fout:
        start = time.perf_counter()
        kind = subprocess.Popen(args, stdout=uit, stderr=fout, env=env)
        _, status, gebruik = os.wait4(kind.pid, 0)
        seconden = time.perf_counter() - start
        kind.returncode = os.waitstatus_to_exitcode(status)
        uit.seek(0)
        fout.seek(0)
        if kind.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:4])} ... exited {kind.returncode}: {fout.read().decode()[-500:]}")
        cpu = gebruik.ru_utime + gebruik.ru_stime
        return Run(seconden, gebruik.ru_maxrss / 1024, uit.read().decode(), cpu)


def herhaal(args: list[str], keer: int, warm: bool = True) -> tuple[float, float, str]:
    """(median seconds, max peak MB, output of the last run) over `keer` runs, after one warm-up run."""
    if warm:
        proces(args)
    runs = [proces(args) for _ in range(keer)]
    return statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs), runs[-1].uitvoer


def percentielen(meting: Callable[[int], None], keer: int) -> tuple[float, float]:
    """(p50, p95) in milliseconds of `meting(i)` for i in range(keer), after a few warm-up calls."""
    for i in range(3):
        meting(i)
    tijden = []
    for i in range(keer):
        start = time.perf_counter()
        meting(i)
        tijden.append((time.perf_counter() - start) * 1000)
    tijden.sort()
    return tijden[len(tijden) // 2], tijden[min(len(tijden) - 1, int(len(tijden) * 0.95))]
