"""The journal page's filters (who, recorded between) and its CSV and XLSX downloads, against the CLI's."""

from __future__ import annotations

import io
import time
from datetime import UTC, datetime
from pathlib import Path

from openpyxl import load_workbook
from starlette.testclient import TestClient

from events.klok import NEDERLAND
from tests.conftest import als_json, begroting

JOURNAAL = "/gemeente/GM1708/journaal"


def ingetrokken_door_een_ander(db: str) -> str:
    """Withdraw one event as p.pietersen after the demo was recorded; the moment between the two, in UTC."""
    time.sleep(0.01)
    tussen = datetime.now(UTC).isoformat()
    time.sleep(0.01)
    uitkomst = begroting(db, "withdraw", "GM1708-0004", "--reden", "dubbel geboekt", "--door", "p.pietersen")
    assert uitkomst.exit_code == 0, uitkomst.stderr
    return tussen


def ids(client: TestClient, **params: str) -> list[str]:
    antwoord = client.get(JOURNAAL, params={**params, "format": "json"})
    assert antwoord.status_code == 200, antwoord.text
    return [e["id"] for e in antwoord.json()]


def test_the_journal_filters_by_who_and_by_when_it_was_recorded(client: TestClient, demo_db: str) -> None:
    tussen = ingetrokken_door_een_ander(demo_db)
    demo = [e["id"] for e in als_json(demo_db, "events", "-g", "GM1708", "--recorded-by", tussen)]
    assert len(demo) == 19 and ids(client) == [*demo, "GM1708-0021"]
    assert ids(client, door="p.pietersen") == ["GM1708-0021"]
    assert ids(client, geboekt_van=tussen) == ["GM1708-0021"]
    assert ids(client, geboekt_tot=tussen, door="j.jansen") == demo
    assert ids(client, geboekt_van=tussen, door="j.jansen") == []
    vandaag = datetime.now(NEDERLAND).date().isoformat()  # a date alone: from its start to its end, Dutch time
    assert ids(client, geboekt_van=vandaag, geboekt_tot=vandaag, type="intrekking") == ["GM1708-0021"]
    html = client.get(JOURNAAL, params={"door": "p.pietersen"}).text
    assert "Journaal (1 events, 1 getoond)" in html and 'name="door" value="p.pietersen"' in html
    assert "/gemeente/GM1708/journaal.csv?bekend_op=" in html and "door=p.pietersen" in html


def test_a_wrong_moment_is_a_400_naming_the_field(client: TestClient) -> None:
    antwoord = client.get(JOURNAAL, params={"geboekt_van": "gisteren", "format": "json"})
    assert antwoord.status_code == 400
    assert antwoord.json() == {"error": "geboekt_van: 'gisteren' is geen moment zoals 2020-10-13T17:00:00+02:00"}


def test_the_csv_download_is_the_cli_csv_byte_for_byte(client: TestClient, demo_db: str) -> None:
    cli = begroting(demo_db, "events", "-g", "GM1708", "--format", "csv")
    assert cli.exit_code == 0, cli.stderr
    antwoord = client.get(f"{JOURNAAL}.csv")
    assert antwoord.status_code == 200 and antwoord.headers["content-type"] == "text/csv; charset=utf-8"
    assert antwoord.headers["content-disposition"] == 'attachment; filename="journaal-GM1708-Steenwijkerland.csv"'
    assert antwoord.content == cli.stdout.encode("utf-8")
    assert antwoord.text.count("\nGM1708-") == 19


def test_the_downloads_are_filtered_as_the_page(client: TestClient, demo_db: str, tmp_path: Path) -> None:
    tussen = ingetrokken_door_een_ander(demo_db)
    csv = client.get(f"{JOURNAAL}.csv", params={"door": "p.pietersen"}).text.splitlines()
    assert len(csv) == 2 and csv[1].startswith("GM1708-0021,intrekking,GM1708,")
    xlsx = client.get(f"{JOURNAAL}.xlsx", params={"geboekt_tot": tussen})
    assert xlsx.headers["content-disposition"] == 'attachment; filename="journaal-GM1708-Steenwijkerland.xlsx"'
    cli = begroting(
        demo_db, "events", "-g", "GM1708", "--recorded-by", tussen, "-f", "xlsx", "--out", str(tmp_path / "j.xlsx")
    )
    assert cli.exit_code == 0, cli.stderr
    assert rijen(xlsx.content) == rijen((tmp_path / "j.xlsx").read_bytes())
    assert len(rijen(xlsx.content)) == 20
    assert client.get(f"{JOURNAAL}.pdf").status_code == 404


def rijen(werkboek: bytes) -> list[tuple[object, ...]]:
    blad = load_workbook(io.BytesIO(werkboek)).active
    assert blad is not None
    return list(blad.iter_rows(values_only=True))
