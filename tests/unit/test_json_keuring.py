"""The text check that lets a JSON document skip the reader's walk: it may only say yes where the walk finds nothing."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from documents.inlezen import _controleer
from documents.json_keuring import niets_te_weigeren
from documents.laders import DIEPSTE_NESTING, JsonLezer, _json_paren, _json_paren_een_voor_een

DATA = Path(__file__).parent.parent / "data"


def klopt(tekst: str) -> None:
    """Where the parser refused nothing and the text check says there is nothing to refuse, the walk must agree."""
    lezer = JsonLezer()
    try:
        gegevens = lezer.lees(tekst)
    except (ValueError, RecursionError):
        return
    if lezer.afgewezen == 0 and niets_te_weigeren(tekst):
        _controleer(gegevens)  # raises Onleesbaar where it would refuse


@pytest.mark.parametrize(
    "tekst",
    [
        '{"a": "1e999999"}',
        '{"a": "1E5"}',
        '{"a": "' + "1" * 101 + '"}',
        '{"a": "' + "1_" * 60 + '"}',
        '{"a": "\\u0007"}',
        '{"a": "x\x7fy"}',
        '{"a": "٢٠٢٢"}',
        '{"a": 1, "a": 2}',
        '{"2022": 1, "02022": 2}',
        '{"a": 1' + "0" * 120 + "}",
        '{"a": 1e999999}',
        '["x", 1e5, "y"]',
        "[" * DIEPSTE_NESTING + "]" * DIEPSTE_NESTING,
        "[" * (DIEPSTE_NESTING + 1) + "]" * (DIEPSTE_NESTING + 1),
    ],
)
def test_what_the_walk_refuses_the_text_check_does_not_pass(tekst: str) -> None:
    klopt(tekst)


def test_the_documents_of_the_tests_agree_and_a_plain_one_skips_the_walk() -> None:
    for pad in DATA.rglob("*.json"):
        klopt(pad.read_text(encoding="utf-8", errors="replace"))
    assert niets_te_weigeren('{"gemeente": "GM0001", "events": [{"jaar": 2015, "bedragen": {"2015": "12.50"}}]}')


def tekst_waarde() -> st.SearchStrategy[str]:
    getalachtig = st.text(alphabet="0123456789+-.,_ eE", max_size=110)
    return st.one_of(st.text(max_size=8), getalachtig, st.sampled_from(["٢٠٢٢", "\x7f", "\x00", "1e9999", "E"]))


def json_waarde() -> st.SearchStrategy[Any]:
    blad = st.one_of(st.integers(), st.decimals(allow_nan=False, places=2), tekst_waarde(), st.none(), st.booleans())
    return st.recursive(blad, lambda k: st.lists(k, max_size=4) | st.dictionaries(tekst_waarde(), k, max_size=4))


@settings(max_examples=400, deadline=None)
@given(json_waarde(), st.booleans())
def test_random_documents_agree(waarde: Any, ascii_: bool) -> None:
    klopt(json.dumps(waarde, ensure_ascii=ascii_, default=lambda d: float(d) if isinstance(d, Decimal) else d))


SLEUTEL = st.one_of(st.text(max_size=6), st.sampled_from(["2022", "02022", " 2022", "2022\x85", "0", "00", ""]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(SLEUTEL, st.integers()), max_size=6))
def test_the_quick_way_through_a_mapping_gives_what_the_key_by_key_way_gives(paren: list[tuple[str, int]]) -> None:
    assert _json_paren(paren) == _json_paren_een_voor_een(paren)
