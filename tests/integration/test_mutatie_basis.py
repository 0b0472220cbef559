"""A change counts on the raming in force at the first change, also when the raming moves between changes."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import als_json, begroting

DOCUMENTEN = [
    """gemeente: GM0998
bron: {id: begroting-2024, datum: 2023-11-09}
events:
  - type: begroting
    naam: Begroting 2024
    saldo: {2024: 0}
    posten:
      - {post: leges, richting: baten, bedragen: {2024: 1000}}
      - {post: overig, richting: lasten, bedragen: {2024: 1000}}
""",
    """gemeente: GM0998
bron: {id: prognose-maart, datum: 2024-03-01}
events:
  - {type: prognose, post: leges, richting: baten, mutaties: {2024: -100}}
""",
    """gemeente: GM0998
bron: {id: bw-april, datum: 2024-04-01}
events:
  - type: begrotingswijziging
    naam: BW april
    posten:
      - {post: leges, richting: baten, bedragen: {2024: 50}}
""",
    """gemeente: GM0998
bron: {id: prognose-mei, datum: 2024-05-01}
events:
  - {type: prognose, post: leges, richting: baten, mutaties: {2024: -10}}
""",
]


def test_the_second_change_adds_to_the_first_not_to_the_raming_after_it(db_url: str, tmp_path: Path) -> None:
    bestanden = []
    for i, tekst in enumerate(DOCUMENTEN):
        (tmp_path / f"{i}.yaml").write_text(tekst)
        bestanden.append(str(tmp_path / f"{i}.yaml"))
    assert begroting(db_url, "record", *bestanden).exit_code == 0
    s = als_json(db_url, "saldo", "--gemeente", "GM0998", "--as-of", "2024-06-30")
    leges = next(p for p in s["posten"] if p["post"] == "leges")
    # 1.000 − 100 − 10, against the raming 1.050 after the begrotingswijziging
    assert (leges["raming"], leges["prognose"], leges["effect"]) == ("1050.00", "890.00", "-160.00")
