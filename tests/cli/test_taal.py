"""The CLI speaks Dutch by default and English when asked: `--taal en`, BEGROTING_TAAL=en or LANG=en_*."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cli.main import app
from tests.conftest import begroting, voorbeeld_bestanden


def cli(*args: str, **omgeving: str) -> Result:
    return CliRunner().invoke(app, list(args), env=omgeving or None)


def test_the_help_is_dutch_by_default_with_clicks_own_words_too() -> None:
    uit = cli("--help")
    assert uit.exit_code == 0
    assert uit.stdout.startswith("Gebruik: root [OPTIONS] COMMAND [ARGS]...\n\n  begroting: een event-sourced")
    assert "Opties:\n" in uit.stdout and "Commando's:\n" in uit.stdout
    assert "  --help             Toon deze hulp en stop.\n" in uit.stdout
    assert "  record    Controleer brondocumenten en boek ze, alles in één transactie.\n" in uit.stdout
    assert "Usage" not in uit.stdout and "Show this message" not in uit.stdout


@pytest.mark.parametrize(
    ("args", "omgeving"),
    [(("--taal", "en"), {}), ((), {"BEGROTING_TAAL": "en"}), ((), {"LANG": "en_US.UTF-8"})],
)
def test_the_help_is_english_with_taal_en_begroting_taal_or_an_english_locale(
    args: tuple[str, ...], omgeving: dict[str, str]
) -> None:
    uit = cli(*args, "record", "--help", **omgeving)
    assert uit.exit_code == 0
    assert uit.stdout.startswith(
        "Usage: root record [OPTIONS] {bestanden}...\n\n  Validate source documents and record them"
    )
    assert "Refuse any document with a warning." in uit.stdout
    assert "Example: begroting record 01-begroting.yaml" in uit.stdout
    assert "[env var: BEGROTING_DB]" not in uit.stdout  # a subcommand's help holds its own options
    assert "Controleer" not in uit.stdout and "Gebruik" not in uit.stdout


def test_an_option_of_the_top_level_says_its_environment_variable_in_each_language() -> None:
    assert "[omgevingsvariabele: BEGROTING_DB]" in " ".join(cli("--help").stdout.split())
    assert "[env var: BEGROTING_DB]" in " ".join(cli("--taal", "en", "--help").stdout.split())


def test_the_dutch_locale_and_taal_nl_keep_dutch_even_under_an_english_locale() -> None:
    assert cli("--help", LANG="nl_NL.UTF-8").stdout.startswith("Gebruik:")
    assert cli("--taal", "nl", "--help", LANG="en_US.UTF-8").stdout.startswith("Gebruik:")


def test_a_refusal_is_dutch_by_default_and_english_when_asked(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'leeg.db'}"
    nl = cli("--db", db, "saldo", "--gemeente", "GM1708")
    en = cli("--db", db, "--taal", "en", "saldo", "--gemeente", "GM1708")
    leeg = tmp_path / "leeg.db"
    assert (nl.exit_code, nl.stderr) == (
        2,
        f"fout: geen grootboek in {leeg}: nog niets geboekt (begroting record, of begroting demo)\n",
    )
    assert (en.exit_code, en.stderr) == (
        2,
        f"error: there is no ledger in {leeg}: nothing recorded yet (begroting record, or begroting demo)\n",
    )


def test_record_reports_in_the_chosen_language_with_plurals(sqlite_url: str) -> None:
    bestanden = voorbeeld_bestanden()
    en = begroting(sqlite_url, "--taal", "en", "record", *bestanden[:1])
    assert en.stdout.splitlines() == [
        "recorded 01-begroting.yaml: bron begroting-2020-2024-stand-mei for GM1708: 1 event (GM1708-0002)".replace(
            "01-begroting.yaml", bestanden[0]
        ),
        "1 event recorded from 1 document",
    ]
    nl = begroting(sqlite_url, "record", *bestanden)
    assert nl.stdout.splitlines()[-1] == "18 events geboekt uit 5 documenten"
    opnieuw = begroting(sqlite_url, "--taal", "en", "record", *bestanden)
    assert opnieuw.stdout.splitlines()[-1] == "nothing new: all 5 document(s) were already recorded"


def test_a_bad_option_value_is_named_in_the_chosen_language(sqlite_url: str) -> None:
    nl = cli("saldo", "--gemeente", "GM1708", "--eenheid", "7")
    en = cli("--taal", "en", "saldo", "--gemeente", "GM1708", "--eenheid", "7")
    assert nl.exit_code == en.exit_code == 2
    assert nl.stderr.endswith("Fout: Ongeldige waarde voor '--eenheid': 7 is niet 1, 10, 100, 1000, ...\n")
    assert "Probeer 'root saldo --help' voor hulp." in nl.stderr
    assert en.stderr.endswith("Error: Invalid value for '--eenheid': 7 is not 1, 10, 100, 1000, ...\n")


def test_an_unknown_language_is_refused_before_anything_runs() -> None:
    uit = cli("--taal", "fr", "--help")
    assert uit.exit_code == 2
    assert "Ongeldige waarde voor '--taal': 'fr' is niet een van 'nl', 'en'." in uit.stderr


def test_english_for_one_command_leaves_the_next_one_dutch() -> None:
    assert cli("--taal", "en", "--help").stdout.startswith("Usage:")
    assert cli("--help").stdout.startswith("Gebruik:")
