"""A real note of Gouda (tests/data/gouda-2018): every printed figure, on both backends.

"Maartcirculaire en meicirculaire 2018" of the Programmabegroting 2019-2022 (bedragen x € 1.000, + = positief
for the perspectief) prints the bruto-effect of the meicirculaire, the loon- en prijsindexering and the
taakmutaties/oormerken set apart, the netto-effect, the maartcirculaire's netto-effect and the meicirculaire's
own effect; a second table lists the oormerken, the integratie-uitkering sociaal domein passed on to the task
(budgetneutraal) and five taakmutaties. The note's netto-effect is one unit off its rows in 2019, 2020 and 2022:
the ledger holds the rows and says it is rounding.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import DATA, als_json, begroting

G = "GM0513"
K = 1000
JAREN = [2019, 2020, 2021, 2022]
NA_MAART, NA_MEI = "2018-04-30", "2018-06-30"

BRUTO = (5965, 7678, 9447, 11275)
LOON_EN_PRIJS = (-946, -955, -990, -1110)
OORMERKEN = (-3223, -3213, -2828, -3421)
NETTO = (1795, 3511, 5629, 6743)  # printed; the rows give 1.796, 3.510, 5.629, 6.744
MAART = (800, 3200, 5800, 7500)
EFFECT_MEI = (995, 311, -171, -757)  # printed; the rows give 996, 310, -171, -756
SOCIAAL_DOMEIN = (-2746, -2728, -2388, -2981)
TAAKMUTATIES = {
    "armoedebestrijding_kinderen": (-13, -13, -13, -13),
    "impuls_brede_scholen_combinatiefuncties": (2, 2, 2, 2),
    "maatschappelijke_opvang": (-10, 0, 0, 0),
    "schulden_en_armoede": (-98, -98, 0, 0),
    "vrouwenopvang": (-358, -376, -429, -429),
}


def euros(*bedragen: int) -> list[str]:
    return [f"{b * K}.00" for b in bedragen]


def duizenden(bedragen: list[str]) -> list[int]:
    return [int(Decimal(b) / K) for b in bedragen]


@pytest.fixture
def db(db_url: str) -> str:
    bestanden = sorted(str(p) for p in (DATA / "gouda-2018").glob("*.yaml"))
    uitkomst = begroting(db_url, "record", "--strict", *bestanden)
    assert (uitkomst.exit_code, uitkomst.stderr) == (0, "")
    return db_url


def _posten(db: str, as_of: str) -> list[dict]:
    return als_json(db, "saldo", "--gemeente", G, "--as-of", as_of)["posten"]


def _per_jaar(posten: list[dict], post: str, veld: str) -> list[str]:
    return [next(p[veld] for p in posten if p["post"] == post and p["jaar"] == j) for j in JAREN]


def test_record_strict_prints_the_three_one_unit_differences_as_rounding_and_no_warning(db_url: str) -> None:
    bestanden = sorted(str(p) for p in (DATA / "gouda-2018").glob("*.yaml"))
    uitkomst = begroting(db_url, "record", "--strict", *bestanden)
    assert (uitkomst.exit_code, uitkomst.stderr) == (0, "")
    afronding = [r for r in uitkomst.stdout.splitlines() if r.startswith("afronding:")]
    assert [r.split(": ")[2] for r in afronding] == [
        "controle.saldo.2019",
        "controle.saldo.2020",
        "controle.saldo.2022",
    ]
    assert "het document noemt € 995.000,00, het grootboek berekent € 996.000,00" in afronding[0]
    assert "het document noemt € -757.000,00, het grootboek berekent € -756.000,00" in afronding[2]
    assert "warning" not in uitkomst.stdout.replace("not a warning", "")
    assert "2 events geboekt uit 2 documenten" in uitkomst.stdout


def test_the_maartcirculaire_gives_its_netto_effect(db: str) -> None:
    jaren = als_json(db, "saldo", "--gemeente", G, "--as-of", NA_MAART)["jaren"]
    assert [jaren[str(j)]["verwacht_saldo"] for j in JAREN] == euros(*MAART)


def test_the_bruto_effect_and_the_loon_en_prijsindexering_are_the_ledgers_amounts(db: str) -> None:
    na = _posten(db, NA_MEI)
    au = duizenden(_per_jaar(na, "algemene_uitkering", "prognose"))
    sd = duizenden(_per_jaar(na, "iu.sociaal_domein", "prognose"))
    assert [a + s for a, s in zip(au, sd, strict=True)] == list(BRUTO)
    assert _per_jaar(na, "taakmutatie.loon_en_prijsindexering", "effect") == euros(*LOON_EN_PRIJS)


def test_the_integratie_uitkering_sociaal_domein_shows_its_baten_and_has_no_effect(db: str) -> None:
    na = _posten(db, NA_MEI)
    assert _per_jaar(na, "iu.sociaal_domein", "prognose") == euros(*(-b for b in SOCIAAL_DOMEIN))
    assert _per_jaar(na, "iu.sociaal_domein", "doorgegeven") == euros(*(-b for b in SOCIAAL_DOMEIN))
    assert _per_jaar(na, "iu.sociaal_domein", "effect") == ["0.00"] * 4
    assert _per_jaar(na, "iu.sociaal_domein", "budgetneutraal") == [True] * 4


def test_every_oormerk_row_and_its_total_are_the_ledgers_figures(db: str) -> None:
    na = _posten(db, NA_MEI)
    for naam, rij in TAAKMUTATIES.items():
        assert _per_jaar(na, f"taakmutatie.{naam}", "effect") == euros(*rij), naam
    totaal = [
        -d + sum(e)
        for d, *e in zip(
            duizenden(_per_jaar(na, "iu.sociaal_domein", "doorgegeven")),
            *(duizenden(_per_jaar(na, f"taakmutatie.{n}", "effect")) for n in TAAKMUTATIES),
            strict=True,
        )
    ]
    assert totaal == list(OORMERKEN)


def test_the_netto_effect_is_the_rows_sum_one_unit_off_the_printed_figure_in_three_years(db: str) -> None:
    jaren = als_json(db, "saldo", "--gemeente", G, "--as-of", NA_MEI)["jaren"]
    netto = duizenden([jaren[str(j)]["verwacht_saldo"] for j in JAREN])
    assert netto == [b + lp + o for b, lp, o in zip(BRUTO, LOON_EN_PRIJS, OORMERKEN, strict=True)]
    assert netto == [1796, 3510, 5629, 6744]
    assert [n - p for n, p in zip(netto, NETTO, strict=True)] == [1, -1, 0, 1]


def test_the_diff_gives_the_meicirculaires_effect_with_the_pass_through_as_two_rows(db: str) -> None:
    d = als_json(db, "diff", "--gemeente", G, "--van", NA_MAART, "--tot", NA_MEI)
    mutatie = duizenden([d["jaren"][str(j)]["mutatie"] for j in JAREN])
    assert mutatie == [996, 310, -171, -756]
    assert [m - p for m, p in zip(mutatie, EFFECT_MEI, strict=True)] == [1, -1, 0, 1]
    rijen = {(p["post"], p["richting"], p["jaar"]): p for p in d["posten"]}
    for j, b in zip(JAREN, SOCIAAL_DOMEIN, strict=True):
        baten, lasten = rijen[("iu.sociaal_domein", "baten", j)], rijen[("iu.sociaal_domein", "lasten", j)]
        assert (baten["mutatie"], lasten["mutatie"], lasten["budgetneutraal"]) == (f"{-b * K}.00", f"{b * K}.00", True)
        rijen_van_het_jaar = sum(Decimal(p["mutatie"]) for p in d["posten"] if p["jaar"] == j)
        assert rijen_van_het_jaar == Decimal(d["jaren"][str(j)]["mutatie"])


def test_explain_names_what_the_sociaal_domein_passes_on_and_the_rounding(db: str) -> None:
    uitleg = als_json(db, "explain", "--gemeente", G, "--post", "iu.sociaal_domein", "--jaar", "2019")
    assert (uitleg["effect"], uitleg["budgetneutraal"], uitleg["doorgegeven"]) == ("0.00", True, "2746000.00")
    assert [e["soort"] for e in uitleg["events"]] == ["mutatie", "neutraal"]
    assert {e["bron"] for e in uitleg["events"]} == {"meicirculaire-2018"}
    assert any("controle.saldo.2019" in w and "afronding" in w for w in uitleg["events"][0]["waarschuwingen"])
