"""A table drawn without rich is drawn character for character as rich draws it."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from reports.render.kaal import tekening
from reports.render.table import Tabeltekst, tabel

WOORD = st.text(alphabet="abcdeéxyz0123456789€.,-+:[]/#()", min_size=1, max_size=12)
TEKST = st.lists(st.sampled_from([" ", "  ", "\n"]) | WOORD, max_size=14).map("".join)
ZIN = st.lists(st.text(alphabet="abcdefgh0123€-", min_size=1, max_size=9), max_size=25).map(" ".join)


def door_rich(t: Tabeltekst, breedte: int) -> str:
    from rich.console import Console

    uit = io.StringIO()
    Console(file=uit, width=breedte, highlight=False).print(tabel(t))
    return uit.getvalue()


@st.composite
def tabellen(draw: st.DrawFn) -> tuple[Tabeltekst, int]:
    n = draw(st.integers(1, 6))
    koppen = draw(st.lists(WOORD, min_size=n, max_size=n))
    rijen = draw(st.lists(st.lists(TEKST, min_size=n, max_size=n), max_size=6))
    if rijen and draw(st.booleans()):  # one column of sentences: wider than the table may be
        lang = draw(st.integers(0, n - 1))
        rijen = [[draw(ZIN) if i == lang else c for i, c in enumerate(rij)] for rij in rijen]
    rechts = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    return Tabeltekst(draw(TEKST), draw(TEKST), koppen, rechts, rijen), draw(st.integers(20, 120))


@settings(max_examples=400, deadline=None)
@given(tabellen())
def test_a_table_drawn_without_rich_is_the_table_rich_draws(geval: tuple[Tabeltekst, int]) -> None:
    t, breedte = geval
    getekend = tekening(t.titel, t.voet, t.koppen, t.rechts, t.rijen, breedte)
    if getekend is not None:
        assert getekend == door_rich(t, breedte)


def test_a_journal_wider_than_the_pipe_narrows_its_widest_column_and_wraps_it_as_rich_does() -> None:
    lang = "septembercirculaire 2020: algemene uitkering 2020-2024, 3 taakmutaties " * 3
    t = Tabeltekst(
        "Journaal (2 events)",
        "",
        ["id", "geboekt_op", "samenvatting"],
        [False, False, False],
        [["GM1708-0004", "2020-10-13T09:12:44", lang], ["GM1708-0005", "2020-10-13T09:12:45", "prognose buig 2020"]],
    )
    getekend = tekening(*t, 120)
    assert getekend is not None and getekend == door_rich(t, 120)
    assert max(map(len, getekend.splitlines())) == 120


def test_markup_and_emoji_codes_are_left_to_rich() -> None:
    for cel in ("[bold]x[/bold]", "zie :thumbs_up:", "a :100: b"):
        assert tekening("", "", ["k"], [False], [[cel]], 80) is None
    assert tekening("", "", ["k"], [False], [["events[0]: 09:12:44"]], 80) is not None
