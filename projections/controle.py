"""`verify`: rebuild every read model from the events into scratch tables and compare; check the hash chains."""

from __future__ import annotations

import secrets
import warnings
from dataclasses import dataclass, field

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SAWarning

from ledger.application import BegrotingApp
from ledger.integriteit import Breuk, controleer_hashchains
from projections.projector import Projector, read_models
from projections.tables import Tables

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
    events: int = 0
    breuken: list[Breuk] = field(default_factory=list)
    verschillen: list[Tabelverschil] = field(default_factory=list)
    rijen: dict[str, int] = field(default_factory=dict)
    triggers_hersteld: bool = False

    @property
    def in_orde(self) -> bool:
        return not (self.breuken or self.verschillen or self.triggers_hersteld)


def _kolommen(tabel: Table) -> list[str]:
    return [c.name for c in tabel.columns if c.name != "id"]


def _rijen(v: Connection, tabel: Table) -> list[tuple]:
    kolommen = [tabel.c[k] for k in _kolommen(tabel)]
    return [tuple(r) for r in v.execute(select(*kolommen))]


def vergelijk_tabellen(v: Connection, live: Tables, herbouwd: Tables) -> tuple[list[Tabelverschil], dict[str, int]]:
    verschillen, aantallen = [], {}
    for naam in ("journaal", "postbedragen", "reservemutaties", "feiten"):
        a, b = _rijen(v, getattr(live, naam)), _rijen(v, getattr(herbouwd, naam))
        aantallen[naam] = len(a)
        alleen_a = sorted(set(a) - set(b), key=repr)
        alleen_b = sorted(set(b) - set(a), key=repr)
        if alleen_a or alleen_b or len(a) != len(b):
            voorbeelden = [f"live only: {dict(zip(_kolommen(getattr(live, naam)), r, strict=False))}" for r in alleen_a]
            voorbeelden += [
                f"rebuild only: {dict(zip(_kolommen(getattr(live, naam)), r, strict=False))}" for r in alleen_b
            ]
            verschillen.append(Tabelverschil(naam, len(alleen_a), len(alleen_b), tuple(voorbeelden[:VOORBEELDEN])))
    return verschillen, aantallen


def controleer(app: BegrotingApp) -> Controle:
    controle = Controle(triggers_hersteld=app.triggers_hersteld)
    controle.events, controle.breuken = controleer_hashchains(app.recorder)
    live = read_models(app)
    live_projector = Projector(app, live)
    live_projector.catch_up()
    with warnings.catch_warnings():  # the library names every tracking record class alike
        warnings.simplefilter("ignore", SAWarning)
        scratch = read_models(app, prefix=f"verify_{secrets.token_hex(3)}_")
    try:
        Projector(app, scratch).catch_up(tot=live_projector.positie())
        with app.factory.datastore.engine.connect() as v:
            controle.verschillen, controle.rijen = vergelijk_tabellen(v, live.read_tables, scratch.read_tables)
    finally:
        scratch.read_tables.metadata.drop_all(app.factory.datastore.engine)
        scratch.tracking_table.drop(app.factory.datastore.engine)
    return controle
