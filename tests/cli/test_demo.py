"""`begroting demo` leaves its ledger and its examples in the working directory; a read never makes a database."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cli.main import app

GEEN_GROOTBOEK = "fout: geen grootboek in begroting.db: nog niets geboekt (begroting record, of begroting demo)\n"
VOORBEELDEN = [
    "voorbeeld/01-begroting.yaml",
    "voorbeeld/02-buig-2020-nader-voorlopig.yaml",
    "voorbeeld/03-septembercirculaire-2020.yaml",
    "voorbeeld/04-buig-definitief-2020-voorlopig-2021.yaml",
    "voorbeeld/05-informatienota-stelposten.yaml",
    "voorbeeld/README.md",
    "voorbeeld/buig-maassluis-2023/01-begroting-2023.yaml",
    "voorbeeld/buig-maassluis-2023/02-buig-voorlopig-2023.yaml",
    "voorbeeld/buig-maassluis-2023/03-buig-nader-voorlopig-2023-onjuist.yaml",
    "voorbeeld/buig-maassluis-2023/04-buig-definitief-2023.yaml",
    "voorbeeld/oefening/hersteld.yaml",
    "voorbeeld/oefening/tikfout.yaml",
    "voorbeeld/wmo-dalfsen-2007/01-begroting-2007.yaml",
    "voorbeeld/wmo-dalfsen-2007/02-facturen-zorg-in-natura.yaml",
    "voorbeeld/wmo-dalfsen-2007/03-voortgangsbrief.yaml",
]


@pytest.fixture
def hier(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh working directory, no database chosen from outside."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BEGROTING_DB", raising=False)
    return tmp_path


def begroting(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def inhoud(map_: Path) -> list[str]:
    """The files in a directory; SQLite's -wal and -shm beside a database the test process still holds open."""
    return sorted(
        str(p.relative_to(map_)) for p in map_.rglob("*") if p.is_file() and p.suffix not in (".db-wal", ".db-shm")
    )


def test_the_demo_leaves_its_ledger_and_examples_here_and_nothing_in_the_temporary_directory(
    hier: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    tijdelijk = tmp_path_factory.mktemp("tijdelijk")  # the demo's own: other processes use the shared /tmp
    monkeypatch.setattr(tempfile, "tempdir", str(tijdelijk))
    uitkomst = begroting("demo")
    assert uitkomst.exit_code == 0, uitkomst.stderr
    assert uitkomst.stdout.splitlines()[-4:] == [
        "grootboek: sqlite:///begroting.db",
        "voorbeeldbestanden: voorbeeld/ (15 geschreven, 0 stonden er al en bleven staan)",
        "verder: begroting explain --gemeente GM1708 --post buig --jaar 2020",
        "in de browser: begroting serve  (dan http://127.0.0.1:8000/)",
    ]
    assert inhoud(hier) == ["begroting.db", *VOORBEELDEN]
    assert list(tijdelijk.iterdir()) == []
    saldo = begroting("saldo", "--gemeente", "GM1708", "--as-of", "2020-10-13", "--format", "csv")
    assert "[begrotingssaldo],,2020,0.00,2112000.00,2112000.00" in saldo.stdout.splitlines()


def test_a_second_demo_leaves_the_ledger_here_alone_and_says_where_it_recorded(hier: Path) -> None:
    assert begroting("demo").exit_code == 0
    eerste = begroting("events", "--format", "json").stdout
    (hier / "voorbeeld/01-begroting.yaml").write_text("# mijn eigen versie\n")
    uitkomst = begroting("demo")
    assert uitkomst.exit_code == 0, uitkomst.stderr
    assert uitkomst.stdout.splitlines()[-4:-1] == [
        "grootboek: sqlite:///begroting-demo.db (begroting.db bestaat al en blijft onaangeroerd;"
        " de demo boekt in begroting-demo.db)",
        "voorbeeldbestanden: voorbeeld/ (0 geschreven, 15 stonden er al en bleven staan)",
        "verder: begroting --db sqlite:///begroting-demo.db explain --gemeente GM1708 --post buig --jaar 2020",
    ]
    assert begroting("events", "--format", "json").stdout == eerste
    assert eerste.count('"id": "GM1708-') == 19
    assert (hier / "voorbeeld/01-begroting.yaml").read_text() == "# mijn eigen versie\n"
    assert begroting("--db", "sqlite:///begroting-demo.db", "events", "--gemeente", "GM1708").exit_code == 0


@pytest.mark.parametrize(
    "opdracht",
    [
        ["events"],
        ["saldo", "--gemeente", "GM1708"],
        ["diff", "--gemeente", "GM1708", "--van", "2020-06-30", "--tot", "2020-10-13"],
        ["explain", "--gemeente", "GM1708", "--post", "buig", "--jaar", "2020"],
        ["history", "--gemeente", "GM1708", "--post", "buig", "--jaar", "2020"],
        ["reserves", "--gemeente", "GM1708"],
        ["signals", "--gemeente", "GM1708", "--jaar", "2020"],
        ["verify"],
        ["heads", "--out", "heads.json"],
        ["export", "--format", "journal"],
        ["document", "GM1708", "septembercirculaire-2020", "--out", "x.yaml"],
        ["withdraw", "GM1708-0017", "--reden", "vervallen"],
    ],
)
def test_a_read_of_a_missing_ledger_is_refused_and_makes_no_file(hier: Path, opdracht: list[str]) -> None:
    uitkomst = begroting(*opdracht)
    assert (uitkomst.exit_code, uitkomst.stderr) == (2, GEEN_GROOTBOEK)
    assert inhoud(hier) == []


def test_a_record_still_makes_the_ledger_it_records_into(hier: Path) -> None:
    from cli.demo import demo_documenten

    uitkomst = begroting("record", demo_documenten()[0])
    assert uitkomst.exit_code == 0, uitkomst.stderr
    assert inhoud(hier) == ["begroting.db"]
