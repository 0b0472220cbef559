"""`begroting record` against generated documents: whatever the file holds, the answer is a refusal, not a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import begroting

DOCUMENT = '{{"gemeente": "GM1708", "bron": {{"id": {bron}, "datum": "2020-09-15"}}, "events": [{event}]}}\n'
EVENTS = [
    ("bcf_afrekening", {'"jaar"': "2019", '"bedrag"': "295"}),
    ("prognose", {'"post"': '"stelpost.jeugdhulp"', '"richting"': '"lasten"', '"bedragen"': '{"2022": 735}'}),
    ("buig_beschikking", {'"fase"': '"definitief"', '"jaar"': "2020", '"bedrag"': "12701"}),
]
LASTIGE_WAARDEN = [
    "1e999999",
    "2.95e999999",
    "1:30.5",
    "1:30",
    ".nan",
    "-.inf",
    "NaN",
    "010",
    "0x1F",
    "1_000.5",
    "２０２２",
    '"٢٩٥"',
    '"\\u0000"',
    '"\\ud800"',
    '"\\u001b[2J"',
    '"\\u0085"',
    "!!binary AAEC",
    "!!set {a, b}",
    "? [2022]",
    "1600000000",
    "null",
    "yes",
    "2020-13-45",
]
LASTIGE_SLEUTELS = [
    '"2022"',
    '" 2022"',
    '"02022"',
    '"２０２２"',
    "2022",
    '"jaar"',
    '"jaar "',
    '"toelichting"',
    '"bedrag"',
]

scalairen = st.one_of(
    st.sampled_from(LASTIGE_WAARDEN),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.integers(min_value=1, max_value=6000).map(lambda n: "9" * n),
    st.text(max_size=12).map(json.dumps),
    st.text(max_size=12).map(lambda t: json.dumps(t, ensure_ascii=False)),
)
sleutels = st.one_of(st.sampled_from(LASTIGE_SLEUTELS), st.text(max_size=6).map(json.dumps))
waarden = st.recursive(
    scalairen,
    lambda kind: st.one_of(
        st.lists(kind, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
        st.lists(st.tuples(sleutels, kind), max_size=3).map(
            lambda paren: "{" + ", ".join(f"{s}: {w}" for s, w in paren) + "}"
        ),
    ),
    max_leaves=8,
)
diep = st.integers(min_value=60, max_value=1500).map(lambda n: "[" * n + "1" + "]" * n)


@st.composite
def documenten(draw: st.DrawFn) -> str:
    """A realistic document with a few fields replaced by awkward values, sometimes with its text damaged."""
    soort, velden = draw(st.sampled_from(EVENTS))
    velden = {**velden, **draw(st.dictionaries(sleutels, st.one_of(waarden, diep), max_size=3))}
    event = "{" + ", ".join(f"{s}: {w}" for s, w in [('"type"', f'"{soort}"'), *velden.items()]) + "}"
    bron = draw(st.sampled_from(['"fuzz-a"', '"fuzz-b"', '"fuzz-c"', "5", '"\\u0000"']))
    tekst = DOCUMENT.format(bron=bron, event=event)
    if draw(st.integers(0, 3)) == 0:
        plaats = draw(st.integers(min_value=0, max_value=len(tekst)))
        tekst = tekst[:plaats] + draw(st.text(max_size=5)) + tekst[plaats + draw(st.integers(0, 3)) :]
    return tekst


inhoud = st.one_of(
    documenten().map(lambda t: t.encode("utf-8", "surrogatepass")),
    documenten().map(lambda t: t.encode("utf-8", "surrogatepass")),
    documenten().map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=200),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
)


@pytest.fixture
def stand() -> dict[str, int]:
    """The number of events in the ledger, kept across the examples that share its database."""
    return {"events": 0}


def aantal_events(db: str) -> int:
    uitkomst = begroting(db, "events", "--format", "json")
    assert uitkomst.exit_code == 0, uitkomst.output
    return len(json.loads(uitkomst.stdout))


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(inhoud=inhoud, achtervoegsel=st.sampled_from([".yaml", ".json"]))
def test_any_document_exits_0_2_or_3_never_crashes_and_a_refused_one_writes_nothing(
    sqlite_url: str, tmp_path: Path, stand: dict[str, int], inhoud: bytes, achtervoegsel: str
) -> None:
    bestand = tmp_path / f"brief{achtervoegsel}"
    bestand.write_bytes(inhoud)
    uitkomst = begroting(sqlite_url, "record", str(bestand))
    assert uitkomst.exit_code in (0, 2, 3), uitkomst.output
    assert "Traceback" not in uitkomst.output
    if uitkomst.exit_code == 0:
        stand["events"] = aantal_events(sqlite_url)
    else:
        assert uitkomst.stderr.startswith(f"fout: {bestand}: "), uitkomst.stderr
        assert aantal_events(sqlite_url) == stand["events"]
