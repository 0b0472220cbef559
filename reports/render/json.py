"""The JSON form: the SPEC's keys, money as strings with two decimals, in euros."""

from __future__ import annotations

from projections.als_json import als_tekst
from reports.model import Answer


def tekst(answer: Answer) -> str:
    return als_tekst(answer.data) + "\n"
