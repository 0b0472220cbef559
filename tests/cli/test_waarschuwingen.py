"""Warnings kept with the event (events, explain) and the opbouw under its post (explain, history)."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import create_engine, text

from tests.conftest import DATA, als_json, begroting

VOORBEELDSTAD = DATA / "voorbeeldstad-2024"
G = "GM0999"
BRIEF = """gemeente: GM0999
bron: {id: brief-au-2024, datum: 2024-09-20}
events:
  - type: prognose
    post: algemene_uitkering
    richting: baten
    mutaties: {2024: -100000}
    opbouw:
      accres: {bedragen: {2024: -70000}, opbouw: {loon: {2024: -50000}, prijs: {2024: -15000}}}
      uitkeringsfactor: {2024: -20000}
"""
TOP = "events[0]: opbouw.2024: de delen tellen op tot € -90.000,00, het bedrag is € -100.000,00 (verschil € -10.000,00)"
ACCRES = (
    "events[0]: opbouw.accres.2024: de delen tellen op tot € -65.000,00, het bedrag is € -70.000,00 "
    "(verschil € -5.000,00)"
)
AU = ("--post", "algemene_uitkering", "--jaar", "2024", "--as-of", "2024-12-31")


def bestand(nummer: int) -> str:
    return str(next(VOORBEELDSTAD.glob(f"0{nummer}-*.yaml")))


def met_brief(db: str, tmp_path: Path) -> Path:
    brief = tmp_path / "brief.yaml"
    brief.write_text(BRIEF)
    assert begroting(db, "record", bestand(1), "--door", "j.jansen").exit_code == 0
    uitkomst = begroting(db, "record", str(brief), "--door", "j.jansen")
    assert (uitkomst.exit_code, uitkomst.stderr) == (
        0,
        f"waarschuwing: {brief}: {TOP}\nwaarschuwing: {brief}: {ACCRES}\n",
    )
    return brief


def cellen(uitvoer: str) -> list[tuple[str, ...]]:
    """The cells of every row of a rich table, row by row (a wrapped cell continues on a row of its own)."""
    return [
        tuple(c.strip() for c in r.strip().strip("│┃").split("│" if r.startswith("│") else "┃"))
        for r in uitvoer.splitlines()
        if r.startswith(("│", "┃"))
    ]


def test_a_controle_warning_is_kept_with_the_event_and_shown_by_events_and_explain(db_url: str, tmp_path: Path) -> None:
    anders = tmp_path / "mei-anders.yaml"
    tekst = Path(bestand(3)).read_text().replace("-72000", "-70000").replace("id: meicirculaire-2024", "id: mei-b")
    anders.write_text(tekst)
    assert begroting(db_url, "record", bestand(1), bestand(2)).exit_code == 0
    assert begroting(db_url, "record", str(anders)).exit_code == 0
    controle = "controle.saldo.2024: het document noemt € -70.000,00, het grootboek berekent € -72.000,00"
    events = als_json(db_url, "events", "--gemeente", G)
    assert [(e["bron"], e["waarschuwingen"]) for e in events] == [
        ("programmabegroting-2024", []),
        ("voorjaarsnota-2024", []),
        ("mei-b", [controle]),
    ]
    uitleg = als_json(db_url, "explain", "--gemeente", G, *AU)
    mei = next(e for e in uitleg["events"] if e["bron"] == "mei-b")
    assert mei["waarschuwingen"] == [controle]
    assert [(d["naam"], d["bedrag"]) for d in mei["opbouw"]] == [
        ("accres", "-60000.00"),
        ("uitkeringsbasis", "20000.00"),
        ("uitkeringsfactor", "-7000.00"),
    ]
    assert (mei["opbouw_bedrag"], mei["opbouw_som"], "opbouw_verschil" in mei) == ("-47000.00", "-47000.00", False)
    assert {e["bron"]: e["waarschuwingen"] for e in uitleg["events"]}["programmabegroting-2024"] == []
    geverifieerd = begroting(db_url, "verify")
    assert (geverifieerd.exit_code, geverifieerd.stdout.splitlines()[-1]) == (0, "verify: in orde")


def test_explain_shows_the_opbouw_under_its_post_with_the_sums_and_differences_and_the_warnings(
    sqlite_url: str, tmp_path: Path
) -> None:
    met_brief(sqlite_url, tmp_path)
    begroting_op, brief_op = (  # shown in Dutch time with its offset, to the second
        datetime.fromisoformat(e["geboekt_op"]).astimezone(ZoneInfo("Europe/Amsterdam")).isoformat(timespec="seconds")
        for e in als_json(sqlite_url, "events", "--gemeente", G)
    )
    uitkomst = begroting(sqlite_url, "explain", "--gemeente", G, *AU)
    assert uitkomst.exit_code == 0
    regels = [r.rstrip() for r in uitkomst.stdout.splitlines()]
    assert regels[0] == (
        "algemene_uitkering 2024 in GM0999, bekend op 2024-12-31: "
        "raming 50.000.000,00, prognose 49.900.000,00, effect - 100.000,00"
    )
    assert regels[-1] == "+ = voordeel (bedragen in euro's)"
    leeg = ("",) * 3
    assert cellen(uitkomst.stdout) == [
        ("event", "type", "soort", "bedrag", "bekend_op", "geboekt", "door", "status"),
        ("GM0999-0002", "begroting", "raming", "50.000.000,00", "2023-11-09", begroting_op, "j.jansen", "in kracht"),
        ("GM0999-0003", "prognose", "mutatie", "-100.000,00", "2024-09-20", brief_op, "j.jansen", "in kracht"),
        ("", "opbouw", "", "-100.000,00", *leeg, ""),
        ("", "accres", "", "-70.000,00", *leeg, ""),
        ("", "loon", "", "-50.000,00", *leeg, ""),
        ("", "prijs", "", "-15.000,00", *leeg, ""),
        ("", "som der delen", "", "-65.000,00", *leeg, ""),
        ("", "verschil", "", "-5.000,00", *leeg, ""),
        ("", "uitkeringsfactor", "", "-20.000,00", *leeg, ""),
        ("", "som der delen", "", "-90.000,00", *leeg, ""),
        ("", "verschil", "", "-10.000,00", *leeg, ""),
        ("", "waarschuwing", "", "", *leeg, TOP.removesuffix(" -100.000,00 (verschil € -10.000,00)")),
        ("", "", "", "", *leeg, "-100.000,00 (verschil € -10.000,00)"),  # the moment's column is wider now
        ("", "waarschuwing", "", "", *leeg, ACCRES.removesuffix(" -70.000,00 (verschil € -5.000,00)")),
        ("", "", "", "", *leeg, "-70.000,00 (verschil € -5.000,00)"),
    ]
    typen = [r.split("│")[2].rstrip() for r in regels if r.startswith("│")][2:11]  # the parts, indented by depth
    assert typen == [
        " opbouw",
        "   accres",
        "     loon",
        "     prijs",
        "   som der delen",
        "   verschil",
        "   uitkeringsfactor",
        " som der delen",
        " verschil",
    ]


def test_explain_and_history_json_give_the_opbouw_in_the_diffs_shape_with_sums_and_differences(
    sqlite_url: str, tmp_path: Path
) -> None:
    met_brief(sqlite_url, tmp_path)
    accres = {
        "naam": "accres",
        "bedrag": "-70000.00",
        "opbouw": [
            {"naam": "loon", "bedrag": "-50000.00", "opbouw": []},
            {"naam": "prijs", "bedrag": "-15000.00", "opbouw": []},
        ],
        "som": "-65000.00",
        "verschil": "-5000.00",
    }
    verwacht = {
        "opbouw": [accres, {"naam": "uitkeringsfactor", "bedrag": "-20000.00", "opbouw": []}],
        "opbouw_bedrag": "-100000.00",
        "opbouw_som": "-90000.00",
        "opbouw_verschil": "-10000.00",
    }
    uitleg = als_json(sqlite_url, "explain", "--gemeente", G, *AU)["events"]
    assert [e["waarschuwingen"] for e in uitleg] == [[], [TOP, ACCRES]]
    assert {k: uitleg[1][k] for k in verwacht} == verwacht and "opbouw" not in uitleg[0]
    stappen = als_json(sqlite_url, "history", "--gemeente", G, *AU)["stappen"]
    assert {k: stappen[1][k] for k in verwacht} == verwacht and "opbouw" not in stappen[0]
    csv = begroting(sqlite_url, "history", "--gemeente", G, *AU, "--format", "csv").stdout.splitlines()
    assert len(csv) == 3  # the csv keeps one row per event


def test_recording_it_again_is_a_no_op_and_events_without_warnings_are_stored_as_before(
    sqlite_url: str, tmp_path: Path
) -> None:
    brief = met_brief(sqlite_url, tmp_path)
    opnieuw = begroting(sqlite_url, "record", str(brief))
    assert "ongewijzigd" in opnieuw.stdout and len(als_json(sqlite_url, "events")) == 2
    engine = create_engine(sqlite_url)
    with engine.connect() as v:
        toestanden = [bytes(s) for s in v.execute(text("SELECT state FROM begroting_events ORDER BY id")).scalars()]
    engine.dispose()
    assert [b'"waarschuwingen"' in s for s in toestanden] == [False, False, True]
    assert begroting(sqlite_url, "verify").exit_code == 0


def test_a_correction_keeps_the_warnings_of_its_document(sqlite_url: str, tmp_path: Path) -> None:
    met_brief(sqlite_url, tmp_path)
    hersteld = tmp_path / "hersteld.yaml"
    hersteld.write_text(BRIEF.replace("prijs: {2024: -15000}", "prijs: {2024: -20000}"))
    uitkomst = begroting(sqlite_url, "correct", "GM0999-0003", str(hersteld), "--reden", "prijs hersteld")
    assert (uitkomst.exit_code, uitkomst.stderr) == (0, f"waarschuwing: {hersteld}: {TOP}\n")
    correctie = als_json(sqlite_url, "events", "--gemeente", G)[-1]
    assert (correctie["type"], correctie["waarschuwingen"]) == ("correctie", [TOP])


def test_the_ledger_of_an_earlier_version_shows_no_warnings_and_still_verifies(tmp_path: Path) -> None:
    db = tmp_path / "v0.1.0.db"
    shutil.copyfile(DATA / "compat" / "v0.1.0" / "begroting.db", db)
    events = als_json(f"sqlite:///{db}", "events")
    assert len(events) > 20 and {tuple(e["waarschuwingen"]) for e in events} == {()}
    assert begroting(f"sqlite:///{db}", "verify").exit_code == 0
