"""Two real notes of Oss (tests/data/oss-2022, oss-2023): every printed figure, on both backends.

Each note (bijlage 4 of a programmabegroting, bedragen x € 1.000, printed + = nadeel) states the AU of the
septembercirculaire and of the meicirculaire, the total rise, the af te zonderen posten and the netto
voordeel; 2022 also the onderuitputting of the accres. Its rows and subtotals are written as `controle`
(saldo and named totalen, one of them a stand): recorded with --strict they hold to the unit.
"""

from __future__ import annotations

import pytest

from tests.conftest import DATA, als_json, begroting

G = "GM0828"
K = 1000


def euros(*bedragen: int) -> list[str]:
    return [f"{b * K}.00" for b in bedragen]


NOTAS = {
    "oss-2022": {
        "jaren": [2022, 2023, 2024, 2025, 2026],
        "van": "2022-07-01",
        "tot": "2022-09-30",
        "september": (220946, 220103, 223098, 227471, 214039),
        "mei": (216214, 218195, 222465, 227833, 209421),
        "onderuitputting": (1165, 3462, 5417, 6241, 0),
        "stijging": (5897, 5370, 6050, 5879, 4618),
        "afzonderen": (4462, 145, 200, 23, 40),
        "netto": (1435, 5225, 5850, 5856, 4578),
    },
    "oss-2023": {
        "jaren": [2023, 2024, 2025, 2026, 2027],
        "van": "2023-07-01",
        "tot": "2023-09-30",
        "september": (225710, 241216, 243660, 225494, 227985),
        "mei": (225739, 238816, 241147, 223313, 221446),
        "onderuitputting": None,
        "stijging": (-29, 2400, 2513, 2181, 6539),
        "afzonderen": (1604, 2601, 2385, 1868, 2210),
        "netto": (-1633, -201, 128, 313, 4329),
    },
}


@pytest.fixture(params=sorted(NOTAS))
def nota(request: pytest.FixtureRequest, db_url: str) -> tuple[str, dict]:
    bestanden = sorted(str(p) for p in (DATA / request.param).glob("*.yaml"))
    uitkomst = begroting(db_url, "record", "--strict", *bestanden)
    assert (uitkomst.exit_code, uitkomst.stderr) == (0, "")
    assert "afronding" not in uitkomst.stdout  # every stated total holds to the unit
    return db_url, NOTAS[request.param]


def _per_jaar(rijen: list[dict], post: str, veld: str, jaren: list[int]) -> list[str]:
    return [next(r[veld] for r in rijen if r["post"] == post and r["jaar"] == j) for j in jaren]


def test_the_au_of_both_circulaires_is_the_ledgers_stand(nota: tuple[str, dict]) -> None:
    db, n = nota
    voor = als_json(db, "saldo", "--gemeente", G, "--as-of", n["van"])["posten"]
    na = als_json(db, "saldo", "--gemeente", G, "--as-of", n["tot"])["posten"]
    assert _per_jaar(voor, "algemene_uitkering", "prognose", n["jaren"]) == euros(*n["mei"])
    assert _per_jaar(na, "algemene_uitkering", "prognose", n["jaren"]) == euros(*n["september"])
    if n["onderuitputting"]:
        onder = _per_jaar(voor, "stelpost.onderuitputting_accres", "raming", n["jaren"])
        assert onder == euros(*(-b for b in n["onderuitputting"]))


def test_the_diff_gives_the_rise_the_af_te_zonderen_posten_and_the_netto_voordeel(nota: tuple[str, dict]) -> None:
    db, n = nota
    d = als_json(db, "diff", "--gemeente", G, "--van", n["van"], "--tot", n["tot"])
    mutaties = {(p["post"], p["jaar"]): int(float(p["mutatie"])) // K for p in d["posten"]}
    stijging = [
        mutaties[("algemene_uitkering", j)] + mutaties.get(("stelpost.onderuitputting_accres", j), 0)
        for j in n["jaren"]
    ]
    assert stijging == list(n["stijging"])
    assert [-mutaties[("taakmutatie.af_te_zonderen_posten", j)] for j in n["jaren"]] == list(n["afzonderen"])
    assert [d["jaren"][str(j)]["mutatie"] for j in n["jaren"]] == euros(*n["netto"])
