"""`template verdeelmodel` and `template maatstaven`: one row per maatstaf, a column per year, read back by `record`;
and a recorded document of either type written back out as a workbook records again as the same document."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import als_json, begroting
from tests.integration.test_au import AU_MEI, MAATSTAVEN, MEI, bestand

BRON = {"gemeente": "GM0502", "datum": "2020-06-01"}


def vul(pad: Path, bron_id: str, waarden: dict[tuple[str, str | None], object], jaar: int = 2021) -> None:
    """Fill a template: the bron's key/value rows, and the year's cell of each (regel, code) row."""
    werkboek = openpyxl.load_workbook(pad)
    bron, blad = werkboek["bron"], werkboek.worksheets[1]
    for rij in bron.iter_rows(min_row=1, max_col=2):
        rij[1].value = {**BRON, "id": bron_id}.get(rij[0].value, rij[1].value)
    kop = next(r for r in blad.iter_rows(min_row=1) if r[0].value == "regel")
    kolom = next(c.column for c in kop if c.value == jaar)
    gevonden = set()
    for rij in blad.iter_rows(min_row=kop[0].row + 1):
        sleutel = (rij[0].value, rij[1].value)
        if sleutel in waarden:
            blad.cell(rij[0].row, kolom).value = waarden[sleutel]
            gevonden.add(sleutel)
    assert gevonden == set(waarden), f"the template has no row for {set(waarden) - gevonden}"
    werkboek.save(pad)


@pytest.fixture
def werkboeken(tmp_path: Path) -> tuple[Path, Path]:
    model, maatstaven = tmp_path / "verdeelmodel.xlsx", tmp_path / "maatstaven.xlsx"
    for type_naam, pad in (("verdeelmodel", model), ("maatstaven", maatstaven)):
        uitkomst = begroting("sqlite://", "template", type_naam, "--out", str(pad), "--jaren", "2021-2022")
        assert (uitkomst.exit_code, uitkomst.stdout) == (0, f"{pad} geschreven: een leeg {type_naam} document\n")
    vul(
        model,
        "meicirculaire-2020-verdeelmodel",
        {
            ("uitkeringsfactor", None): 1.468,
            ("bedragen_per_eenheid", "2"): 160.44,
            ("bedragen_per_eenheid", "3a"): 822.76,
            ("bedragen_per_eenheid", "8a"): 2148.18,
            ("bedragen_per_eenheid", "1e"): 380.05,
            ("tarieven", "1a"): -0.0894,
        },
    )
    vul(
        maatstaven,
        "maatstaven-2021",
        {
            ("aantallen", "2"): 67900,
            ("aantallen", "3a"): 3540,
            ("aantallen", "8a"): "5924/3",
            ("aantallen", "1e"): 697.99,
            ("aantallen", "1a"): 61976000,
        },
    )
    return model, maatstaven


def test_filled_templates_record_and_give_the_au_of_the_same_figures_in_yaml(
    sqlite_url: str, werkboeken: tuple[Path, Path], tmp_path: Path
) -> None:
    uitkomst = begroting(sqlite_url, "record", *map(str, werkboeken))
    assert uitkomst.exit_code == 0, uitkomst.stderr
    au = als_json(sqlite_url, "au", "--gemeente", "GM0502", "--jaar", "2021", "--as-of", "2020-07-01")
    zonder_suppletie = "21343793.99"  # the YAML's AU without its € 12.500 outside the factor
    assert (au["au"], au["onderdelen"][1]["regels"][3]["aantal"]) == (zonder_suppletie, "5924/3")
    assert Decimal(AU_MEI) - Decimal(zonder_suppletie) == 12500


def test_a_bad_cell_is_refused_naming_the_cell(sqlite_url: str, werkboeken: tuple[Path, Path]) -> None:
    _, maatstaven = werkboeken
    vul(maatstaven, "maatstaven-2021", {("aantallen", "8a"): "5924/0"})
    uitkomst = begroting(sqlite_url, "record", str(maatstaven))
    regel = next(
        r[0].row
        for r in openpyxl.load_workbook(maatstaven).worksheets[1].iter_rows()
        if (r[0].value, r[1].value) == ("aantallen", "8a")
    )
    assert (uitkomst.exit_code, uitkomst.stderr) == (
        2,
        f"fout: {maatstaven}: '1 maatstaven'!D{regel}: 5924/0: een breuk met noemer 0\n",
    )


@pytest.mark.parametrize(
    ("naam", "tekst", "rij"),
    [
        ("mei.yaml", MEI, ("tarieven", "1a", "Waarde woningen eigenaren", -0.0894)),
        ("maatstaven.yaml", MAATSTAVEN, ("aantallen", "8a", "Bijstandsontvangers", "5924/3")),
    ],
)
def test_a_recorded_document_written_as_a_workbook_records_again_as_the_same(
    sqlite_url: str, tmp_path: Path, naam: str, tekst: str, rij: tuple
) -> None:
    assert begroting(sqlite_url, "record", bestand(tmp_path, naam, tekst)).exit_code == 0
    bron_id = "meicirculaire-2020-verdeelmodel" if naam == "mei.yaml" else "maatstaven-2021"
    uit = tmp_path / "terug.xlsx"
    assert begroting(sqlite_url, "document", "GM0502", bron_id, "--out", str(uit)).exit_code == 0
    blad = openpyxl.load_workbook(uit).worksheets[1]
    assert rij in list(blad.iter_rows(values_only=True))
    opnieuw = begroting(sqlite_url, "record", str(uit))
    assert (opnieuw.exit_code, opnieuw.stderr) == (0, "")
    assert opnieuw.stdout.endswith("niets nieuws: het document stond al geboekt\n")
