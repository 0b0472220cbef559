"""Names that answer: a gemeente by its name, a misspelled post or gemeente named, a Dutch time that is ambiguous."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import DATA, als_json, begroting
from tests.integration.test_een_klok import boek

WMO = sorted(str(p) for p in (DATA / "wmo-dalfsen-2007").glob("*.yaml"))
UITLEG = ("explain", "--gemeente", "GM1708", "--jaar", "2020", "--as-of", "2020-10-13")


def woorden(tekst: str) -> str:
    """The text as words: a title wraps where the table's width says."""
    return " ".join(tekst.split())


@pytest.fixture
def db(sqlite_url: str, voorbeeld: list[str]) -> str:
    assert begroting(sqlite_url, "record", *voorbeeld, *WMO).exit_code == 0
    return sqlite_url


@pytest.mark.parametrize("gemeente", ["Steenwijkerland", "steenwijkerland", "gm1708", "1708"])
def test_a_gemeente_asked_by_name_or_bare_code_answers_as_its_code(db: str, gemeente: str) -> None:
    vraag = ("saldo", "--as-of", "2020-10-13", "--jaren", "2020")
    assert als_json(db, *vraag, "--gemeente", gemeente) == als_json(db, *vraag, "--gemeente", "GM1708")
    tabel = begroting(db, *vraag, "--gemeente", gemeente, "--eenheid", "1000")
    assert woorden(tabel.stdout).startswith("Begrotingssaldo Steenwijkerland (GM1708), bekend op 2020-10-13 ┏")


def test_the_tables_show_the_gemeente_by_name_and_code(db: str) -> None:
    diff = begroting(db, "diff", "-g", "Dalfsen", "--van", "2007-01-01", "--tot", "2007-06-30")
    assert woorden(diff.stdout).startswith("Gevolgen voor het begrotingssaldo Dalfsen (GM0148): bekend op 2007-01-01")
    uitleg = begroting(db, *UITLEG, "--post", "buig")
    assert woorden(uitleg.stdout).startswith(
        "buig 2020 in Steenwijkerland (GM1708), bekend op 2020-10-13: raming 12.245.000,00"
    )


def test_a_misspelled_gemeente_is_exit_2_naming_the_ledgers_here_closest_first(db: str) -> None:
    uitkomst = begroting(db, "saldo", "--gemeente", "Steenwijkerlnd")
    assert (uitkomst.exit_code, uitkomst.stdout) == (2, "")
    assert uitkomst.stderr == (
        "fout: er is geen grootboek voor 'Steenwijkerlnd' in deze database; grootboeken hier, meest gelijkend eerst: "
        "Steenwijkerland (GM1708), Dalfsen (GM0148)\n"
    )
    assert begroting(db, "saldo", "--gemeente", "Maassluis").stderr == (
        "fout: er is geen grootboek voor Maassluis (GM0556) in deze database; grootboeken hier, meest gelijkend eerst: "
        "Dalfsen (GM0148), Steenwijkerland (GM1708)\n"
    )


@pytest.mark.parametrize(
    ("vraag", "melding"),
    [
        (
            (*UITLEG, "--post", "algemene_uitkeringen"),
            "Steenwijkerland (GM1708) heeft nooit een post 'algemene_uitkeringen' gehad; "
            "bedoelde u algemene_uitkering?",
        ),
        (
            ("history", "--gemeente", "GM1708", "--post", "bug", "--jaar", "2020"),
            "Steenwijkerland (GM1708) heeft nooit een post 'bug' gehad; bedoelde u buig?",
        ),
        (
            ("forecast", "--gemeente", "GM0148", "--jaar", "2007", "--post", "wmo.pbg"),
            "Dalfsen (GM0148) heeft nooit een post 'wmo.pbg' gehad; bedoelde u wmo.pgb?",
        ),
    ],
)
def test_a_post_the_gemeente_never_had_is_exit_2_naming_the_closest(db: str, vraag: tuple, melding: str) -> None:
    uitkomst = begroting(db, *vraag)
    assert (uitkomst.exit_code, uitkomst.stdout, uitkomst.stderr) == (2, "", f"fout: {melding}\n")


def test_a_year_with_nothing_in_it_is_an_answer_in_words(db: str) -> None:
    uitleg = begroting(db, "explain", "--gemeente", "GM1708", "--post", "buig", "--jaar", "2031")
    assert (uitleg.exit_code, uitleg.stdout.strip().endswith(": geen bedragen in 2031")) == (0, True)
    assert "┏" not in uitleg.stdout
    saldo = begroting(db, "saldo", "--gemeente", "GM1708", "--jaren", "2031", "--as-of", "2020-10-13")
    assert saldo.stdout == "Begrotingssaldo Steenwijkerland (GM1708), bekend op 2020-10-13: geen bedragen in 2031\n"
    assert begroting(db, "history", "-g", "GM1708", "--post", "buig", "--jaar", "2031").stdout == (
        "buig 2031 in Steenwijkerland (GM1708): bekende waarde per event: geen bedragen in 2031\n"
    )


def test_a_dutch_time_of_the_repeated_or_the_skipped_hour_is_exit_2_and_answers_with_an_offset(
    sqlite_url: str, tmp_path: Path
) -> None:
    eerste = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30+02:00; an hour later it is 02:30+01:00 again
    for i, moment in enumerate((eerste, eerste + timedelta(hours=1))):
        boek(sqlite_url, tmp_path, moment, i)
    for tekst, lezingen in (
        (
            "2026-10-25T02:30",
            "twee keer voor (de klok ging terug): bedoelt u 2026-10-25T02:30+02:00 of 2026-10-25T02:30+01:00?",
        ),
        (
            "2026-03-29T02:30",
            "bestaat niet in Nederlandse tijd: op 2026-03-29 sprong de klok van 02:00+01:00 naar 03:00+02:00",
        ),
    ):
        uitkomst = begroting(sqlite_url, "events", "--recorded-by", tekst)
        assert uitkomst.exit_code == 2 and lezingen in " ".join(uitkomst.stderr.split())
    per_offset = {
        offset: [e["id"] for e in als_json(sqlite_url, "events", "--recorded-by", f"2026-10-25T02:30{offset}")]
        for offset in ("+02:00", "+01:00")
    }
    assert per_offset == {"+02:00": ["GM1708-0002"], "+01:00": ["GM1708-0002", "GM1708-0003"]}
    assert als_json(sqlite_url, "events", "--recorded-by", "2026-03-29T02:30+01:00") == []
