"""Free text outside documents under the documents' rule: a reason with ESC or NUL, one over 2,000 characters,
a name over 100 or over two lines; an event id beyond the integer range; a crafted snapshot.json. Each exit 2
with a clear message and nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from documents.vrije_tekst import naam_fout, reden_fout
from tests.cli.test_record import aantal_events
from tests.conftest import begroting


@pytest.fixture
def geboekt(sqlite_url: str, voorbeeld: list[str]) -> str:
    assert begroting(sqlite_url, "record", *voorbeeld).exit_code == 0
    return sqlite_url


def test_the_rule_allows_lines_in_a_reason_and_not_in_a_name() -> None:
    assert reden_fout("twee\nregels\tmet tab") is None
    assert naam_fout("j.jansen") is None
    assert naam_fout("j.\njansen") == "hoort één regel te zijn, zonder tabs of regeleinden"
    assert reden_fout("a\x1bb") == "bevat een stuurteken (U+001B)"
    assert reden_fout("a\x9bb") == "bevat een stuurteken (U+009B)"
    assert naam_fout("x" * 101) == "is 101 tekens lang; hoogstens 100"


@pytest.mark.parametrize(
    ("opties", "melding"),
    [
        (
            ["--reden", "vervallen\x1b[2J"],
            "Ongeldige waarde voor '--reden': de reden bevat een stuurteken (U+001B)",
        ),
        (["--reden", "x\x00"], "de reden bevat een stuurteken (U+0000); er is niets geboekt"),
        (["--reden", "x" * 2001], "de reden is 2,001 tekens lang; hoogstens 2,000; er is niets geboekt"),
        (["--reden", "x", "--door", "j" * 101], "de naam is 101 tekens lang; hoogstens 100"),
        (["--reden", "x", "--door", "j.\x1bjansen"], "de naam bevat een stuurteken (U+001B)"),
    ],
)
def test_withdraw_refuses_a_reason_or_name_against_the_rule(geboekt: str, opties: list[str], melding: str) -> None:
    voor = aantal_events(geboekt)
    uitkomst = begroting(geboekt, "withdraw", "GM1708-0017", *opties)
    assert uitkomst.exit_code == 2 and melding in " ".join(uitkomst.stderr.split())
    assert "\x1b[2J" not in uitkomst.stderr + uitkomst.stdout
    assert aantal_events(geboekt) == voor


def test_correct_refuses_a_reason_with_esc_and_nothing_is_written(geboekt: str, tmp_path: Path) -> None:
    voor = aantal_events(geboekt)
    pad = tmp_path / "erratum.yaml"
    pad.write_text("gemeente: GM1708\n")
    uitkomst = begroting(geboekt, "correct", "GM1708-0017", str(pad), "--reden", "a\x1bb")
    assert uitkomst.exit_code == 2 and "de reden bevat een stuurteken (U+001B)" in uitkomst.stderr
    assert aantal_events(geboekt) == voor


@pytest.mark.parametrize("event", ["GM1708-99999999999999999999", "GM1708-" + "9" * 5000, "GM1708-٣"])
def test_an_event_id_beyond_the_integer_range_exits_2(geboekt: str, event: str) -> None:
    voor = aantal_events(geboekt)
    uitkomst = begroting(geboekt, "withdraw", event, "--reden", "x")
    assert uitkomst.exit_code == 2 and uitkomst.stderr.startswith("fout: ") and "Traceback" not in uitkomst.stderr
    assert aantal_events(geboekt) == voor


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nest dieper dan 64 niveaus"),
        (b"\xff{}", "geen JSON: 'utf-8' codec can't decode byte 0xff"),
        (json.dumps({"query": {"gemeente": "GM1708", "as_of": "2021-01-01", "jaar": 2**63}}).encode(), "query.jaar"),
        (b"{}", "query: ontbreekt, of is geen object"),
    ],
)
def test_snapshot_verify_refuses_a_crafted_file_with_exit_2(
    geboekt: str, tmp_path: Path, inhoud: bytes, melding: str
) -> None:
    pad = tmp_path / "snapshot.json"
    pad.write_bytes(inhoud)
    uitkomst = begroting(geboekt, "snapshot", "verify", str(pad))
    assert uitkomst.exit_code == 2, uitkomst.stderr
    assert f"{pad}: geen snapshot geschreven door begroting (" in uitkomst.stderr and melding in uitkomst.stderr
