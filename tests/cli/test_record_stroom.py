"""`record` writes a large batch a part at a time inside its one transaction: a refusal anywhere still writes nothing.

The parts are made one event small here (PER_KEER = 1) and no ledger is kept between them
(BEWAARD = 0), so every document's events are written before the next file is read.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from eventsourcing.persistence import IntegrityError

from ledger import stroom
from ledger.application import BegrotingApp
from tests.conftest import DATA, als_json, begroting, opgeslagen

VOORBEELDSTAD = DATA / "voorbeeldstad-2024"
SLECHT = DATA / "ongeldig" / "03-jaar-1800.yaml"
NIEUW = (
    "gemeente: GM1708\nbron: {id: nieuw, datum: 2020-11-01}\n"
    "events:\n  - {type: bcf_afrekening, jaar: 2019, bedrag: 295}\n"
)


@pytest.fixture(autouse=True)
def kleine_delen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stroom, "PER_KEER", 1)
    monkeypatch.setattr(stroom, "BEWAARD", 0)


def bron(pad: str) -> str:
    return yaml.safe_load(Path(pad).read_text())["bron"]["id"]


def test_a_bad_file_after_many_good_ones_writes_nothing(db_url: str, voorbeeld: list[str]) -> None:
    uitkomst = begroting(db_url, "record", *voorbeeld, str(SLECHT))
    assert (uitkomst.exit_code, uitkomst.stderr) == (
        2,
        f"fout: {SLECHT}: events[0].jaar: jaar 1800 ligt buiten 1990-2100\n",
    )
    assert opgeslagen(db_url) == []


def test_a_conflict_in_the_last_document_writes_nothing(db_url: str, voorbeeld: list[str], tmp_path: Path) -> None:
    assert begroting(db_url, "record", *voorbeeld).exit_code == 0
    voor = opgeslagen(db_url)
    nieuw, gewijzigd = tmp_path / "nieuw.yaml", tmp_path / "sept.yaml"
    nieuw.write_text(NIEUW)
    gewijzigd.write_text(Path(voorbeeld[2]).read_text().replace("77891", "78891"))
    stad = sorted(str(p) for p in VOORBEELDSTAD.glob("*.yaml"))
    uitkomst = begroting(db_url, "record", str(nieuw), *stad, str(gewijzigd))
    assert uitkomst.exit_code == 3, uitkomst.stderr
    assert f"{gewijzigd}: " in uitkomst.stderr
    assert opgeslagen(db_url) == voor


def test_strict_refuses_a_warning_in_the_last_document_and_writes_nothing(db_url: str, tmp_path: Path) -> None:
    stad = sorted(str(p) for p in VOORBEELDSTAD.glob("*.yaml"))
    anders = tmp_path / "mei-anders.yaml"
    anders.write_text(
        Path(stad[2]).read_text().replace("-72000", "-70000").replace("id: meicirculaire-2024", "id: mei-b")
    )
    uitkomst = begroting(db_url, "record", *stad, str(anders), "--strict")
    assert uitkomst.exit_code == 2
    assert uitkomst.stderr.startswith(f"fout: --strict: geweigerd, niets geschreven: {anders}: controle.saldo.2024: ")
    assert opgeslagen(db_url) == []


def test_a_controle_counts_the_documents_before_it_in_the_command_as_one_record_at_a_time(
    db_url: str, tmp_path: Path
) -> None:
    """The dry run of a controle reads the earlier documents of its gemeente again, from the record's own copy."""
    stad = sorted(str(p) for p in VOORBEELDSTAD.glob("*.yaml"))
    kopie = [str(shutil.copy(p, tmp_path / Path(p).name)) for p in stad[:2]]
    anders = tmp_path / "mei-anders.yaml"
    anders.write_text(
        Path(stad[2]).read_text().replace("-72000", "-70000").replace("id: meicirculaire-2024", "id: mei-b")
    )
    uitkomst = begroting(db_url, "record", *kopie, str(anders))
    assert uitkomst.exit_code == 0, uitkomst.stderr
    controle = "controle.saldo.2024: het document noemt € -70.000,00, het grootboek berekent € -72.000,00"
    assert uitkomst.stderr == f"waarschuwing: {anders}: {controle}\n"


def test_interleaved_gemeenten_are_stored_in_order_and_verify(db_url: str, voorbeeld: list[str]) -> None:
    """Ledgers dropped between parts are read again inside the transaction: each chain whole, in file order."""
    stad = sorted(str(p) for p in VOORBEELDSTAD.glob("*.yaml"))
    door_elkaar = [p for paar in zip(voorbeeld, stad, strict=False) for p in paar] + voorbeeld[len(stad) :]
    uitkomst = begroting(db_url, "record", *door_elkaar, "--door", "j.jansen")
    assert uitkomst.exit_code == 0, uitkomst.stderr
    for gemeente, bestanden in (("GM1708", voorbeeld), ("GM0999", stad)):
        events = als_json(db_url, "events", "--gemeente", gemeente)
        assert list(dict.fromkeys(e["bron"] for e in events)) == [bron(b) for b in bestanden]
        assert [e["id"] for e in events] == [f"{gemeente}-{v:04d}" for v in range(2, len(events) + 2)]
    assert begroting(db_url, "verify").exit_code == 0


def test_a_retry_after_another_writer_records_the_files_as_first_read(
    db_url: str, voorbeeld: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second attempt reads the documents from the record's own copy: the files may be gone by then."""
    monkeypatch.setattr(stroom, "PER_KEER", 10_000)  # written once, at the end, when every file has been read
    kopie = [str(shutil.copy(p, tmp_path / Path(p).name)) for p in voorbeeld]
    opslaan, pogingen = BegrotingApp.save, []

    def eerst_een_botsing(app: BegrotingApp, *args: object, **kwargs: object) -> object:
        if not pogingen:
            pogingen.append(1)
            for pad in kopie:
                Path(pad).unlink()
            raise IntegrityError("another writer got there first")
        return opslaan(app, *args, **kwargs)

    monkeypatch.setattr(BegrotingApp, "save", eerst_een_botsing)
    uitkomst = begroting(db_url, "record", *kopie)
    assert uitkomst.exit_code == 0, uitkomst.stderr
    assert uitkomst.stdout.splitlines()[-1] == "19 events geboekt uit 5 documenten"
    assert len(opgeslagen(db_url)) == 20  # the ledger's opening and its 19 events, once


def test_a_small_record_stores_its_ledgers_in_the_order_first_used(
    db_url: str, voorbeeld: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One write at the end, as one save of all ledgers did: GM1708's events first, then GM0999's."""
    monkeypatch.setattr(stroom, "PER_KEER", 10_000)
    stad = sorted(str(p) for p in VOORBEELDSTAD.glob("*.yaml"))
    assert begroting(db_url, "record", voorbeeld[0], stad[0], voorbeeld[1]).exit_code == 0
    gemeenten = [b"GM1708" in s for _, _, s in opgeslagen(db_url)]
    assert gemeenten == sorted(gemeenten, reverse=True)
