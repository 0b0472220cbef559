"""A full rebuild of every read model into fresh tables: its speed, its profile, and its rows against the live ones.

    python bench/herbouw.py --db sqlite:///store.db                 # events/s, CPU and wall
    python bench/herbouw.py --db URL --profiel 25                   # and the 25 costliest functions (cProfile)
    python bench/herbouw.py --db URL --vergelijk                    # and every row against the live read models

The comparison is stricter than `verify`'s: every column including the row ids (the reads break ties on
them), EXCEPT both ways and the counts, so a rebuild that orders its inserts differently fails it too.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import secrets
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Table, func, inspect, select
from sqlalchemy.engine import Connection

from ledger.application import BegrotingApp
from ledger.bootstrap import bootstrap
from projections.projector import PAGINA, Projector, read_models
from storage.tabellen import Tables

TABELLEN = ("journaal", "postbedragen", "reservemutaties", "feiten")


def _alleen(v: Connection, een: Table, ander: Table) -> int:
    """How many rows, every column compared, `een` has and `ander` has not."""
    vraag = select(*een.columns).except_(select(*(ander.c[k.name] for k in een.columns)))
    return v.execute(select(func.count()).select_from(vraag.subquery())).scalar_one()


def vergelijk(v: Connection, live: Tables, herbouwd: Tables) -> list[str]:
    """Each table: its row count and what differs; empty differences mean the two sets are identical."""
    regels = []
    for naam in TABELLEN:
        a, b = getattr(live, naam), getattr(herbouwd, naam)
        aantal = [v.execute(select(func.count()).select_from(t)).scalar_one() for t in (a, b)]
        verschil = (_alleen(v, a, b), _alleen(v, b, a))
        oordeel = "identical" if verschil == (0, 0) and aantal[0] == aantal[1] else "DIFFERENT"
        regels.append(f"{naam}: {aantal[0]:,} / {aantal[1]:,} rows, only live / rebuilt {verschil}: {oordeel}")
    indexen = [_indexen(v, t) for t in (live, herbouwd)]
    regels.append(f"indexes: {len(indexen[0])}: {'identical' if indexen[0] == indexen[1] else indexen}")
    return regels


def _indexen(v: Connection, t: Tables) -> set[tuple[str, tuple[str, ...], bool]]:
    """Every index of the set as the database has it (name without the prefix, columns, unique)."""
    inspector = inspect(v)
    return {
        (i["name"].removeprefix(t.prefix), tuple(i["column_names"]), bool(i["unique"]))
        for naam in TABELLEN
        for i in inspector.get_indexes(getattr(t, naam).name)
    }


def herbouw(app: BegrotingApp, profiel: int, vergelijken: bool, pagina: int) -> bool:
    with warnings.catch_warnings():  # the library names every tracking record class alike
        warnings.simplefilter("ignore")
        modellen = read_models(app, prefix=f"herbouw_{secrets.token_hex(2)}_")
    live = read_models(app) if vergelijken else None
    tot = Projector(app, live).positie() if live else None
    profiler = cProfile.Profile() if profiel else None
    cpu, wall = time.process_time(), time.perf_counter()
    if profiler:
        profiler.enable()
    aantal = Projector(app, modellen, pagina).catch_up(tot=tot)
    if profiler:
        profiler.disable()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(f"rebuild: {aantal:,} events, CPU {cpu:.2f} s = {aantal / cpu:,.0f} ev/s, ", end="")
    print(f"wall {wall:.2f} s = {aantal / wall:,.0f} ev/s")
    try:
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(profiel)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(profiel)
        if live:
            with app.factory.datastore.engine.connect() as v:
                regels = vergelijk(v, live.read_tables, modellen.read_tables)
            print("\n".join(regels))
            return all(r.endswith(": identical") for r in regels)
    finally:
        modellen.read_tables.metadata.drop_all(app.factory.datastore.engine)
        modellen.tracking_table.drop(app.factory.datastore.engine)
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="the store's URL")
    parser.add_argument("--profiel", type=int, default=0, metavar="N", help="print the N costliest functions")
    parser.add_argument("--pagina", type=int, default=PAGINA, help=f"events per transaction (default {PAGINA})")
    parser.add_argument("--vergelijk", action="store_true", help="compare every row with the live read models")
    opties = parser.parse_args()
    app = bootstrap(opties.db)
    try:
        gelijk = herbouw(app, opties.profiel, opties.vergelijk, opties.pagina)
    finally:
        app.factory.datastore.engine.dispose()
    return 0 if gelijk else 1


if __name__ == "__main__":
    sys.exit(main())
