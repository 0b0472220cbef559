"""Round trips through workbooks in thousands: every test document written by `document --eenheid 1000` (where its
amounts are whole thousands; else in its own eenheid) and recorded into a fresh ledger answers the same saldo."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import begroting
from tests.integration.test_alle_documenten import IN_WERKBOEK_NIET, SETS, _antwoorden, _gemeenten_en_bronnen


def _schrijf(db: str, gemeente: str, bron: str, pad: Path) -> tuple[Path, bool]:
    """The document as a workbook in thousands when it can be; the path written and whether it is in thousands."""
    uitkomst = begroting(db, "document", gemeente, bron, "--out", str(pad), "--eenheid", "1000")
    if uitkomst.exit_code == 0:
        return pad, True
    if "is niet heel in eenheid 1000" in uitkomst.stderr:
        uitkomst = begroting(db, "document", gemeente, bron, "--out", str(pad))
    if uitkomst.exit_code == 2:  # a workbook names the one field it cannot hold: the document goes as YAML
        assert any(f".{veld}: een werkboek bevat geen" in uitkomst.stderr for veld in IN_WERKBOEK_NIET)
        pad = pad.with_suffix(".yaml")
        uitkomst = begroting(db, "document", gemeente, bron, "--out", str(pad))
    assert uitkomst.exit_code == 0, uitkomst.stderr
    return pad, False


@pytest.mark.parametrize("naam", sorted(SETS))
def test_every_document_through_a_workbook_in_thousands_answers_the_same_saldo(naam: str, tmp_path: Path) -> None:
    db, nieuw = f"sqlite:///{tmp_path / 'oud.db'}", f"sqlite:///{tmp_path / 'nieuw.db'}"
    assert begroting(db, "record", *SETS[naam]).exit_code == 0
    bronnen = _gemeenten_en_bronnen(db)
    in_duizendtallen = 0
    for i, (gemeente, bron) in enumerate(bronnen):
        pad, duizend = _schrijf(db, gemeente, bron, tmp_path / f"{i:02d}-{bron}.xlsx")
        if duizend:
            assert dict(load_workbook(pad)["bron"].iter_rows(values_only=True))["eenheid"] == 1000
            in_duizendtallen += 1
        uitkomst = begroting(nieuw, "record", str(pad))
        assert uitkomst.exit_code == 0, uitkomst.stderr
        assert begroting(db, "record", "--strict", str(pad)).stdout.startswith("ongewijzigd ")
    gemeenten = {g for g, _ in bronnen}
    assert _antwoorden(nieuw, gemeenten) == _antwoorden(db, gemeenten)
    assert (in_duizendtallen, len(bronnen)) == DUIZENDTALLEN[naam]


DUIZENDTALLEN = {
    "bcf-afrekening": (1, 1),
    "bergendal-2019": (2, 2),
    "buig-maassluis-2023": (1, 4),  # BUIG beschikkingen in euros (three of them YAML: opbouw, vorige)
    "gouda-2018": (2, 2),
    "noordenveld-2023": (1, 1),
    "oss-2022": (2, 2),
    "oss-2023": (2, 2),
    "regels-2021": (3, 3),
    "renkum-2019": (0, 1),  # its najaarsnota has euros
    "reserves": (3, 3),
    "steenwijkerland-2020": (5, 5),
    "voorbeeldstad-2024": (3, 4),
    "wmo-dalfsen-2007": (2, 3),  # the begroting in euros (1.633.880)
}
"""Per set: how many of its documents went through a workbook in thousands, of how many."""
