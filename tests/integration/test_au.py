"""`begroting au` on both axes, on SQLite and PostgreSQL: the AU from its verdeelmaatstaven as known and as recorded,
a circulaire's change explained, and an accepted AU as the ledger's prognose with its parts."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import als_json, begroting

G = "GM0502"
MEI = """gemeente: GM0502
bron: {id: meicirculaire-2020-verdeelmodel, datum: 2020-06-01}
events:
  - type: verdeelmodel
    circulaire: meicirculaire-2020
    jaren:
      2021:
        uitkeringsfactor: 1.468
        bedragen_per_eenheid: {"2": 160.44, "3a": 822.76, "8a": 2148.18, "1e": 380.05}
        tarieven: {"1a": -0.0894}
"""
MAATSTAVEN = """gemeente: GM0502
bron: {id: maatstaven-2021, datum: 2020-06-02}
events:
  - type: maatstaven
    herkomst: rijk
    jaren:
      2021:
        aantallen: {"2": 67900, "3a": 3540, "8a": "5924/3", "1e": 697.99, "1a": 61976000}
        buiten_factor: {suppletie: 12500.00}
        bedragen: {"2": 10893876.00, "8a": 4241939.44}
"""
SEPTEMBER = """gemeente: GM0502
bron: {id: septembercirculaire-2020, datum: 2020-09-15}
events:
  - type: circulaire
    soort: september
    jaar: 2020
    algemene_uitkering: {2021: 21400000}
  - type: verdeelmodel
    circulaire: septembercirculaire-2020
    jaren:
      2021:
        uitkeringsfactor: 1.472
        bedragen_per_eenheid: {"2": 161.02, "3a": 822.76, "8a": 2150.00, "1e": 380.05}
        tarieven: {"1a": -0.0901}
"""
EIGEN = """gemeente: GM0502
bron: {id: eigen-raming-2021, datum: 2020-06-02}
events:
  - type: maatstaven
    herkomst: eigen_raming
    jaren:
      2021:
        aantallen: {"2": 68100, "3a": 3560, "8a": "5930/3", "1e": 697.99, "1a": 62500000}
        buiten_factor: {suppletie: 10000.00}
