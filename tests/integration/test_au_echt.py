"""Real published specifications of the algemene uitkering (tests/data/au-*, sources in each BRON.md) recorded and
recomputed by `begroting au`: every printed row that its BRON.md does not name as the table's own rounding is
reproduced at the table's precision, the named ones are exactly the rows `record` warns of."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml

from tests.conftest import DATA, als_json, begroting

AFWIJKING = re.compile(r"^\| (\S+) \| (\d{4}) \| (afronding|aantal afgerond|tarief afgerond) \|")
SPECIFICATIES = {  # directory, gemeente, jaar, the knowledge date asked, the table's precision
    "au-capelleaandenijssel-2021": ("GM0502", 2021, "2021-01-01", Decimal("0.01")),
    "au-ommen-2023": ("GM0175", 2023, "2024-12-31", Decimal("1")),
}


def afwijkend(map_: Path, jaar: int) -> set[str]:
    """The rows BRON.md names as not aantal × tarief or bedrag per eenheid at the table's precision."""
    regels = (map_ / "BRON.md").read_text(encoding="utf-8").splitlines()
    return {m[1] for r in regels if (m := AFWIJKING.match(r)) and int(m[2]) == jaar}


def gedrukt(map_: Path, jaar: int) -> dict[str, Decimal]:
    documenten = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in map_.glob("*.yaml")]
    maatstaven = [e for d in documenten for e in d["events"] if e["type"] == "maatstaven"]
    return {str(c): Decimal(str(b)) for m in maatstaven for c, b in m["jaren"][jaar].get("bedragen", {}).items()}


@pytest.mark.parametrize("naam", sorted(SPECIFICATIES))
def test_a_real_specification_is_reproduced_row_for_row(db_url: str, naam: str) -> None:
    gemeente, jaar, as_of, precisie = SPECIFICATIES[naam]
    map_ = DATA / naam
    bestanden = sorted(str(p) for p in map_.glob("*.yaml"))
    uitkomst = begroting(db_url, "record", *bestanden)
    assert uitkomst.exit_code == 0, uitkomst.stderr
    gewaarschuwd = set(re.findall(rf"jaren\.{jaar}\.bedragen\.(\S+): het document noemt", uitkomst.stderr))
    verwacht = afwijkend(map_, jaar)
    assert verwacht and gewaarschuwd == {c for c in verwacht if c in gedrukt(map_, jaar)}

    au = als_json(db_url, "au", "--gemeente", gemeente, "--jaar", str(jaar), "--as-of", as_of)
    berekend = {r["code"]: Decimal(r["bedrag"]) for o in au["onderdelen"] for r in o["regels"]}
    kloppend = {c: b for c, b in gedrukt(map_, jaar).items() if c not in verwacht}
    assert len(kloppend) >= 13
    assert {c: berekend[c].quantize(precisie, ROUND_HALF_UP) for c in kloppend} == kloppend


def test_capelle_three_year_averages_as_fractions_give_the_printed_amounts(db_url: str) -> None:
    bestand = DATA / "au-capelleaandenijssel-2021" / "begroting-2021.yaml"
    assert begroting(db_url, "record", str(bestand)).exit_code == 0
    au = als_json(db_url, "au", "--gemeente", "GM0502", "--jaar", "2021", "--as-of", "2021-01-01")
    regels = {r["code"]: r for r in au["onderdelen"][1]["regels"]}
    assert (regels["8a"]["aantal"], regels["8a"]["bedrag"]) == ("5924/3", "4241939.44")  # printed 1.974,67
    assert (regels["11a"]["aantal"], regels["11a"]["bedrag"]) == ("14696/3", "421873.17")  # printed 4.898,67
    assert (au["onderdelen"][0]["subtotaal"], au["onderdelen"][1]["subtotaal"]) == ("-7471863.16", "42340249.15")
    assert (au["uitkeringsfactor"], au["au"]) == (None, None)  # the stored table stops before the factor
