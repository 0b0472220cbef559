"""Tampering that bypasses the triggers is caught by `verify`, which names the first broken event."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from tests.conftest import begroting


def knoei(db: str, *opdrachten: str) -> None:
    engine = create_engine(db)
    with engine.begin() as v:
        for opdracht in opdrachten:
            v.execute(text(opdracht))
    engine.dispose()


def zonder_triggers(db: str) -> list[str]:
    if db.startswith("postgresql"):
        return ["DROP TRIGGER begroting_events_alleen_toevoegen ON begroting_events"]
    return ["DROP TRIGGER begroting_events_geen_update", "DROP TRIGGER begroting_events_geen_delete"]


def vervang(db: str, oud: str, nieuw: str, versie: int) -> str:
    if db.startswith("postgresql"):
        waarde = f"convert_to(replace(convert_from(state, 'UTF8'), '{oud}', '{nieuw}'), 'UTF8')"
    else:
        waarde = f"CAST(replace(CAST(state AS TEXT), '{oud}', '{nieuw}') AS BLOB)"
    return f"UPDATE begroting_events SET state = {waarde} WHERE originator_version = {versie}"


def test_verify_passes_on_an_untouched_ledger(db_url: str, voorbeeld: list[str]) -> None:
    begroting(db_url, "record", *voorbeeld)
    uit = begroting(db_url, "verify")
    assert uit.exit_code == 0
    assert uit.stdout.splitlines()[0] == "hash chain: 20 events checked, 0 broken stream(s)"


def test_one_flipped_byte_in_a_stored_event_is_named(db_url: str, voorbeeld: list[str]) -> None:
    begroting(db_url, "record", *voorbeeld)
    knoei(db_url, *zonder_triggers(db_url), vervang(db_url, "77599000.00", "77599001.00", 4))
    uit = begroting(db_url, "verify")
    assert uit.exit_code == 1
    regels = uit.stdout.splitlines()
    assert regels[:2] == [
        "hash chain: 20 events checked, 1 broken stream(s)",
        "  BROKEN at GM1708-0004: its content does not match its hash: altered after recording",
    ]
    assert "  the append-only triggers were missing on the event table (now restored)" in regels
    assert regels[-1] == "verify: FAILED"


def test_a_deleted_event_is_named_as_missing(db_url: str, voorbeeld: list[str]) -> None:
    begroting(db_url, "record", *voorbeeld)
    knoei(db_url, *zonder_triggers(db_url), "DELETE FROM begroting_events WHERE originator_version = 7")
    uit = begroting(db_url, "verify")
    assert uit.exit_code == 1
    assert "  BROKEN at GM1708-0008: event(s) 7..7 of this stream are missing" in uit.stdout.splitlines()
