"""Published specifications of the algemene uitkering (tests/data/au-*) against their own arithmetic.

Every printed row is aantal × tarief (part A) or aantal × bedrag per eenheid (part B) at the table's own
precision, unless the directory's BRON.md names it and says why; printed subtotals are the sums of their
rows; every code a rijk table prints is valid that year in events/data/maatstaven.csv. Read with yaml,
Fraction and Decimal only — not the product — so a figure typed wrong fails here.
"""

from __future__ import annotations

import csv
import functools
import math
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
MAPPEN = sorted(p for p in (ROOT / "tests" / "data").glob("au-*") if p.is_dir())
MAATSTAVEN = ROOT / "events" / "data" / "maatstaven.csv"
RIJK = ROOT / "tests" / "data" / "au-rijk-2002-2013" / "bedragen_per_eenheid.csv"
SOORTEN = "afronding|aantal afgerond|tarief afgerond|verschil"
AFWIJKING = re.compile(rf"^\| (\S+) \| (\d{{4}}) \| ({SOORTEN}) \| (\S+) \| (\S+) \| (\S+) \|$")
ANDERS = re.compile(r"^\| (\S+) \| (\d{4}) \| aantal \| (\S+) \| (\S+) \|$")
TOTAAL = re.compile(r"^\| (subtotaal [AB]|algemene uitkering) \| (\d{4}) \| (\S+) \| (\S+) \| (\S+) \|$")
DRIEJAARS = ("8a", "8a-2", "11a", "8c-2")


class _Lader(yaml.SafeLoader):
    """Floats as the Decimal of their text, so 90.6 keeps its one decimal and 2938611.00 its two."""


_Lader.add_constructor("tag:yaml.org,2002:float", lambda lader, knoop: Decimal(lader.construct_scalar(knoop)))


def _documenten(map_: Path) -> list[dict[str, Any]]:
    return [yaml.load(p.read_text(encoding="utf-8"), Loader=_Lader) for p in sorted(map_.glob("*.yaml"))]


def _events(map_: Path, soort: str) -> list[dict[str, Any]]:
    return [e for d in _documenten(map_) for e in d["events"] if e["type"] == soort]


def _getal(waarde: object) -> Fraction:
    return Fraction(str(waarde))


def _eenheid(waarde: object) -> Fraction:
    """Half of this is what rounding to the printed figure may have moved it: 0.01 for 697.99, 1 for 1301."""
    exponent = waarde.as_tuple().exponent if isinstance(waarde, Decimal) else 0
    return Fraction(10) ** int(exponent)


def _afgerond(waarde: Fraction, eenheid: Fraction) -> Fraction:
    """Rounded half away from zero, as the tables round."""
    stappen = math.floor(abs(waarde) / eenheid + Fraction(1, 2))
    return stappen * eenheid if waarde >= 0 else -stappen * eenheid


def _rijen(map_: Path) -> list[tuple[str, int, Any, Any, Any, str]]:
    """(code, jaar, aantal, tarief or bedrag per eenheid, printed amount, A or B) for every row with an amount."""
    model = {j: w for e in _events(map_, "verdeelmodel") for j, w in e["jaren"].items()}
    rijen = []
    for e in _events(map_, "maatstaven"):
        for jaar, m in e["jaren"].items():
            jaarmodel = model.get(jaar, {})
            tarieven, bedragen = jaarmodel.get("tarieven", {}), jaarmodel.get("bedragen_per_eenheid", {})
            for code, bedrag in m.get("bedragen", {}).items():
                deel = "A" if code in tarieven else "B"
                rijen.append((code, jaar, m["aantallen"][code], (tarieven | bedragen)[code], bedrag, deel))
    return rijen


def _bron(map_: Path, patroon: re.Pattern[str]) -> list[tuple[str, ...]]:
    regels = (map_ / "BRON.md").read_text(encoding="utf-8").splitlines()
    return [m.groups() for m in map(patroon.match, regels) if m]


def _past(gedrukt: Fraction, eenheid: Fraction, laag: Fraction, hoog: Fraction) -> bool:
    """Whether some value in [laag, hoog] rounds to `gedrukt` at `eenheid`."""
    return min(laag, hoog) <= gedrukt + eenheid / 2 and gedrukt - eenheid / 2 <= max(laag, hoog)


