"""Seals and receipts: what someone with database access cannot hide from `verify`."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from typer.testing import CliRunner

from cli.main import app
from ledger.hashchain import GENESIS, HASH_VELD, bytes_hash
from storage.triggers import postgres_triggers, sqlite_triggers
from tests.conftest import begroting
from tests.integration.test_verify import knoei, zonder_triggers


def sleutel(tmp_path: Path, naam: str = "zegel.key") -> str:
    pad = tmp_path / naam
    uit = CliRunner().invoke(app, ["seal-key", "new", str(pad)])
    assert uit.exit_code == 0, uit.output
    return str(pad)


def met_sleutel(db: str, pad: str, *args: str) -> object:
    return CliRunner().invoke(app, ["--db", db, "--seal-key", pad, *args])


def vervals_volgend_event(db: str, zegel: str | None) -> None:
    """Append a copy of GM1708's last event as its next one, chained and hashed as `begroting` would."""
    engine = create_engine(db)
    with engine.begin() as v:
        rij = v.execute(
            text(
                "SELECT originator_id, originator_version, topic, state FROM begroting_events ORDER BY id DESC LIMIT 1"
            )
        ).one()
        event = json.loads(bytes(rij.state))
        event.pop("zegel", None)
        event.update(originator_version=rij.originator_version + 1, vorige_hash=event["hash"], hash=GENESIS)
        ongezegeld = json.dumps(event, separators=(",", ":")).encode()
        hash_ = bytes_hash(rij.topic, ongezegeld)
        staart = b"" if zegel is None else b',"zegel":"' + zegel.encode() + b'"'
        toestand = HASH_VELD.sub(lambda m: m[1] + hash_.encode() + m[3] + staart, ongezegeld, count=1)
        v.execute(
            text(
                "INSERT INTO begroting_events (originator_id, originator_version, topic, state) VALUES (:i, :v, :t, :s)"
            ),
            {"i": rij.originator_id, "v": rij.originator_version + 1, "t": rij.topic, "s": toestand},
        )
    engine.dispose()


def test_seal_key_new_writes_32_random_bytes_as_hex_readable_by_its_owner_only(tmp_path: Path) -> None:
    pad = Path(sleutel(tmp_path))
    inhoud = pad.read_text().strip()
    assert len(bytes.fromhex(inhoud)) == 32
    assert stat.S_IMODE(os.stat(pad).st_mode) == 0o600
    assert Path(sleutel(tmp_path, "ander.key")).read_text() != pad.read_text()


def test_seal_key_new_refuses_to_overwrite_an_existing_file(tmp_path: Path) -> None:
    pad = tmp_path / "zegel.key"
    pad.write_text("bestaand")
    uit = CliRunner().invoke(app, ["seal-key", "new", str(pad)])
    assert uit.exit_code == 2
    assert uit.stderr == f"fout: {pad}: bestaat al; een zegelsleutel wordt nooit overschreven\n"
    assert pad.read_text() == "bestaand"


def test_a_seal_key_that_is_too_short_or_missing_is_refused_with_exit_2(sqlite_url: str, tmp_path: Path) -> None:
    kort = tmp_path / "kort.key"
    kort.write_text("abcd\n")
    uit = met_sleutel(sqlite_url, str(kort), "verify")
    assert uit.exit_code == 2
    assert uit.stderr == f"fout: zegelsleutel {kort}: bevat 2 bytes, een sleutel heeft er minstens 32 nodig\n"
    uit = met_sleutel(sqlite_url, str(tmp_path / "weg.key"), "verify")
    assert uit.exit_code == 2
    assert "niet te lezen (No such file or directory)" in uit.stderr


@pytest.mark.parametrize("opdracht", [["heads"], ["seal-key"], ["seal-key", "new"]])
def test_the_integrity_commands_have_help_with_an_example(opdracht: list[str]) -> None:
    uit = CliRunner().invoke(app, [*opdracht, "--help"])
    assert uit.exit_code == 0
    assert "Voorbeeld: begroting" in uit.stdout


def test_a_sealed_ledger_verifies_with_its_key_and_says_seals_were_not_checked_without(
    db_url: str, voorbeeld: list[str], tmp_path: Path
) -> None:
    pad = sleutel(tmp_path)
    assert met_sleutel(db_url, pad, "record", *voorbeeld).exit_code == 0
    uit = met_sleutel(db_url, pad, "verify")
    assert uit.exit_code == 0, uit.output
    assert "zegels: 20 verzegelde events gecontroleerd, 0 ontbrekend of onjuist" in uit.stdout.splitlines()
    zonder = begroting(db_url, "verify")
    assert zonder.exit_code == 0
    assert (
        "zegels: niet gecontroleerd (geen zegelsleutel: --seal-key BESTAND of BEGROTING_SEAL_KEY_FILE); "
        "20 events dragen een zegel" in zonder.stdout.splitlines()
    )


def test_a_forged_event_with_a_recomputed_hash_is_named_with_the_seal_key(
    db_url: str, voorbeeld: list[str], tmp_path: Path
) -> None:
    pad = sleutel(tmp_path)
    met_sleutel(db_url, pad, "record", *voorbeeld)
    vervals_volgend_event(db_url, zegel="ab" * 32)
    assert begroting(db_url, "verify").exit_code == 0  # the chain holds: only the key tells
    uit = met_sleutel(db_url, pad, "verify")
    assert uit.exit_code == 1
    regels = uit.stdout.splitlines()
    assert regels[0] == "hashketen: 21 events gecontroleerd, 0 gebroken stromen"
    assert (
        "  ZEGEL GM1708-0021: het zegel past niet bij de hash: vervalst of gewijzigd na het boeken "
        "(of met een andere sleutel verzegeld)"
    ) in regels


