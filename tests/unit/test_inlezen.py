"""The reader's own refusals: what no document needs, named by file and place, before anything is validated."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from documents.inlezen import GROOTSTE_BESTAND, lees_gegevens
from events.errors import OngeldigeInvoer
from tests.conftest import begroting, opgeslagen

KOP = "gemeente: GM1708\nbron: {id: test-bron, datum: 2020-09-15}\nevents:\n"


def weigering(bestand: Path | str) -> tuple[str, str, str]:
    with pytest.raises(OngeldigeInvoer) as fout:
        lees_gegevens(str(bestand))
    return fout.value.fouten[0]


def test_a_file_larger_than_10_mb_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    groot = tmp_path / "groot.yaml"
    groot.write_text(KOP + "#" * GROOTSTE_BESTAND)
    assert weigering(groot) == (str(groot), "", "is groter dan 10 MB; zo groot is een document nooit")


def test_a_file_of_exactly_10_mb_is_read(tmp_path: Path) -> None:
    precies = tmp_path / "precies.yaml"
    precies.write_text("a: 1\n" + "#" * (GROOTSTE_BESTAND - 5))
    assert precies.stat().st_size == GROOTSTE_BESTAND
    assert lees_gegevens(str(precies)) == {"a": 1}


def test_dev_zero_is_refused_as_too_large_though_stat_says_it_is_empty() -> None:
    assert weigering("/dev/zero")[2] == "is groter dan 10 MB; zo groot is een document nooit"


def test_a_directory_is_refused(tmp_path: Path) -> None:
    map_ = tmp_path / "brief.yaml"
    map_.mkdir()
    assert weigering(map_) == (str(map_), "", "is een map, geen document")


def test_a_file_that_cannot_be_opened_says_why_without_repeating_the_name(tmp_path: Path) -> None:
    assert weigering(tmp_path / "geen" / "brief.yaml")[2] == "bestand bestaat niet"


@pytest.mark.parametrize(
    ("tekst", "plaats", "melding"),
    [
        ('a: "\\t tab and\\nnewline\\r"', "", None),
        ('a: ["x", "\\x1f"]', "a[1]", "bevat een stuurteken (U+001F)"),
        ('a: {"\\e": 1}', "a", "key '\\x1b' bevat een stuurteken (U+001B)"),
        ('a: "\\x80"', "a", "bevat een stuurteken (U+0080)"),
        ('a: "\\x9f"', "a", "bevat een stuurteken (U+009F)"),
        ('a: "\\xa0"', "", None),
    ],
)
def test_control_characters_other_than_tab_newline_and_return_are_refused_where_they_stand(
    tmp_path: Path, tekst: str, plaats: str, melding: str | None
) -> None:
    bestand = tmp_path / "brief.yaml"
    bestand.write_text(tekst)
    if melding is None:
        assert isinstance(lees_gegevens(str(bestand)), dict)
    else:
        assert weigering(bestand)[1:] == (plaats, melding)


@pytest.mark.parametrize(
    "tekst",
    [
        '{"a": {"2022": 1, "2022.0": 2}}',
        '{"a": {"2022": 1, "+2022": 2}}',
        '{"a": {"x": 1, "X": 2}}',
    ],
)
def test_keys_that_differ_in_more_than_spaces_and_leading_zeros_are_different_keys(tmp_path: Path, tekst: str) -> None:
    bestand = tmp_path / "brief.json"
    bestand.write_text(tekst)
    assert len(lees_gegevens(str(bestand))["a"]) == 2


def test_a_key_given_twice_in_yaml_names_the_mapping_and_the_line(tmp_path: Path) -> None:
    bestand = tmp_path / "brief.yaml"
    bestand.write_text("bedragen:\n  2022: 700\n  ' 2022': 900\n")
    assert weigering(bestand)[1:] == ("bedragen", "regel 3: sleutel ' 2022' staat er twee keer (ook als 2022)")


def test_numbers_up_to_100_digits_are_read_as_numbers(tmp_path: Path) -> None:
    bestand = tmp_path / "brief.json"
    bestand.write_text(f'{{"a": {"9" * 100}, "b": 0.{"1" * 99}, "c": "{"1" * 100}"}}')
    assert lees_gegevens(str(bestand)) == {"a": int("9" * 100), "b": Decimal("0." + "1" * 99), "c": "1" * 100}


def test_yaml_aliases_are_read_while_they_stay_small(tmp_path: Path) -> None:
    bestand = tmp_path / "brief.yaml"
    bestand.write_text("basis: &b {2021: 5, 2022: 6}\nkopie: *b\nsamen: {<<: *b, 2023: 7}\n")
    assert lees_gegevens(str(bestand))["samen"] == {2021: 5, 2022: 6, 2023: 7}


def test_a_nul_in_a_toelichting_exits_2_on_both_databases_and_the_good_document_beside_it_is_not_written(
    db_url: str, tmp_path: Path
) -> None:
    goed = tmp_path / "goed.yaml"
    goed.write_text(KOP + "  - {type: bcf_afrekening, jaar: 2019, bedrag: 295}\n")
    fout = tmp_path / "fout.yaml"
    fout.write_text(
        KOP.replace("test-bron", "andere-bron")
        + '  - {type: bcf_voorschot, jaar: 2020, bedrag: 239, toelichting: "\\0"}\n'
    )
    uitkomst = begroting(db_url, "record", str(goed), str(fout))
    assert (uitkomst.exit_code, uitkomst.stderr) == (
        2,
        f"fout: {fout}: events[0].toelichting: bevat een stuurteken (U+0000)\n",
    )
    assert opgeslagen(db_url) == []
