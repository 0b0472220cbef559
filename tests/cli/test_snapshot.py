"""The jaarrekening snapshot: freeze, re-verify, and the files a controller and an auditor open."""

from __future__ import annotations

import getpass
import json
import os
import re
import shutil
import subprocess
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import DATA, begroting

G = "GM1708"
VERSCHIL_DECEMBER = (Path(__file__).parent / "verwacht" / "snapshot-verify-december.txt").read_text()


@pytest.fixture
def snapshot(sqlite_url: str, voorbeeld: list[str], tmp_path: Path) -> Path:
    reserves = tmp_path / "reserves.yaml"
    reserves.write_text((DATA / "reserves" / "01-nota-reserves.yaml").read_text().replace("GM1680", G))
    assert begroting(sqlite_url, "record", *voorbeeld, str(reserves)).exit_code == 0
    uit = begroting(
        sqlite_url,
        "snapshot",
        "--gemeente",
        G,
        "--jaar",
        "2020",
        "--as-of",
        "2020-12-31",
        "--out",
        str(tmp_path / "jr2020"),
    )
    assert uit.exit_code == 0, uit.stderr
    return tmp_path / "jr2020"


def test_snapshot_writes_four_files_and_verifies_identical(sqlite_url: str, snapshot: Path) -> None:
    assert sorted(p.name for p in snapshot.iterdir()) == [
        "report.html",
        "snapshot.json",
        "snapshot.md",
        "snapshot.xlsx",
    ]
    uit = begroting(sqlite_url, "snapshot", "verify", str(snapshot / "snapshot.json"))
    gemaakt = json.loads((snapshot / "snapshot.json").read_text())["gemaakt"]["op"]  # UTC, as JSON keeps it
    assert gemaakt.endswith("+00:00")
    getoond = (
        datetime.fromisoformat(gemaakt).astimezone(ZoneInfo("Europe/Amsterdam")).isoformat(timespec="microseconds")
    )
    assert (uit.exit_code, uit.stdout.splitlines()) == (
        0,
        [f"zoals geboekt toen ze gemaakt werd ({getoond}): identiek", f"identiek: {snapshot / 'snapshot.json'}"],
    )

    engels = begroting(sqlite_url, "--taal", "en", "snapshot", "verify", str(snapshot / "snapshot.json"))
    assert engels.stdout.splitlines() == [
        f"as recorded when it was made ({getoond}): identical",
        f"identical: {snapshot / 'snapshot.json'}",
    ]


def test_the_json_holds_query_anchor_and_a_hash_over_its_content(snapshot: Path) -> None:
    s = json.loads((snapshot / "snapshot.json").read_text())
    assert s["query"] == {"gemeente": G, "jaar": 2020, "as_of": "2020-12-31", "recorded_by": None}
    assert s["laatste_event"][G]["event"] == "GM1708-0023"
    assert len(s["sha256"]) == 64
    assert s["saldo"]["jaren"]["2020"]["verwacht_saldo"] == "2112000.00"
    assert s["reserves"]["algemene_reserve"]["standen"]["2020"] == "12000000.00"
    assert [p["post"] for p in s["pm"]] == ["buig"]
    assert s["diff_begroting"]["van"] == "2020-06-30"
    assert len(s["journaal"]) == 22


def test_a_later_recorded_event_with_an_earlier_bekend_op_is_named_by_verify(
    sqlite_url: str, snapshot: Path, tmp_path: Path
) -> None:
    laat = tmp_path / "dec.yaml"
    laat.write_text(
        "gemeente: GM1708\nbron: {id: decembercirculaire-2020, datum: 2020-12-14}\neenheid: 1000\n"
        "events:\n  - {type: circulaire, soort: december, jaar: 2020, algemene_uitkering: {2020: 77700}}\n"
    )
    assert begroting(sqlite_url, "record", str(laat)).exit_code == 0
    uit = begroting(sqlite_url, "snapshot", "verify", str(snapshot / "snapshot.json"))
    assert uit.exit_code == 1
    regels = uit.stdout.splitlines()
    assert regels[0].startswith("zoals geboekt toen ze gemaakt werd (") and regels[0].endswith("): identiek")
    moment = re.compile(r"geboekt_op \S+ door")
    rest = moment.sub("geboekt_op MOMENT door", "\n".join(regels[1:]))
    assert rest == VERSCHIL_DECEMBER + (
        "sindsdien geboekt: GM1708-0024 circulaire bron decembercirculaire-2020 bekend_op 2020-12-14 "
        f"geboekt_op MOMENT door {getpass.getuser()}: decembercirculaire 2020: algemene uitkering 2020\n"
        "verschilt: 13 figuren, 1 event sindsdien geboekt"
    )  # 13 figures, not a dict repr among them


