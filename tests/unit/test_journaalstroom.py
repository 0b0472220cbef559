"""`begroting events` writes the journal as it reads it: the same bytes as the whole answer, event by event."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from projections.als_json import als_tekst, journaal_json
from projections.journaal import Journaalpost, Journaalstroom
from reports import journaalstroom
from reports.journaal import journaal
from reports.render import csv, table


def post(i: int, samenvatting: str = "circulaire september 2020", waarschuwingen: tuple[str, ...] = ()) -> Journaalpost:
    return Journaalpost(
        id=f"GM1708-{i:04d}", type="circulaire", gemeente="GM1708", bron=f"bron-{i}", bekend_op=date(2020, 9, 18),
        geboekt_op="2020-10-13T17:00:00+00:00", geboekt_door="j.jansen", samenvatting=samenvatting, betreft=None,
        reden=None, verwerking=None, toelichting="één\nregel \"twee\"", bron_titel=None, bron_kenmerk=None,
        hash="a" * 64, vorige_hash="b" * 64, inhoud={"type": "circulaire", "bedragen": {"2020": "1.00"}}, positie=i,
        waarschuwingen=waarschuwingen,
    )  # fmt: skip


def stroom(posten: list[Journaalpost]) -> Journaalstroom:
    return Journaalstroom(iter(posten), lambda: len(posten))


def geschreven(schrijver: object, posten: list[Journaalpost]) -> str:
    uit = io.StringIO()
    schrijver(stroom(posten), uit)  # type: ignore[operator]
    return uit.getvalue()


TEKST = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@given(st.lists(st.tuples(TEKST, st.lists(TEKST, max_size=2)), max_size=5))
def test_the_streamed_json_and_csv_are_the_whole_answers_byte_for_byte(inhoud: list[tuple[str, list[str]]]) -> None:
    posten = [post(i, s, tuple(w)) for i, (s, w) in enumerate(inhoud, start=1)]
    assert geschreven(journaalstroom.schrijf_json, posten) == als_tekst(journaal_json(posten)) + "\n"
    assert geschreven(journaalstroom.schrijf_csv, posten) == csv.tekst(journaal(posten))


def test_a_journal_of_at_most_one_block_is_the_one_table_it_always_was() -> None:
    posten = [post(i, waarschuwingen=("no raming in force",) if i == 2 else ()) for i in range(1, 4)]
    uit = io.StringIO()
    table.schrijf(journaal(posten), uit)
    assert geschreven(journaalstroom.schrijf_tabel, posten) == uit.getvalue()
    assert uit.getvalue().startswith("Journaal (3 events)")


def test_a_longer_journal_is_drawn_a_block_at_a_time_the_first_with_the_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(journaalstroom, "BLOK", 2)
    tekst = geschreven(journaalstroom.schrijf_tabel, [post(i) for i in range(1, 6)])
    assert tekst.count("Journaal (5 events)") == 1 and tekst.startswith("Journaal (5 events)")
    assert tekst.count("┏") == 3 and tekst.count("│ GM1708-") == 5
    assert tekst.index("GM1708-0002") < tekst.index("GM1708-0003") < tekst.index("GM1708-0005")


def test_what_is_read_is_written_before_the_rest_is_read() -> None:
    def posten() -> Iterator[Journaalpost]:
        yield post(1)
        yield post(2)
        raise RuntimeError("the connection broke")

    for schrijver in (journaalstroom.schrijf_json, journaalstroom.schrijf_csv):
        uit = io.StringIO()
        with pytest.raises(RuntimeError):
            schrijver(Journaalstroom(posten(), lambda: 2), uit)
        assert "GM1708-0002" in uit.getvalue()