"""
AU_MEI = "21356293.99"  # -5.540.654,40 + 1,468 × 18.313.656,94 + 12.500,00
AU_SEPTEMBER = "21449425.93"  # -5.584.037,60 + 1,472 × 18.356.632,83 + 12.500,00 (september's weights)


def bestand(map_: Path, naam: str, tekst: str) -> str:
    pad = map_ / naam
    pad.write_text(tekst, encoding="utf-8")
    return str(pad)


def boek(db: str, map_: Path, *teksten: tuple[str, str]) -> None:
    uitkomst = begroting(db, "record", *(bestand(map_, n, t) for n, t in teksten))
    assert uitkomst.exit_code == 0, uitkomst.stderr


@pytest.fixture
def db(db_url: str, tmp_path: Path) -> str:
    boek(db_url, tmp_path, ("mei.yaml", MEI), ("maatstaven.yaml", MAATSTAVEN), ("september.yaml", SEPTEMBER))
    return db_url


def au(db: str, *extra: str) -> dict:
    return als_json(db, "au", "--gemeente", G, "--jaar", "2021", *extra)


def test_the_au_known_before_a_later_circulaire_is_the_earlier_one(db: str) -> None:
    eerder = au(db, "--as-of", "2020-07-01")
    assert (eerder["uitkeringsfactor"], eerder["au"], eerder["au_ledger"], eerder["verschil"]) == (
        "1.468",
        AU_MEI,
        None,
        None,
    )
    later = au(db, "--as-of", "2020-10-01")
    assert (later["uitkeringsfactor"], later["au"], later["au_ledger"]) == ("1.472", AU_SEPTEMBER, "21400000.00")
    assert later["verschil"] == "49425.93"


def test_rows_as_given_and_amounts_to_the_cent_under_the_specs_keys(db: str) -> None:
    a = au(db, "--as-of", "2020-07-01")
    assert list(a) == [
        "gemeente", "jaar", "uitkeringsfactor", "onderdelen", "buiten_factor", "au", "au_ledger", "verschil"
    ]  # fmt: skip
    onderdeel_a, onderdeel_b = a["onderdelen"]
    assert onderdeel_a == {
        "naam": "A",
        "regels": [
            {
                "code": "1a",
                "naam": "Waarde woningen eigenaren",
                "aantal": "61976000",
                "tarief": "-0.0894",
                "bedrag": "-5540654.40",
            }
        ],
        "subtotaal": "-5540654.40",
    }
    achtste = onderdeel_b["regels"][3]
    assert achtste == {
        "code": "8a",
        "naam": "Bijstandsontvangers",
        "aantal": "5924/3",
        "bedrag_per_eenheid": "2148.18",
        "bedrag": "4241939.44",
    }
    assert onderdeel_b["subtotaal"] == "18313656.94"
    assert a["buiten_factor"] == [{"naam": "suppletie", "bedrag": "12500.00"}]


def test_a_circulaires_change_in_its_causes_adds_up_to_the_mutatie(db: str) -> None:
    v = au(db, "--van", "2020-07-01", "--tot", "2020-10-01")
    assert (v["au_van"], v["au_tot"], v["mutatie"]) == (AU_MEI, AU_SEPTEMBER, "93131.94")
    assert v["oorzaken"] == {
        "uitkeringsfactor": "73254.63",  # 0,004 × 18.313.656,94
        "aantallen": "0.00",
        "bedragen_per_eenheid": "19877.31",  # 61.976.000 × −0,0007 + 1,472 × (67.900 × 0,58 + 5924/3 × 1,82)
        "buiten_factor": "0.00",
    }
    per_maatstaf = {m["code"]: (m["aantallen"], m["bedragen_per_eenheid"]) for m in v["per_maatstaf"]}
    assert per_maatstaf["1a"] == ("0.00", "-43383.20")
    assert per_maatstaf["2"] == ("0.00", "57970.30")
    assert per_maatstaf["8a"] == ("0.00", "5290.21")


def test_a_maatstaven_document_recorded_late_rebases_recorded_by_answers(db: str, tmp_path: Path) -> None:
    voor = datetime.now(UTC)
    boek(db, tmp_path, ("eigen.yaml", EIGEN))  # known on 2020-06-02, the day of the rijk's, but recorded now
    zoals_toen = au(db, "--as-of", "2020-07-01", "--recorded-by", voor.isoformat())
    assert zoals_toen["au"] == AU_MEI
    nu = au(db, "--as-of", "2020-07-01")
    assert (nu["au"], nu["onderdelen"][1]["regels"][1]["aantal"]) == ("21384516.86", "68100")
    v = au(db, "--van", "2020-07-01", "--tot", "2020-10-01")
    # the own raming is now known since June, at both dates: the change is september's weights and factor only
    assert (v["au_van"], v["au_tot"], v["mutatie"]) == ("21384516.86", "21477669.47", "93152.61")
    assert sum(Decimal(x) for x in v["oorzaken"].values()) == Decimal(v["mutatie"])


def test_an_accepted_au_is_the_prognose_with_its_parts_as_opbouw(db: str) -> None:
    uitkomst = begroting(db, "au", "--gemeente", G, "--jaar", "2021", "--as-of", "2020-10-02", "--accept")
    assert uitkomst.exit_code == 0, uitkomst.stderr
    assert "geboekt au 2021: bron au-2021-2020-10-02-" in uitkomst.stdout
    saldo = als_json(db, "saldo", "--gemeente", G, "--jaren", "2021")
    post = next(p for p in saldo["posten"] if p["post"] == "algemene_uitkering")
    assert post["prognose"] == AU_SEPTEMBER
    spoor = als_json(db, "explain", "--gemeente", G, "--post", "algemene_uitkering", "--jaar", "2021")
    laatste = spoor["events"][-1]
    assert (laatste["type"], laatste["bedrag"], laatste["zet_waarde"]) == ("prognose", AU_SEPTEMBER, True)
    assert laatste["opbouw_som"] == AU_SEPTEMBER
    delen = {d["naam"]: d["bedrag"] for d in laatste["opbouw"]}
    assert delen == {"onderdeel_a": "-5584037.60", "onderdeel_b": "27020963.53", "buiten_factor": "12500.00"}
    assert au(db)["verschil"] == "0.00"


def test_the_table_names_both_events_the_au_comes_from(db: str) -> None:
    uitkomst = begroting(db, "au", "--gemeente", G, "--jaar", "2021", "--as-of", "2020-07-01")
    assert uitkomst.exit_code == 0, uitkomst.stderr
    tekst = " ".join(uitkomst.stdout.split())
    assert "verdeelmodel: meicirculaire-2020-verdeelmodel (GM0502-0002, bekend op 2020-06-01)" in tekst
    assert "maatstaven: maatstaven-2021 (GM0502-0003, bekend op 2020-06-02)" in tekst
    assert "algemene uitkering berekend │ 21.356.293,99" in tekst


def test_a_year_without_maatstaven_is_said_in_words(db: str) -> None:
    a = als_json(db, "au", "--gemeente", G, "--jaar", "2022")
    assert (a["au"], a["onderdelen"], a["uitkeringsfactor"]) == (None, [], None)
    tabel = begroting(db, "au", "--gemeente", G, "--jaar", "2022")
    assert "geen verdeelmodel (bedragen per eenheid) en maatstaven voor 2022 bekend" in " ".join(tabel.stdout.split())


def test_au_writes_a_workbook(db: str, tmp_path: Path) -> None:
    uit = tmp_path / "au.xlsx"
    uitkomst = begroting(db, "au", "--gemeente", G, "--jaar", "2021", "--format", "xlsx", "--out", str(uit))
    assert (uitkomst.exit_code, uitkomst.stdout) == (0, f"xlsx geschreven naar {uit}\n")
    import openpyxl

    werkboek = openpyxl.load_workbook(uit)
    assert werkboek.sheetnames == ["Onderdeel A", "Onderdeel B", "Algemene uitkering"]


FACTOR = """gemeente: GM0502
bron: {id: najaarsnota-2020-factor, datum: 2020-11-01}
events:
  - type: verdeelmodel
    circulaire: septembercirculaire-2020
    jaren:
      2021: {uitkeringsfactor: 1.47}
"""


def test_a_note_that_gives_the_factor_alone_sets_the_factor_and_keeps_the_weights(db: str, tmp_path: Path) -> None:
    boek(db, tmp_path, ("factor.yaml", FACTOR))  # as Beuningen's herfstnota 2019 prints it: the factor per year
    a = au(db, "--as-of", "2020-11-02")
    assert (a["uitkeringsfactor"], a["au"]) == ("1.47", "21412712.66")  # -5.584.037,60 + 1,47 × 18.356.632,83 + 12.500
    assert a["onderdelen"][1]["regels"][1]["bedrag_per_eenheid"] == "161.02"  # september's weights stay
    tabel = " ".join(begroting(db, "au", "-g", G, "-j", "2021", "--as-of", "2020-11-02").stdout.split())
    assert "uitkeringsfactor: najaarsnota-2020-factor (GM0502-0006, bekend op 2020-11-01)" in tabel
    v = au(db, "--van", "2020-10-01", "--tot", "2020-11-02")
    assert (v["mutatie"], v["oorzaken"]["uitkeringsfactor"]) == ("-36713.27", "-36713.27")  # −0,002 × 18.356.632,83