def _verklaard(soort: str, aantal: Any, tarief: Any, bedrag: Any) -> bool:
    """Whether the kind BRON.md names explains the row; `verschil` (the table's figures disagree) only if none does."""
    if soort == "verschil":
        return not any(_verklaard(s, aantal, tarief, bedrag) for s in SOORTEN.split("|")[:-1])
    a, t, b, half = _getal(aantal), _getal(tarief), _getal(bedrag), _eenheid(bedrag) / 2
    if soort == "afronding":
        return abs(b - a * t) <= 1
    if soort == "aantal afgerond":
        return _past(a, _eenheid(aantal), (b - half) / t, (b + half) / t)
    return _past(t, _eenheid(tarief), (b - half) / a, (b + half) / a)


def _fouten_in_rijen(map_: Path) -> list[str]:
    genoemd = {(c, int(j)): (s, g, v) for c, j, s, g, _, v in _bron(map_, AFWIJKING)}
    fouten = []
    for code, jaar, aantal, tarief, bedrag, _ in _rijen(map_):
        berekend, gedrukt = _getal(aantal) * _getal(tarief), _getal(bedrag)
        exact = _afgerond(berekend, _eenheid(bedrag)) == gedrukt
        if (code, jaar) not in genoemd:
            fouten += [] if exact else [f"{code} {jaar}: {float(gedrukt)} printed, {float(berekend)} computed"]
            continue
        soort, bron_gedrukt, verschil = genoemd.pop((code, jaar))
        if exact or not _verklaard(soort, aantal, tarief, bedrag):
            fouten.append(f"{code} {jaar}: BRON.md calls it '{soort}', which it is not")
        if _getal(bron_gedrukt) != gedrukt or _afgerond(gedrukt - berekend, Fraction(1, 10000)) != _getal(verschil):
            fouten.append(f"{code} {jaar}: BRON.md's printed figure or difference is not the table's")
    return fouten + [f"{c} {j}: BRON.md names a row the table does not have" for c, j in genoemd]


@pytest.mark.parametrize("map_", MAPPEN, ids=lambda p: p.name)
def test_every_printed_row_is_aantal_times_its_rate_unless_bron_names_it_and_why(map_: Path) -> None:
    assert _fouten_in_rijen(map_) == []


def test_the_specifications_hold_enough_real_rows_to_check() -> None:
    rijen = {map_.name: len(_rijen(map_)) for map_ in MAPPEN}
    assert rijen["au-capelleaandenijssel-2021"] == 17
    assert rijen["au-ommen-2023"] == 29
    assert rijen["au-maassluis-2019"] == 30
    assert rijen["au-maassluis-2019-jaarverslag"] == 27
    assert [rijen[f"au-maassluis-{j}-jaarverslag"] for j in (2017, 2018, 2020, 2021)] == [31, 31, 26, 25]
    assert sum(len(_bron(m, AFWIJKING)) for m in MAPPEN) == 17 + 2 + 2 + 4


def _gedrukte_deel_a(map_: Path) -> dict[int, list[Any]]:
    """Part A's printed amounts per year: from the YAML rows, or from tabel.csv where no aantallen are printed."""
    per_jaar: dict[int, list[Any]] = {}
    for _code, jaar, _, _, bedrag, deel in _rijen(map_):
        per_jaar.setdefault(jaar, []).extend([bedrag] if deel == "A" else [])
    for rij in _tabel(map_):
        if rij["onderdeel"] == "A" and rij["code"] != "Subtotaal":
            for jaar, waarde in _jaren(rij):
                per_jaar.setdefault(jaar, []).extend([] if waarde == "n.v.t." else [Decimal(waarde)])
    return per_jaar


def _tabel(map_: Path) -> list[dict[str, str]]:
    pad = map_ / "tabel.csv"
    return list(csv.DictReader(pad.open(encoding="utf-8"))) if pad.exists() else []


def _jaren(rij: dict[str, str]) -> list[tuple[int, str]]:
    return [(int(k), v) for k, v in rij.items() if k.isdigit()]


def _tabelrijen(map_: Path) -> list[tuple[str, int, str, str]]:
    """(code, jaar, printed amount or n.v.t., onderdeel) for every maatstaf row of tabel.csv."""
    return [(r["code"], j, w, r["onderdeel"]) for r in _tabel(map_) if r["code"] != "Subtotaal" for j, w in _jaren(r)]


def test_an_aantal_recorded_other_than_printed_is_named_and_only_the_recorded_one_gives_the_amount() -> None:
    gezien = 0
    for map_ in MAPPEN:
        rijen = {(code, jaar): (tarief, bedrag, aantal) for code, jaar, aantal, tarief, bedrag, _ in _rijen(map_)}
        for code, jaar, gedrukt, vastgelegd in _bron(map_, ANDERS):
            tarief, bedrag, aantal = rijen[(code, int(jaar))]
            assert _getal(aantal) == _getal(vastgelegd), (map_.name, code)
            assert _afgerond(_getal(aantal) * _getal(tarief), _eenheid(bedrag)) == _getal(bedrag), (map_.name, code)
            soorten = SOORTEN.split("|")[:-1]
            assert not any(_verklaard(s, Decimal(gedrukt), tarief, bedrag) for s in soorten), (map_.name, code)
            gezien += 1
    assert gezien == 1


