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


def test_a_success_forgets_and_expired_keys_are_dropped_when_there_are_many() -> None:
    klok = Klok()
    drempel = Inlogdrempel(pogingen=2, klok=klok)
    drempel.noteer_mislukt("a", "x")
    drempel.noteer_gelukt("a", "x")
    drempel.noteer_mislukt("a", "x")
    assert drempel.wachttijd("a", "x") == 0
    for i in range(10_000):
        drempel.noteer_mislukt(f"n{i}", "x")
    klok.nu += 901
    drempel.noteer_mislukt("laatste", "x")
    assert list(drempel.mislukt) == [("laatste", "x")]
