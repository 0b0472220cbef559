"""The read side's own connection: SQL text with `:name` parameters over sqlite3 and psycopg."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest

from storage.stuurprogramma import licht_te_openen, open_verbinding
from storage.verbinding import Verbinding, _pyformat, in_lijst


def test_a_named_parameter_is_written_as_psycopg_writes_it_and_a_literal_percent_is_doubled() -> None:
    sql = "SELECT d::date FROM t WHERE post LIKE 'taak.%' AND g = :g AND d <= :d"
    assert _pyformat(sql) == "SELECT d::date FROM t WHERE post LIKE 'taak.%%' AND g = %(g)s AND d <= %(d)s"


def test_on_sqlite_a_date_goes_in_as_iso_text_and_a_bekend_op_comes_back_as_a_date() -> None:
    v = Verbinding(sqlite3.connect(":memory:"), "sqlite", sqlite3.Error)
    v.execute("CREATE TABLE t (bekend_op DATE, post TEXT, cents INTEGER)")
    v.execute("INSERT INTO t VALUES (:d, :p, :c)", {"d": date(2020, 10, 13), "p": "buig", "c": 45600000})
    rij = v.execute("SELECT bekend_op, post, cents FROM t WHERE bekend_op <= :d", {"d": date(2020, 12, 31)}).first()
    assert (rij.bekend_op, rij.post, rij[2]) == (date(2020, 10, 13), "buig", 45600000)
    assert v.execute("SELECT bekend_op FROM t WHERE bekend_op < :d", {"d": date(2020, 10, 13)}).all() == []
    assert v.execute("SELECT count(*) FROM t").scalar_one() == 1


def test_an_in_list_of_nothing_matches_nothing_and_of_values_names_each() -> None:
    assert in_lijst("p", []) == ("(NULL)", {})
    assert in_lijst("p", [3, 5]) == ("(:p_0, :p_1)", {"p_0": 3, "p_1": 5})


def test_sqlite_files_and_postgresql_are_opened_by_the_driver_other_urls_by_the_engine() -> None:
    assert licht_te_openen("sqlite:///begroting.db?timeout=60")
    assert licht_te_openen("postgresql+psycopg://postgres@127.0.0.1:5432/test?options=-csearch_path%3Dx")
    assert not licht_te_openen("mysql+pymysql://u@h/db")
    assert not licht_te_openen("sqlite:begroting.db")
    assert licht_te_openen("postgres://u@h/db") and licht_te_openen("postgresql+psycopg2://u@h/db")


def test_a_postgresql_url_goes_to_libpq_as_it_is_but_for_sqlalchemys_driver_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gegeven: list[str] = []
    monkeypatch.setattr(psycopg, "connect", lambda url: gegeven.append(url) or sqlite3.connect(":memory:"))
    v = open_verbinding("postgresql+psycopg2://u:p%40w@h:5433/db?options=-csearch_path%3Dx")
    assert gegeven == ["postgresql://u:p%40w@h:5433/db?options=-csearch_path%3Dx"]
    assert (v.dialect, v.fouten) == ("postgresql", psycopg.Error)


def test_a_sqlite_url_with_four_slashes_is_an_absolute_path(tmp_path: Path) -> None:
    sqlite3.connect(tmp_path / "l.db").execute("CREATE TABLE t (x INTEGER)")
    v = open_verbinding(f"sqlite:///{tmp_path / 'l.db'}?timeout=5")
    assert v.execute("SELECT name FROM sqlite_master").scalars() == ["t"]


def test_on_postgresql_a_question_gets_bytes_dates_decimals_and_a_literal_percent(postgres_url: str) -> None:
    v = open_verbinding(postgres_url)
    v.execute("CREATE TABLE t (state BYTEA, bekend_op DATE, bedrag NUMERIC, cents BIGINT, post TEXT)")
    v.execute(
        "INSERT INTO t VALUES (:s, :d, 12.50, :c, 'taak.%')",
        {"s": b'{"feit": 1}', "d": date(2020, 10, 13), "c": 45600000},
    )
    rij = v.execute("SELECT * FROM t WHERE bekend_op <= :d AND post LIKE 'taak.%'", {"d": date(2020, 12, 31)}).first()
    assert rij == (b'{"feit": 1}', date(2020, 10, 13), Decimal("12.50"), 45600000, "taak.%")
    assert type(rij.state) is bytes
    assert v.execute("SELECT state FROM t WHERE cents = 0").all() == []
    v.dbapi.rollback()
