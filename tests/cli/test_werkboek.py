"""Documents as workbooks: recording .xlsx and .ods, `document` and `template`, as a user sees them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from events import REGISTRY
from tests.conftest import DATA, als_json, begroting

WERKBOEKEN = DATA / "werkboeken" / "voorbeeld"
BOEKING = {"geboekt_op", "geboekt_door", "hash", "vorige_hash", "zegel"}
RESERVES = sorted(str(p) for p in (DATA / "reserves").glob("0[1-3]-*.yaml"))
WMO = sorted(str(p) for p in (DATA / "wmo-dalfsen-2007").glob("*.yaml"))


def antwoorden(db: str, gemeente: str, *datums: str) -> dict[str, Any]:
    """What the ledger answers: the saldo on each date, the diff between them, every event's content."""
    events = [{k: v for k, v in e.items() if k not in BOEKING} for e in als_json(db, "events", "-g", gemeente)]
    saldo = {d: als_json(db, "saldo", "-g", gemeente, "--as-of", d) for d in datums}
    diff = als_json(db, "diff", "-g", gemeente, "--van", datums[0], "--tot", datums[-1])
    return {"events": events, "saldo": saldo, "diff": diff}


def bron_ids(bestanden: list[str]) -> list[str]:
    return [yaml.safe_load(Path(p).read_text())["bron"]["id"] for p in bestanden]


def test_the_committed_workbooks_are_the_worked_example(voorbeeld: list[str]) -> None:
    namen = {Path(p).stem for p in voorbeeld}
    assert {p.stem for p in WERKBOEKEN.glob("*.xlsx")} == namen
    assert {p.stem for p in WERKBOEKEN.glob("*.ods")} == namen


@pytest.mark.parametrize("soort", ["xlsx", "ods"])
def test_the_worked_example_from_a_workbook_gives_exactly_the_ledger_the_yaml_gives(
    tmp_path: Path, voorbeeld: list[str], soort: str
) -> None:
    uit_yaml, uit_werkboek = f"sqlite:///{tmp_path / 'yaml.db'}", f"sqlite:///{tmp_path / 'werkboek.db'}"
    assert begroting(uit_yaml, "record", *voorbeeld).exit_code == 0
    uitkomst = begroting(uit_werkboek, "record", *sorted(map(str, WERKBOEKEN.glob(f"*.{soort}"))))
    assert uitkomst.exit_code == 0, uitkomst.stderr
    assert uitkomst.stdout.splitlines()[-1] == "19 events geboekt uit 5 documenten"
    datums = ("2020-06-30", "2020-10-13")
    assert antwoorden(uit_werkboek, "GM1708", *datums) == antwoorden(uit_yaml, "GM1708", *datums)
    saldo = als_json(uit_werkboek, "saldo", "-g", "GM1708", "--as-of", "2020-10-13")
    assert saldo["jaren"]["2020"]["verwacht_saldo"] == "2112000.00"


def test_the_workbooks_of_the_example_are_a_no_op_after_its_yaml(sqlite_url: str, voorbeeld: list[str]) -> None:
    begroting(sqlite_url, "record", *voorbeeld)
    uitkomst = begroting(sqlite_url, "record", *map(str, WERKBOEKEN.glob("*.*")))
    assert (uitkomst.exit_code, uitkomst.stdout.splitlines()[-1]) == (
        0,
        "niets nieuws: alle 10 documenten stonden al geboekt",
    )


def test_yaml_and_workbooks_mix_in_one_record_command(sqlite_url: str, voorbeeld: list[str]) -> None:
    uitkomst = begroting(sqlite_url, "record", voorbeeld[0], str(WERKBOEKEN / "02-buig-2020-nader-voorlopig.ods"))
    assert uitkomst.exit_code == 0, uitkomst.stderr
    assert uitkomst.stdout.splitlines()[-1] == "2 events geboekt uit 2 documenten"


VOORBEELDEN = {
    "voorbeeld": ("GM1708", None, ("2020-06-30", "2020-10-13")),
    "reserves": ("GM1680", RESERVES, ("2020-12-31", "2021-12-31")),
    "wmo": ("GM0148", WMO, ("2007-01-01", "2007-12-31")),
}


@pytest.mark.parametrize("soort", ["xlsx", "ods", "yaml"])
@pytest.mark.parametrize("naam", list(VOORBEELDEN))
def test_every_recorded_document_written_out_records_again_as_a_no_op_and_answers_the_same_in_a_fresh_ledger(
    tmp_path: Path, voorbeeld: list[str], naam: str, soort: str
) -> None:
    gemeente, bestanden, datums = VOORBEELDEN[naam]
    bestanden = bestanden or voorbeeld
    db, vers = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'vers.db'}"
    assert begroting(db, "record", *bestanden).exit_code == 0
    uit = []
    for i, bron in enumerate(bron_ids(bestanden)):
        pad = str(tmp_path / f"{i:02d}-{bron}.{soort}")
        uitkomst = begroting(db, "document", gemeente, bron, "--out", pad)
        assert uitkomst.exit_code == 0, uitkomst.stderr
        uit.append(pad)
    opnieuw = begroting(db, "record", *uit)
    assert opnieuw.stdout.splitlines()[-1] == f"niets nieuws: alle {len(uit)} documenten stonden al geboekt"
    assert begroting(vers, "record", *uit).exit_code == 0
    assert antwoorden(vers, gemeente, *datums) == antwoorden(db, gemeente, *datums)


