"""The shell commands of the README and docs/*.md, as a user types them: the fenced ```sh blocks, line by line.

pytest-examples and phmdoctest run Python code blocks (and phmdoctest checks their printed output against a
block after them); our blocks are shell lines that continue from each other in one directory, so a small
collector of our own runs them: every line of every ```sh block of a file, in order, in one fresh directory.

Markers, in the Markdown itself:
- `<!-- niet uitvoeren: REDEN -->` on the line before a fence: the block is not run (installation, a
  PostgreSQL server elsewhere); the reason is required.
- a trailing `# exit N`: the line is meant to fail, with exit code N.
- a line that runs `begroting ... serve` is not run: it serves until stopped.
- `<!-- bestand: NAAM -->` on the line before a ```yaml block: the text says to save the block as NAAM, and
  the test does so at that point, before the commands after it.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

OVERSLAAN = re.compile(r"<!--\s*niet uitvoeren:\s*(?P<reden>.*?)\s*-->")
BESTAND = re.compile(r"<!--\s*bestand:\s*(?P<naam>\S+)\s*-->")
AFSLUITCODE = re.compile(r"#\s*exit\s+(?P<code>\d+)\s*$")


@dataclass(frozen=True)
class Regel:
    """One command of a document: where it is, what it says, and the exit code it is meant to give."""

    bestand: str
    regelnummer: int
    opdracht: str
    verwacht: int = 0

    @property
    def serveert(self) -> bool:
        woorden = shlex.split(self.opdracht, comments=True)
        return "begroting" in woorden and "serve" in woorden[woorden.index("begroting") :]

    def __str__(self) -> str:
        return f"{self.bestand}:{self.regelnummer}: {self.opdracht}"


@dataclass(frozen=True)
class Blok:
    bestand: str
    regelnummer: int
    regels: tuple[Regel, ...]
    overslaan: str | None = None
    """Why the block is not run, from its marker; None when it is."""
    opslaan_als: str | None = None
    """A block of text to save as this file (its marker), rather than commands."""
    inhoud: str = ""


def blokken(pad: Path, naam: str | None = None) -> list[Blok]:
    """The ```sh blocks of a Markdown file, each with its lines and its marker, and the blocks to save as a file."""
    naam = naam or pad.name
    gevonden: list[Blok] = []
    tekst = pad.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(tekst):
        if not tekst[i].startswith("```") or tekst[i].strip() == "```":
            i += 1
            continue
        einde = next(j for j in range(i + 1, len(tekst)) if tekst[j].strip() == "```")
        vorige = next((t for t in reversed(tekst[:i]) if t.strip()), "")
        marker, bestand = OVERSLAAN.search(vorige), BESTAND.search(vorige)
        if tekst[i].strip() == "```sh":
            regels = tuple(_regels(naam, tekst, i + 1, einde))
            gevonden.append(Blok(naam, i + 1, regels, marker.group("reden") if marker else None))
        elif bestand:
            inhoud = "\n".join(tekst[i + 1 : einde]) + "\n"
            gevonden.append(Blok(naam, i + 1, (), opslaan_als=bestand.group("naam"), inhoud=inhoud))
        i = einde + 1
    return gevonden


def _regels(naam: str, tekst: list[str], begin: int, einde: int) -> list[Regel]:
    """One command a line; a line ending in a backslash goes on on the next, as in a shell."""
    regels: list[Regel] = []
    nummer = begin
    while nummer < einde:
        eerste, opdracht = nummer, tekst[nummer].strip()
        while opdracht.endswith("\\") and nummer + 1 < einde:
            nummer += 1
            opdracht = opdracht[:-1] + " " + tekst[nummer].strip()
        nummer += 1
        if not opdracht or opdracht.startswith("#"):
            continue
        code = AFSLUITCODE.search(opdracht)
        regels.append(Regel(naam, eerste + 1, opdracht, int(code.group("code")) if code else 0))
    return regels