def test_an_edited_snapshot_file_is_noticed(sqlite_url: str, snapshot: Path) -> None:
    pad = snapshot / "snapshot.json"
    pad.write_text(pad.read_text().replace('"verwacht_saldo": "2112000.00"', '"verwacht_saldo": "2113000.00"', 1))
    uit = begroting(sqlite_url, "snapshot", "verify", str(pad))
    assert uit.exit_code == 1
    assert (
        uit.stdout.splitlines()[0]
        == "het bestand is gewijzigd nadat het gemaakt werd: de inhoud past niet meer bij de sha256"
    )


def test_a_figure_altered_behind_the_ledgers_back_shows_as_altered(sqlite_url: str, snapshot: Path) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(sqlite_url)
    with engine.begin() as v:
        v.execute(
            text(
                "UPDATE postbedragen SET cents = cents + 100 WHERE post = 'buig' AND jaar = 2020 AND soort = 'prognose'"
            )
        )
    engine.dispose()
    uit = begroting(sqlite_url, "snapshot", "verify", str(snapshot / "snapshot.json"))
    assert uit.exit_code == 1
    regels = uit.stdout.splitlines()
    assert regels[0] == "GEWIJZIGD: figuren die het grootboek zoals toen geboekt anders geeft dan de snapshot zegt:"
    rij = "│ saldo · posten · buig 2020 · prognose "
    cijfers = [r[r.index("│", 2) :] for r in regels if r.startswith(rij)]
    assert cijfers == ["│ 12.701.000,00 │ 12.701.001,00 │   + 1,00 │"] * 2  # as recorded then, and as now


def test_the_workbook_opens_and_its_figures_equal_the_json(snapshot: Path) -> None:
    from openpyxl import load_workbook

    s = json.loads((snapshot / "snapshot.json").read_text())
    boek = load_workbook(snapshot / "snapshot.xlsx")
    assert boek.sheetnames == ["Saldo", "Posten", "Diff begroting", "Reserves", "pm", "Journaal", "Query"]
    posten = boek["Posten"]
    assert posten.freeze_panes == "A2"
    assert [c.value for c in posten[1]] == ["post", "richting", "jaar", "raming", "prognose", "effect"]
    uit_blad = [
        (r[0], r[2], Decimal(str(r[3])).quantize(Decimal("0.01")), Decimal(str(r[5])).quantize(Decimal("0.01")))
        for r in posten.iter_rows(min_row=2, values_only=True)
    ]
    uit_json = [(p["post"], p["jaar"], Decimal(p["raming"]), Decimal(p["effect"])) for p in s["saldo"]["posten"]]
    assert uit_blad == uit_json
    assert posten["D2"].number_format == '"€" #,##0.00;[Red]-"€" #,##0.00'
    assert posten.column_dimensions["A"].width >= len("taakmutatie.aanvulling_jeugdhulp_2022")
    saldo_2020 = next(r for r in boek["Saldo"].iter_rows(values_only=True) if r[0] == "geraamd resultaat")[1]
    assert Decimal(str(saldo_2020)) == Decimal(s["saldo"]["jaren"]["2020"]["resultaat"])


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_the_report_is_one_page_without_network_and_renders_in_chromium(snapshot: Path, tmp_path: Path) -> None:
    pagina = (snapshot / "report.html").read_text()
    assert "<svg" in pagina and "http://" not in pagina.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in pagina and "<script" not in pagina
    if chromium() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is required under CI=true (.ci/run installs it)")
        pytest.skip("chromium is not installed")
    schermafdruk = tmp_path / "report.png"
    subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profiel'}",
            f"--screenshot={schermafdruk}",
            "--window-size=1200,1600",
            (snapshot / "report.html").as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    from PIL import Image

    kleuren = Image.open(schermafdruk).convert("RGB").getcolors(maxcolors=1_000_000)
    assert kleuren is not None and len(kleuren) > 20
    wit = max(kleuren)[0] / sum(n for n, _ in kleuren)
    assert wit < 0.97


def test_an_onttrekking_beyond_the_reserve_exits_2_and_writes_nothing(sqlite_url: str, tmp_path: Path) -> None:
    bestanden = sorted(str(p) for p in (DATA / "reserves").glob("0[123]-*.yaml"))
    assert begroting(sqlite_url, "record", *bestanden).exit_code == 0
    te_groot = str(DATA / "reserves" / "04-onttrekking-te-groot.yaml")
    uit = begroting(sqlite_url, "record", te_groot)
    assert uit.exit_code == 2
    assert uit.stderr == (
        f"fout: {te_groot}: events[0]: reserve 'sociaal_domein' zou eind 2023 op € -500.000,00 staan; "
        "een reserve kan niet negatief worden\n"
    )
    assert len(json.loads(begroting(sqlite_url, "events", "--format", "json").stdout)) == 11
