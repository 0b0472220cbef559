"""A JSON document's text that the reader's walk over its data could refuse nothing of, told from the text alone.

The walk (`documents/inlezen.py`) visits every value of a document in Python: most of the reading time of a
large record. Where the text is ASCII without a backslash, every string in the data is a piece of the
text between two quotes, so what the walk would look for in the strings can be searched for in the
whole text at once: a forbidden character, or a quoted number-like text with an exponent or more
digits than any amount. The parser's hooks count the values they refused; the nesting is the number of
times the innermost brackets can be taken away. When any of this is in doubt, the walk runs as before.
"""

from __future__ import annotations

import re

from documents.laders import DIEPSTE_NESTING, GETAL_TEKENS, MEESTE_CIJFERS, MEESTE_WAARDEN, VERBODEN_TEKEN

_TEKENS = "".join(sorted(GETAL_TEKENS - {"e", "E"}))
_ZONDER_E, _KLASSE = f"[0-9{re.escape(_TEKENS)}]", f"[0-9{re.escape(_TEKENS)}eE]"
VERDACHT = re.compile(f'"(?:(?={_ZONDER_E}*+[eE])(?={_KLASSE}*+")|(?={_KLASSE}{{{MEESTE_CIJFERS + 1}}}))')
"""A quote, after it up to the next quote only digits and GETAL_TEKENS with an exponent; or more of them than
any amount has digits. Possessive, so each quote is looked at once."""
TEKST = re.compile(r'"[^"]*"')
BINNENSTE = re.compile(r"\[\]|\{\}")
GEEN_HAAKJE = re.compile(r"[^\[\]{}]+")


def niets_te_weigeren(tekst: str) -> bool:
    """True only when the walk over this JSON text's data (parsed with nothing refused) would refuse nothing."""
    if len(tekst) > MEESTE_WAARDEN or not tekst.isascii() or "\\" in tekst:
        return False  # more characters than values the walk allows; or strings that are no plain piece of the text
    if VERBODEN_TEKEN.search(tekst) or VERDACHT.search(tekst):
        return False
    return tekst.count("[") + tekst.count("{") < DIEPSTE_NESTING or _niveaus(tekst) < DIEPSTE_NESTING


def _niveaus(tekst: str) -> int:
    """How deep the lists and mappings nest: the root is level 1."""
    haakjes = GEEN_HAAKJE.sub("", TEKST.sub("", tekst))
    niveaus = 0
    while haakjes and niveaus <= DIEPSTE_NESTING:
        haakjes, weg = BINNENSTE.subn("", haakjes)
        niveaus += 1
        if not weg:
            return DIEPSTE_NESTING  # brackets that do not pair: leave it to the walk
    return niveaus
