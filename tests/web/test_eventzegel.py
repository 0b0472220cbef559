"""The event page names the seal that covers the event: its own, or the first later sealed event's through the
hash chain, and whether it matches this server's key."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from starlette.testclient import TestClient

from ledger.hashchain import zegel
from ledger.zegelsleutel import lees_sleutel
from tests.conftest import begroting, voorbeeld_bestanden
from tests.integration.test_zegel import met_sleutel, sleutel
from tests.web.conftest import maak_client


@pytest.fixture
def half_verzegeld(sqlite_url: str, tmp_path: Path) -> tuple[str, str]:
    """The worked example's first two documents recorded unsealed (GM1708-0001..0003), the rest sealed."""
    bestanden = voorbeeld_bestanden()
    assert begroting(sqlite_url, "record", *bestanden[:2]).exit_code == 0
    pad = sleutel(tmp_path)
    assert met_sleutel(sqlite_url, pad, "record", *bestanden[2:]).exit_code == 0  # type: ignore[attr-defined]
    return sqlite_url, pad


def client_met(db: str, sleutel_: bytes | None) -> Iterator[TestClient]:
    for client in maak_client(db):
        client.app.state.ledger.mapper.zegelsleutel = sleutel_  # type: ignore[attr-defined]
        yield client


def opgeslagen_hash(db: str, versie: int) -> str:
    engine = create_engine(db)
    with engine.connect() as v:
        state = v.execute(text("SELECT state FROM begroting_events WHERE originator_version = :v"), {"v": versie})
        hash_ = json.loads(bytes(state.scalar_one()))["hash"]
    engine.dispose()
    return str(hash_)


def zegelrij(html: str) -> tuple[str, str, str]:
    gevonden = re.search(r'<a href="[^"]*">(GM1708-\d{4})</a></td><td>([0-9a-f]{64})</td><td>([^<]*)</td>', html)
    assert gevonden, html
    return gevonden[1], gevonden[2], gevonden[3]


def test_an_unsealed_event_is_covered_by_the_first_sealed_event_after_it(half_verzegeld: tuple[str, str]) -> None:
    db, pad = half_verzegeld
    for client in client_met(db, lees_sleutel(Path(pad))):
        html = client.get("/gemeente/GM1708/event/GM1708-0002").text
        assert "Zegel: gedekt door het zegel van GM1708-0004" in html
        assert zegelrij(html) == (
            "GM1708-0004",
            zegel(lees_sleutel(Path(pad)), opgeslagen_hash(db, 4)),
            "klopt met de zegelsleutel",
        )
        assert "Zegel: dit event is zelf verzegeld" in client.get("/gemeente/GM1708/event/GM1708-0004").text


def test_a_seal_made_with_another_key_does_not_hold_and_without_a_key_it_is_not_checked(
    half_verzegeld: tuple[str, str],
) -> None:
    db, _ = half_verzegeld
    for client in client_met(db, b"x" * 32):
        controle = zegelrij(client.get("/gemeente/GM1708/event/GM1708-0007").text)[2]
        assert controle == "KLOPT NIET met de zegelsleutel: vervalst of een andere sleutel"
    for client in client_met(db, None):
        controle = zegelrij(client.get("/gemeente/GM1708/event/GM1708-0007").text)[2]
        assert controle == "niet gecontroleerd: deze server heeft geen zegelsleutel"


def test_in_a_ledger_never_sealed_no_seal_covers_an_event(client: TestClient) -> None:
    html = client.get("/gemeente/GM1708/event/GM1708-0003").text
    assert "Zegel: geen (geen event vanaf GM1708-0003 is verzegeld)" in html
