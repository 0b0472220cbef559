"""Progress on long work: a line on a terminal's standard error, nothing at all when it is piped."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

BEGROTING = [sys.executable, "-m", "cli.main"]


def documenten(map_: Path, aantal: int) -> list[str]:
    """`aantal` small documents of one gemeente, each its own bron."""
    paden = [map_ / "00-begroting.yaml"]
    paden[0].write_text(
        "gemeente: GM1708\nbron: {id: begroting-2024, datum: 2023-11-09}\nevents:\n  - type: begroting\n"
        "    naam: Begroting 2024\n    posten: [{post: zorg, richting: lasten, bedragen: {2024: 1000}}]\n",
        encoding="utf-8",
    )
    for i in range(1, aantal):
        pad = map_ / f"{i:03}-prognose.yaml"
        pad.write_text(
            f"gemeente: GM1708\nbron: {{id: prognose-{i}, datum: 2024-01-{1 + i % 28:02}}}\nevents:\n"
            f"  - type: prognose\n    post: zorg\n    richting: lasten\n    bedragen: {{2024: {1000 + i}}}\n",
            encoding="utf-8",
        )
        paden.append(pad)
    return [str(p) for p in paden]


def op_een_terminal(args: list[str], cwd: Path) -> bytes:
    """Run with standard error on a pseudo-terminal; what the terminal received."""
    hoofd, kind = pty.openpty()
    omgeving = {**os.environ, "BEGROTING_VOORTGANG_NA": "0", "TERM": "xterm", "COLUMNS": "100"}
    proces = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=kind, env=omgeving)
    os.close(kind)
    ontvangen = b""
    while True:
        try:
            deel = os.read(hoofd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not deel:
            break
        ontvangen += deel
    assert proces.wait(timeout=120) == 0
    os.close(hoofd)
    return ontvangen


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="a pseudo-terminal needs a POSIX system")
def test_a_large_record_shows_its_progress_on_a_terminal(tmp_path: Path) -> None:
    bestanden = documenten(tmp_path, 300)
    ontvangen = op_een_terminal([*BEGROTING, "--db", "sqlite:///t.db", "record", *bestanden], tmp_path)
    assert b"documenten lezen" in ontvangen
    assert b"/300" in ontvangen


def test_piped_the_record_writes_exactly_what_it_always_did(tmp_path: Path) -> None:
    bestanden = documenten(tmp_path, 3)
    omgeving = {**os.environ, "BEGROTING_VOORTGANG_NA": "0"}
    uit = subprocess.run(
        [*BEGROTING, "--db", "sqlite:///t.db", "record", *bestanden], cwd=tmp_path, capture_output=True, env=omgeving
    )
    assert uit.returncode == 0 and uit.stderr == b""
    assert uit.stdout.decode().splitlines() == [
        f"geboekt {bestanden[0]}: bron begroting-2024 voor GM1708: 1 event (GM1708-0002)",
        f"geboekt {bestanden[1]}: bron prognose-1 voor GM1708: 1 event (GM1708-0003)",
        f"geboekt {bestanden[2]}: bron prognose-2 voor GM1708: 1 event (GM1708-0004)",
        "3 events geboekt uit 3 documenten",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["verify"],
        ["export", "--format", "journal", "--out", "j.journal"],
        ["snapshot", "--gemeente", "GM1708", "--jaar", "2024", "--as-of", "2024-06-30", "--out", "s"],
    ],
)
def test_verify_export_and_snapshot_show_progress_on_a_terminal_and_none_piped(tmp_path: Path, args: list[str]) -> None:
    bestanden = documenten(tmp_path, 3)
    db = ["--db", "sqlite:///t.db"]
    subprocess.run([*BEGROTING, *db, "record", *bestanden], cwd=tmp_path, check=True, capture_output=True)
    label = {"verify": b"controleren", "export": b"exporteren", "snapshot": b"snapshot maken"}[args[0]]
    assert label in op_een_terminal([*BEGROTING, *db, *args], tmp_path)
    omgeving = {**os.environ, "BEGROTING_VOORTGANG_NA": "0"}
    opnieuw = ["--force"] if args[0] == "snapshot" else []  # the first run wrote it
    (tmp_path / "j.journal").unlink(missing_ok=True)
    uit = subprocess.run([*BEGROTING, *db, *args, *opnieuw], cwd=tmp_path, capture_output=True, env=omgeving)
    assert uit.returncode == 0 and uit.stderr == b""
