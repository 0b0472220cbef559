"""A record's report is kept on disk a block at a time and read back whole, in order."""

from __future__ import annotations

from ledger.voorraad import Stapel


def test_a_stapel_gives_back_every_item_in_order_across_its_blocks_and_the_ones_still_waiting() -> None:
    stapel: Stapel[tuple[int, str]] = Stapel()
    for i in range(2 * Stapel.PER_BLOK + 7):
        stapel.voeg_toe((i, f"melding {i}"))
    assert len(stapel) == 1007
    assert list(stapel) == [(i, f"melding {i}") for i in range(1007)]


def test_a_stapel_read_twice_with_items_added_in_between_gives_them_all_once() -> None:
    stapel: Stapel[int] = Stapel()
    for i in range(Stapel.PER_BLOK + 1):
        stapel.voeg_toe(i)
    assert list(stapel) == list(range(Stapel.PER_BLOK + 1))
    for i in range(Stapel.PER_BLOK + 1, 1200):
        stapel.voeg_toe(i)
    assert list(stapel) == list(range(1200))
    assert list(Stapel()) == []
