"""The triggers that make the event table append-only, and the check that they still stand.

Triggers stop mistakes, not a database superuser: who can drop or disable
them can rewrite history. So start-up puts back a missing trigger, and
`verify` names every trigger that is missing, disabled or no longer refuses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage.verbinding import Verbinding
from taal import _

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

WEIGERING = "begroting: the event store is append-only"
FUNCTIE = "begroting_alleen_toevoegen"
AAN = {"O", "A"}  # pg_trigger.tgenabled: fires in origin mode; D is disabled, R fires only on replicas


def trigger_namen(tabel: str, postgres: bool) -> tuple[str, ...]:
    if postgres:
        return (f"{tabel}_alleen_toevoegen", f"{tabel}_geen_truncate")
    return (f"{tabel}_geen_update", f"{tabel}_geen_delete")


def sqlite_triggers(tabel: str) -> list[str]:
    return [
        f"CREATE TRIGGER IF NOT EXISTS {tabel}_geen_update BEFORE UPDATE ON {tabel} "
        f"BEGIN SELECT RAISE(ABORT, '{WEIGERING}: UPDATE refused'); END",
        f"CREATE TRIGGER IF NOT EXISTS {tabel}_geen_delete BEFORE DELETE ON {tabel} "
        f"BEGIN SELECT RAISE(ABORT, '{WEIGERING}: DELETE refused'); END",
    ]


def postgres_triggers(tabel: str) -> list[str]:
    return [
        f"CREATE OR REPLACE FUNCTION {FUNCTIE}() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        f"RAISE EXCEPTION '{WEIGERING}: % refused on %', TG_OP, TG_TABLE_NAME; END $$",
        f"DROP TRIGGER IF EXISTS {tabel}_alleen_toevoegen ON {tabel}",
        f"CREATE TRIGGER {tabel}_alleen_toevoegen BEFORE UPDATE OR DELETE ON {tabel} "
        f"FOR EACH ROW EXECUTE FUNCTION {FUNCTIE}()",
        f"DROP TRIGGER IF EXISTS {tabel}_geen_truncate ON {tabel}",
        f"CREATE TRIGGER {tabel}_geen_truncate BEFORE TRUNCATE ON {tabel} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTIE}()",
    ]


def _aanwezig(verbinding: Verbinding, tabel: str, postgres: bool) -> dict[str, tuple[str, str]]:
    """Trigger name -> (enabled flag, the code it runs) of the triggers on the table."""
    if postgres:
        vraag = (
            "SELECT t.tgname, t.tgenabled, p.proname || ':' || p.prosrc FROM pg_trigger t "
            "JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgrelid = to_regclass(:t) AND NOT t.tgisinternal"
        )
    else:
        vraag = "SELECT name, 'O', sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"
    return {r[0]: (str(r[1]), r[2] or "") for r in verbinding.execute(vraag, {"t": tabel})}


def trigger_gebreken(verbinding: Verbinding, tabel: str) -> list[str]:
    """What is wrong with the append-only triggers, one line per trigger; [] when they all stand."""
    postgres = verbinding.postgres
    aanwezig, gebreken = _aanwezig(verbinding, tabel, postgres), []
    for naam in trigger_namen(tabel, postgres):
        if naam not in aanwezig:
            gebreken.append(_("{naam} ontbreekt").format(naam=naam))
        elif aanwezig[naam][0] not in AAN:
            gebreken.append(
                _("{naam} staat uit (ALTER TABLE {tabel} ENABLE TRIGGER {naam})").format(naam=naam, tabel=tabel)
            )
        elif WEIGERING not in aanwezig[naam][1]:
            gebreken.append(_("{naam} weigert niet meer: de code is vervangen").format(naam=naam))
    return gebreken


def _ontbrekend(verbinding: Verbinding, tabel: str) -> list[str]:
    aanwezig = _aanwezig(verbinding, tabel, verbinding.postgres)
    return [naam for naam in trigger_namen(tabel, verbinding.postgres) if naam not in aanwezig]


def triggers_compleet(verbinding: Verbinding, tabel: str) -> bool:
    """Every append-only trigger is there (else the bootstrap puts it back, as every start-up does)."""
    return not _ontbrekend(verbinding, tabel)


def maak_alleen_toevoegen(engine: Engine, tabel: str) -> tuple[str, ...]:
    """Install the triggers that make UPDATE and DELETE on the event table fail.

    Returns the names of those that were missing on a table that already held
    events: someone removed them, and `verify` says so.
    """
    from sqlalchemy import text

    postgres = engine.dialect.name == "postgresql"
    with engine.connect() as verbinding:
        if not _ontbrekend(Verbinding.van(verbinding), tabel):
            return ()
    with engine.begin() as verbinding:
        if postgres:
            verbinding.execute(text("SELECT pg_advisory_xact_lock(4242)"))
        ontbrekend = _ontbrekend(Verbinding.van(verbinding), tabel)
        if not ontbrekend:
            return ()
        for opdracht in postgres_triggers(tabel) if postgres else sqlite_triggers(tabel):
            verbinding.execute(text(opdracht))
        gevuld = verbinding.execute(text(f"SELECT count(*) FROM {tabel}")).scalar_one() > 0
        return tuple(ontbrekend) if gevuld else ()
