"""The diff table as a bridge that adds up, and `--teken nadeel` on the read commands, through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import als_json, begroting

VOORBEELDSTAD = sorted(
    str(p) for p in (Path(__file__).resolve().parents[1] / "data" / "voorbeeldstad-2024").glob("*.yaml")
)
BRUG_2024 = ("diff", "--gemeente", "GM0999", "--van", "2024-01-01", "--tot", "2024-07-31", "--eenheid", "1000")
SEPTEMBER = ("diff", "--gemeente", "GM1708", "--van", "2020-06-30", "--tot", "2020-10-13", "--eenheid", "1000")


def regels(db: str, *args: str) -> list[str]:
    uitkomst = begroting(db, *args)
    assert uitkomst.exit_code == 0, uitkomst.stderr
    return [r.rstrip() for r in uitkomst.stdout.splitlines()]


def bedragen(regel: str) -> list[str]:
    """The amount cells of a table row."""
    return [c.strip() for c in regel.strip("│").split("│")[1:]]


def _tegen(bedrag: str) -> str:
    return {"+": "-", "-": "+"}.get(bedrag[:1], bedrag[:1]) + bedrag[1:]


@pytest.fixture
def voorbeeldstad(db_url: str) -> str:
    assert begroting(db_url, "record", *VOORBEELDSTAD).exit_code == 0
    return db_url


@pytest.fixture
def steenwijkerland(db_url: str, voorbeeld: list[str]) -> str:
    assert begroting(db_url, "record", *voorbeeld).exit_code == 0
    return db_url


def test_the_voorbeeldstad_bridge_runs_from_stand_to_stand_in_document_order_with_the_opbouw(
    voorbeeldstad: str,
) -> None:
    assert regels(voorbeeldstad, *BRUG_2024) == [
        "Gevolgen voor het begrotingssaldo GM0999: bekend op",
        "2024-01-01 -> 2024-07-31",
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━┳━━━━━━━┓",
        "┃                                   ┃  2024 ┃  2025 ┃",
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━╇━━━━━━━┩",
        "│ saldo bekend op 2024-01-01        │ + 200 │ + 150 │",
        "│ algemene_uitkering                │     0 │  - 20 │",
        "│   accres                          │  - 60 │  + 90 │",
        "│   uitkeringsbasis                 │  + 20 │       │",
        "│   uitkeringsfactor                │   - 7 │  - 10 │",
        "│ subtotaal algemene uitkering      │     0 │  - 20 │",
        "│ taakmutatie.jeugd_wachtlijsten    │     0 │       │",
        "│ subtotaal taakmutaties            │     0 │       │",
        "│ BW 2024-12 tussenrapportage       │       │       │",
        "│   algemene_uitkering              │ - 199 │       │",
        "│   taakmutatie.jeugd_wachtlijsten  │  - 25 │       │",
        "│   evenementen.bevrijdingsfestival │  - 40 │       │",
        "│ subtotaal begrotingswijzigingen   │ - 264 │       │",
        "│ evenementen.bevrijdingsfestival   │     0 │       │",
        "│ subtotaal overig                  │     0 │       │",
        "│ saldo (mutatie)                   │ - 264 │  - 20 │",
        "│ saldo bekend op 2024-07-31        │  - 64 │ + 130 │",
        "└───────────────────────────────────┴───────┴───────┘",
        "+ = voordeel (bedragen x € 1.000); pm: bekend, niet",
        "verwerkt",
    ]


def test_the_septembercirculaire_bridge_follows_the_informatienota(steenwijkerland: str) -> None:
    assert regels(steenwijkerland, *SEPTEMBER) == [
        "Gevolgen voor het begrotingssaldo Steenwijkerland (GM1708): bekend op 2020-06-30 ->",  # the name wraps it
        "2020-10-13",
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━┳━━━━━━━━━┳━━━━━━━┳━━━━━━━┓",
        "┃                                       ┃    2020 ┃   2021 ┃    2022 ┃  2023 ┃  2024 ┃",
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━╇━━━━━━━━━╇━━━━━━━╇━━━━━━━┩",
        "│ saldo bekend op 2020-06-30            │       0 │      0 │       0 │     0 │     0 │",
        "│ algemene_uitkering                    │ + 1.683 │  + 879 │ + 1.174 │ + 521 │ + 763 │",
        "│ subtotaal algemene uitkering          │ + 1.683 │  + 879 │ + 1.174 │ + 521 │ + 763 │",
        "│ taakmutatie.waterschapsverkiezingen   │     - 7 │    - 7 │     - 7 │   - 7 │   - 8 │",
        "│ taakmutatie.uitvoeringskosten_svb_pgb │         │   + 69 │         │       │       │",
        "│ taakmutatie.aanvulling_jeugdhulp_2022 │         │        │   - 735 │       │       │",
        "│ taakmutatie.dak_en_thuisloosheid      │    - 18 │   - 32 │         │       │       │",
        "│ taakmutatie.gezond_in_de_stad         │     - 2 │    - 2 │     - 2 │       │       │",
        "│ taakmutatie.omgevingsveiligheid       │         │    - 7 │     - 7 │   - 7 │   - 7 │",
        "│ subtotaal taakmutaties                │    - 27 │   + 21 │   - 751 │  - 14 │  - 15 │",
        "│ buig                                  │   + 456 │ 0 (pm) │         │       │       │",
        "│ subtotaal buig                        │   + 456 │      0 │         │       │       │",
        "│ stelpost.opschalingskorting           │         │  - 400 │         │       │       │",
        "│ stelpost.bcf                          │         │  - 295 │   - 295 │ - 295 │ - 295 │",
        "│ stelpost.jeugdhulp                    │         │        │    - 89 │  - 89 │  - 89 │",
        "│ subtotaal stelposten                  │         │  - 695 │   - 384 │ - 384 │ - 384 │",
        "│ saldo (mutatie)                       │ + 2.112 │  + 205 │    + 39 │ + 123 │ + 364 │",
        "│ saldo bekend op 2020-10-13            │ + 2.112 │  + 205 │    + 39 │ + 123 │ + 364 │",
        "└───────────────────────────────────────┴─────────┴────────┴─────────┴───────┴───────┘",
        "+ = voordeel (bedragen x € 1.000); pm: bekend, niet verwerkt",
    ]


def test_only_the_years_that_changed_show_unless_jaren_chooses_them(voorbeeldstad: str) -> None:
    juli = ("diff", "--gemeente", "GM0999", "--van", "2024-06-30", "--tot", "2024-07-31", "--eenheid", "1000")
    assert regels(voorbeeldstad, *juli)[3] == "┃                                   ┃  2024 ┃"
    gekozen = regels(voorbeeldstad, *juli, "--jaren", "2024-2025")
    assert (gekozen[3], gekozen[-5], gekozen[-4]) == (
        "┃                                   ┃  2024 ┃  2025 ┃",
        "│ saldo (mutatie)                   │  - 40 │     0 │",
        "│ saldo bekend op 2024-07-31        │  - 64 │ + 130 │",
    )


def test_nothing_changed_is_said_with_no_year_at_all(voorbeeldstad: str) -> None:
    tabel = regels(voorbeeldstad, "diff", "--gemeente", "GM0999", "--van", "2024-08-01", "--tot", "2024-09-01")
    assert [r for r in tabel if r.startswith("│")] == [
        "│ saldo bekend op 2024-08-01 │",
        "│ saldo (mutatie)            │",
        "│ saldo bekend op 2024-09-01 │",
    ]
    assert " ".join(tabel[tabel.index("└────────────────────────────┘") + 1 :]).endswith(
        "het saldo veranderde in geen enkel jaar"
    )


def test_teken_nadeel_flips_the_bridge_and_says_so(voorbeeldstad: str) -> None:
    voordeel, nadeel = regels(voorbeeldstad, *BRUG_2024), regels(voorbeeldstad, *BRUG_2024, "--teken", "nadeel")
    assert nadeel[5:10] == [
        "│ saldo bekend op 2024-01-01        │ - 200 │ - 150 │",
        "│ algemene_uitkering                │     0 │  + 20 │",
        "│   accres                          │  + 60 │  - 90 │",
        "│   uitkeringsbasis                 │  - 20 │       │",
        "│   uitkeringsfactor                │   + 7 │  + 10 │",
    ]
    assert nadeel[-5:-3] == [
        "│ saldo (mutatie)                   │ + 264 │  + 20 │",
        "│ saldo bekend op 2024-07-31        │  + 64 │ - 130 │",
    ]
    assert nadeel[-2] == "+ = nadeel (bedragen x € 1.000); pm: bekend, niet"
    assert [bedragen(r) for r in nadeel[5:-3]] == [[_tegen(b) for b in bedragen(r)] for r in voordeel[5:-3]]


def test_teken_nadeel_flips_the_diff_csv_but_not_its_years_or_groups(voorbeeldstad: str) -> None:
    csv = begroting(voorbeeldstad, *BRUG_2024, "--format", "csv", "--teken", "nadeel").stdout.splitlines()
    assert csv == [  # --eenheid 1000: in thousands, as the header says
        "post,richting,jaar,effect_van (x € 1.000),effect_tot (x € 1.000),mutatie (x € 1.000),oorzaken,groep",
        "algemene_uitkering,baten,2024,0,0,0,GM0999-0003 GM0999-0004 GM0999-0005,algemene_uitkering",
        "evenementen.bevrijdingsfestival,lasten,2024,0,0,0,GM0999-0005,overig",
        "taakmutatie.jeugd_wachtlijsten,lasten,2024,0,0,0,GM0999-0004 GM0999-0005,taakmutaties",
        "algemene_uitkering,baten,2025,0,20,20,GM0999-0003 GM0999-0004,algemene_uitkering",
    ]


def test_teken_nadeel_flips_the_saldo_but_not_the_ramingen(voorbeeldstad: str) -> None:
    saldo = ("saldo", "--gemeente", "GM0999", "--as-of", "2024-06-30", "--eenheid", "1000", "--teken", "nadeel")
    tabel = regels(voorbeeldstad, *saldo)
    assert [r for r in tabel if r.startswith("│")][:7] == [
        "│ begroot saldo                    │ - 200 │ - 150 │",
        "│ effect                           │ + 224 │  + 20 │",
        "│ saldo van baten en lasten        │  + 24 │ - 130 │",
        "│   waarvan structureel            │ - 276 │ - 130 │",
        "│   dotaties reserves (lasten)     │     0 │     0 │",
        "│   onttrekkingen reserves (baten) │     0 │     0 │",
        "│ mutaties reserves                │     0 │     0 │",
    ]
    assert [r for r in tabel if r.startswith("+ = ")] == ["+ = nadeel (bedragen x € 1.000)"] * 2
    csv = begroting(voorbeeldstad, *saldo, "--format", "csv").stdout.splitlines()
    assert csv == [  # --eenheid 1000: in thousands, as the header says
        "post,richting,jaar,raming (x € 1.000),prognose (x € 1.000),effect (x € 1.000)",
        "algemene_uitkering,baten,2024,50000,49801,199",
        "stelpost.loonontwikkeling,lasten,2024,500,500,0",
        "taakmutatie.jeugd_wachtlijsten,lasten,2024,0,25,25",
        "algemene_uitkering,baten,2025,51000,50980,20",
        "stelpost.loonontwikkeling,lasten,2025,500,500,0",
        "[begrotingssaldo],,2024,-200,24,224",
        "[begrotingssaldo],,2025,-150,-130,20",
    ]


def test_teken_nadeel_flips_the_effect_of_explain_and_history_not_the_amounts(voorbeeldstad: str) -> None:
    figuur = ("--gemeente", "GM0999", "--post", "algemene_uitkering", "--jaar", "2024", "--as-of", "2024-06-30")
    uitleg = regels(voorbeeldstad, "explain", *figuur, "--teken", "nadeel")
    assert uitleg[0] == (  # one line: the table is wider
        "algemene_uitkering 2024 in GM0999, bekend op 2024-06-30: raming 50.000.000,00, prognose 49.801.000,00, "
        "effect + 199.000,00"
    )
    assert "│ GM0999-0003 │ prognose │ mutatie │ -152.000,00 │ 2024-04-15 │" in " ".join(uitleg[5].split())
    assert uitleg[-1] == "+ = nadeel (bedragen in euro's)"
    csv = begroting(voorbeeldstad, "history", *figuur, "--format", "csv", "--teken", "nadeel").stdout.splitlines()
    assert [r.split(",")[3:8] for r in csv] == [
        ["soort", "bedrag", "raming", "prognose", "effect"],
        ["raming", "50000000.00", "50000000.00", "50000000.00", "0.00"],
        ["mutatie", "-152000.00", "50000000.00", "49848000.00", "152000.00"],
        ["mutatie", "-47000.00", "50000000.00", "49801000.00", "199000.00"],
    ]
    tabel = regels(voorbeeldstad, "history", *figuur, "--teken", "nadeel")
    assert "│ mutatie │   -152.000,00 │ 50.000.000,00 │ 49.848.000,00 │ + 152.000,00 │" in tabel[5]
    assert tabel[-1].startswith("+ = nadeel (bedragen in euro's); raming, prognose en effect zoals bekend")


@pytest.mark.parametrize(
    "vraag",
    [
        ("saldo", "--as-of", "2020-10-13"),
        ("diff", "--van", "2020-06-30", "--tot", "2020-10-13"),
        ("explain", "--post", "buig", "--jaar", "2021", "--as-of", "2020-10-13"),
        ("history", "--post", "buig", "--jaar", "2020"),
        ("reserves",),
        ("events",),
    ],
)
def test_json_is_the_same_byte_for_byte_whatever_teken_says(steenwijkerland: str, vraag: tuple[str, ...]) -> None:
    opdracht, *rest = vraag
    args = (opdracht, "--gemeente", "GM1708", *rest, "--format", "json")
    voordeel, nadeel = begroting(steenwijkerland, *args), begroting(steenwijkerland, *args, "--teken", "nadeel")
    assert (nadeel.exit_code, nadeel.stdout) == (0, voordeel.stdout)
    assert voordeel.stdout.startswith(("{", "["))


def test_the_diff_json_keeps_voordeel_under_teken_nadeel(steenwijkerland: str) -> None:
    d = als_json(
        steenwijkerland, "diff", "-g", "GM1708", "--van", "2020-06-30", "--tot", "2020-10-13", "--teken", "nadeel"
    )
    assert (d["jaren"]["2020"]["mutatie"], d["posten"][1]["post"], d["posten"][1]["mutatie"]) == (
        "2112000.00",
        "buig",
        "456000.00",
    )


def test_an_unknown_teken_is_a_usage_error(steenwijkerland: str) -> None:
    uitkomst = begroting(steenwijkerland, "saldo", "--gemeente", "GM1708", "--teken", "x")
    assert uitkomst.exit_code == 2
    assert "Ongeldige waarde voor '--teken'" in uitkomst.stderr
    assert "'x' is niet een van 'voordeel', 'nadeel'" in uitkomst.stderr
