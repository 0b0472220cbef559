"""Tampering that bypasses the triggers is caught by `verify`, which names the event or the trigger."""

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


def weggehaald(db: str) -> str:
    """The first trigger `zonder_triggers` drops."""
    return "begroting_events_alleen_toevoegen" if db.startswith("postgresql") else "begroting_events_geen_update"


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
    assert uit.stdout.splitlines()[0] == "hashketen: 20 events gecontroleerd, 0 gebroken stromen"


def test_verify_speaks_english_with_taal_en(db_url: str, voorbeeld: list[str]) -> None:
    begroting(db_url, "record", *voorbeeld)
    uit = begroting(db_url, "--taal", "en", "verify")
    assert uit.exit_code == 0
    regels = uit.stdout.splitlines()
    assert regels[:3] == [
        "hash chain: 20 events checked, 0 broken streams",
        "seals: not checked (no seal key: --seal-key FILE or BEGROTING_SEAL_KEY_FILE); 0 events carry a seal",
        "triggers: the append-only triggers stand",
    ]
    assert regels[-2:] == [
        "read models: journaal 20 rows, postbedragen 72 rows, reservemutaties 0 rows, feiten 0 rows",
        "verify: OK",
    ]


def test_one_flipped_byte_in_a_stored_event_is_named(db_url: str, voorbeeld: list[str]) -> None:
    begroting(db_url, "record", *voorbeeld)
    knoei(db_url, *zonder_triggers(db_url), vervang(db_url, "77599000.00", "77599001.00", 4))
    uit = begroting(db_url, "verify")
    assert uit.exit_code == 1
    regels = uit.stdout.splitlines()
    assert regels[:2] == [
        "hashketen: 20 events gecontroleerd, 1 gebroken stroom",
        "  GEBROKEN bij GM1708-0004: de inhoud past niet bij de hash: gewijzigd na het boeken",
    ]
    assert f"  TRIGGER {weggehaald(db_url)} ontbrak (bij het starten teruggezet)" in regels
    assert regels[-1] == "verify: MISLUKT"


def test_a_deleted_event_is_named_as_missing(db_url: str, voorbeeld: list[str]) -> None:
    begroting(db_url, "record", *voorbeeld)
    knoei(db_url, *zonder_triggers(db_url), "DELETE FROM begroting_events WHERE originator_version = 7")
    uit = begroting(db_url, "verify")
    assert uit.exit_code == 1
    assert "  GEBROKEN bij GM1708-0008: event 7..7 van deze stroom ontbreekt" in uit.stdout.splitlines()


def test_a_dropped_trigger_is_named_even_when_no_event_was_touched(db_url: str, voorbeeld: list[str]) -> None:
    begroting(db_url, "record", *voorbeeld)
    knoei(db_url, *zonder_triggers(db_url))
    uit = begroting(db_url, "verify")
    assert uit.exit_code == 1
    assert f"  TRIGGER {weggehaald(db_url)} ontbrak (bij het starten teruggezet)" in uit.stdout.splitlines()


def test_a_disabled_trigger_is_named(postgres_url: str, voorbeeld: list[str]) -> None:
    begroting(postgres_url, "record", *voorbeeld)
    knoei(postgres_url, "ALTER TABLE begroting_events DISABLE TRIGGER begroting_events_alleen_toevoegen")
    uit = begroting(postgres_url, "verify")
    assert uit.exit_code == 1
    assert (
        "  TRIGGER begroting_events_alleen_toevoegen staat uit "
        "(ALTER TABLE begroting_events ENABLE TRIGGER begroting_events_alleen_toevoegen)"
    ) in uit.stdout.splitlines()
    assert uit.stdout.splitlines()[-1] == "verify: MISLUKT"


def test_a_trigger_that_runs_only_on_replicas_counts_as_disabled(postgres_url: str, voorbeeld: list[str]) -> None:
    begroting(postgres_url, "record", *voorbeeld)
    knoei(postgres_url, "ALTER TABLE begroting_events ENABLE REPLICA TRIGGER begroting_events_geen_truncate")
    uit = begroting(postgres_url, "verify")
    assert uit.exit_code == 1
    assert "  TRIGGER begroting_events_geen_truncate staat uit" in uit.stdout


def test_a_trigger_whose_function_no_longer_refuses_is_named(postgres_url: str, voorbeeld: list[str]) -> None:
    begroting(postgres_url, "record", *voorbeeld)
    knoei(
        postgres_url,
        "CREATE OR REPLACE FUNCTION begroting_alleen_toevoegen() RETURNS trigger LANGUAGE plpgsql "
        "AS $$ BEGIN RETURN OLD; END $$",
    )
    uit = begroting(postgres_url, "verify")
    assert uit.exit_code == 1
    assert "  TRIGGER begroting_events_alleen_toevoegen weigert niet meer: de code is vervangen" in uit.stdout


def zet_topic(versie: int, topic: str) -> str:
    return f"UPDATE begroting_events SET topic = '{topic}' WHERE originator_version = {versie}"


def test_an_event_with_a_changed_topic_is_named_as_undecodable_and_verify_goes_on(
    db_url: str, voorbeeld: list[str]
) -> None:
    begroting(db_url, "record", *voorbeeld)
    knoei(db_url, *zonder_triggers(db_url), zet_topic(5, "ledger.grootboek:Grootboek.Verzonnen"))
    uit = begroting(db_url, "verify")
    assert uit.exit_code == 1, uit.output
    regels = uit.stdout.splitlines()
    assert "  GEBROKEN bij GM1708-0005: de inhoud past niet bij de hash: gewijzigd na het boeken" in regels
    onleesbaar = [r for r in regels if r.startswith("  ONLEESBAAR")]
    assert len(onleesbaar) == 1
    assert onleesbaar[0].startswith("  ONLEESBAAR GM1708-0005 (positie 5): niet te decoderen: ")
    assert "read models: NIET vergeleken: 1 event is niet te decoderen" in regels
    assert regels[-1] == "verify: MISLUKT"


def test_an_event_whose_json_is_corrupt_is_named_as_undecodable(db_url: str, voorbeeld: list[str]) -> None:
    begroting(db_url, "record", *voorbeeld)
    kapot = "convert_to('{kapot', 'UTF8')" if db_url.startswith("postgresql") else "CAST('{kapot' AS BLOB)"
    knoei(db_url, *zonder_triggers(db_url), f"UPDATE begroting_events SET state = {kapot} WHERE originator_version = 9")
    uit = begroting(db_url, "verify")
    assert uit.exit_code == 1, uit.output
    regels = uit.stdout.splitlines()
    assert "  GEBROKEN bij GM1708-0009: de opgeslagen inhoud is niet te lezen: gewijzigd na het boeken" in regels
    assert any(r.startswith("  ONLEESBAAR GM1708-0009 (positie 9): niet te decoderen: ") for r in regels)
    assert "onverwachte fout" not in uit.output