def test_a_written_workbook_lays_a_circulaire_out_as_posts_by_years(sqlite_url: str, tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    pad = WERKBOEKEN / "03-septembercirculaire-2020.xlsx"
    werkboek = CalamineWorkbook.from_path(str(pad))
    assert werkboek.sheet_names[:3] == ["bron", "1 circulaire", "2 bcf_voorschot"]
    rijen = werkboek.get_sheet_by_name("1 circulaire").to_python()
    assert rijen[:2] == [["soort", "september", *[""] * 6], ["jaar", 2020.0, *[""] * 6]]
    assert rijen[3] == ["regel", "naam", "taakveld", 2020.0, 2021.0, 2022.0, 2023.0, 2024.0]
    assert rijen[4][:4] == ["algemene_uitkering", "", "", 77599000.0]
    assert rijen[6] == ["taakmutaties", "uitvoeringskosten_svb_pgb", "", "", -69000.0, "", "", ""]


def test_document_refuses_an_existing_file_without_force(sqlite_url: str, voorbeeld: list[str], tmp_path: Path) -> None:
    begroting(sqlite_url, "record", *voorbeeld)
    pad = tmp_path / "sept.xlsx"
    pad.write_text("er staat al iets")
    uitkomst = begroting(sqlite_url, "document", "GM1708", "septembercirculaire-2020", "--out", str(pad))
    assert uitkomst.exit_code == 2
    assert "bestaat al" in uitkomst.stderr
    geforceerd = begroting(sqlite_url, "document", "GM1708", "septembercirculaire-2020", "--out", str(pad), "--force")
    assert geforceerd.stdout == f"{pad} geschreven: bron septembercirculaire-2020 van GM1708, 12 events\n"


def test_document_of_an_unknown_bron_or_gemeente_exits_2(sqlite_url: str, voorbeeld: list[str], tmp_path: Path) -> None:
    begroting(sqlite_url, "record", voorbeeld[1])
    out = str(tmp_path / "x.yaml")
    onbekend = begroting(sqlite_url, "document", "GM1708", "bestaat-niet", "--out", out)
    assert (onbekend.exit_code, onbekend.stderr) == (
        2,
        "fout: GM1708 heeft geen bron 'bestaat-niet'; haar bronnen: buig-2020-nader-voorlopig\n",
    )
    geen = begroting(sqlite_url, "document", "GM0001", "x", "--out", out)
    assert (geen.exit_code, geen.stderr) == (
        2,
        "fout: er is geen grootboek voor GM0001 in deze database\n",
    )  # no listing here
    assert not Path(out).exists()


@pytest.mark.parametrize("type_naam", sorted(REGISTRY))
def test_every_registered_type_has_a_template_with_its_fields_hints_and_choices(tmp_path: Path, type_naam: str) -> None:
    from openpyxl import load_workbook

    from documents.werkboek_layout import layout
    from documents.werkboek_writer import familie

    pad = tmp_path / f"{type_naam}.xlsx"
    uitkomst = begroting("sqlite://", "template", type_naam, "--out", str(pad), "--jaren", "2021-2025")
    andere = familie(type_naam)[1:]
    met = f" met bladen voor {', '.join(andere)} (verwijder wat het niet bevat)" if andere else ""
    assert (uitkomst.exit_code, uitkomst.stdout) == (0, f"{pad} geschreven: een leeg {type_naam} document{met}\n")
    werkboek = load_workbook(pad)
    assert werkboek.sheetnames == ["bron", *(f"{i} {t}" for i, t in enumerate(familie(type_naam), start=1))]
    blad = werkboek[f"1 {type_naam}"]
    vorm = layout(type_naam)
    assert [blad.cell(r, 1).value for r in range(1, len(vorm.velden) + 1)] == [v.naam for v in vorm.velden]
    assert all(blad.cell(r, 1).comment for r in range(1, len(vorm.velden) + 1))
    keuzes = {tuple(dv.formula1.strip('"').split(",")) for dv in blad.data_validations.dataValidation}
    assert {v.keuzes for v in vorm.velden if v.keuzes} <= keuzes
    if vorm.jaren:
        kop = [c.value for c in blad[len(vorm.velden) + 2]]
        assert kop[0] == "regel" and kop[-5:] == [2021, 2022, 2023, 2024, 2025]


def test_a_filled_in_template_records(sqlite_url: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    pad = tmp_path / "buig.xlsx"
    begroting(sqlite_url, "template", "buig_beschikking", "--out", str(pad))
    werkboek = load_workbook(pad)
    for rij, waarde in ((1, "GM1708"), (2, "buig-2021-definitief"), (4, "2021-10-01")):
        werkboek["bron"].cell(rij, 2, waarde)
    for rij, waarde in ((1, "definitief"), (2, 2021), (3, 13250000.5)):
        werkboek["1 buig_beschikking"].cell(rij, 2, waarde)
    werkboek.save(pad)
    uitkomst = begroting(sqlite_url, "record", str(pad))
    assert uitkomst.exit_code == 0, uitkomst.stderr
    [event] = als_json(sqlite_url, "events", "-g", "GM1708")
    assert event["inhoud"]["bedrag"] == "13250000.50"


def test_template_refuses_an_unknown_type_and_an_existing_file(tmp_path: Path) -> None:
    onbekend = begroting("sqlite://", "template", "memo", "--out", str(tmp_path / "m.xlsx"))
    assert onbekend.exit_code == 2
    assert onbekend.stderr.startswith("fout: 'memo' is geen bekend type; bekende typen: bcf_voorschot")
    pad = tmp_path / "c.xlsx"
    pad.write_text("")
    bestaat = begroting("sqlite://", "template", "circulaire", "--out", str(pad))
    assert bestaat.exit_code == 2
    assert "bestaat al" in bestaat.stderr


@pytest.mark.parametrize("opdracht", ["template", "document"])
def test_the_workbook_commands_have_help_with_an_example(opdracht: str) -> None:
    uitkomst = begroting("sqlite://", opdracht, "--help")
    assert uitkomst.exit_code == 0
    assert "Voorbeeld: begroting" in uitkomst.stdout


def test_a_correction_from_a_workbook_and_its_erratum_written_out_records_as_a_no_op(
    sqlite_url: str, voorbeeld: list[str], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    begroting(sqlite_url, "record", *voorbeeld)
    werkboek = load_workbook(WERKBOEKEN / "03-septembercirculaire-2020.xlsx")
    for naam in werkboek.sheetnames[2:]:
        del werkboek[naam]
    werkboek["bron"]["B2"] = "septembercirculaire-2020-erratum"
    werkboek["1 circulaire"]["E5"] = 77891000 - 1000000
    hersteld = tmp_path / "hersteld.xlsx"
    werkboek.save(hersteld)
    uitkomst = begroting(sqlite_url, "correct", "GM1708-0004", str(hersteld), "--reden", "AU 2021")
    assert (uitkomst.exit_code, uitkomst.stdout) == (0, "geboekt GM1708-0021: correctie van GM1708-0004 (AU 2021)\n")
    uit = tmp_path / "erratum.ods"
    begroting(sqlite_url, "document", "GM1708", "septembercirculaire-2020-erratum", "--out", str(uit))
    opnieuw = begroting(sqlite_url, "record", str(uit))
    assert opnieuw.stdout.splitlines()[-1] == "niets nieuws: het document stond al geboekt"


def test_a_formula_counts_with_its_calculated_value(sqlite_url: str, voorbeeld: list[str], tmp_path: Path) -> None:
    """openpyxl writes no calculated value, so the test puts Excel's in the file's XML, as Excel saves it."""
    import zipfile

    from openpyxl import load_workbook

    werkboek = load_workbook(WERKBOEKEN / "03-septembercirculaire-2020.xlsx")
    werkboek["1 circulaire"]["D5"] = "=77000000+599000"
    tussen, pad = tmp_path / "tussen.xlsx", tmp_path / "formule.xlsx"
    werkboek.save(tussen)
    with zipfile.ZipFile(tussen) as bron, zipfile.ZipFile(pad, "w") as doel:
        for item in bron.infolist():
            inhoud = bron.read(item).replace(b"<f>77000000+599000</f><v />", b"<f>77000000+599000</f><v>77599000</v>")
            doel.writestr(item, inhoud)
    begroting(sqlite_url, "record", *voorbeeld)
    uitkomst = begroting(sqlite_url, "record", str(pad))
    assert uitkomst.stdout.splitlines()[-1] == "niets nieuws: het document stond al geboekt"


@pytest.mark.parametrize("soort", ["xlsx", "ods"])
def test_each_workbook_of_the_example_has_the_document_hash_of_its_yaml(voorbeeld: list[str], soort: str) -> None:
    from documents.documenten import lees_document

    for pad in voorbeeld:
        werkboek = lees_document(WERKBOEKEN / f"{Path(pad).stem}.{soort}")
        assert (werkboek.hash, werkboek.feiten) == (lees_document(pad).hash, lees_document(pad).feiten)
