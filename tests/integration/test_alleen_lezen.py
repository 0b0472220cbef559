"""A read only reads: once the read models are current, a question runs no DDL and writes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy import event

from documents.documenten import lees_documenten
from ledger.bootstrap import bootstrap
from projections.reader import Reader
from projections.zicht import Zicht

SCHRIJVEND = ("CREATE", "DROP", "ALTER", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "ANALYZE", "COPY")


@contextmanager
def opdrachten(engine: object) -> Iterator[list[str]]:
    gezien: list[str] = []

    def onthoud(_conn: object, _cursor: object, sql: str, *_: object) -> None:
        gezien.append(sql.lstrip().upper())

    event.listen(engine, "before_cursor_execute", onthoud)
    try:
        yield gezien
    finally:
        event.remove(engine, "before_cursor_execute", onthoud)


def test_questions_on_a_current_ledger_write_nothing(db_url: str, voorbeeld: list[str]) -> None:
    eerste = bootstrap(db_url)
    eerste.boek(lees_documenten(voorbeeld), "controller")
    Reader(eerste).saldo(Zicht("GM1708", date(2020, 10, 13)))  # catches the read models up
    eerste.factory.datastore.engine.dispose()

    app = bootstrap(db_url)
    with opdrachten(app.factory.datastore.engine) as gezien:
        reader = Reader(app)
        saldo = reader.saldo(Zicht("GM1708", date(2020, 10, 13)))
        reader.diff(Zicht("GM1708", date(2020, 10, 13)), date(2020, 6, 30))
        reader.journaal("GM1708")
    app.factory.datastore.engine.dispose()
    assert saldo.jaren[2020].verwacht_saldo == 2112000
    assert gezien, "the listener saw no statements"
    assert [s for s in gezien if s.startswith(SCHRIJVEND)] == []
    assert [s for s in gezien if "TABLE_INFO" in s or "PG_CATALOG" in s] == [], "the schema is checked with one SELECT"


def test_a_read_after_a_new_recording_catches_up_first(db_url: str, voorbeeld: list[str]) -> None:
    app = bootstrap(db_url)
    app.boek(lees_documenten(voorbeeld[:1]), "controller")
    reader = Reader(app)
    assert len(reader.journaal("GM1708")) == 1
    app.boek(lees_documenten(voorbeeld[1:]), "controller")
    with opdrachten(app.factory.datastore.engine) as gezien:
        assert len(reader.journaal("GM1708")) == 19
    app.factory.datastore.engine.dispose()
    assert any(s.startswith("UPDATE PROJECTIE_TRACKING") for s in gezien)
