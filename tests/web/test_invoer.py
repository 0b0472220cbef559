"""Crafted snapshot files, ids beyond the integer range and reasons with control characters: each a 400
(or 404 for what cannot exist) with a message, the server still answering and nothing written."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.web.conftest import csrf
from tests.web.test_schrijven import aantal_events

Gegevens = dict[str, Any]


def zet(pad: str, waarde: Any) -> Callable[[Gegevens], Gegevens]:
    def wijzig(gegevens: Gegevens) -> Gegevens:
        *ouders, laatste = pad.split(".")
        doel = gegevens
        for ouder in ouders:
            doel = doel[ouder]
        doel[laatste] = waarde
        return gegevens

    return wijzig


def genest(diepte: int) -> Any:
    waarde: Any = 1
    for _ in range(diepte):
        waarde = [waarde]
    return waarde


GEKNOEID: list[tuple[str, Callable[[Gegevens], Gegevens], str]] = [
    ("jaar-als-tekst", zet("query.jaar", "2020"), "query.jaar should be a year within 1990-2100"),
    ("jaar-2-tot-63", zet("query.jaar", 2**63), "query.jaar should be a year within 1990-2100"),
    ("gemeente-lijst", zet("query.gemeente", ["GM1708"]), "query.gemeente and query.as_of should be text"),
    ("journaal-tekst", zet("journaal", "x"), "journaal should be a list of events, each with its id"),
    ("event-id-getal", lambda g: zet("journaal", [{"id": 5}])(g), "journaal should be a list of events"),
    ("zonder-query", lambda g: {k: v for k, v in g.items() if k != "query"}, "query: missing, or not an object"),
    ("gemaakt-tekst", zet("gemaakt", "gisteren"), "gemaakt.op: missing, or not a moment as text"),
    ("datum-fout", zet("query.as_of", "2021-13-45"), "month must be in 1..12"),
    ("te-diep", zet("saldo", genest(70)), "nests deeper than 64 levels"),
    ("laatste-event-ver", zet("laatste_event.GM1708", {"event": "GM1708-" + "9" * 30, "hash": "x"}), "no ledger"),
]
RUW: list[tuple[str, bytes, str]] = [
    ("geen-utf8", b'\xff\xfe{"query": 1}', "not JSON: 'utf-8' codec can't decode byte 0xff"),
    ("diep-100000", b"[" * 100_000 + b"]" * 100_000, "nests deeper than 64 levels"),
    ("getal-5000-cijfers", b'{"query": {"jaar": ' + b"9" * 5000 + b"}}", "not JSON: Exceeds the limit (4300 digits)"),
    ("array", b"[1, 2]", "not a JSON object"),
    ("leeg", b"", "not JSON: Expecting value"),
]


@pytest.fixture
def client(met_snapshot: TestClient) -> TestClient:
    return met_snapshot


def verifieer(client: TestClient, inhoud: bytes) -> Any:
    data = {"csrf": csrf(client.get("/snapshots").text)}
    return client.post("/snapshots/verify", data=data, files={"bestand": ("snapshot.json", inhoud)})


def test_the_snapshot_as_written_verifies(client: TestClient) -> None:
    antwoord = verifieer(client, client.get("/snapshots/1/snapshot.json").content)
    assert antwoord.status_code == 200 and "Controle van snapshot.json" in antwoord.text


@pytest.mark.parametrize(("naam", "wijzig", "melding"), GEKNOEID, ids=[g[0] for g in GEKNOEID])
def test_a_crafted_snapshot_file_is_a_400_naming_what_is_wrong(
    client: TestClient, naam: str, wijzig: Callable[[Gegevens], Gegevens], melding: str
) -> None:
    gegevens = wijzig(copy.deepcopy(client.get("/snapshots/1/snapshot.json").json()))
    antwoord = verifieer(client, json.dumps(gegevens).encode())
    assert antwoord.status_code == 400, antwoord.text
    assert "snapshot.json: geen snapshot geschreven door begroting (" in antwoord.text and melding in antwoord.text
    assert client.get("/snapshots/1/verify").status_code == 200


@pytest.mark.parametrize(("naam", "inhoud", "melding"), RUW, ids=[r[0] for r in RUW])
def test_a_snapshot_file_that_is_no_json_object_is_a_400(
    client: TestClient, naam: str, inhoud: bytes, melding: str
) -> None:
    antwoord = verifieer(client, inhoud)
    assert antwoord.status_code == 400 and melding.replace("'", "&#39;") in antwoord.text
    assert client.get("/snapshots/1/verify").status_code == 200


@pytest.mark.parametrize(
    ("event", "melding"),
    [
        ("GM1708-999999999999999999", "event GM1708-999999999999999999 is not a document event of this ledger"),
        ("GM1708-99999999999999999999", "event GM1708-99999999999999999999...: no ledger holds that many events"),
        ("GM1708-" + "9" * 5000, "no ledger holds that many events"),
        ("GM1708-٣", "is not an event id like GM1708-0007"),
    ],
)
def test_an_event_id_beyond_the_integer_range_is_a_400_in_withdraw_and_correct(
    client: TestClient, demo_db: str, event: str, melding: str
) -> None:
    voor, token = aantal_events(demo_db), csrf(client.get("/record").text)
    antwoord = client.post("/withdraw", data={"csrf": token, "event": event, "reden": "x"})
    assert antwoord.status_code == 400 and melding in antwoord.text
    bestand = {"bestand": ("e.yaml", b"gemeente: GM1708\n")}
    antwoord = client.post("/correct", data={"csrf": token, "event": event, "reden": "x"}, files=bestand)
    assert antwoord.status_code == 400
    assert aantal_events(demo_db) == voor


@pytest.mark.parametrize(
    ("reden", "melding"),
    [
        ("vervallen\x1b[2J", "reden: holds a control character (U+001B); nothing was recorded"),
        ("vervallen\x00", "reden: holds a control character (U+0000); nothing was recorded"),
        ("x" * 2001, "reden: is 2,001 characters long; at most 2,000; nothing was recorded"),
    ],
)
def test_a_reason_with_esc_nul_or_over_2000_characters_is_a_400_and_nothing_is_written(
    client: TestClient, demo_db: str, reden: str, melding: str
) -> None:
    voor, token = aantal_events(demo_db), csrf(client.get("/record").text)
    antwoord = client.post("/withdraw", data={"csrf": token, "event": "GM1708-0017", "reden": reden})
    assert antwoord.status_code == 400 and melding in antwoord.text
    assert aantal_events(demo_db) == voor
    regels = client.post("/withdraw", data={"csrf": token, "event": "GM1708-0017", "reden": "twee\nregels\tmag"})
    assert regels.status_code == 200  # a reason may run over several lines, as a toelichting
    assert aantal_events(demo_db) == voor + 1
