"""Bodies that cannot hurt: workbook bombs, oversized and too many files, large forms; each refused, the server
still answers, nothing is written, and the refusal is in the record of security events."""

from __future__ import annotations

import io
import json
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from ledger.bootstrap import bootstrap
from tests.web.conftest import csrf
from tests.web.test_schrijven import aantal_events, upload
from tests.werkboek_bommen import liegend_blad, verklaard_heel_blad, verre_cel, zip_bom
from web.app import maak_app
from web.logboek import Logboek

Client = tuple[TestClient, io.StringIO]
BOMMEN: list[tuple[str, Callable[[Path], Path], str]] = [
    ("A1-XFD1048576", verklaard_heel_blad, "&#39;1 circulaire&#39;!XFD1048576: het blad geeft zijn cellen op als"),
    ("ALL100000", verre_cel, "&#39;1 circulaire&#39;!ALL100000: een cel ligt buiten wat een document nodig heeft"),
    ("zip-bom", zip_bom, "xl/media/nullen.bin: pakt uit tot 1,073,741,824 bytes; hoogstens 100 MB"),
    ("liegend-blad", liegend_blad, "pakt uit tot meer dan de opgegeven 2,764 bytes"),
]


@pytest.fixture
def gelogd(demo_db: str) -> Iterator[Client]:
    """The demo ledger served with its record of security events kept in memory."""
    ledger, log = bootstrap(demo_db), io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        yield TestClient(maak_app(ledger, Logboek(log)), base_url="http://127.0.0.1"), log
    ledger.factory.datastore.engine.dispose()


def geweigerd(log: io.StringIO) -> list[str]:
    return [r["reden"] for r in map(json.loads, log.getvalue().splitlines()) if r["gebeurtenis"] == "geweigerd"]


def nog_in_de_lucht(client: TestClient) -> None:
    assert client.get("/gemeente/GM1708/saldo?format=json").status_code == 200


@pytest.mark.parametrize(("naam", "maak", "melding"), BOMMEN, ids=[b[0] for b in BOMMEN])
def test_a_workbook_bomb_uploaded_to_record_is_a_400_and_nothing_is_written(
    client: TestClient, demo_db: str, tmp_path: Path, naam: str, maak: Callable[[Path], Path], melding: str
) -> None:
    voor = aantal_events(demo_db)
    bom = maak(tmp_path / f"{naam}.xlsx")
    antwoord = upload(client, csrf(client.get("/record").text), (bom.name, bom.read_bytes()))
    assert antwoord.status_code == 400 and f"{bom.name}: " in antwoord.text and melding in antwoord.text
    nog_in_de_lucht(client)
    assert aantal_events(demo_db) == voor


def test_a_workbook_bomb_uploaded_to_correct_is_a_400_and_nothing_is_written(
    gelogd: Client, demo_db: str, tmp_path: Path
) -> None:
    client, log = gelogd
    voor = aantal_events(demo_db)
    bom = verklaard_heel_blad(tmp_path / "erratum.xlsx")
    data = {"csrf": csrf(client.get("/record").text), "event": "GM1708-0017", "reden": "bedrag"}
    antwoord = client.post("/correct", data=data, files={"bestand": (bom.name, bom.read_bytes())})
    assert antwoord.status_code == 400 and "XFD1048576" in antwoord.text
    assert "erratum.xlsx: '1 circulaire'!XFD1048576: het blad geeft zijn cellen op als" in geweigerd(log)[0]
    nog_in_de_lucht(client)
    assert aantal_events(demo_db) == voor


def test_more_than_20_files_are_refused_while_read(gelogd: Client, demo_db: str) -> None:
    client, log = gelogd
    voor = aantal_events(demo_db)
    antwoord = upload(client, csrf(client.get("/record").text), *[(f"{i}.yaml", b"x: 1\n") for i in range(21)])
    assert antwoord.status_code == 400 and "Too many files. Maximum number of files is 20." in antwoord.text
    assert geweigerd(log) == ["Too many files. Maximum number of files is 20."]
    nog_in_de_lucht(client)
    assert aantal_events(demo_db) == voor