@pytest.mark.parametrize("map_", MAPPEN, ids=lambda p: p.name)
def test_a_printed_subtotal_is_the_sum_of_its_printed_rows_within_half_a_unit_per_row(map_: Path) -> None:
    rijen = _gedrukte_deel_a(map_)
    for naam, jaar, gedrukt, som, verschil in _bron(map_, TOTAAL):
        bedragen = rijen[int(jaar)]
        totaal = sum(map(_getal, bedragen), Fraction(0))
        assert (_getal(som), _getal(verschil)) == (totaal, _getal(gedrukt) - totaal), (naam, jaar)
        marge = len(bedragen) * _eenheid(bedragen[0]) / 2 + _eenheid(Decimal(gedrukt)) / 2
        assert abs(_getal(gedrukt) - totaal) <= marge, (naam, jaar)
    for rij in (r for r in _tabel(map_) if r["code"] == "Subtotaal"):
        assert {("subtotaal A", str(j), g) for j, g in _jaren(rij)} <= {t[:3] for t in _bron(map_, TOTAAL)}


def test_every_directory_names_its_source_page_and_the_printed_subtotals_it_checks() -> None:
    for map_ in MAPPEN:
        tekst = (map_ / "BRON.md").read_text(encoding="utf-8")
        assert re.search(r"<https://[^>]+>", tekst), map_.name
    gecontroleerd = {m.name for m in MAPPEN if _bron(m, TOTAAL)}
    met_subtotaal = (
        "beuningen-2020",
        "capelleaandenijssel-2021",
        "maassluis-2017-jaarverslag",
        "maassluis-2018-jaarverslag",
        "maassluis-2019-jaarverslag",
        "maassluis-2020-jaarverslag",
        "maassluis-2021-jaarverslag",
        "voorschoten-2023",
        "beekdaelen-2023",
        "beekdaelen-2026",
    )
    assert gecontroleerd == {f"au-{naam}" for naam in met_subtotaal}


def test_a_three_year_average_printed_with_two_decimals_is_a_whole_number_of_thirds() -> None:
    gezien = 0
    for map_ in MAPPEN:
        for e in _events(map_, "maatstaven"):
            for jaar, m in e["jaren"].items():
                for code in set(DRIEJAARS) & set(m["aantallen"]):
                    drie = 3 * _getal(m["aantallen"][code])
                    assert abs(drie - round(drie)) <= Fraction(15, 1000), (map_.name, code, jaar)
                    gezien += 1
    assert gezien == 29


@functools.cache
def _maatstaven() -> tuple[dict[str, str], ...]:
    return tuple(csv.DictReader(MAATSTAVEN.open(encoding="utf-8")))


def _geldig(code: str, jaar: int) -> list[dict[str, str]]:
    return [r for r in _maatstaven() if r["code"] == code and int(r["van"]) <= jaar <= int(r["tot"] or 9999)]


def _rijkscodes() -> list[tuple[str, str, int, str]]:
    """(directory, code, jaar, printed amount or n.v.t.) for the first year of every rijk specification.

    Later columns are projections made with the model of the first: Beekdaelen's table of 2023 still
    prints 1g for 2026, where its table of 2026 prints 1g-2.
    """
    uit = []
    for m in MAPPEN:
        rijen = [(c, j, "bedrag") for c, j, *_ in _rijen(m)] + [(c, j, w) for c, j, w, _ in _tabelrijen(m)]
        eerste = min((j for _, j, _ in rijen), default=0)
        uit += [(m.name, c, j, w) for c, j, w in rijen if j == eerste]
    return uit


def test_every_code_a_rijk_table_prints_an_amount_for_is_valid_that_year_and_every_nvt_code_is_not() -> None:
    gezien = _rijkscodes()
    for map_, code, jaar, waarde in gezien:
        assert len(_geldig(code, jaar)) == (0 if waarde == "n.v.t." else 1), (map_, code, jaar)
    # Capelle, Ommen, Maassluis 2019 ×2, 2017, 2018, 2020, 2021, Voorschoten, Beekdaelen ×2, Beuningen
    assert len(gezien) == 17 + 29 + 30 + 27 + 31 + 31 + 26 + 25 + 23 + 23 + 22 + 22


