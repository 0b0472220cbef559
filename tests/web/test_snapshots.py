"""`/snapshots`: freeze through the browser, the four files `begroting snapshot` writes, verify with what differs."""

from __future__ import annotations

import json
import re
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from starlette.testclient import TestClient

from events.klok import toon_iso
from tests.conftest import begroting
from tests.web.conftest import csrf, log_in

BEVRIES = {"gemeente": "GM1708", "jaar": "2020", "bekend_op": "2020-12-31"}
DECEMBER = (
    "gemeente: GM1708\nbron: {id: decembercirculaire-2020, datum: 2020-12-14}\neenheid: 1000\n"
    "events:\n  - {type: circulaire, soort: december, jaar: 2020, algemene_uitkering: {2020: 77700}}\n"
)


def bevries(client: TestClient, **velden: str) -> int:
    antwoord = client.post("/snapshots", data={"csrf": csrf(client.get("/snapshots").text), **BEVRIES, **velden})
    assert antwoord.status_code == 200, antwoord.text
    nummer = re.search(r"Snapshot (\d+) is bevroren", antwoord.text)
    assert nummer and antwoord.url.params["gemeente"] == "GM1708"
    return int(nummer.group(1))


def cli_snapshot(db: str, map_: Path) -> dict:
    uit = begroting(db, "snapshot", "-g", "GM1708", "--jaar", "2020", "--as-of", "2020-12-31", "--out", str(map_))
    assert uit.exit_code == 0, uit.stderr
    return json.loads((map_ / "snapshot.json").read_text())


def test_a_frozen_snapshot_holds_the_cli_figures_and_who_made_it(
    client: TestClient, demo_db: str, tmp_path: Path
) -> None:
    nummer = bevries(client)
    web = client.get(f"/snapshots/{nummer}/snapshot.json").json()
    cli = cli_snapshot(demo_db, tmp_path / "jr")
    zonder = {"gemaakt", "sha256"}
    assert {k: v for k, v in web.items() if k not in zonder} == {k: v for k, v in cli.items() if k not in zonder}
    assert web["saldo"]["jaren"]["2020"]["verwacht_saldo"] == "2112000.00" and len(web["journaal"]) == 19
    assert web["gemaakt"]["door"] == cli["gemaakt"]["door"]  # the OS user, while there are no users
    lijst = client.get("/snapshots?gemeente=GM1708").text
    assert f'href="/snapshots/{nummer}/report.html"' in lijst and web["sha256"][:16] in lijst
    assert "is bevroren" not in client.get("/snapshots?nieuw=%3Cb%3Eiets%20anders%3C/b%3E").text


def test_the_files_are_those_the_cli_writes_but_for_when_it_was_made(
    client: TestClient, demo_db: str, tmp_path: Path
) -> None:
    nummer = bevries(client)
    web, cli = client.get(f"/snapshots/{nummer}/snapshot.json").json(), cli_snapshot(demo_db, tmp_path / "jr")
    for bestand in ("snapshot.md", "report.html"):
        antwoord = client.get(f"/snapshots/{nummer}/{bestand}")
        tekst = antwoord.text.replace(web["sha256"], cli["sha256"]).replace(web["gemaakt"]["op"], cli["gemaakt"]["op"])
        tekst = tekst.replace(toon_iso(web["gemaakt"]["op"], exact=True), toon_iso(cli["gemaakt"]["op"], exact=True))
        assert tekst == (tmp_path / "jr" / bestand).read_text()
        assert antwoord.headers["content-disposition"].startswith(f'attachment; filename="snapshot-{nummer}-GM1708')
    boek = load_workbook(BytesIO(client.get(f"/snapshots/{nummer}/snapshot.xlsx").content))
    cli_boek = load_workbook(tmp_path / "jr" / "snapshot.xlsx")
    assert (
        boek.sheetnames
        == cli_boek.sheetnames
        == ["Saldo", "Posten", "Diff begroting", "Reserves", "pm", "Journaal", "Query"]
    )
    assert [[c.value for c in r] for r in boek["Saldo"].rows] == [[c.value for c in r] for r in cli_boek["Saldo"].rows]


@pytest.mark.parametrize("bestand", ["..%2F..%2Fetc%2Fpasswd", "snapshot.json.bak", "%2e%2e", "snapshot.json%00.html"])
def test_a_download_of_anything_but_the_four_files_is_a_404(client: TestClient, bestand: str) -> None:
    nummer = bevries(client)
    assert client.get(f"/snapshots/{nummer}/{bestand}").status_code == 404
    assert client.get("/snapshots/999/snapshot.json").status_code == 404
    assert client.get("/snapshots/../etc/passwd").status_code == 404


