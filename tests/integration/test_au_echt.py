"""Real published specifications of the algemene uitkering (tests/data/au-*, sources in each BRON.md) recorded and
recomputed by `begroting au`: every printed row that its BRON.md does not name is reproduced at the table's own
precision (the cents or the euro it prints); the named rows more than € 1 off are exactly those `record` warns of."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import DATA, als_json, begroting

AFWIJKING = re.compile(r"^\| (\S+) \| (\d{4}) \| [a-z ]+ \| \S+ \| \S+ \| (\S+) \|$")
GEMEENTE = re.compile(r"^gemeente: (GM\d{4})$", re.M)


class _Lader(yaml.SafeLoader):
    """Floats as the Decimal of their text: 2938611.00 keeps the cents it was printed with."""


_Lader.add_constructor("tag:yaml.org,2002:float", lambda lader, knoop: Decimal(lader.construct_scalar(knoop)))


def _events(map_: Path) -> list[dict[str, Any]]:
    return [e for p in sorted(map_.glob("*.yaml")) for e in yaml.load(p.read_text(), Loader=_Lader)["events"]]


def specificaties() -> list[str]:
    """The directories whose documents give both weights and printed row amounts of one year."""
    uit = []
    for map_ in sorted(p for p in DATA.glob("au-*") if p.is_dir()):
        events = _events(map_)
        gewichten = any(
            j.get("bedragen_per_eenheid") for e in events if e["type"] == "verdeelmodel" for j in e["jaren"].values()
        )
        bedragen = any(j.get("bedragen") for e in events if e["type"] == "maatstaven" for j in e["jaren"].values())
        if gewichten and bedragen:
            uit.append(map_.name)
    return uit


def afwijkend(map_: Path, jaar: int) -> dict[str, Decimal]:
    """The rows BRON.md names as not aantal × tarief or bedrag per eenheid at the table's precision, and by how much."""
    regels = (map_ / "BRON.md").read_text(encoding="utf-8").splitlines()
    return {m[1]: Decimal(m[3]) for r in regels if (m := AFWIJKING.match(r)) and int(m[2]) == jaar}


def gedrukt(map_: Path) -> tuple[int, dict[str, Decimal]]:
    maatstaven = [e for e in _events(map_) if e["type"] == "maatstaven"]
    ((jaar, inhoud),) = maatstaven[0]["jaren"].items()
    return int(jaar), {str(c): b if isinstance(b, Decimal) else Decimal(b) for c, b in inhoud["bedragen"].items()}


def _precisie(printed: Decimal) -> Decimal:
    return Decimal(1).scaleb(min(printed.as_tuple().exponent, 0))  # type: ignore[arg-type]


def test_at_least_eight_real_tables_are_checked() -> None:
    assert len(specificaties()) >= 8, specificaties()


@pytest.mark.parametrize("naam", specificaties())
def test_a_real_specification_is_reproduced_row_for_row(sqlite_url: str, naam: str) -> None:
    map_ = DATA / naam
    bestanden = sorted(str(p) for p in map_.glob("*.yaml"))
    gemeente = GEMEENTE.search(Path(bestanden[0]).read_text())[1]
    jaar, rijen = gedrukt(map_)
    uitkomst = begroting(sqlite_url, "record", *bestanden)
    assert uitkomst.exit_code == 0, uitkomst.stderr
    gewaarschuwd = set(re.findall(rf"jaren\.{jaar}\.bedragen\.(\S+): het document noemt", uitkomst.stderr))
    genoemd = afwijkend(map_, jaar)
    assert gewaarschuwd == {c for c, verschil in genoemd.items() if c in rijen and abs(verschil) > 1}

    au = als_json(sqlite_url, "au", "--gemeente", gemeente, "--jaar", str(jaar), "--as-of", "2030-01-01")
    berekend = {r["code"]: Decimal(r["bedrag"]) for o in au["onderdelen"] for r in o["regels"]}
    kloppend = {c: b for c, b in rijen.items() if c not in genoemd}
    assert len(kloppend) >= 10
    assert {c: berekend[c].quantize(_precisie(b), ROUND_HALF_UP) for c, b in kloppend.items()} == kloppend