def test_a_tables_part_a_holds_the_ozb_maatstaven_of_maatstaven_csv_and_part_b_the_others() -> None:
    for map_ in MAPPEN:
        delen = [(c, j, d) for c, j, *_, d in _rijen(map_)]
        delen += [(c, j, d) for c, j, _, d in _tabelrijen(map_)]
        for code, jaar, deel in delen:
            assert {r["onderdeel"] for r in _geldig(code, jaar)} <= {deel}, (map_.name, code, jaar)


def test_maatstaven_csv_gives_each_code_one_meaning_a_year_and_no_factor_to_part_a() -> None:
    rijen = _maatstaven()
    assert list(rijen[0]) == ["code", "naam", "onderdeel", "van", "tot", "bron", "factor"]
    for r in rijen:
        assert r["onderdeel"] in "AB" and r["factor"] in ("ja", "nee") and r["bron"] and r["naam"], r
        assert int(r["van"]) <= int(r["tot"] or 9999) and (r["onderdeel"] == "B" or r["factor"] == "nee"), r
    for code in {r["code"] for r in rijen}:
        jaren = [j for r in rijen if r["code"] == code for j in range(int(r["van"]), int(r["tot"] or 2030) + 1)]
        assert len(jaren) == len(set(jaren)), code
    eerst_niet_woningen_dan_woningen = ["Ozb waarde niet-woningen eigenaren", "Waarde woningen eigenaren"]
    assert [r["naam"] for r in rijen if r["code"] == "1a"] == eerst_niet_woningen_dan_woningen


def _rijk() -> list[dict[str, str]]:
    return list(csv.DictReader(RIJK.open(encoding="utf-8")))


def test_every_code_of_the_rijks_bedragen_per_eenheid_2002_2013_has_one_meaning_that_year() -> None:
    rijen = _rijk()
    assert len(rijen) == 712 and {int(r["jaar"]) for r in rijen} == set(range(2002, 2014))
    for r in rijen:
        assert len(_geldig(r["code"], int(r["jaar"]))) == 1, (r["jaar"], r["nr"], r["naam"])
    paren = [(r["jaar"], r["code"]) for r in rijen]
    assert len(paren) == len(set(paren))


def test_the_rijks_printed_figures_are_the_numbers_and_baarle_nassau_gets_a_second_vast_bedrag() -> None:
    for r in _rijk():
        gedrukt = r["gedrukt"].replace("–", "-").replace(" ", "").rstrip("%").replace(".", "").replace(",", ".")
        assert Decimal(gedrukt) == Decimal(r["bedrag"]), r
    per_jaar = {(r["jaar"], r["code"]): r["bedrag"] for r in _rijk()}
    assert all(per_jaar[(str(j), "44a")] == per_jaar[(str(j), "39")] for j in range(2008, 2014))
    assert per_jaar[("2010", "39")] == "269135.84"


def _opbouw() -> dict[str, dict[int, Fraction]]:
    """Beuningen's herfstnota 2019 rows: regel → {jaar: printed figure}."""
    pad = ROOT / "tests" / "data" / "au-beuningen-2019" / "opbouw.csv"
    return {r["regel"]: {j: _getal(w) for j, w in _jaren(r) if w} for r in csv.DictReader(pad.open(encoding="utf-8"))}


def test_beuningens_uitkeringsfactor_per_year_is_the_printed_row_and_its_toename_adds_up() -> None:
    rijen = _opbouw()
    (model,) = _events(ROOT / "tests" / "data" / "au-beuningen-2019", "verdeelmodel")
    assert {j: _getal(w["uitkeringsfactor"]) for j, w in model["jaren"].items()} == rijen["Uitkeringsfactor"]
    assert rijen["Uitkeringsfactor"][2023] == Fraction("1.735")
    nieuw = rijen["Uitkering gemeentefonds septembercirculaire 2019"]
    oud = next(w for r, w in rijen.items() if r.startswith("Verantwoord volgens"))
    assert {j: nieuw[j] - oud[j] for j in nieuw} == rijen["Toename uitkering gemeentefonds"]


def test_beuningens_herfstnota_inkomstenmaatstaven_are_its_begroting_2020_subtotals_in_thousands() -> None:
    subtotalen = next(r for r in _tabel(ROOT / "tests" / "data" / "au-beuningen-2020") if r["code"] == "Subtotaal")
    in_duizenden = {j: _afgerond(_getal(w), Fraction(1000)) for j, w in _jaren(subtotalen)}
    assert in_duizenden == {j: w for j, w in _opbouw()["Inkomstenmaatstaven"].items() if j >= 2020}
