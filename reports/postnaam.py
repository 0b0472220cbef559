"""A post's name in words, as pages and their tables show it: `taakmutatie.aanvulling_jeugdhulp_2022` reads
"Taakmutatie: aanvulling jeugdhulp 2022". The name itself stays what links, JSON and the CLI's tables use."""

from __future__ import annotations

import re

from taal import N_, _

AFKORTINGEN = {"buig": "BUIG", "bcf": "BCF", "au": "AU", "ozb": "OZB", "svb": "SVB", "pgb": "pgb", "wmo": "Wmo"}
SOORTEN = {
    "algemene uitkering": N_("Algemene uitkering"),
    "BUIG": N_("BUIG"),
    "stelpost": N_("Stelpost"),
    "taakmutatie": N_("Taakmutatie"),
    "integratie uitkering": N_("Integratie-uitkering"),
    "decentralisatie uitkering": N_("Decentralisatie-uitkering"),
    "reserve": N_("Reserve"),
    "kapitaallasten": N_("Kapitaallasten"),
}
"""The kinds of post the documents name, in the reader's language; any other first part is written as it is."""
IDENTIFIER = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)*")


def postlabel(naam: str) -> str:
    """The words of a post's name: its first part capitalised and followed by a colon, `_` as spaces, the
    abbreviations the P&C cycle writes in capitals in capitals. Text that is not a post's name stays as it is."""
    if not IDENTIFIER.fullmatch(naam):
        return naam
    delen = [" ".join(AFKORTINGEN.get(w, w) for w in deel.split("_") if w) for deel in naam.split(".")]
    eerste = _(SOORTEN[delen[0]]) if delen[0] in SOORTEN else delen[0][:1].upper() + delen[0][1:]
    return ": ".join([eerste, ", ".join(delen[1:])]) if len(delen) > 1 else eerste
