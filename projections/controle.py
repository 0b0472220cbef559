"""`verify`: check the event store (chains, seals, receipts, triggers), rebuild every read model and compare."""

from __future__ import annotations

import secrets
import warnings
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SAWarning

from ledger.application import BegrotingApp
from ledger.integriteit import Breuk, Ketencontrole, controleer_hashchains
from ledger.koppen import vergelijk_koppen
from projections.projector import Projector, read_models
from projections.tables import Tables
from storage.triggers import trigger_gebreken
from storage.verbinding import Verbinding
from taal import _, ngettext

VOORBEELDEN = 5


@dataclass(frozen=True)
class Tabelverschil:
    """Rows one side has and the other has not."""

    tabel: str
    alleen_live: int
    alleen_herbouwd: int
    voorbeelden: tuple[str, ...]


@dataclass
class Controle:
    """Everything `verify` found; `herbouw_fout` says why the read models could not be compared."""

    keten: Ketencontrole
    zegel_gecontroleerd: bool = False
    koppen: list[Breuk] | None = None
    triggers: list[str] = field(default_factory=list)
    verschillen: list[Tabelverschil] = field(default_factory=list)
    rijen: dict[str, int] = field(default_factory=dict)
    herbouw_fout: str | None = None

    @property
    def events(self) -> int:
        return self.keten.events

    @property
    def breuken(self) -> list[Breuk]:
        return self.keten.breuken

    @property
    def in_orde(self) -> bool:
        k = self.keten
        gevonden = (k.breuken, k.zegelbreuken, k.onleesbaar, self.koppen, self.triggers, self.verschillen)
        return not (any(gevonden) or self.herbouw_fout)


def _kolommen(tabel: Table) -> list[str]:
    return [c.name for c in tabel.columns if c.name != "id"]


def _alleen(v: Connection, een: Table, ander: Table) -> list[tuple]:
    """The distinct rows of `een` that `ander` has not, as sets compare them (EXCEPT: NULL equals NULL)."""
    vraag = select(*(een.c[k] for k in _kolommen(een))).except_(select(*(ander.c[k] for k in _kolommen(een))))
    return [tuple(r) for r in v.execute(vraag)]


def _aantal(v: Connection, tabel: Table) -> int:
    return v.execute(select(func.count()).select_from(tabel)).scalar_one()


def vergelijk_tabellen(v: Connection, live: Tables, herbouwd: Tables) -> tuple[list[Tabelverschil], dict[str, int]]:
    """Compare in the database: a million rows a side as Python tuples took gigabytes."""
    verschillen, aantallen = [], {}
    for naam in ("journaal", "postbedragen", "reservemutaties", "feiten"):
        a, b = getattr(live, naam), getattr(herbouwd, naam)
        aantallen[naam] = _aantal(v, a)
        alleen_a = sorted(_alleen(v, a, b), key=repr)
        alleen_b = sorted(_alleen(v, b, a), key=repr)
        if alleen_a or alleen_b or aantallen[naam] != _aantal(v, b):
            voorbeelden = [f"live only: {dict(zip(_kolommen(a), r, strict=False))}" for r in alleen_a]
            voorbeelden += [f"rebuild only: {dict(zip(_kolommen(a), r, strict=False))}" for r in alleen_b]
            verschillen.append(Tabelverschil(naam, len(alleen_a), len(alleen_b), tuple(voorbeelden[:VOORBEELDEN])))
    return verschillen, aantallen


def controleer(
    app: BegrotingApp, zegelsleutel: bytes | None = None, koppen: dict[str, dict[str, Any]] | None = None
) -> Controle:
    keten = controleer_hashchains(app.recorder, zegelsleutel, app.mapper.to_domain_event)
    controle = Controle(keten, zegel_gecontroleerd=zegelsleutel is not None)
    if koppen is not None:
        controle.koppen = vergelijk_koppen(app.recorder, koppen)
    hersteld = [_("{trigger} ontbrak (bij het starten teruggezet)").format(trigger=t) for t in app.triggers_hersteld]
    controle.triggers = hersteld + _triggers(app)
    if keten.onleesbaar:
        n = len(keten.onleesbaar)
        controle.herbouw_fout = ngettext(
            "{n} event is niet te decoderen", "{n} events zijn niet te decoderen", n
        ).format(n=n)
        return controle
    try:
        controle.verschillen, controle.rijen = herbouw_en_vergelijk(app)
    except Exception as fout:  # a stored event the projection cannot take: verify reports it, it does not stop
        controle.herbouw_fout = f"{type(fout).__name__}: {fout}".splitlines()[0][:200]
    return controle


def _triggers(app: BegrotingApp) -> list[str]:
    engine = app.factory.datastore.engine
    with engine.connect() as v:
        return trigger_gebreken(Verbinding.van(v), app.recorder.events_table_name)


def herbouw_en_vergelijk(app: BegrotingApp) -> tuple[list[Tabelverschil], dict[str, int]]:
    """Bring the live read models up to date, rebuild them into scratch tables, and compare the two."""
    live = read_models(app)
    live_projector = Projector(app, live)
    live_projector.catch_up()
    with warnings.catch_warnings():  # the library names every tracking record class alike
        warnings.simplefilter("ignore", SAWarning)
        scratch = read_models(app, prefix=f"verify_{secrets.token_hex(3)}_")
    try:
        Projector(app, scratch).catch_up(tot=live_projector.positie())
        with app.factory.datastore.engine.connect() as v:
            return vergelijk_tabellen(v, live.read_tables, scratch.read_tables)
    finally:
        scratch.read_tables.metadata.drop_all(app.factory.datastore.engine)
        scratch.tracking_table.drop(app.factory.datastore.engine)
