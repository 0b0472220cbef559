"""Real municipal notes, recorded as their own documents and reproduced figure for figure through the CLI's JSON.

Sources (stored copies of the public pages; each folder's README.md names the figures and how they are recorded):
- Renkum (GM0274), Najaarsnota 2019, "4A. Algemene uitkering",
  https://renkum2019.najaarsnota.nl/p8894/4a-algemene-uitkering: the septembercirculaire 2019 as a change with
  its accres, uitkeringsbasis and uitkeringsfactor, a WOZ effect as a change, and their "Totaal resultaat".
- Noordenveld (GM1699), Begroting 2023, "Opbouw structureel begrotingssaldo",
  https://noordenveld.begroting-2023.nl/p2070/opbouw-structureel-begrotingssaldo: the primitive saldo, the
  nieuwe beleidsvoorstellen, their incidental parts and the structural saldo.
- Berg en Dal (GM1945), Begroting 2019, "Financieel MeerjarenPerspectief",
  https://bergendal.begroting-2019.nl/p5567/financieel-meerjarenperspectief: the bridge from the Kadernota
  2019's stand to the begroting's, with its incidental and structural parts.
Amounts in the notes are x € 1.000; here in euros, as the JSON gives them. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, als_json, begroting

RENKUM, NOORDENVELD, BERGENDAL = "GM0274", "GM1699", "GM1945"
JAREN_RENKUM = ("2019", "2020", "2021", "2022", "2023")


def bestanden(map_: str) -> list[str]:
    return sorted(str(p) for p in (DATA / map_).glob("*.yaml"))


def duizenden(*bedragen: int) -> list[str]:
    return [f"{b * 1000}.00" for b in bedragen]


def per_jaar(antwoord: dict[str, Any], sleutel: str, jaren: tuple[str, ...]) -> list[str]:
    return [antwoord["jaren"][j][sleutel] for j in jaren]


def rijen(d: dict[str, Any]) -> list[tuple[str, int, str]]:
    return [(p["post"], p["jaar"], p["mutatie"]) for p in d["posten"]]


def adds_up(d: dict[str, Any]) -> bool:
    """The bridge's invariant: per year the posten rows and the wijzigingen rows add up to the year's mutatie."""
    for jaar, m in d["jaren"].items():
        regels = [r["mutatie"] for r in [*d["posten"], *d["wijzigingen"]] if str(r["jaar"]) == jaar]
        if sum(map(Decimal, regels)) != Decimal(m["mutatie"]):
            return False
    return True


@pytest.fixture
def recorded(db_url: str) -> str:
    for map_ in ("renkum-2019", "noordenveld-2023", "bergendal-2019"):
        uitkomst = begroting(db_url, "record", "--strict", *bestanden(map_))
        assert (uitkomst.exit_code, uitkomst.stderr) == (0, ""), uitkomst.stderr
    return db_url


def test_every_note_records_under_strict_because_its_own_totals_and_opbouw_agree(recorded: str) -> None:
    journaal = [(e["gemeente"], e["bron"], e["type"]) for e in als_json(recorded, "events")]
    assert journaal == [
        (RENKUM, "najaarsnota-2019", "circulaire"),
        (RENKUM, "najaarsnota-2019", "prognose"),
        (NOORDENVELD, "programmabegroting-2023", "begroting"),
        (NOORDENVELD, "programmabegroting-2023", "begrotingswijziging"),
        (BERGENDAL, "kadernota-2019", "begroting"),
        (BERGENDAL, "begroting-2019", "begroting"),
    ]


def test_renkum_the_septembercirculaire_row_is_minus_199_made_of_accres_uitkeringsbasis_and_factor(
    recorded: str,
) -> None:
    d = als_json(recorded, "diff", "--gemeente", RENKUM, "--van", "2019-09-16", "--tot", "2019-09-17")
    assert rijen(d) == [("algemene_uitkering", 2019, "-199000.00")]
    (au,) = d["posten"]
    assert au["groep"] == "algemene_uitkering"
    assert [(o["naam"], o["bedrag"]) for o in au["opbouw"]] == [
        ("accres", "-337000.00"),
        ("uitkeringsbasis", "168000.00"),
        ("uitkeringsfactor", "-30000.00"),
    ]
    assert (d["jaren"]["2019"]["stand_van"], d["jaren"]["2019"]["stand_tot"]) == ("0.00", "-199000.00")


def test_renkum_the_woz_row_is_minus_25_then_16_a_year_on_top_of_the_circulaire(recorded: str) -> None:
    d = als_json(recorded, "diff", "--gemeente", RENKUM, "--van", "2019-09-17", "--tot", "2019-10-01")
    assert rijen(d) == [
        ("algemene_uitkering", 2019, "-25000.00"),
        *[("algemene_uitkering", jaar, "-16000.00") for jaar in (2020, 2021, 2022, 2023)],
    ]
    assert per_jaar(d, "stand_van", JAREN_RENKUM) == duizenden(-199, 0, 0, 0, 0)
    assert per_jaar(d, "stand_tot", JAREN_RENKUM) == duizenden(-224, -16, -16, -16, -16)
    assert adds_up(d)


def test_renkum_the_totaal_resultaat_is_minus_224_then_16_a_year_all_structural(recorded: str) -> None:
    s = als_json(recorded, "saldo", "--gemeente", RENKUM, "--as-of", "2019-10-01")
    totaal = duizenden(-224, -16, -16, -16, -16)
    assert per_jaar(s, "verwacht_saldo", JAREN_RENKUM) == totaal
    assert per_jaar(s, "effect", JAREN_RENKUM) == totaal
    assert per_jaar(s, "structureel_saldo", JAREN_RENKUM) == totaal
    d = als_json(recorded, "diff", "--gemeente", RENKUM, "--van", "2019-09-16", "--tot", "2019-10-01")
    assert per_jaar(d, "mutatie", JAREN_RENKUM) == totaal


JAREN_NOORDENVELD = ("2023", "2024", "2025", "2026")


def test_noordenveld_saldo_after_beleidsvoorstellen_and_the_structural_saldo(recorded: str) -> None:
    s = als_json(recorded, "saldo", "--gemeente", NOORDENVELD, "--as-of", "2022-11-01")
    assert per_jaar(s, "verwacht_saldo", JAREN_NOORDENVELD) == duizenden(498, 683, 315, -68)
    assert per_jaar(s, "structureel_saldo", JAREN_NOORDENVELD) == duizenden(3174, 2591, 4086, 1429)
    assert per_jaar(s, "incidenteel_saldo", JAREN_NOORDENVELD) == duizenden(-904 - 1772, -1908, -3771, -1497)


def test_noordenveld_the_bridge_from_nothing_is_the_primitive_saldo_less_the_beleidsvoorstellen(recorded: str) -> None:
    d = als_json(recorded, "diff", "--gemeente", NOORDENVELD, "--van", "2022-10-31", "--tot", "2022-11-01")
    w = [(r["post"], r["jaar"], r["mutatie"]) for r in d["wijzigingen"] if r["jaar"] == 2023]
    assert w == [
        ("saldo", 2023, "2520000.00"),
        ("nieuw_beleid.structureel", 2023, "-250000.00"),
        ("nieuw_beleid.incidenteel", 2023, "-1772000.00"),
    ]
    primitief = [r["mutatie"] for r in d["wijzigingen"] if r["post"] == "saldo"]
    assert primitief == duizenden(2520, 3043, 4663, 2006)
    beleid = [r for r in d["wijzigingen"] if r["post"].startswith("nieuw_beleid.")]
    per_jaar_beleid = {j: sum(Decimal(r["mutatie"]) for r in beleid if str(r["jaar"]) == j) for j in JAREN_NOORDENVELD}
    assert [f"{b:.2f}" for b in per_jaar_beleid.values()] == duizenden(-2022, -2360, -4348, -2074)
    assert per_jaar(d, "stand_tot", JAREN_NOORDENVELD) == duizenden(498, 683, 315, -68)
    assert adds_up(d)


def test_noordenveld_the_primitive_saldo_has_an_incidental_part_of_904_in_2023(recorded: str) -> None:
    s = als_json(recorded, "saldo", "--gemeente", NOORDENVELD, "--as-of", "2022-11-01")
    incidentele_regel = next(p for p in s["posten"] if (p["post"], p["jaar"]) == ("nieuw_beleid.incidenteel", 2023))
    assert incidentele_regel["raming"] == "1772000.00"
    uit_primitief = Decimal(s["jaren"]["2023"]["incidenteel_saldo"]) + Decimal(incidentele_regel["raming"])
    assert uit_primitief == Decimal("-904000.00")


JAREN_BERGENDAL = ("2019", "2020", "2021", "2022")


def test_bergendal_the_kadernota_stand_then_the_begroting_with_incidenteel_and_structureel(recorded: str) -> None:
    kadernota = als_json(recorded, "saldo", "--gemeente", BERGENDAL, "--as-of", "2018-07-01")
    assert per_jaar(kadernota, "verwacht_saldo", JAREN_BERGENDAL) == duizenden(-466, -6, 675, 672)
    s = als_json(recorded, "saldo", "--gemeente", BERGENDAL, "--as-of", "2018-11-01")
    assert per_jaar(s, "verwacht_saldo", JAREN_BERGENDAL) == duizenden(4, 50, 509, 552)
    assert per_jaar(s, "incidenteel_saldo", JAREN_BERGENDAL) == duizenden(-111, -59, -5, 0)
    assert per_jaar(s, "structureel_saldo", JAREN_BERGENDAL) == duizenden(115, 109, 514, 552)


def test_bergendal_the_ontwikkeling_saldo_is_the_begrotings_own_row_of_the_bridge(recorded: str) -> None:
    d = als_json(recorded, "diff", "--gemeente", BERGENDAL, "--van", "2018-07-01", "--tot", "2018-11-01")
    assert per_jaar(d, "stand_van", JAREN_BERGENDAL) == duizenden(-466, -6, 675, 672)
    assert per_jaar(d, "stand_tot", JAREN_BERGENDAL) == duizenden(4, 50, 509, 552)
    assert per_jaar(d, "mutatie", JAREN_BERGENDAL) == duizenden(470, 56, -166, -120)
    assert d["posten"] == []
    assert [(r["bron"], r["post"], r["mutatie"]) for r in d["wijzigingen"]] == [
        ("begroting-2019", "saldo", m) for m in duizenden(470, 56, -166, -120)
    ]


def test_a_note_whose_totaal_resultaat_is_misread_is_refused_under_strict(db_url: str, tmp_path: Path) -> None:
    """The controle is what makes a typing error in a real note visible: -242 for -224 is caught."""
    verkeerd = tmp_path / "najaarsnota.yaml"
    verkeerd.write_text(Path(bestanden("renkum-2019")[0]).read_text().replace("2019: -224,", "2019: -242,"))
    uitkomst = begroting(db_url, "record", "--strict", str(verkeerd))
    assert uitkomst.exit_code == 2
    assert (
        f"{verkeerd}: controle.saldo.2019: het document noemt € -242.000,00, het grootboek berekent € -224.000,00"
        in uitkomst.stderr
    )
