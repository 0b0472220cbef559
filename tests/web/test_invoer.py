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
    ("jaar-als-tekst", zet("query.jaar", "2020"), "query.jaar hoort een jaar binnen 1990-2100 te zijn"),
    ("jaar-2-tot-63", zet("query.jaar", 2**63), "query.jaar hoort een jaar binnen 1990-2100 te zijn"),
    ("gemeente-lijst", zet("query.gemeente", ["GM1708"]), "query.gemeente en query.as_of horen tekst te zijn"),
    ("journaal-tekst", zet("journaal", "x"), "journaal hoort een lijst events te zijn, elk met zijn id"),
    ("event-id-getal", lambda g: zet("journaal", [{"id": 5}])(g), "journaal hoort een lijst events te zijn"),
    ("zonder-query", lambda g: {k: v for k, v in g.items() if k != "query"}, "query: ontbreekt, of is geen object"),
    ("gemaakt-tekst", zet("gemaakt", "gisteren"), "gemaakt.op: ontbreekt, of is geen moment als tekst"),
    ("datum-fout", zet("query.as_of", "2021-13-45"), "month must be in 1..12"),
    ("te-diep", zet("saldo", genest(70)), "nest dieper dan 64 niveaus"),
    ("laatste-event-ver", zet("laatste_event.GM1708", {"event": "GM1708-" + "9" * 30, "hash": "x"}), "geen grootboek"),
]
RUW: list[tuple[str, bytes, str]] = [
    ("geen-utf8", b'\xff\xfe{"query": 1}', "geen JSON: 'utf-8' codec can't decode byte 0xff"),
    ("diep-100000", b"[" * 100_000 + b"]" * 100_000, "nest dieper dan 64 niveaus"),
    ("getal-5000-cijfers", b'{"query": {"jaar": ' + b"9" * 5000 + b"}}", "geen JSON: Exceeds the limit (4300 digits)"),
    ("array", b"[1, 2]", "geen JSON-object"),
    ("leeg", b"", "geen JSON: Expecting value"),
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
        ("GM1708-999999999999999999", "event GM1708-999999999999999999 is geen documentevent van dit grootboek"),
        ("GM1708-99999999999999999999", "event GM1708-99999999999999999999...: geen grootboek bevat zoveel events"),
        ("GM1708-" + "9" * 5000, "geen grootboek bevat zoveel events"),
        ("GM1708-٣", "is geen event-id zoals GM1708-0007"),
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
        ("vervallen\x1b[2J", "reden: bevat een stuurteken (U+001B); er is niets geboekt"),
        ("vervallen\x00", "reden: bevat een stuurteken (U+0000); er is niets geboekt"),
        ("x" * 2001, "reden: is 2,001 tekens lang; hoogstens 2,000; er is niets geboekt"),
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
