"""Every response's security headers, HSTS over https, whose forwarded headers are believed, and /health."""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path

import pytest
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from ledger.bootstrap import bootstrap
from web.app import maak_app
from web.headers import CSP
from web.logboek import Logboek

from .conftest import gebruiker

VEILIG = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
}


def peiler(request: Request) -> JSONResponse:
    """What the application sees of the client and the scheme, after the proxy check."""
    return JSONResponse({"client": request.client.host if request.client else None, "scheme": request.url.scheme})


def client(db: str, vertrouwd: tuple[str, ...] = (), peer: str = "127.0.0.1", **opties: object) -> TestClient:
    web = maak_app(bootstrap(db), vertrouwd=vertrouwd, **opties)  # type: ignore[arg-type]
    web.router.routes.insert(0, Route("/peiler", peiler))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return TestClient(web, base_url="http://127.0.0.1", client=(peer, 40000), follow_redirects=False)


@pytest.mark.parametrize(
    ("pad", "status"),
    [
        ("/", 200),
        ("/gemeente/GM1708/saldo?bekend_op=2020-10-13", 200),
        ("/gemeente/GM1708/journaal.csv", 200),
        ("/static/begroting.css", 200),
        ("/health", 200),
        ("/gemeente/GM9999/saldo", 404),
        ("/bestaat-niet", 404),
        ("/gemeente/GM1708/saldo?bekend_op=gisteren", 400),
    ],
)
def test_every_kind_of_response_carries_the_security_headers_and_no_hsts_over_http(
    demo_db: str, pad: str, status: int
) -> None:
    antwoord = client(demo_db).get(pad)
    assert antwoord.status_code == status
    assert {k: antwoord.headers.get(k) for k in VEILIG} == VEILIG
    assert "strict-transport-security" not in antwoord.headers


def test_a_redirect_to_the_login_and_a_refused_post_carry_them_too(demo_db: str) -> None:
    gebruiker(demo_db, "a.auditor", "auditor")
    web = client(demo_db)
    naar_login, geweigerd = web.get("/gemeente/GM1708/saldo"), web.post("/withdraw", data={"csrf": "x"})
    terug = "/login?terug=%2Fgemeente%2FGM1708%2Fsaldo"
    assert (naar_login.status_code, naar_login.headers["location"]) == (303, terug)
    assert geweigerd.status_code == 403
    for antwoord in (naar_login, geweigerd):
        assert {k: antwoord.headers.get(k) for k in VEILIG} == VEILIG


def test_a_request_over_https_gets_hsts(demo_db: str) -> None:
    web = client(demo_db)
    web.base_url = web.base_url.copy_with(scheme="https")
    antwoord = web.get("/peiler")
    assert antwoord.json() == {"client": "127.0.0.1", "scheme": "https"}
    assert antwoord.headers["strict-transport-security"] == "max-age=31536000"


def test_forwarded_headers_from_a_peer_that_is_not_a_trusted_proxy_are_ignored(demo_db: str) -> None:
    kop = {"x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https"}
    for web in (client(demo_db), client(demo_db, vertrouwd=("10.0.0.0/8",), peer="192.0.2.7")):
        antwoord = web.get("/peiler", headers=kop)
        assert antwoord.json()["scheme"] == "http"
        assert antwoord.json()["client"] in ("127.0.0.1", "192.0.2.7")
        assert "strict-transport-security" not in antwoord.headers


def test_forwarded_headers_from_a_trusted_proxy_are_believed_and_bring_hsts(demo_db: str) -> None:
    kop = {"x-forwarded-for": "198.51.100.4, 10.1.2.3", "x-forwarded-proto": "https"}
    for vertrouwd in (("10.0.0.0/8",), ("10.0.0.5", "10.1.2.3/32")):
        antwoord = client(demo_db, vertrouwd=vertrouwd, peer="10.0.0.5").get("/peiler", headers=kop)
        assert antwoord.json() == {"client": "198.51.100.4", "scheme": "https"}
        assert antwoord.headers["strict-transport-security"] == "max-age=31536000"


def test_a_refused_write_goes_to_the_security_log_with_the_forwarded_address(demo_db: str) -> None:
    uit = io.StringIO()
    web = client(demo_db, vertrouwd=("10.0.0.5",), peer="10.0.0.5", logboek=Logboek(uit))
    assert web.post("/withdraw", data={"csrf": "vals"}, headers={"x-forwarded-for": "198.51.100.4"}).status_code == 403
    regel = json.loads(uit.getvalue())
    assert (regel["gebeurtenis"], regel["adres"], regel["pad"]) == ("geweigerd", "198.51.100.4", "/withdraw")
    assert "CSRF" in regel["reden"]


def test_health_answers_ok_without_login_and_shows_no_data(demo_db: str) -> None:
    gebruiker(demo_db, "a.auditor", "auditor")
    antwoord = client(demo_db).get("/health")
    assert (antwoord.status_code, antwoord.text) == (200, '{"status":"ok"}')


def test_health_is_503_when_the_sqlite_file_has_gone(tmp_path: Path) -> None:
    db = tmp_path / "weg.db"
    web = client(f"sqlite:///{db}")
    ledger = web.app.state.ledger  # type: ignore[attr-defined]
    assert web.get("/health").status_code == 200
    ledger.factory.datastore.engine.dispose()
    db.unlink()
    antwoord = web.get("/health")
    assert (antwoord.status_code, antwoord.json()) == (503, {"status": "unavailable"})


@pytest.mark.postgres
def test_health_is_503_when_the_postgresql_database_goes_away(postgres_server: str) -> None:
    from sqlalchemy import create_engine, text

    beheer = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with beheer.connect() as v:
        v.execute(text("DROP DATABASE IF EXISTS begroting_health"))
        v.execute(text("CREATE DATABASE begroting_health"))
    url = postgres_server.rsplit("/", 1)[0] + "/begroting_health"
    web = client(url)
    assert web.get("/health").status_code == 200
    with beheer.connect() as v:
        v.execute(text("DROP DATABASE begroting_health WITH (FORCE)"))
    beheer.dispose()
    for _ in range(2):  # the pooled connection was killed; a new one finds no database
        antwoord = web.get("/health")
        assert (antwoord.status_code, antwoord.json()) == (503, {"status": "unavailable"})


def test_even_an_unexpected_error_page_carries_them(demo_db: str) -> None:
    web = client(demo_db)

    def kapot(request: Request) -> JSONResponse:
        raise RuntimeError("onverwacht")

    web.app.router.routes.insert(0, Route("/kapot", kapot))  # type: ignore[attr-defined]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        antwoord = TestClient(web.app, base_url="http://127.0.0.1", raise_server_exceptions=False).get("/kapot")
    assert antwoord.status_code == 500
    assert {k: antwoord.headers.get(k) for k in VEILIG} == VEILIG
