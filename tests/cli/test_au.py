"""`begroting au` and the two types on the command line: exact messages and exit codes for bad input and warnings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import begroting
from tests.integration.test_au import MAATSTAVEN, MEI, bestand

OPDRACHT = ("au", "--gemeente", "GM0502", "--jaar", "2021")


@pytest.fixture
def db(sqlite_url: str, tmp_path: Path) -> str:
    uitkomst = begroting(sqlite_url, "record", bestand(tmp_path, "mei.yaml", MEI))
    assert uitkomst.exit_code == 0, uitkomst.stderr
    return sqlite_url


@pytest.mark.parametrize(
    ("vervang", "door", "plaats"),
    [
        ('"8a": "5924/3"', '"8a": "5924/0"', 'events[0].jaren.2021.aantallen.8a: 5924/0: een breuk met noemer 0'),
        ('"3a": 3540', '"3a": drie', "events[0].jaren.2021.aantallen.3a: verwacht een getal of een breuk als "
         "\"5924/3\", kreeg 'drie'"),
        ('"3a": 3540', '"3 a": 3540', "events[0].jaren.2021.aantallen.3 a: '3 a' is geen maatstafcode van het Besluit "
         "(zoals 2, 3a of 7c-2)"),
        ("herkomst: rijk", "herkomst: gok", "events[0].herkomst: hoort 'rijk' of 'eigen_raming' te zijn; kreeg 'gok'"),
        ('bedragen: {"2": 10893876.00', 'bedragen: {"2b": 10893876.00',
         "events[0].jaren.2021: bedragen: 2b heeft een bedrag maar geen aantal"),
    ],
)  # fmt: skip
def test_a_bad_maatstaven_document_is_refused_naming_file_and_place(
    db: str, tmp_path: Path, vervang: str, door: str, plaats: str
) -> None:
    assert vervang in MAATSTAVEN
    pad = bestand(tmp_path, "fout.yaml", MAATSTAVEN.replace(vervang, door))
    uitkomst = begroting(db, "record", pad)
    assert (uitkomst.exit_code, uitkomst.stdout) == (2, "")
    assert uitkomst.stderr == f"fout: {pad}: {plaats}\n"
    assert begroting(db, *OPDRACHT, "--format", "json").stdout.count('"au": null') == 1  # nothing was written


def test_a_verdeelmodel_giving_a_code_both_a_weight_and_a_rate_is_refused(db: str, tmp_path: Path) -> None:
    pad = bestand(tmp_path, "fout.yaml", MEI.replace('tarieven: {"1a": -0.0894}', 'tarieven: {"2": -0.0894}'))
    uitkomst = begroting(db, "record", pad)
    melding = "events[0].jaren.2021: 2: staat zowel onder bedragen_per_eenheid als onder tarieven"
    assert (uitkomst.exit_code, uitkomst.stderr) == (2, f"fout: {pad}: {melding}\n")


def test_a_stated_amount_more_than_a_euro_off_and_an_unknown_code_warn_and_strict_refuses(
    db: str, tmp_path: Path
) -> None:
    tekst = MAATSTAVEN.replace('"2": 10893876.00', '"2": 10893878.00').replace('"1e": 697.99', '"1e": 697.99, "99x": 4')
    tekst = tekst.replace('"8a": 4241939.44', '"8a": 4241940.44')  # one euro off: rounding, not a warning
    pad = bestand(tmp_path, "maatstaven.yaml", tekst)
    onbekend = f"{pad}: events[0]: jaren.2021: maatstaf 99x is onbekend in 2021 (niet in de lijst van het Besluit)"
    verschil = (
        f"{pad}: events[0]: jaren.2021.bedragen.2: het document noemt € 10.893.878,00, aantal × bedrag per eenheid "
        "is € 10.893.876,00 (verschil € 2,00)"
    )
    streng = begroting(db, "record", "--strict", pad)
    assert (streng.exit_code, streng.stdout) == (2, "")
    assert streng.stderr == f"fout: --strict: geweigerd, niets geschreven: {onbekend}; {verschil}\n"
    gewoon = begroting(db, "record", pad)
    assert (gewoon.exit_code, gewoon.stderr) == (0, f"waarschuwing: {onbekend}\nwaarschuwing: {verschil}\n")


@pytest.mark.parametrize(
    ("extra", "melding"),
    [
        (("--van", "2020-07-01"), "geef --van en --tot allebei, of geen van beide"),
        (("--van", "2020-07-01", "--tot", "2020-10-01", "--accept"), "--accept en --as-of horen daar niet bij"),
        (("--van", "juli", "--tot", "2020-10-01"), "'juli' is geen datum zoals 2020-10-13"),
        (("--accept",), "geen AU om te boeken: het grootboek kent voor dat jaar geen verdeelmodel of maatstaven"),
    ],
)
def test_au_refuses_options_that_do_not_go_together(db: str, extra: tuple[str, ...], melding: str) -> None:
    uitkomst = begroting(db, *OPDRACHT, *extra)
    assert (uitkomst.exit_code, uitkomst.stdout) == (2, "")
    assert melding in " ".join(uitkomst.stderr.replace("│", " ").split())


def test_au_for_a_gemeente_without_a_ledger_is_refused(db: str) -> None:
    uitkomst = begroting(db, "au", "--gemeente", "GM0363", "--jaar", "2021")
    assert uitkomst.exit_code == 2
    assert "Amsterdam (GM0363)" in uitkomst.stderr


def test_accept_without_a_factor_is_refused_and_nothing_is_written(sqlite_url: str, tmp_path: Path) -> None:
    zonder_factor = MEI.replace("        uitkeringsfactor: 1.468\n", "")
    bestanden = [bestand(tmp_path, "mei.yaml", zonder_factor), bestand(tmp_path, "m.yaml", MAATSTAVEN)]
    assert begroting(sqlite_url, "record", *bestanden).exit_code == 0
    uitkomst = begroting(sqlite_url, *OPDRACHT, "--as-of", "2020-07-01", "--accept")
    assert (uitkomst.exit_code, uitkomst.stdout) == (2, "")
    assert "geen AU om te boeken: het verdeelmodel geeft voor dat jaar geen uitkeringsfactor" in " ".join(
        uitkomst.stderr.replace("│", " ").split()
    )
    journaal = json.loads(begroting(sqlite_url, "events", "--gemeente", "GM0502", "--format", "json").stdout)
    assert [e["id"] for e in journaal] == ["GM0502-0002", "GM0502-0003"]


CAPELLE = Path(__file__).parents[1] / "data" / "au-capelleaandenijssel-2021" / "begroting-2021.yaml"


def cellen(uit: list[str], code: str) -> list[str]:
    regel = next(r for r in uit if r.startswith(f"│ {code} "))
    return [c.strip() for c in regel.split("│")[1:-1]]


@pytest.mark.parametrize(
    ("taal", "bijstand", "ozb", "voet"),
    [
        (
            "nl",
            ["8a", "Bijstandsontvangers", "5.924/3", "2.148,18", "4.241.939,44", "4.241.939,44", "klopt"],
            ["1e", "OZB waarde niet-woningen", "697,99", "380,05", "265.271,10", "265.272,81", "VERSCHIL"],
            "vermeld:",
        ),
        (
            "en",
            ["8a", "Bijstandsontvangers", "5,924/3", "2,148.18", "4,241,939.44", "4,241,939.44", "matches"],
            ["1e", "OZB waarde niet-woningen", "697.99", "380.05", "265,271.10", "265,272.81", "DIFFERENCE"],
            "stated:",
        ),
    ],
)
def test_the_table_writes_aantallen_in_the_languages_number_format_and_its_verdicts_in_words(
    sqlite_url: str, taal: str, bijstand: list[str], ozb: list[str], voet: str
) -> None:
    assert begroting(sqlite_url, "record", str(CAPELLE)).exit_code == 0
    uit = begroting(sqlite_url, "--taal", taal, *OPDRACHT).stdout.splitlines()
    assert cellen(uit, "8a") == bijstand
    assert cellen(uit, "1e") == ozb
    assert sum(voet in r for r in uit) == 2  # parts A and B both print what they state


def test_a_part_without_stated_amounts_says_nothing_of_them(db: str) -> None:
    uit = begroting(db, *OPDRACHT).stdout
    assert "vermeld" not in uit and "bedragen in euro's" in uit
