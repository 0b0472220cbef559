"""A table as rich draws it, drawn without rich, for the tables that need none of its layout.

Loading rich and letting it measure every cell costs a read more than answering it (issue 16). A
table that fits the width as it is (no cell wrapped, no word in a title longer than the table, no
markup or emoji code that rich would read, no wide or combining character) is drawn here, character
for character as rich draws it (box HEAVY_HEAD, a space either side of a cell, title and caption
wrapped to the table's width and padded); `tekening` returns None for any other table, and rich
draws that one. `tests/unit/test_kaal.py` holds the two to the same output.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

WOORD = re.compile(r"\s*\S+\s*")
MARKUP = re.compile(r"\[[a-z#/@][^[]*?]")  # a tag as rich's markup reads it
EMOJI = re.compile(r":(\S*?)(?:-(?:emoji|text))?:")  # where rich looks an emoji code up
EMOJI_ZONDER_LETTER = frozenset({"100", "1234", "+1", "-1", "__1"})  # the codes rich knows that have no letter


def _gewoon(tekst: str) -> bool:
    """Text rich draws one column a character: no markup, no wide, combining or control character."""
    if MARKUP.search(tekst) or any(
        n in EMOJI_ZONDER_LETTER or any(c.isalpha() for c in n) for n in EMOJI.findall(tekst)
    ):
        return False
    if tekst.isascii():
        return all(c >= " " or c == "\n" for c in tekst)
    return all(
        (c >= " " or c == "\n") and not unicodedata.combining(c) and unicodedata.east_asian_width(c) not in "WF"
        for c in tekst
    )


def _omgebroken(tekst: str, breedte: int) -> list[str] | None:
    """The lines rich wraps a left-justified text into, padded to `breedte`; None when a word is longer."""
    uit = []
    for regel in tekst.split("\n"):
        huidig, positie = "", 0
        for woord in WOORD.findall(regel):
            lengte = len(woord.rstrip())
            if lengte > breedte:
                return None
            if breedte - positie >= lengte:
                huidig, positie = huidig + woord, positie + len(woord)
            else:
                uit.append(huidig)
                huidig, positie = woord, len(woord)
        uit.append(huidig)
    return [r.rstrip().ljust(breedte) for r in uit]


def tekening(
    titel: str, voet: str, koppen: Sequence[str], rechts: Sequence[bool], rijen: Sequence[Sequence[str]], breedte: int
) -> str | None:
    """The table as rich prints it (a newline after it), or None when it needs rich's layout."""
    teksten = [titel, voet, *koppen, *(c for rij in rijen for c in rij)]
    if not all(_gewoon(t) for t in teksten):
        return None
    kolommen = _ingeklapt([_breedte([k, *(rij[i] for rij in rijen)]) for i, k in enumerate(koppen)], breedte)
    if kolommen is None:
        return None
    gevouwen = [_gevouwen(rij, kolommen) for rij in (koppen, *rijen)]
    if None in gevouwen:
        return None
    koppen, *rijen = gevouwen
    totaal = sum(kolommen) + 3 * len(kolommen) + 1
    boven = _omgebroken(titel, totaal) if titel else []
    onder = _omgebroken(voet, totaal) if voet else []
    if boven is None or onder is None:
        return None
    regels = [*boven, _lijn("┏━┳┓", kolommen), *_rij("┃", koppen, kolommen, rechts), _lijn("┡━╇┩", kolommen)]
    for rij in rijen:
        regels += _rij("│", rij, kolommen, rechts)
    regels += [_lijn("└─┴┘", kolommen), *onder]
    return "\n".join(regels) + "\n"


def _ingeklapt(kolommen: list[int], breedte: int) -> list[int] | None:
    """The widths rich gives the columns: too wide, only the widest narrows, when that alone will do."""
    teveel = sum(kolommen) + 3 * len(kolommen) + 1 - breedte
    if teveel <= 0:
        return kolommen
    grootste = max(kolommen)
    tweede = max((k for k in kolommen if k != grootste), default=0)
    if kolommen.count(grootste) > 1 or grootste - tweede < teveel:
        return None  # rich narrows several columns in turn: let it
    return [k - teveel if k == grootste else k for k in kolommen]


def _gevouwen(cellen: Sequence[str], kolommen: list[int]) -> list[str] | None:
    """Each cell wrapped to its column as rich wraps it; None when a word is wider than its column."""
    uit = []
    for cel, breed in zip(cellen, kolommen, strict=True):
        if _breedte([cel]) <= breed:
            uit.append(cel)
            continue
        regels = _omgebroken(cel, breed)
        if regels is None:
            return None
        uit.append("\n".join(r.rstrip() for r in regels))
    return uit


def _breedte(cellen: list[str]) -> int:
    return max(len(regel) for cel in cellen for regel in cel.split("\n"))


def _lijn(tekens: str, kolommen: list[int]) -> str:
    links, streep, midden, rechts = tekens
    return links + midden.join(streep * (k + 2) for k in kolommen) + rechts


def _rij(rand: str, cellen: Sequence[str], kolommen: list[int], rechts: Sequence[bool]) -> list[str]:
    regels = [c.split("\n") for c in cellen]
    hoogte = max(len(r) for r in regels)
    uit = []
    for i in range(hoogte):
        delen = []
        for cel, breed, r in zip(regels, kolommen, rechts, strict=True):
            tekst = cel[i] if i < len(cel) else ""
            delen.append(f" {tekst.rstrip().rjust(breed) if r else tekst.ljust(breed)} ")
        uit.append(rand + rand.join(delen) + rand)
    return uit
