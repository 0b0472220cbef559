"""The one place where persistence is chosen: a database URL becomes a running application."""

from __future__ import annotations

import os

from sqlalchemy.engine import make_url

from ledger.application import BegrotingApp
from ledger.triggers import maak_alleen_toevoegen

STANDAARD_DB = "sqlite:///begroting.db"
SQLITE_WACHTTIJD = "60"


def database_url(db: str | None = None) -> str:
    """--db, else $BEGROTING_DB, else begroting.db here; SQLite waits for other writers."""
    url = make_url(db or os.environ.get("BEGROTING_DB") or STANDAARD_DB)
    if url.get_backend_name() == "sqlite" and "timeout" not in url.query:
        url = url.update_query_dict({"timeout": SQLITE_WACHTTIJD})
    return url.render_as_string(hide_password=False)


def bootstrap(db: str | None = None, zegelsleutel: bytes | None = None) -> BegrotingApp:
    app = BegrotingApp(
        env={
            "PERSISTENCE_MODULE": "ledger.opslag:Factory",
            "SQLALCHEMY_URL": database_url(db),
            "CREATE_TABLE": "y",
        }
    )
    app.mapper.zegelsleutel = zegelsleutel  # type: ignore[attr-defined]  # the mapper is a PydanticMapper
    app.triggers_hersteld = maak_alleen_toevoegen(app.factory.datastore.engine, app.recorder.events_table_name)
    return app
