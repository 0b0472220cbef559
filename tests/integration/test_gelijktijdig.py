"""Concurrent writers to one gemeente: optimistic concurrency with retry, nothing lost."""

from __future__ import annotations

import multiprocessing

from sqlalchemy import text

from documents.documenten import document_uit
from ledger.bootstrap import bootstrap
from projections.reader import Reader

PROCESSEN, DOCUMENTEN = 4, 25


def document(writer: int, nummer: int) -> dict:
    return {
        "gemeente": "GM0148",
        "bron": {"id": f"nota-{writer}-{nummer}", "datum": f"2021-{1 + nummer % 12:02d}-{1 + writer:02d}"},
        "events": [
            {
                "type": "prognose",
                "post": f"stelpost.s{writer}",
                "richting": "baten",
                "bedragen": {2021: 1000 * writer + nummer},
            },
            {"type": "prognose", "post": f"wmo.p{nummer}", "richting": "lasten", "bedragen": {2022: nummer}},
        ],
    }


def schrijf(url: str, writer: int, start: multiprocessing.synchronize.Event) -> None:
    app = bootstrap(url)
    start.wait()
    for nummer in range(DOCUMENTEN):
        app.boek([document_uit(document(writer, nummer))], f"writer-{writer}")
    app.factory.datastore.engine.dispose()


def test_four_processes_lose_none_of_their_hundred_documents(db_url: str) -> None:
    bootstrap(db_url).factory.datastore.engine.dispose()  # tables exist before the race
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    processen = [context.Process(target=schrijf, args=(db_url, i, start)) for i in range(PROCESSEN)]
    for p in processen:
        p.start()
    start.set()
    for p in processen:
        p.join(timeout=300)
    assert [p.exitcode for p in processen] == [0] * PROCESSEN
    app = bootstrap(db_url)
    journaal = Reader(app).journaal("GM0148")
    assert len({r.bron for r in journaal}) == PROCESSEN * DOCUMENTEN
    assert len(journaal) == 2 * PROCESSEN * DOCUMENTEN
    with app.factory.datastore.engine.connect() as v:
        versies = v.execute(text("SELECT originator_version FROM begroting_events ORDER BY 1")).scalars().all()
    assert versies == list(range(1, 2 * PROCESSEN * DOCUMENTEN + 2))
    app.factory.datastore.engine.dispose()
