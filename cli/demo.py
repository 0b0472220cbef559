"""Where `begroting demo` leaves its work: the ledger and the worked example's files, in the working directory."""

from __future__ import annotations

import os
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

VOORBEELD_MAP = Path("voorbeeld")


def voorbeeld() -> Traversable:
    """The worked example as the package ships it: the demo's documents on top, more examples in folders."""
    return files("cli").joinpath("voorbeeld")


def demo_documenten() -> list[str]:
    """The documents the demo records: the worked example, Steenwijkerland 2020 (not the folders below it)."""
    return sorted(str(p) for p in voorbeeld().iterdir() if p.name.endswith(".yaml"))


def kies_grootboek(db: str | None) -> tuple[str, str | None]:
    """The demo's database and, when ./begroting.db holds a ledger already, why it chose another file.

    A chosen --db (or $BEGROTING_DB) is used as it is; else ./begroting.db, so that every command after the
    demo asks it without --db; an existing one is never written to: begroting-demo.db, -2, ... instead."""
    if db or os.environ.get("BEGROTING_DB"):
        return db or os.environ["BEGROTING_DB"], None
    if not Path("begroting.db").exists():
        return "sqlite:///begroting.db", None
    kandidaten = (Path(f"begroting-demo{'' if n == 1 else f'-{n}'}.db") for n in range(1, 10_000))
    vrij = next(p for p in kandidaten if not p.exists())
    return f"sqlite:///{vrij}", f"begroting.db bestaat al en blijft onaangeroerd; de demo boekt in {vrij}"


def schrijf_voorbeeld(doel: Path = VOORBEELD_MAP) -> tuple[int, int]:
    """Copies the example files into `doel` to read and edit; a file that is there already is left as it is.

    Returns (written, left alone)."""
    geschreven = bestaand = 0
    for bron, pad in _bestanden(voorbeeld(), doel):
        if pad.exists():
            bestaand += 1
            continue
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_bytes(bron.read_bytes())
        geschreven += 1
    return geschreven, bestaand


def _bestanden(map_: Traversable, doel: Path) -> list[tuple[Traversable, Path]]:
    paren: list[tuple[Traversable, Path]] = []
    for item in sorted(map_.iterdir(), key=lambda p: p.name):
        if item.is_dir() and item.name != "__pycache__":
            paren += _bestanden(item, doel / item.name)
        elif item.name.endswith((".yaml", ".md")):
            paren.append((item, doel / item.name))
    return paren
