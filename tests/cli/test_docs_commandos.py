"""Every command in README.md and docs/*.md runs as written, in a fresh directory, with the installed `begroting`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.docblokken import Blok, Regel, blokken

ROOT = Path(__file__).parents[2]
DOCUMENTEN = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
PROGRAMMAS = ("hledger", "ledger")
"""Programs outside the venv that a document's commands use; CI installs them (.ci/run)."""


def _naam(pad: Path) -> str:
    return str(pad.relative_to(ROOT))


def _omgeving(map_: Path) -> dict[str, str]:
    """The venv's `begroting` first on PATH; no database or seal key chosen from outside; passwords to type."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BEGROTING_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["HOME"] = str(map_)
    env["WACHTWOORD"] = "correct horse battery staple"
    env["NIEUW"] = "paard accu nietje correct"
    return env


def _draai(regel: Regel, map_: Path) -> None:
    uitkomst = subprocess.run(
        ["bash", "-o", "pipefail", "-c", regel.opdracht],
        cwd=map_,
        env=_omgeving(map_),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert uitkomst.returncode == regel.verwacht, (
        f"{regel}\nexit {uitkomst.returncode}, expected {regel.verwacht}\n"
        f"stdout:\n{uitkomst.stdout[-2000:]}\nstderr:\n{uitkomst.stderr[-2000:]}"
    )


def _te_draaien(blokken_: list[Blok]) -> list[Regel]:
    return [r for b in blokken_ if b.overslaan is None for r in b.regels if not r.serveert]


def _stappen(blokken_: list[Blok]) -> list[Regel | Blok]:
    """In document order: the commands to run and the files to save."""
    return [stap for b in blokken_ for stap in ([b] if b.opslaan_als else _te_draaien([b]))]


@pytest.mark.parametrize("pad", DOCUMENTEN, ids=_naam)
def test_every_command_of_the_document_runs_as_written_in_a_fresh_directory(pad: Path, tmp_path: Path) -> None:
    stappen = _stappen(blokken(pad, _naam(pad)))
    regels = [s for s in stappen if isinstance(s, Regel)]
    ontbreekt = [p for p in PROGRAMMAS if any(p in r.opdracht.split() for r in regels) and not shutil.which(p)]
    if ontbreekt and not os.environ.get("CI"):
        pytest.skip(f"{', '.join(ontbreekt)} not installed (CI installs it)")
    for stap in stappen:
        if isinstance(stap, Blok):
            (tmp_path / str(stap.opslaan_als)).write_text(stap.inhoud, encoding="utf-8")
        else:
            _draai(stap, tmp_path)


def test_what_is_not_run_is_a_serve_line_or_a_block_marked_with_its_reason() -> None:
    blokken_ = [b for pad in DOCUMENTEN for b in blokken(pad, _naam(pad))]
    assert all(b.overslaan.strip() for b in blokken_ if b.overslaan is not None)
    # the operations guide is run on a server (systemd, a proxy, PostgreSQL as its superuser): each of its
    # blocks says so; the cap holds for the guides a user follows on their own machine
    gemarkeerd = sum(len(b.regels) for b in blokken_ if b.overslaan is not None and b.bestand != "docs/operations.md")
    serve = [r for b in blokken_ if b.overslaan is None for r in b.regels if r.serveert]
    assert len(serve) + gemarkeerd <= 10, "more than a handful of commands not run: run them or mark fewer"
    assert len(_te_draaien(blokken_)) >= 60


def test_the_collector_reads_blocks_markers_and_exit_codes(tmp_path: Path) -> None:
    md = tmp_path / "x.md"
    md.write_text(
        "Tekst\n\n```sh\nbegroting demo\n# uitleg\nbegroting saldo --gemeente GM9999   # exit 2\n```\n\n"
        "<!-- niet uitvoeren: een server elders -->\n```sh\nexport BEGROTING_DB=postgresql://x/y\n```\n"
        "```sh\nbegroting --db sqlite:///b.db serve --port 8001\n```\n```python\nprint(1)\n```\n"
        "<!-- bestand: mijn.yaml -->\n\n```yaml\ngemeente: GM0999\nbron: {id: x}\n```\n```yaml\nniet: bewaard\n```\n"
    )
    gevonden = blokken(md)
    assert [(b.regelnummer, b.overslaan, b.opslaan_als) for b in gevonden] == [
        (3, None, None),
        (10, "een server elders", None),
        (13, None, None),
        (21, None, "mijn.yaml"),
    ]
    assert gevonden[3].inhoud == "gemeente: GM0999\nbron: {id: x}\n"
    assert [(r.regelnummer, r.opdracht, r.verwacht) for r in gevonden[0].regels] == [
        (4, "begroting demo", 0),
        (6, "begroting saldo --gemeente GM9999   # exit 2", 2),
    ]
    assert [r.serveert for r in gevonden[0].regels + gevonden[2].regels] == [False, False, True]
