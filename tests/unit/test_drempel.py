"""The login limit on its own clock: five failures per name and address within fifteen minutes."""

from __future__ import annotations

from web.drempel import Inlogdrempel


class Klok:
    def __init__(self) -> None:
        self.nu = 0.0

    def __call__(self) -> float:
        return self.nu


def test_the_fifth_failure_holds_the_name_until_the_first_is_fifteen_minutes_old() -> None:
    klok = Klok()
    drempel = Inlogdrempel(klok=klok)
    for _ in range(4):
        drempel.noteer_mislukt("j.jansen", "10.0.0.1")
        klok.nu += 100
    assert drempel.wachttijd("j.jansen", "10.0.0.1") == 0
    drempel.noteer_mislukt("j.jansen", "10.0.0.1")
    assert drempel.wachttijd("j.jansen", "10.0.0.1") == 900 - 400
    assert drempel.wachttijd("j.jansen", "10.0.0.2") == 0 and drempel.wachttijd("p.pietersen", "10.0.0.1") == 0
    klok.nu = 899.5
    assert drempel.wachttijd("j.jansen", "10.0.0.1") == 1
    klok.nu = 900
    assert drempel.wachttijd("j.jansen", "10.0.0.1") == 0


def test_a_success_forgets_and_expired_keys_are_dropped_when_the_table_is_full() -> None:
    klok = Klok()
    drempel = Inlogdrempel(pogingen=2, klok=klok, meeste=100)
    drempel.noteer_mislukt("a", "x")
    drempel.noteer_gelukt("a", "x")
    drempel.noteer_mislukt("a", "x")
    assert drempel.wachttijd("a", "x") == 0
    for i in range(99):
        drempel.noteer_mislukt(f"n{i}", f"10.0.{i}.1")
    klok.nu += 901
    drempel.noteer_mislukt("laatste", "x")
    assert list(drempel.mislukt) == [("laatste", "x")]


def test_a_full_table_of_recent_failures_drops_its_oldest_tenth_and_never_grows_past_its_cap() -> None:
    klok = Klok()
    drempel = Inlogdrempel(klok=klok, meeste=1000)
    for i in range(20_000):
        drempel.noteer_mislukt("n" * 95 + f"{i:05}", f"10.{i // 65536}.{i // 256 % 256}.{i % 256}")
        assert len(drempel.namen.tijden) <= 1000 and len(drempel.adressen.tijden) <= 1000
    assert ("n" * 95 + "19999", "10.0.78.31") in drempel.mislukt
    assert ("n" * 95 + "00000", "10.0.0.0") not in drempel.mislukt


def test_thirty_failures_from_one_address_hold_every_name_from_it_and_no_other_address() -> None:
    klok = Klok()
    drempel = Inlogdrempel(klok=klok)
    for i in range(29):
        drempel.noteer_mislukt(f"naam{i}", "10.0.0.1")
    assert drempel.wachttijd("nog.een", "10.0.0.1") == 0 and not drempel.houdt_adres("10.0.0.1")
    drempel.noteer_mislukt("naam29", "10.0.0.1")
    assert drempel.wachttijd("nog.een", "10.0.0.1") == 900 and drempel.houdt_adres("10.0.0.1")
    assert drempel.wachttijd("nog.een", "10.0.0.2") == 0
    assert all(len(t) <= 30 for t in drempel.adressen.tijden.values())
