"""`GET /health`: whether this server can answer, for a load balancer or a monitor; no login, no data."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request
from starlette.responses import JSONResponse


def gezondheid(request: Request) -> JSONResponse:
    """200 when the event store's table answers a trivial query, 503 otherwise.

    The event table, not `SELECT 1`: a SQLite file that went away would otherwise be recreated empty and
    answer.
    """
    recorder = request.app.state.ledger.recorder
    try:
        with recorder.datastore.engine.connect() as verbinding:
            verbinding.execute(text(f"SELECT 1 FROM {recorder.events_table_name} LIMIT 1"))
    except SQLAlchemyError:
        return JSONResponse({"status": "unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"})
