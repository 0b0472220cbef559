"""The BUIG beschikking explained (issue 13): seed 002, Maassluis voorlopig budget 2023, through the CLI.

Source: seed 002 (`../shared/seeds/002_*.txt`), a BUIG-analyse of the voorlopig budget 2023
for gemeente Maassluis: section 1.4 (bedrag, definitief 2022), Figuur 2-1 (the opbouw of
the mutation) and Tabel 4-2 (the verdeelmodel). Written as tests/data/buig-maassluis-2023.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import als_json, begroting

DATA = Path(__file__).resolve().parents[1] / "data" / "buig-maassluis-2023"
G = "GM0556"


def bestand(nummer: int) -> str:
    return str(next(DATA.glob(f"0{nummer}-*.yaml")))


def knoop(boom: list[dict], *pad: str) -> dict:
    gevonden = next(k for k in boom if k["naam"] == pad[0])
    return knoop(gevonden["opbouw"], *pad[1:]) if pad[1:] else gevonden


@pytest.fixture
def db(db_url: str) -> str:
    uitkomst = begroting(db_url, "record", "--strict", bestand(1), bestand(2))
    assert (uitkomst.exit_code, uitkomst.stderr) == (0, "")
    return db_url


def buig(db: str, *extra: str) -> dict:
    return als_json(db, "buig", "--gemeente", G, "--jaar", "2023", *extra)


def test_the_mutation_of_seed_002_and_its_parts(db: str) -> None:
    m = buig(db)["mutatie"]
    assert m["van"] == {"jaar": 2022, "fase": "definitief", "bedrag": "11955308.00", "bron": None}
    assert (m["bedrag"], m["som"], m["verschil"], m["oordeel"]) == ("-178831.00", "-178830.00", "-1.00", "afronding")
    assert [(k["naam"], k["bedrag"]) for k in m["opbouw"]] == [
        ("macrobudget", "-13314.00"),
        ("budgetaandeel", "-171373.00"),
        ("vangnetuitname", "2437.00"),
        ("overig", "3420.00"),
    ]


def test_every_deelbudget_adds_up_with_loonkostensubsidie_under_participatiewet(db: str) -> None:
    opbouw = buig(db)["mutatie"]["opbouw"]
    macro = knoop(opbouw, "macrobudget")
    assert (macro["som"], macro["verschil"], macro["oordeel"]) == ("-13314.00", "0.00", "klopt")
    for naam, bedrag in [
        ("participatiewet", "59062.00"),
        ("ioaw", "-40208.00"),
        ("ioaz", "3534.00"),
        ("bbz", "-35702.00"),
    ]:
        deel = knoop(opbouw, "macrobudget", naam)
        assert (deel["bedrag"], deel["som"], deel["oordeel"]) == (bedrag, bedrag, "klopt")
    assert knoop(opbouw, "macrobudget", "participatiewet", "loonkostensubsidie")["bedrag"] == "114789.00"


def test_the_verdeelmodel_checked_formula_by_formula(db: str) -> None:
    rijen = {r["naam"]: (r["vermeld"], r["berekend"], r["verschil"], r["oordeel"]) for r in buig(db)["verdeling"]}
    assert rijen == {
        "Y": ("0.76592", "0.76592", "0", "klopt"),
        "C": ("5636460411.00", "6013651826.00", "-377191415.00", "verschil"),
        "AH": ("5066244728.00", "5066244729.00", "-1.00", "afronding"),
        "AI": ("9111223.00", "9111223.48", "-0.48", "afronding"),
        "F": ("8586984.00", "8586983.87", "0.13", "afronding"),
        "I": ("97130.00", "103629.45", "-6499.45", "verschil"),
        "L": ("1115.00", "1114.63", "0.37", "afronding"),
        "N": ("11706966.00", "11706966.17", "-0.17", "afronding"),
        "P": ("0.00191", "0.0019149133", "-0.0000049133", "afronding"),
    }


def test_the_fasen_history_and_a_beschikking_whose_parts_are_off_by_500(db: str) -> None:
    geweigerd = begroting(db, "record", "--strict", bestand(3))
    melding = "events[0]: opbouw: de delen tellen op tot € 123.023,00, het bedrag is € 123.523,00 (verschil € 500,00)"
    assert geweigerd.exit_code == 2 and melding in geweigerd.stderr
    assert [f["fase"] for f in buig(db)["fasen"]] == ["voorlopig"]  # nothing written
    gewaarschuwd = begroting(db, "record", bestand(3), bestand(4))
    assert (gewaarschuwd.exit_code, gewaarschuwd.stderr) == (0, f"waarschuwing: {bestand(3)}: {melding}\n")
    fasen = [(f["fase"], f["bedrag"], f["bekend_op"]) for f in buig(db)["fasen"]]
    assert fasen == [
        ("voorlopig", "11776477.00", "2022-10-03"),
        ("nader_voorlopig", "11900000.00", "2023-05-01"),
        ("definitief", "12250000.00", "2023-10-02"),
    ]
    m = buig(db, "--fase", "nader_voorlopig")["mutatie"]
    assert (m["bedrag"], m["som"], m["verschil"], m["oordeel"]) == ("123523.00", "123023.00", "500.00", "verschil")
    assert buig(db)["mutatie"]["bedrag"] == "294692.00"  # the definitief against the definitief 2022 stated before
    stappen = als_json(db, "history", "--gemeente", G, "--post", "buig", "--jaar", "2023")["stappen"]
    assert [(s["soort"], s["prognose"]) for s in stappen] == [
        ("raming", "11955308.00"),
        ("prognose", "11776477.00"),
        ("prognose", "11900000.00"),
        ("prognose", "12250000.00"),
    ]


def test_as_of_shows_what_was_known_then(db: str) -> None:
    assert begroting(db, "record", bestand(3), bestand(4)).exit_code == 0
    toen = buig(db, "--as-of", "2023-06-30")
    assert ([f["fase"] for f in toen["fasen"]], toen["beschikking"]["fase"]) == (
        ["voorlopig", "nader_voorlopig"],
        "nader_voorlopig",
    )
    assert buig(db, "--as-of", "2022-09-30")["fasen"] == []


def test_the_opbouw_explains_the_change_against_the_definitief_in_the_ledger(db_url: str, tmp_path: Path) -> None:
    definitief = tmp_path / "definitief-2022.yaml"
    definitief.write_text(
        f"gemeente: {G}\nbron: {{id: buig-definitief-2022, datum: 2022-09-15}}\n"
        "events:\n  - {type: buig_beschikking, fase: definitief, jaar: 2022, bedrag: 11955000}\n"
    )
    zonder_vorige = tmp_path / "voorlopig-2023.yaml"
    tekst = Path(bestand(2)).read_text().replace("    vorige: {jaar: 2022, fase: definitief, bedrag: 11955308}\n", "")
    zonder_vorige.write_text(tekst)
    uitkomst = begroting(db_url, "record", bestand(1), str(definitief), str(zonder_vorige))
    assert uitkomst.exit_code == 0
    assert uitkomst.stderr.splitlines()[-1] == (  # the first: the definitief 2022 has no raming
        f"waarschuwing: {zonder_vorige}: events[0]: opbouw: de delen tellen op tot € -178.830,00, "
        "het bedrag is € -178.523,00 (verschil € 307,00)"
    )
    m = buig(db_url)["mutatie"]
    assert (m["van"], m["bedrag"], m["verschil"]) == (
        {"jaar": 2022, "fase": "definitief", "bedrag": "11955000.00", "bron": "buig-definitief-2022"},
        "-178523.00",
        "307.00",
    )


def test_a_stated_vorige_that_differs_from_the_ledger_is_a_warning(db_url: str, tmp_path: Path) -> None:
    definitief = tmp_path / "definitief-2022.yaml"
    definitief.write_text(
        f"gemeente: {G}\nbron: {{id: buig-definitief-2022, datum: 2022-09-15}}\n"
        "events:\n  - {type: buig_beschikking, fase: definitief, jaar: 2022, bedrag: 11955000}\n"
    )
    uitkomst = begroting(db_url, "record", "--strict", bestand(1), str(definitief), bestand(2))
    assert uitkomst.exit_code == 2
    assert (
        "events[0]: vorige: the document states the definitief 2022 as € 11.955.308,00, "
        "the ledger has € 11.955.000,00" in uitkomst.stderr
    )


def test_a_year_map_in_a_beschikkings_opbouw_is_refused(db_url: str, tmp_path: Path) -> None:
    fout = tmp_path / "fout.yaml"
    fout.write_text(
        f"gemeente: {G}\nbron: {{id: fout, datum: 2022-10-03}}\nevents:\n"
        "  - {type: buig_beschikking, fase: voorlopig, jaar: 2023, bedrag: 100, opbouw: {macro: {2023: 100}}}\n"
    )
    uitkomst = begroting(db_url, "record", str(fout))
    assert uitkomst.exit_code == 2
    assert uitkomst.stderr.startswith(f"fout: {fout}: events[0]")
    assert "opbouw.macro: geef een bedrag, geen bedragen per jaar" in uitkomst.stderr
    assert begroting(db_url, "buig", "--gemeente", G, "--jaar", "2023").exit_code == 2  # no ledger: nothing written


def test_the_analysis_round_trips_as_yaml_and_is_refused_as_a_workbook(db: str, tmp_path: Path) -> None:
    werkboek = begroting(db, "document", G, "buig-voorlopig-2023", "--out", str(tmp_path / "b.xlsx"))
    assert werkboek.exit_code == 2
    assert "events[0].opbouw: een werkboek bevat geen boom van delen (opbouw)" in werkboek.stderr
    yaml = tmp_path / "b.yaml"
    assert begroting(db, "document", G, "buig-voorlopig-2023", "--out", str(yaml)).exit_code == 0
    opnieuw = begroting(db, "record", str(yaml))
    assert (opnieuw.exit_code, opnieuw.stdout.splitlines()[-1]) == (
        0,
        "niets nieuws: het document stond al geboekt",
    )


def test_teken_nadeel_flips_the_mutation_not_the_beschikkingen_nor_the_json(db: str) -> None:
    vraag = ("buig", "--gemeente", G, "--jaar", "2023")
    csv = begroting(db, *vraag, "--format", "csv", "--teken", "nadeel").stdout.splitlines()
    assert csv[1:3] == [
        "fase,voorlopig,11776477.00,,,,buig-voorlopig-2023 2022-10-03",
        "mutatie,definitief 2022,178831.00,178830.00,1.00,afronding,",
    ]
    assert "opbouw,macrobudget.participatiewet.volume,150847.00,,,," in csv
    tabel = begroting(db, *vraag, "--teken", "nadeel").stdout
    assert "+ = nadeel (bedragen in euro's); verschil = bedrag − som der delen" in tabel
    json = [begroting(db, *vraag, "--format", "json", *t).stdout for t in ((), ("--teken", "nadeel"))]
    assert json[0] == json[1]


def test_the_csv_keeps_the_fractions_exact(db: str) -> None:
    csv = begroting(db, "buig", "--gemeente", G, "--jaar", "2023", "--format", "csv").stdout.splitlines()
    assert "verdeling,Y,0.76592,0.76592,0,klopt,Y = (X − 15000) / 25000" in csv
    assert "verdeling,P,0.00191,0.0019149133,-0.0000049133,afronding,P = N / O" in csv
    assert "verdeling,C,5636460411.00,6013651826.00,-377191415.00,verschil,C = A − B" in csv


def test_a_part_without_an_amount_is_refused(db_url: str, tmp_path: Path) -> None:
    fout = tmp_path / "leeg.yaml"
    fout.write_text(
        f"gemeente: {G}\nbron: {{id: leeg, datum: 2022-10-03}}\nevents:\n"
        "  - {type: buig_beschikking, fase: voorlopig, jaar: 2023, bedrag: 10, opbouw: {macrobudget: {}}}\n"
    )
    uitkomst = begroting(db_url, "record", str(fout))
    assert uitkomst.exit_code == 2 and "events[0].opbouw.macrobudget" in uitkomst.stderr
    assert "een deel geeft geen bedrag" in uitkomst.stderr


def schrijf(map_: Path, naam: str, kop: str, event: str) -> str:
    (map_ / naam).write_text(f"gemeente: {G}\n{kop}events:\n  - {event}\n")
    return str(map_ / naam)


def test_against_the_ledgers_definitief_a_unit_of_the_eenheid_is_rounding(db_url: str, tmp_path: Path) -> None:
    definitief = schrijf(
        tmp_path,
        "d.yaml",
        "bron: {id: d24, datum: 2023-09-01}\n",
        "{type: buig_beschikking, fase: definitief, jaar: 2024, bedrag: 12300400}",
    )
    duizendtallen = schrijf(
        tmp_path,
        "v.yaml",
        "eenheid: 1000\nbron: {id: v25, datum: 2024-10-01}\n",
        "{type: buig_beschikking, fase: voorlopig, jaar: 2025, bedrag: 12500, opbouw: {macrobudget: 200}}",
    )
    uitkomst = begroting(db_url, "record", "--strict", definitief, duizendtallen)
    # 12.500.000 − 12.300.400 = 199.600, stated in thousands as 200: rounding, as with a stated vorige
    assert uitkomst.exit_code == 2 and "buig 2024: geen raming van kracht" in uitkomst.stderr
    assert "opbouw" not in uitkomst.stderr


def test_documents_of_one_command_count_in_knowledge_order(db_url: str, tmp_path: Path) -> None:
    later = schrijf(
        tmp_path,
        "1.yaml",
        "bron: {id: d1, datum: 2022-09-01}\n",
        "{type: buig_beschikking, fase: definitief, jaar: 2022, bedrag: 1000}",
    )
    eerder = schrijf(
        tmp_path,
        "2.yaml",
        "bron: {id: d2, datum: 2022-08-01}\n",
        "{type: buig_beschikking, fase: definitief, jaar: 2022, bedrag: 900}",
    )
    voorlopig = schrijf(
        tmp_path,
        "3.yaml",
        "bron: {id: v3, datum: 2022-10-01}\n",
        "{type: buig_beschikking, fase: voorlopig, jaar: 2023, bedrag: 1100, opbouw: {macrobudget: 100}}",
    )
    assert begroting(db_url, "record", later).exit_code == 0
    uitkomst = begroting(db_url, "record", eerder, voorlopig)
    assert uitkomst.exit_code == 0 and "opbouw" not in uitkomst.stderr  # against 1.000, known last
    m = als_json(db_url, "buig", "--gemeente", G, "--jaar", "2023")["mutatie"]
    assert (m["van"]["bron"], m["bedrag"], m["oordeel"]) == ("d1", "100.00", "klopt")
