"""Hostile parameters on every GET route: junk in each path parameter and in every query parameter the
pages read; never a 500, and the server answers afterwards."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import quote

import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

from tests.web.conftest import csrf
from tests.web.test_schrijven import aantal_events
from web.app import ROUTES

VRAGEN = [
    *("bekend_op", "geboekt_op", "geboekt_van", "geboekt_tot", "jaren", "jaar", "eenheid", "teken", "format"),
    *("gemeente", "post", "bron", "type", "door", "fase", "pagina", "nieuw", "vraag", "explain", "van_bron"),
    *("tot_bron", "terug", "van", "tot"),
]
ROMMEL = [
    "",
    "x",
    "-1",
    "0",
    "9223372036854775808",
    "9" * 4400,
    "1e999",
    "2020-13-45",
    "2020-2019",
    "\x00\x1b[2J",
    "%ff%fe",
    "🙂",
    "../../etc/passwd",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "GM1708,GM0363",
    "[]",
]
GOED = {"gemeente": "GM1708", "post": "algemene_uitkering", "jaar": "2021", "nummer": "1", "bestand": "snapshot.json"}
GOED |= {"formaat": "csv", "id": "GM1708-0004"}


def get_routes() -> list[str]:
    return [r.path for r in ROUTES if isinstance(r, Route) and r.methods and "GET" in r.methods]


def pad(sjabloon: str, waarden: dict[str, str]) -> str:
    return re.sub(r"\{([a-z]+):[a-z]+\}", lambda m: waarden[m.group(1)], sjabloon)


@pytest.fixture
def client(met_snapshot: TestClient) -> TestClient:
    return met_snapshot


def test_every_get_route_answers_below_500_to_junk_in_any_parameter(client: TestClient) -> None:
    routes = get_routes()
    assert len(routes) >= 15
    fouten, statussen = [], Counter[int]()
    for sjabloon in routes:
        namen = re.findall(r"\{([a-z]+):", sjabloon)
        for rommel in ROMMEL:
            gevallen = [(pad(sjabloon, GOED | dict.fromkeys(namen, quote(rommel, safe=""))), {}) for _ in namen[:1]]
            gevallen += [(pad(sjabloon, GOED), dict.fromkeys(VRAGEN if len(rommel) < 1000 else VRAGEN[:10], rommel))]
            gevallen += [(pad(sjabloon, GOED), {naam: rommel, "format": "json"}) for naam in VRAGEN[:8]]
            for url, vraag in gevallen:
                status = client.get(url, params=vraag).status_code
                statussen[status] += 1
                if status >= 500:
                    fouten.append((url[:80], {k: v[:20] for k, v in vraag.items()}, status))
    assert fouten == []
    assert statussen[400] > 500 and statussen[404] > 100  # the junk was read, and refused
    assert client.get("/gemeente/GM1708/saldo?format=json").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/snapshots/9223372036854775808/verify",
        "/snapshots/9223372036854775808/snapshot.json",
        "/snapshots/" + "9" * 5000,
    ],
)
def test_a_snapshot_id_beyond_the_integer_range_is_a_404(client: TestClient, url: str) -> None:
    assert client.get(url).status_code == 404
    assert client.get("/snapshots/1/verify").status_code == 200


def test_every_post_route_answers_below_500_to_junk_in_its_form_and_writes_nothing(
    client: TestClient, demo_db: str
) -> None:
    velden = ["gemeente", "jaar", "bekend_op", "geboekt_op", "post", "event", "reden", "naam", "wachtwoord", "rol"]
    routes = [r.path for r in ROUTES if isinstance(r, Route) and r.methods and "POST" in r.methods]
    voor, token, fouten = aantal_events(demo_db), csrf(client.get("/record").text), []
    for sjabloon in routes:
        for rommel in (r[:1000] for r in ROMMEL):
            data = {"csrf": token} | dict.fromkeys([*velden, "terug", "strict"], rommel)
            bestand = {"bestand": ("x.xlsx", rommel.encode()), "bestanden": ("y.xlsx", rommel.encode())}
            for bestanden in ({}, bestand):
                status = client.post(
                    pad(sjabloon, GOED), data=data, files=bestanden, follow_redirects=False
                ).status_code
                if status >= 500:
                    fouten.append((sjabloon, rommel[:20], status))
    assert fouten == [] and len(routes) >= 10
    assert aantal_events(demo_db) == voor