def delen(token: str, bestanden: int, grootte: int) -> Iterator[bytes]:
    """A multipart body sent in pieces, without a Content-Length (chunked)."""
    yield f'--grens\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{token}\r\n'.encode()
    for i in range(bestanden):
        yield f'--grens\r\nContent-Disposition: form-data; name="bestanden"; filename="{i}.yaml"\r\n\r\n'.encode()
        yield b"#" * grootte + b"\r\n"
    yield b"--grens--\r\n"


def test_a_chunked_request_over_50_mb_in_files_under_10_mb_is_refused_at_50_mb(gelogd: Client, demo_db: str) -> None:
    client, log = gelogd
    voor = aantal_events(demo_db)
    kop = {"content-type": "multipart/form-data; boundary=grens"}
    antwoord = client.post(
        "/record", content=delen(csrf(client.get("/record").text), 6, 10 * 2**20 - 1000), headers=kop
    )
    assert "content-length" not in antwoord.request.headers
    assert antwoord.status_code == 413 and "dit verzoek is groter dan 50 MB; niets is bewaard" in antwoord.text
    assert geweigerd(log) == ["dit verzoek is groter dan 50 MB; niets is bewaard"]
    nog_in_de_lucht(client)
    assert aantal_events(demo_db) == voor


def test_a_declared_length_over_the_cap_is_refused_before_reading_and_logged(gelogd: Client) -> None:
    client, log = gelogd
    antwoord = client.post("/record", content=b"x", headers={"content-length": str(300 * 2**20)})
    assert antwoord.status_code == 413 and antwoord.headers["connection"] == "close"
    assert geweigerd(log) == [f"dit verzoek is groter dan 50 MB (Content-Length {300 * 2**20})"]
    nog_in_de_lucht(client)


@pytest.mark.parametrize("pad", ["/login", "/withdraw", "/snapshots", "/gemeente/GM1708/forecast", "/users"])
def test_a_form_of_a_megabyte_is_refused_on_every_route_without_files(gelogd: Client, pad: str) -> None:
    client, log = gelogd
    antwoord = client.post(pad, data={"naam": "x" * 2**20, "csrf": csrf(client.get("/record").text)})
    assert antwoord.status_code == 413 and "dit verzoek is groter dan 64 KB" in antwoord.text
    assert len(geweigerd(log)) == 1
    nog_in_de_lucht(client)


def test_a_snapshot_file_over_10_mb_is_refused_while_read(gelogd: Client) -> None:
    client, log = gelogd
    data = {"csrf": csrf(client.get("/snapshots").text)}
    antwoord = client.post("/snapshots/verify", data=data, files={"bestand": ("s.json", b" " * (10 * 2**20 + 1))})
    assert antwoord.status_code == 413 and "s.json: is groter dan 10 MB" in antwoord.text
    assert geweigerd(log) == ["s.json: is groter dan 10 MB; zo groot is een document nooit; er is niets geboekt"]


def test_a_snapshot_file_that_is_none_is_refused_and_logged(gelogd: Client) -> None:
    client, log = gelogd
    data = {"csrf": csrf(client.get("/snapshots").text)}
    antwoord = client.post("/snapshots/verify", data=data, files={"bestand": ("s.json", b"[" * 100_000)})
    assert antwoord.status_code == 400
    assert geweigerd(log) == ["s.json: not a snapshot written by begroting (nest dieper dan 64 niveaus)"]
    nog_in_de_lucht(client)


def test_a_field_that_is_no_file_is_at_most_64_kb_in_an_upload(gelogd: Client, demo_db: str) -> None:
    client, log = gelogd
    voor, token = aantal_events(demo_db), csrf(client.get("/record").text)
    data = {"csrf": token, "strict": "x" * 70_000}
    antwoord = client.post("/record", data=data, files={"bestanden": ("a.yaml", b"")})
    assert antwoord.status_code == 400 and "Part exceeded maximum size of 64KB." in antwoord.text
    assert geweigerd(log) == ["Part exceeded maximum size of 64KB."]
    assert aantal_events(demo_db) == voor
