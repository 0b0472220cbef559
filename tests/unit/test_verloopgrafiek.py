"""The history chart: a step line per value over the knowledge axis, pm marked apart, a tooltip per event."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from reports.verloopgrafiek import verloopgrafiek


def stap(dag: date, event: str, soort: str, bedrag: str, raming: str, prognose: str) -> dict[str, Any]:
    getallen = {"bedrag": Decimal(bedrag), "raming": Decimal(raming), "prognose": Decimal(prognose)}
    return {"bekend_op": dag, "event": event, "soort": soort, "bron": f"bron-{event}"} | getallen


def vraag(stappen: list[dict[str, Any]], as_of: str = "2021-01-01") -> dict[str, Any]:
    return {"as_of": as_of, "post": "buig", "jaar": 2020, "stappen": stappen}


def lijn(svg: str, titel: str) -> list[tuple[float, float]]:
    punten = re.search(rf'<polyline points="([^"]+)"[^>]*><title>{titel}</title>', svg)
    assert punten, f"no {titel} line"
    return [(float(x), float(y)) for x, y in (p.split(",") for p in punten.group(1).split())]


def test_one_estimate_is_one_flat_step_a_month_past_it_with_its_tooltip() -> None:
    explain = {"events": [{"event": "GM1708-0002", "geboekt_op": "2020-07-01T09:30:00+00:00", "geboekt_door": "jj"}]}
    svg = str(
        verloopgrafiek(
            vraag([stap(date(2020, 6, 30), "GM1708-0002", "raming", "5000000", "5000000", "5000000")]), explain
        )
    )
    assert (
        lijn(svg, "prognose") == lijn(svg, "raming") == [(lijn(svg, "raming")[0][0], 133.0), (624.0, 133.0)]
    )  # the middle
    tip = (
        "GM1708-0002 (raming)\nbedrag 5.000.000,00\nbekend op 2020-06-30\nbron bron-GM1708-0002\n"
        "geboekt op 2020-07-01T11:30:00+02:00 door jj"
    )
    assert svg.count(f"<title>{tip}</title>") == 2  # the dot and the tick under the axis
    datums = ["29 jun 2020", "5 jul 2020", "11 jul 2020", "18 jul 2020", "24 jul 2020", "30 jul 2020"]
    assert re.findall(r">(\d+ \w+ \d{4})</text>", svg) == datums  # a little before the event to a month past it
    bedragen = ["4.600", "4.800", "5.000", "5.200", "5.400"]
    assert re.findall(r'text-anchor="end" font-size="11">([\d.]+)<', svg) == bedragen
    assert "bekend op</text>" in svg and "x € 1.000</text>" in svg


def test_a_pm_is_a_diamond_that_does_not_move_the_known_value() -> None:
    stappen = [
        stap(date(2020, 5, 1), "G-3", "pm", "11805000", "0", "0"),
        stap(date(2020, 6, 30), "G-2", "raming", "12245000", "12245000", "12245000"),
        stap(date(2020, 10, 1), "G-16", "prognose", "12701000", "12245000", "12701000"),
    ]
    svg = str(verloopgrafiek(vraag(stappen, "2020-10-13"), {}))
    assert len(re.findall(r'<path d="M[\d.]+,[\d.]+ l7,7 l-7,7 l-7,-7 z" fill="#fff"', svg)) == 1
    prognose = lijn(svg, "prognose")
    assert len(prognose) == 4 and prognose[0][1] == prognose[1][1] > prognose[2][1] == prognose[3][1]
    assert {y for _, y in lijn(svg, "raming")} == {prognose[0][1]}  # the raming stays; the pm day has no value
    assert "12.000" in svg and "12.500" in svg  # round amounts in thousands on the axis
    assert "geboekt op" not in svg  # without the trail no recording moments are claimed


def test_many_events_each_get_a_dot_and_a_tick() -> None:
    stappen = [
        stap(date(2020, 1, 1) + timedelta(days=3 * i), f"G-{i}", "prognose", str(1000 * i), "0", str(1000 * i))
        for i in range(1, 121)
    ]
    svg = str(verloopgrafiek(vraag(stappen), {}))
    assert svg.count("<circle") == 120 and svg.count("l-4,8 h8 z") == 121  # and the legend's tick
    assert len(lijn(svg, "prognose")) == 240


def test_asked_years_later_the_axis_still_ends_a_little_past_the_last_event_and_the_amounts_are_not_from_0() -> None:
    stappen = [
        stap(date(2020, 6, 30), "G-2", "raming", "12245000", "12245000", "12245000"),
        stap(date(2020, 10, 1), "G-16", "prognose", "12701000", "12245000", "12701000"),
    ]
    svg = str(verloopgrafiek(vraag(stappen, "2026-12-07"), {}))
    assert re.findall(r">(\d+ \w+ \d{4})</text>", svg)[-1] == "31 okt 2020"  # 30 days past 1 okt, not 2026
    bedragen = re.findall(r'text-anchor="end" font-size="11">([\d.]+)<', svg)
    assert bedragen[0] == "12.200" and "0" not in bedragen  # the axis starts near the lowest amount


def test_in_english_the_tooltip_legend_axis_and_dates_are_english() -> None:
    import taal

    explain = {"events": [{"event": "G-3", "geboekt_op": "2020-07-01T09:30:00+00:00", "geboekt_door": "jj"}]}
    with taal.in_taal("en"):
        svg = str(verloopgrafiek(vraag([stap(date(2020, 6, 30), "G-3", "pm", "11805000", "0", "0")]), explain))
    tip = "G-3 (pm, does not count)\namount 11,805,000.00\nknown on 2020-06-30\nsource bron-G-3\n"
    assert f"<title>{tip}recorded on 2020-07-01T11:30:00+02:00 by jj</title>" in svg
    assert 'aria-label="history of buig 2020 on the knowledge axis"' in svg
    assert re.findall(r">(\d+ \w+ \d{4})</text>", svg)[0] == "29 Jun 2020"
    legenda = ["known on", "x € 1,000", "projection (known)", "raming", "pm (does not count)", "recorded: who and when"]
    assert re.findall(r'font-size="1[12]">([^<\d][^<]*)</text>', svg) == legenda
