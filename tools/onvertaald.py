"""User-facing texts that bypass the catalogue: a literal with words where the user will read it, not in `_()`.

    python -m tools.onvertaald cli ledger     # lists them per place; exit 1 when there is any

Where a user reads a text: what `echo`, `print`, `secho`, `fail` and `BadParameter` get, a `help=`, and
the message of a raised exception (except those that only a programmer sees: TypeError, AttributeError,
NotImplementedError, LookupError, KeyError, AssertionError, RuntimeError), and the message of a workbook
cell, the third argument of `blad.fout(rij, kolom, melding)`. A text is wrapped when it is the
argument of `_`, `N_` or `ngettext`, or of `.format` on one of those; an f-string or a literal with a word in
it is not. A name or an expression without a literal cannot be judged here and passes.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHRIJVERS = {"echo", "print", "secho", "fail", "prompt", "voortgang", "BadParameter", "UsageError", "Abort"}
VOOR_PROGRAMMEURS = {
    "TypeError",
    "AttributeError",
    "NotImplementedError",
    "LookupError",
    "KeyError",
    "AssertionError",
    "RuntimeError",
}
CEL_MELDERS = {"fout"}
"""The workbook's `blad.fout(rij, kolom, melding)`: the third argument is the message the cell gets."""
VERTALERS = {"_", "N_", "ngettext"}
WOORD = re.compile(r"[^\W\d_]{2,}\s+\S")
"""Words a user reads: a word followed by more (one bare word, like a place `events` or `gemeente`, is no message)."""


def naam(functie: ast.expr) -> str:
    return functie.attr if isinstance(functie, ast.Attribute) else functie.id if isinstance(functie, ast.Name) else ""


def heeft_woorden(knoop: ast.expr) -> bool:
    """A literal a user reads: a word in a string constant or in the fixed parts of an f-string."""
    if isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
        return bool(WOORD.search(knoop.value))
    if isinstance(knoop, ast.JoinedStr):
        return any(heeft_woorden(deel) for deel in knoop.values if isinstance(deel, ast.Constant))
    if isinstance(knoop, ast.BinOp):
        return heeft_woorden(knoop.left) or heeft_woorden(knoop.right)
    if isinstance(knoop, ast.IfExp):
        return heeft_woorden(knoop.body) or heeft_woorden(knoop.orelse)
    return False


def gewikkeld(knoop: ast.expr) -> bool:
    if isinstance(knoop, ast.Call) and naam(knoop.func) in VERTALERS:
        return True
    if isinstance(knoop, ast.Call) and naam(knoop.func) == "format" and isinstance(knoop.func, ast.Attribute):
        return gewikkeld(knoop.func.value)
    return False


def onvertaald(knoop: ast.expr) -> bool:
    return not gewikkeld(knoop) and heeft_woorden(knoop)


def teksten(aanroep: ast.Call) -> list[ast.expr]:
    """The arguments of a call that a user reads."""
    uit = [k.value for k in aanroep.keywords if k.arg == "help"]
    if naam(aanroep.func) in SCHRIJVERS:
        uit += aanroep.args[:1] + [k.value for k in aanroep.keywords if k.arg in ("message", "hint")]
    if naam(aanroep.func) in CEL_MELDERS:
        uit += aanroep.args[2:3] + [k.value for k in aanroep.keywords if k.arg == "melding"]
    return uit


def meldingen(boom: ast.AST) -> Iterator[ast.expr]:
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Call):
            yield from teksten(knoop)
        elif isinstance(knoop, ast.Raise) and isinstance(knoop.exc, ast.Call):
            yield from [] if naam(knoop.exc.func) in VOOR_PROGRAMMEURS | SCHRIJVERS else knoop.exc.args


def vondsten(bron: str, bestand: str = "<tekst>") -> list[str]:
    """`file:line: text` of every user-facing literal in `bron` that bypasses the catalogue."""
    gevonden = sorted((k for k in meldingen(ast.parse(bron)) if onvertaald(k)), key=lambda k: (k.lineno, k.col_offset))
    return [f"{bestand}:{k.lineno}: {ast.unparse(k)[:80]}" for k in gevonden]


def in_kamers(kamers: list[str]) -> list[str]:
    uit: list[str] = []
    for kamer in kamers:
        for pad in sorted((ROOT / kamer).rglob("*.py")):
            uit += vondsten(pad.read_text(encoding="utf-8"), pad.relative_to(ROOT).as_posix())
    return uit


if __name__ == "__main__":
    gevonden = in_kamers(sys.argv[1:])
    print("\n".join(gevonden))
    sys.exit(1 if gevonden else 0)
