"""events.klok: one way to show a moment, one way to read one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from events.klok import OngeldigMoment, als_gesteld, lees_moment, toon_iso, toon_moment

PLUS1, PLUS2 = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))


def test_a_moment_is_shown_in_dutch_time_with_its_offset_to_the_second_or_with_every_digit() -> None:
    moment = datetime(2026, 12, 7, 18, 47, 22, 615590, tzinfo=UTC)
    assert toon_moment(moment) == "2026-12-07T19:47:22+01:00"
    assert toon_moment(moment, exact=True) == "2026-12-07T19:47:22.615590+01:00"
    assert toon_iso("2020-07-01T09:30:00.000001+00:00") == "2020-07-01T11:30:00+02:00"


def test_the_repeated_hour_shows_each_pass_with_its_own_offset() -> None:
    eerste, tweede = datetime(2026, 10, 25, 0, 30, tzinfo=UTC), datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert (toon_moment(eerste), toon_moment(tweede)) == ("2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00")


@pytest.mark.parametrize(
    ("tekst", "eind"),
    [
        ("2020-10-13", datetime(2020, 10, 13, 23, 59, 59, 999999, tzinfo=PLUS2)),
        ("20201013", datetime(2020, 10, 13, 23, 59, 59, 999999, tzinfo=PLUS2)),
        ("2020-10-13T17", datetime(2020, 10, 13, 17, 59, 59, 999999, tzinfo=PLUS2)),
        ("2020-10-13T17:00", datetime(2020, 10, 13, 17, 0, 59, 999999, tzinfo=PLUS2)),
        ("2020-10-13T17:00:05", datetime(2020, 10, 13, 17, 0, 5, 999999, tzinfo=PLUS2)),
        ("2020-10-13T17:00:05.1", datetime(2020, 10, 13, 17, 0, 5, 199999, tzinfo=PLUS2)),
        ("2020-10-13T17:00:05.123456", datetime(2020, 10, 13, 17, 0, 5, 123456, tzinfo=PLUS2)),
        ("2020-12-13T17:00:05+01:00", datetime(2020, 12, 13, 17, 0, 5, 999999, tzinfo=PLUS1)),
        ("2020-12-13T16:00:05Z", datetime(2020, 12, 13, 16, 0, 5, 999999, tzinfo=UTC)),
        ("2026-10-25T02:30+01:00", datetime(2026, 10, 25, 2, 30, 59, 999999, tzinfo=PLUS1)),
        ("2026-10-25T02:30+02:00", datetime(2026, 10, 25, 2, 30, 59, 999999, tzinfo=PLUS2)),
    ],
)
def test_a_moment_read_covers_its_stated_precision_in_dutch_time_unless_it_says_otherwise(
    tekst: str, eind: datetime
) -> None:
    gelezen = lees_moment(tekst)
    assert gelezen == eind and gelezen.utcoffset() == eind.utcoffset()


def test_with_begin_a_moment_read_is_the_start_of_its_span() -> None:
    assert lees_moment("2020-10-13", begin=True) == datetime(2020, 10, 13, tzinfo=PLUS2)
    assert lees_moment("2020-10-13T17:00:05", begin=True) == datetime(2020, 10, 13, 17, 0, 5, tzinfo=PLUS2)


def test_every_moment_shown_reads_back_to_the_end_of_its_second_or_to_itself() -> None:
    moment = datetime(2026, 10, 25, 1, 30, 7, 250000, tzinfo=UTC)
    assert lees_moment(toon_moment(moment)) == moment.replace(microsecond=999999)
    assert lees_moment(toon_moment(moment, exact=True)) == moment


def test_a_time_of_the_repeated_hour_without_an_offset_is_refused_naming_both_readings() -> None:
    with pytest.raises(OngeldigMoment) as fout:
        lees_moment("2026-10-25T02:30")
    assert str(fout.value) == (
        "'2026-10-25T02:30' komt in Nederlandse tijd twee keer voor (de klok ging terug): "
        "bedoelt u 2026-10-25T02:30+02:00 of 2026-10-25T02:30+01:00?"
    )


def test_a_time_of_the_skipped_hour_without_an_offset_is_refused_naming_the_gap() -> None:
    with pytest.raises(OngeldigMoment) as fout:
        lees_moment("2026-03-29T02:30")
    assert str(fout.value) == (
        "'2026-03-29T02:30' bestaat niet in Nederlandse tijd: op 2026-03-29 sprong de klok van 02:00+01:00 naar "
        "03:00+02:00; geef een offset, zoals 2026-03-29T02:30+01:00"
    )


@pytest.mark.parametrize("tekst", ["gisteren", "2026-02-30", "2026-01-01T24:00", "2026-01-01T10:00+25:00", ""])
def test_what_is_not_a_moment_is_refused(tekst: str) -> None:
    with pytest.raises(OngeldigMoment):
        lees_moment(tekst)


def test_json_echoes_a_moment_as_it_was_stated_while_the_ledger_filters_on_the_end_of_its_span() -> None:
    seconde, dag = lees_moment("2026-12-01T00:24:16+00:00"), lees_moment("2020-10-13")
    assert seconde == datetime(2026, 12, 1, 0, 24, 16, 999999, tzinfo=UTC)
    assert als_gesteld(seconde).isoformat() == "2026-12-01T00:24:16+00:00"  # as a ledger of 0.1.0 answered
    assert als_gesteld(dag).isoformat() == "2020-10-13T23:59:59.999999+02:00"
    assert als_gesteld(datetime(2020, 1, 1, tzinfo=UTC)) == datetime(2020, 1, 1, tzinfo=UTC)