def test_verify_is_identical_until_a_later_recorded_document_changes_a_figure(
    client: TestClient, demo_db: str, tmp_path: Path
) -> None:
    nummer = bevries(client)
    html = client.get(f"/snapshots/{nummer}/verify").text
    assert "Identiek" in html and f"identiek: snapshot {nummer}" in html
    (tmp_path / "dec.yaml").write_text(DECEMBER)
    assert begroting(demo_db, "record", str(tmp_path / "dec.yaml")).exit_code == 0
    antwoord = client.get(f"/snapshots/{nummer}/verify")
    assert antwoord.status_code == 200 and "Verschilt" in antwoord.text
    rij = re.search(r"<tr><td>saldo · jaren · 2020 · verwacht_saldo</td>(.*?)</tr>", antwoord.text)
    assert rij and re.findall(r">([^<]+)</td>", rij.group(1)) == ["2.112.000,00", "2.213.000,00", "+ 101.000,00"]
    assert "{&#39;" not in antwoord.text and "-&gt;" not in antwoord.text  # no dict reprs, no arrows
    assert "verschilt: 13 figuren, 1 event sindsdien geboekt" in antwoord.text
    assert "decembercirculaire-2020" in antwoord.text  # the event that explains it, recorded since


def test_an_uploaded_snapshot_verifies_as_the_cli_says(client: TestClient, demo_db: str, tmp_path: Path) -> None:
    cli_snapshot(demo_db, tmp_path / "jr")
    pad = tmp_path / "jr" / "snapshot.json"
    token = csrf(client.get("/snapshots").text)
    antwoord = client.post(
        "/snapshots/verify", data={"csrf": token}, files={"bestand": ("snapshot.json", pad.read_bytes())}
    )
    cli = begroting(demo_db, "snapshot", "verify", str(pad))
    assert antwoord.status_code == 200 and cli.exit_code == 0
    assert cli.stdout.splitlines()[0] in antwoord.text and "identiek: snapshot.json" in antwoord.text
    gewijzigd = pad.read_text().replace('"2112000.00"', '"2112001.00"', 1).encode()
    antwoord = client.post("/snapshots/verify", data={"csrf": token}, files={"bestand": ("snapshot.json", gewijzigd)})
    assert "het bestand is gewijzigd nadat het gemaakt werd" in antwoord.text and "Verschilt" in antwoord.text
    kapot = client.post("/snapshots/verify", data={"csrf": token}, files={"bestand": ("x.json", b"[1, 2]")})
    assert kapot.status_code == 400 and "x.json: geen snapshot geschreven door begroting" in kapot.text
    assert client.post("/snapshots/verify", files={"bestand": ("snapshot.json", pad.read_bytes())}).status_code == 403


@pytest.mark.parametrize(
    ("velden", "melding"),
    [
        ({"jaar": "twintig"}, "jaar: &#39;twintig&#39; is geen positief geheel getal"),
        ({"jaar": "1800"}, "jaar: geef het jaar van de jaarrekening"),
        ({"bekend_op": "31-12-2020"}, "bekend_op: &#39;31-12-2020&#39; is geen datum"),
        ({"gemeente": "GM9999"}, "er is geen grootboek voor GM9999"),
    ],
)
def test_a_wrong_field_freezes_nothing_and_says_why(client: TestClient, velden: dict, melding: str) -> None:
    antwoord = client.post("/snapshots", data={"csrf": csrf(client.get("/snapshots").text), **BEVRIES, **velden})
    assert antwoord.status_code == 400 and melding in antwoord.text and "Er is niets bevroren" in antwoord.text
    assert "Er is hier nog geen snapshot gemaakt" in antwoord.text


def test_an_auditor_lists_downloads_and_verifies_but_cannot_freeze(met_gebruikers: TestClient) -> None:
    token = log_in(met_gebruikers, "c.controller")
    assert met_gebruikers.post("/snapshots", data={**BEVRIES, "csrf": "vervalst"}).status_code == 403
    nummer = bevries(met_gebruikers)
    assert met_gebruikers.get(f"/snapshots/{nummer}/snapshot.json").json()["gemaakt"]["door"] == "c.controller"
    token = log_in(met_gebruikers, "a.auditor")
    lijst = met_gebruikers.get("/snapshots").text
    assert "Bevries</button>" not in lijst and f"/snapshots/{nummer}/verify" in lijst
    assert met_gebruikers.post("/snapshots", data={**BEVRIES, "csrf": token}).status_code == 403
    assert "Identiek" in met_gebruikers.get(f"/snapshots/{nummer}/verify").text
    assert len(re.findall(r"<tr class=\"subtotal\"><td>|<tr><td>\d", met_gebruikers.get("/snapshots").text)) == 1


@pytest.mark.postgres
def test_on_postgresql_a_snapshot_is_kept_downloaded_and_verified(postgres_url: str) -> None:
    from tests.conftest import voorbeeld_bestanden
    from tests.web.conftest import maak_client

    assert begroting(postgres_url, "record", *voorbeeld_bestanden()).exit_code == 0
    for client in maak_client(postgres_url):
        nummer = bevries(client)
        assert client.get(f"/snapshots/{nummer}/snapshot.json").json()["saldo"]["jaren"]["2020"]["effect"] == (
            "2112000.00"
        )
        assert "Identiek" in client.get(f"/snapshots/{nummer}/verify").text
        assert bevries(client) == nummer + 1
