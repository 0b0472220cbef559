"""Benchmark begroting at municipal and national scale, side by side with hledger and ledger.

    python bench/run.py            # the full run (about 10 minutes here); writes bench/RESULTS.md
    python bench/run.py --quick    # the same steps on a tiny ledger, under a minute

On SQLite and (when reachable) PostgreSQL it measures: bulk `record` through
the command line; the incremental and the full projection rebuild; `saldo`
for one gemeente over 5 years in-process (p50/p95) and as a whole command, as
the store grows; `begroting --help`; and hledger / ledger answering the same
question on the journal `begroting export` writes. Totals must agree, or it
exits 1.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import sys
import tempfile
import time
import warnings
from datetime import date
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import generator, peers
from bench.meten import begroting_cmd, herhaal, percentielen, proces

PG = os.environ.get("BEGROTING_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
AS_OF, JAREN = date(2022, 6, 30), (2020, 2024)
VOL = {"stappen": [10, 100, 1000], "jaren": range(2015, 2025), "batch": 10000, "runs": 3, "queries": 200}
SNEL = {"stappen": [2, 4], "jaren": range(2020, 2023), "batch": 4000, "runs": 2, "queries": 30}


def postgres_schema() -> str | None:
    """A fresh schema for this run, or None when no PostgreSQL server answers."""
    from sqlalchemy import create_engine, text

    schema = f"bench_{secrets.token_hex(4)}"
    try:
        engine = create_engine(PG)
        with engine.begin() as v:
            v.execute(text(f"CREATE SCHEMA {schema}"))
        engine.dispose()
    except Exception:
        return None
    return schema


def drop_schema(schema: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(PG)
    with engine.begin() as v:
        v.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    engine.dispose()


def record(db: str, bestanden: list[Path], batch: int) -> float:
    seconden = 0.0
    for i in range(0, len(bestanden), batch):
        seconden += proces([begroting_cmd(), "--db", db, "record", *map(str, bestanden[i : i + batch])]).seconds
    return seconden


def corrigeer(db: str, gemeenten: range, jaren: range, map_: Path) -> int:
    aantal = 0
    for g in gemeenten[::10]:
        event_id, doc = generator.correctie(g, jaren)
        pad = map_ / f"correctie-{g}.json"
        pad.write_text(json.dumps(doc))
        proces([begroting_cmd(), "--db", db, "correct", event_id, str(pad), "--reden", "bench: erratum"])
        aantal += 1
    return aantal


def saldo_in_proces(db: str, gemeenten: int, keer: int) -> tuple[float, float, float]:
    """(catch-up seconds, p50 ms, p95 ms) of saldo for a random gemeente, 5 years, as of AS_OF."""
    from ledger.bootstrap import bootstrap
    from projections.reader import Reader
    from projections.zicht import Zicht

    app = bootstrap(db)
    reader = Reader(app)
    start = time.perf_counter()
    reader.projector.catch_up()
    bij = time.perf_counter() - start
    kans = random.Random(7)
    keuzes = [f"GM{kans.randint(1, gemeenten):04d}" for _ in range(keer + 3)]
    p50, p95 = percentielen(lambda i: reader.saldo(Zicht(keuzes[i], AS_OF, jaren=JAREN)), keer)
    app.factory.datastore.engine.dispose()
    return bij, p50, p95


def herbouw(db: str) -> tuple[int, float]:
    """(events, seconds) of a full rebuild of every read model into fresh tables."""
    from ledger.bootstrap import bootstrap
    from projections.projector import Projector, read_models

    app = bootstrap(db)
    with warnings.catch_warnings():  # the library names every tracking record class alike
        warnings.simplefilter("ignore")
        modellen = read_models(app, prefix=f"herbouw_{secrets.token_hex(2)}_")
    start = time.perf_counter()
    aantal = Projector(app, modellen).catch_up()
    seconden = time.perf_counter() - start
    modellen.read_tables.metadata.drop_all(app.factory.datastore.engine)
    modellen.tracking_table.drop(app.factory.datastore.engine)
    app.factory.datastore.engine.dispose()
    return aantal, seconden


def saldo_cli(db: str, runs: int) -> tuple[float, float, dict[str, Decimal]]:
    args = [
        begroting_cmd(),
        "--db",
        db,
        "saldo",
        "--gemeente",
        "GM0001",
        "--as-of",
        AS_OF.isoformat(),
        "--jaren",
        f"{JAREN[0]}-{JAREN[1]}",
        "--format",
        "json",
    ]
    seconden, piek, uit = herhaal(args, runs)
    return seconden, piek, {j: Decimal(v["verwacht_saldo"]) for j, v in json.loads(uit)["jaren"].items()}


def backend(naam: str, db: str, opzet: dict, werk: Path) -> dict:
    uitslag: dict = {"backend": naam, "stappen": []}
    vorig = 0
    for n in opzet["stappen"]:
        nieuw = range(vorig + 1, n + 1)
        bestanden = generator.schrijf(werk / f"{naam}-{n}", nieuw, opzet["jaren"])
        events = generator.aantal_events(nieuw, opzet["jaren"])
        seconden = record(db, bestanden, opzet["batch"])
        correcties = corrigeer(db, nieuw, opzet["jaren"], werk)
        bij, p50, p95 = saldo_in_proces(db, n, opzet["queries"])
        cli, piek, totalen = saldo_cli(db, opzet["runs"])
        uitslag["stappen"].append(
            {
                "gemeenten": n,
                "events_nieuw": events,
                "record_s": seconden,
                "record_per_s": events / seconden,
                "correcties": correcties,
                "projectie_bij_s": bij,
                "saldo_p50_ms": p50,
                "saldo_p95_ms": p95,
                "saldo_cli_s": cli,
                "saldo_cli_mb": piek,
            }
        )
        uitslag["totalen"] = {j: str(v) for j, v in totalen.items()}
        print(
            f"  {naam} {n:>5} gemeenten: record {events / seconden:,.0f} ev/s, saldo p50 {p50:.1f} ms "
            f"p95 {p95:.1f} ms, cli {cli:.2f} s",
            flush=True,
        )
        vorig = n
    aantal, seconden = herbouw(db)
    uitslag["herbouw"] = {"events": aantal, "s": seconden, "per_s": aantal / seconden}
    print(f"  {naam} rebuild: {aantal:,} events in {seconden:.1f} s = {aantal / seconden:,.0f} ev/s", flush=True)
    return uitslag


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a tiny ledger: checks every step in under a minute")
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    opties = parser.parse_args()
    opzet = SNEL if opties.quick else VOL
    resultaten: dict = {"machine": peers.machine(), "quick": opties.quick, "backends": []}
    with tempfile.TemporaryDirectory(prefix="begroting-bench-") as tmp:
        werk = Path(tmp)
        sqlite = f"sqlite:///{werk / 'bench.db'}"
        resultaten["backends"].append(backend("sqlite", sqlite, opzet, werk))
        schema = postgres_schema()
        if schema:
            try:
                pg = f"{PG}?options={quote(f'-csearch_path={schema}')}"
                resultaten["backends"].append(backend("postgresql", pg, opzet, werk))
            finally:
                drop_schema(schema)
        else:
            print("  postgresql: not reachable, skipped", flush=True)
        resultaten["help_s"] = herhaal([begroting_cmd(), "--help"], 5)[0]
        resultaten["peers"] = peers.vergelijk(sqlite, werk, AS_OF, JAREN, resultaten["backends"][0]["totalen"])
    if opties.out:
        opties.out.write_text(json.dumps(resultaten, indent=2, default=str))
    print(peers.tabel(resultaten))
    if not opties.quick:
        peers.schrijf_results(resultaten, Path(__file__).parent / "RESULTS.md")
    return 0 if resultaten["peers"]["gelijk"] else 1


if __name__ == "__main__":
    sys.exit(main())
