"""The one place where persistence is chosen: a database URL becomes a running application."""

from __future__ import annotations

from ledger.application import BegrotingApp
from storage.recorder import persistentie
from storage.triggers import maak_alleen_toevoegen


def bootstrap(db: str | None = None, zegelsleutel: bytes | None = None) -> BegrotingApp:
    app = BegrotingApp(env=persistentie(db))
    app.mapper.zegelsleutel = zegelsleutel  # type: ignore[attr-defined]  # the mapper is a PydanticMapper
    app.triggers_hersteld = maak_alleen_toevoegen(app.factory.datastore.engine, app.recorder.events_table_name)
    return app
