"""A post's name in words, as pages and their tables show it: `taakmutatie.aanvulling_jeugdhulp_2022` reads
"Taakmutatie: aanvulling jeugdhulp 2022". The name itself stays what links, JSON and the CLI's tables use."""

from __future__ import annotations

import re

AFKORTINGEN = {"buig": "BUIG", "bcf": "BCF", "au": "AU", "ozb": "OZB", "svb": "SVB", "pgb": "pgb", "wmo": "Wmo"}
IDENTIFIER = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)*")


def postlabel(naam: str) -> str:
    """The words of a post's name: its first part capitalised and followed by a colon, `_` as spaces, the
    abbreviations the P&C cycle writes in capitals in capitals. Text that is not a post's name stays as it is."""
    if not IDENTIFIER.fullmatch(naam):
        return naam
    delen = [" ".join(AFKORTINGEN.get(w, w) for w in deel.split("_") if w) for deel in naam.split(".")]
    eerste = delen[0][:1].upper() + delen[0][1:]
    return ": ".join([eerste, ", ".join(delen[1:])]) if len(delen) > 1 else eerste