def test_an_unsealed_event_after_a_sealed_one_is_named_even_without_the_key(
    db_url: str, voorbeeld: list[str], tmp_path: Path
) -> None:
    pad = sleutel(tmp_path)
    met_sleutel(db_url, pad, "record", *voorbeeld)
    vervals_volgend_event(db_url, zegel=None)
    uit = begroting(db_url, "verify")
    assert uit.exit_code == 1
    assert (
        "  ZEGEL GM1708-0021: het heeft geen zegel, terwijl het grootboek verzegeld is vanaf GM1708-0001: "
        "buiten het grootboek om toegevoegd"
    ) in uit.stdout.splitlines()


def test_events_recorded_before_the_key_existed_are_unsealed_not_broken(
    db_url: str, voorbeeld: list[str], tmp_path: Path
) -> None:
    begroting(db_url, "record", *voorbeeld[:2])
    pad = sleutel(tmp_path)
    assert met_sleutel(db_url, pad, "record", *voorbeeld[2:]).exit_code == 0
    uit = met_sleutel(db_url, pad, "verify")
    assert uit.exit_code == 0, uit.output
    regels = uit.stdout.splitlines()
    assert "  onverzegeld, geboekt voordat het grootboek verzegeld werd: GM1708-0001..0003" in regels
    assert "zegels: 17 verzegelde events gecontroleerd, 0 ontbrekend of onjuist" in regels


def test_recording_without_the_key_into_a_sealed_ledger_is_refused(
    db_url: str, voorbeeld: list[str], tmp_path: Path
) -> None:
    met_sleutel(db_url, sleutel(tmp_path), "record", *voorbeeld[:2])
    uit = begroting(db_url, "record", *voorbeeld[2:])
    assert uit.exit_code == 2
    assert uit.stderr == (
        "fout: het grootboek is verzegeld: boek met de zegelsleutel (--seal-key BESTAND of BEGROTING_SEAL_KEY_FILE)\n"
    )
    assert len(json.loads(begroting(db_url, "events", "--format", "json").stdout)) == 2


def test_heads_writes_per_gemeente_the_last_version_and_its_hash(
    db_url: str, voorbeeld: list[str], tmp_path: Path
) -> None:
    begroting(db_url, "record", *voorbeeld)
    uit = begroting(db_url, "heads", "--out", str(tmp_path / "heads.json"))
    assert uit.exit_code == 0, uit.output
    assert uit.stdout == f"1 gemeente geschreven naar {tmp_path / 'heads.json'}\n"
    kop = json.loads((tmp_path / "heads.json").read_text())["heads"]["GM1708"]
    laatste = json.loads(begroting(db_url, "events", "--format", "json").stdout)[-1]
    assert kop == {"event": "GM1708-0020", "versie": 20, "hash": laatste["hash"]}
    again = begroting(db_url, "heads", "--out", str(tmp_path / "heads.json"))
    assert again.exit_code == 2
    assert "bestaat al; een ontvangstbewijs wordt nooit overschreven" in again.stderr


def test_a_heads_file_that_is_no_receipt_is_refused_with_exit_2(sqlite_url: str, tmp_path: Path) -> None:
    pad = tmp_path / "heads.json"
    pad.write_text('{"heads": {"GM1708": {"versie": "twintig"}}}')
    uit = begroting(sqlite_url, "verify", "--heads", str(pad))
    assert uit.exit_code == 2
    assert uit.stderr == f"fout: heads-bestand {pad}: geen ontvangstbewijs geschreven door `begroting heads`\n"


def herbouw_zonder_laatste_event(db: str) -> None:
    """Delete the last event, drop the read models so they are rebuilt without it, and put the triggers back."""
    engine = create_engine(db)
    leesmodellen = [t for t in inspect(engine).get_table_names() if t != "begroting_events"]
    engine.dispose()
    postgres = db.startswith("postgresql")
    terug = postgres_triggers("begroting_events") if postgres else sqlite_triggers("begroting_events")
    weg = "DELETE FROM begroting_events WHERE id = (SELECT max(id) FROM begroting_events)"
    knoei(db, *zonder_triggers(db), weg, *(f"DROP TABLE {t}" for t in leesmodellen), *terug)


def test_the_last_event_deleted_with_the_read_models_rebuilt_is_caught_by_a_receipt(
    db_url: str, voorbeeld: list[str], tmp_path: Path
) -> None:
    begroting(db_url, "record", *voorbeeld)
    heads = str(tmp_path / "heads.json")
    begroting(db_url, "heads", "--out", heads)
    herbouw_zonder_laatste_event(db_url)
    assert begroting(db_url, "verify").exit_code == 0  # a shorter chain still holds: only the receipt tells
    uit = begroting(db_url, "verify", "--heads", heads)
    assert uit.exit_code == 1, uit.output
    regels = uit.stdout.splitlines()
    assert f"heads: gecontroleerd tegen {heads}, 1 gemeente heeft hem niet meer" in regels
    assert "  HEAD GM1708-0020: is weg: geschiedenis ingekort" in regels


def test_a_ledger_of_version_0_1_0_verifies_with_a_seal_key_as_unsealed(tmp_path: Path) -> None:
    from tests.integration.test_compat import COMPAT, kopie

    db = kopie(COMPAT / "v0.1.0", tmp_path)
    uit = met_sleutel(db, sleutel(tmp_path), "verify")
    assert uit.exit_code == 0, uit.output
    assert "  onverzegeld, geboekt voordat het grootboek verzegeld werd: GM1708-0001..0024" in uit.stdout.splitlines()
