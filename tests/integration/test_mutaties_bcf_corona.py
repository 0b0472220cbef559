"""Changes (`mutatie`, `mutaties`) on the BCF and corona compensations, and corona incidental by default."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import als_json, begroting

G = "GM0999"
BEGROTING = """gemeente: GM0999
bron: {id: begroting-2021, datum: 2020-11-05}
events:
  - type: begroting
    naam: Begroting 2021
    saldo: {2021: 0}
    posten:
      - {post: bcf, richting: baten, bedragen: {2021: 1000}}
      - {post: corona.toezicht, richting: baten, bedragen: {2021: 500}}
      - {post: overig, richting: lasten, bedragen: {2021: 1500}}
"""
SEPTEMBER = """gemeente: GM0999
bron: {id: september-2021, datum: 2021-09-21}
events:
  - {type: bcf_voorschot, jaar: 2021, mutatie: -200}
  - {type: corona_compensatie, maatregel: toezicht, route: specifieke_uitkering, bedragen: {2021: 600}}
"""
DECEMBER = """gemeente: GM0999
bron: {id: december-2021, datum: 2021-12-10}
events:
  - {type: bcf_voorschot, jaar: 2021, mutatie: 30}
  - type: corona_compensatie
    maatregel: toezicht
    route: specifieke_uitkering
    mutaties: {2021: 50}
    incidenteel: false
"""


def schrijf(tmp_path: Path, naam: str, tekst: str) -> str:
    pad = tmp_path / naam
    pad.write_text(tekst)
    return str(pad)


@pytest.fixture
def db(db_url: str, tmp_path: Path) -> str:
    bestanden = [schrijf(tmp_path, f"{i}.yaml", t) for i, t in enumerate((BEGROTING, SEPTEMBER, DECEMBER))]
    assert begroting(db_url, "record", "--strict", *bestanden).exit_code == 0
    return db_url


def post(db: str, as_of: str, naam: str) -> tuple[str, str, bool]:
    s = als_json(db, "saldo", "--gemeente", G, "--as-of", as_of)
    p = next(p for p in s["posten"] if p["post"] == naam)
    return p["prognose"], p["effect"], p["incidenteel"]


def test_a_bcf_change_counts_on_the_stand_known_before_it(db: str) -> None:
    assert post(db, "2021-10-01", "bcf") == ("800.00", "-200.00", False)
    assert post(db, "2021-12-31", "bcf") == ("830.00", "-170.00", False)


def test_a_corona_compensation_is_incidental_unless_it_says_otherwise(db: str) -> None:
    assert post(db, "2021-10-01", "corona.toezicht") == ("600.00", "100.00", True)
    jaar = als_json(db, "saldo", "--gemeente", G, "--as-of", "2021-10-01")["jaren"]["2021"]
    assert (jaar["verwacht_saldo"], jaar["incidenteel_saldo"], jaar["structureel_saldo"]) == (
        "-100.00",
        "100.00",
        "-200.00",
    )
    assert post(db, "2021-12-31", "corona.toezicht") == ("650.00", "150.00", False)


@pytest.mark.parametrize(
    ("event", "melding"),
    [
        ("{type: bcf_voorschot, jaar: 2021, bedrag: 1, mutatie: 2}", "geef bedrag (het bedrag) of mutatie"),
        ("{type: bcf_voorschot, jaar: 2021}", "geef bedrag (het bedrag) of mutatie"),
        (
            "{type: bcf_afrekening, jaar: 2021, mutatie: 2, onderdeel_van: algemene_uitkering}",
            "wordt als bedrag gegeven, niet als mutatie",
        ),
        (
            "{type: corona_compensatie, maatregel: x, route: specifieke_uitkering, "
            "bedragen: {2021: 1}, mutaties: {2021: 2}}",
            "2021: gegeven als bedrag én als mutatie",
        ),
        (
            "{type: corona_compensatie, maatregel: x, route: algemene_uitkering, mutaties: {2021: 2}}",
            "wordt als bedragen gegeven, niet als mutaties",
        ),
        (
            "{type: corona_compensatie, maatregel: x, route: specifieke_uitkering, "
            "bedragen: {2021: 1}, incidenteel: [2022]}",
            "incidenteel noemt 2022, een jaar waarvoor het geen bedragen heeft",
        ),
    ],
)
def test_a_change_given_wrongly_is_refused(db_url: str, tmp_path: Path, event: str, melding: str) -> None:
    pad = schrijf(
        tmp_path, "fout.yaml", f"gemeente: {G}\nbron: {{id: fout, datum: 2021-01-01}}\nevents:\n  - {event}\n"
    )
    uitkomst = begroting(db_url, "record", pad)
    assert uitkomst.exit_code == 2 and f"{pad}: events[0]" in uitkomst.stderr and melding in uitkomst.stderr


def test_incidenteel_may_name_a_year_only_the_kosten_have(db_url: str, tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path,
        "kosten.yaml",
        f"gemeente: {G}\nbron: {{id: kosten, datum: 2021-01-01}}\nevents:\n"
        "  - {type: corona_compensatie, maatregel: x, route: specifieke_uitkering, bedragen: {2021: 1}, "
        "kosten: {2022: 5}, incidenteel: [2022]}\n",
    )
    assert begroting(db_url, "record", pad).exit_code == 0
