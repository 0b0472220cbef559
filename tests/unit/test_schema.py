"""The read models' schema is declared once (storage/schema.py): the DDL, the names and the questions agree with it."""

from __future__ import annotations

import importlib
import pkgutil
import re
import sqlite3
import string
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateTable

import projections
from events.postbedragen import Postbedrag
from projections.rijen import KOLOMMEN
from projections.zicht import vraag
from storage import schema
from storage.schema import Tabelnamen
from storage.tabellen import make_tables

CTE = re.compile(r"\s*\w+ AS \(")


class Elke(dict):
    """Any parameter a question names: preparing it is what is checked, not its answer."""

    def __missing__(self, sleutel: str) -> None:
        return None


def vragen() -> Iterator[tuple[str, str]]:
    """Every SQL text a projections module declares at its top, by module and name."""
    for module in pkgutil.iter_modules(projections.__path__):
        for naam, waarde in vars(importlib.import_module(f"projections.{module.name}")).items():
            if naam.isupper() and isinstance(waarde, str) and "SELECT" in waarde:
                yield f"{module.name}.{naam}", waarde


def ingevuld(sql: str) -> str:
    """The text with the table names of `Tabelnamen` and the filters of `vraag`; a bare CTE gets a query after it."""
    namen = Tabelnamen()
    tabellen = {t.naam: namen.naam(t) for t in schema.LEESMODELLEN} | {"events": namen.events}
    velden = {f for _, f, _, _ in string.Formatter().parse(sql) if f}
    lijsten = {v: "(1)" for v in velden - tabellen.keys() if v.endswith("s")}  # a list its caller fills in: `versies`
    sql = vraag(sql, **{v: tabellen[v] for v in velden if v in tabellen}, **lijsten)
    return f"WITH {sql} SELECT 1" if CTE.match(sql) else sql


@pytest.fixture(scope="module")
def sqlite() -> sqlite3.Connection:
    engine = create_engine("sqlite://")
    tabellen = make_tables()
    tabellen.metadata.create_all(engine)
    tabellen.events.metadata.create_all(engine)
    return engine.raw_connection().driver_connection  # type: ignore[return-value]


def test_the_questions_are_found_in_the_projections() -> None:
    gevonden = dict(vragen()).keys()
    assert {"saldo.PER_POST", "diff.OORZAKEN", "explain.SPOOR", "signals.FEITEN", "verloop.POSTEN"} <= gevonden


@pytest.mark.parametrize(("naam", "sql"), list(vragen()), ids=[n for n, _ in vragen()])
def test_every_question_names_only_declared_tables_and_columns(sqlite: sqlite3.Connection, naam: str, sql: str) -> None:
    sqlite.execute(f"EXPLAIN {ingevuld(sql)}", Elke())  # SQLite prepares it: an unknown column fails here


def test_a_column_the_schema_does_not_declare_fails_the_check(sqlite: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.OperationalError, match="no such column: bedrag"):
        sqlite.execute(f"EXPLAIN {ingevuld('SELECT bedrag FROM {postbedragen} WHERE {zichtbaar}')}", Elke())


def test_a_post_line_has_exactly_the_declared_columns_of_postbedragen() -> None:
    assert sorted(Postbedrag._fields) == sorted(schema.POSTBEDRAGEN.eigen)
    assert KOLOMMEN["postbedragen"] == (*schema.BASIS, *Postbedrag._fields)


def test_the_writer_fills_every_column_but_the_numbered_id() -> None:
    for tabel in schema.BITEMPORELE:
        assert sorted(KOLOMMEN[tabel.naam]) == sorted(tabel.kolomnamen[1:])


def test_the_read_side_turns_the_date_column_into_dates() -> None:
    assert frozenset({"bekend_op"}) == schema.DATUMKOLOMMEN


def test_the_declared_tables_become_the_same_ddl_as_before_with_a_prefix() -> None:
    ddl = str(CreateTable(make_tables("verify_").postbedragen).compile(dialect=postgresql.dialect()))
    assert "CREATE TABLE verify_postbedragen (\n\tid BIGSERIAL NOT NULL, \n\tgemeente VARCHAR(6) NOT NULL" in ddl
    assert "\tincidenteel BOOLEAN NOT NULL, \n\tbekend_op DATE NOT NULL," in ddl
    assert [i.name for i in make_tables("verify_").vraagindexen] == [
        "verify_feiten_vraag",
        "verify_journaal_bron",
        "verify_postbedragen_vraag",
        "verify_reservemutaties_vraag",
    ]