def test_capelle_three_year_averages_as_fractions_give_the_printed_amounts(sqlite_url: str) -> None:
    bestand = DATA / "au-capelleaandenijssel-2021" / "begroting-2021.yaml"
    assert begroting(sqlite_url, "record", str(bestand)).exit_code == 0
    au = als_json(sqlite_url, "au", "--gemeente", "GM0502", "--jaar", "2021", "--as-of", "2021-01-01")
    regels = {r["code"]: r for r in au["onderdelen"][1]["regels"]}
    assert (regels["8a"]["aantal"], regels["8a"]["bedrag"]) == ("5924/3", "4241939.44")  # printed 1.974,67
    assert (regels["11a"]["aantal"], regels["11a"]["bedrag"]) == ("14696/3", "421873.17")  # printed 4.898,67
    assert (au["onderdelen"][0]["subtotaal"], au["onderdelen"][1]["subtotaal"]) == ("-7471863.16", "42340249.15")
    assert (au["uitkeringsfactor"], au["au"]) == (None, None)  # the stored table stops before the factor


@pytest.mark.parametrize("db", ["sqlite_url", "postgres_url"])
def test_ommen_on_both_databases(db: str, request: pytest.FixtureRequest) -> None:
    url = request.getfixturevalue(db)
    bestanden = sorted(str(p) for p in (DATA / "au-ommen-2023").glob("*.yaml"))
    assert begroting(url, "record", *bestanden).exit_code == 0
    au = als_json(url, "au", "--gemeente", "GM0175", "--jaar", "2023", "--as-of", "2024-12-31")
    regels = {r["code"]: r["bedrag"] for o in au["onderdelen"] for r in o["regels"]}
    assert (regels["8a-2"], regels["2"], au["onderdelen"][0]["subtotaal"]) == (
        "1113019.22",
        "7127269.55",
        "-4018840.00",
    )


def test_a_real_pair_maassluis_2019_begroting_then_jaarverslag_explained_on_one_factor(
    sqlite_url: str, tmp_path: Path
) -> None:
    """Two real tables of one uitkeringsjaar, on the septembercirculaire 2019's factor (Beuningen's herfstnota
    prints it; it is the rijk's, the same for every gemeente). Both stored copies are partial (the jaarverslag's
    stops at 8e), so the rows past it leave; a row in both, 2 Inwoners, is the change its own figures give."""
    factor = (DATA / "au-beuningen-2019" / "herfstnota-2019.yaml").read_text().replace("GM0209", "GM0556")
    (tmp_path / "factor.yaml").write_text(factor)
    tabellen = [
        *sorted((DATA / "au-maassluis-2019").glob("*.yaml")),
        *(DATA / "au-maassluis-2019-jaarverslag").glob("*.yaml"),
    ]
    assert begroting(sqlite_url, "record", *map(str, tabellen), str(tmp_path / "factor.yaml")).exit_code == 0
    v = als_json(sqlite_url, "au", "-g", "GM0556", "-j", "2019", "--van", "2019-11-01", "--tot", "2020-07-15")
    assert (v["au_van"], v["au_tot"], v["mutatie"]) == ("29251244.10", "32424166.74", "3172922.64")
    assert v["oorzaken"] == {
        "uitkeringsfactor": "0.00",
        "aantallen": "-7044022.26",
        "bedragen_per_eenheid": "10216944.90",
        "buiten_factor": "0.00",
    }
    inwoners = next(m for m in v["per_maatstaf"] if m["code"] == "2")
    assert (inwoners["aantallen"], inwoners["bedragen_per_eenheid"]) == ("64360.58", "8115.98")
