"""The catalogues: every Dutch text has its English, the .mo is compiled from the .po, and no text bypasses them."""

from __future__ import annotations

import ast
import gettext
import io

import pytest

import taal
from tools import onvertaald, vertalingen

GECONTROLEERD = ["cli", "ledger", "projections", "checks", "storage", "events", "documents", "reports", "web"]
"""The rooms whose every user-facing literal goes through the catalogue (tools/onvertaald.py), the workbook's
`blad.fout(rij, kolom, melding)` cell messages included; tools/ are the developers' own, in Dutch without a
catalogue. The check sees what is printed, raised or handed to `fout`, not a text handed to another helper: a
report's titles (an argument of Report) are kept to the catalogue by review, not by this check."""


@pytest.fixture(scope="module")
def plaatsen() -> list[vertalingen.Vindplaats]:
    return vertalingen.vindplaatsen()


def test_every_dutch_text_in_the_product_has_an_english_one(plaatsen: list[vertalingen.Vindplaats]) -> None:
    missen = vertalingen.ontbrekend(plaatsen, vertalingen.fragmenten())
    assert [f"{p.bestand}:{p.regel}" for p in missen] == [], "fill taal/po/en/*.po (python -m tools.vertalingen)"


def test_the_fragments_translate_no_text_the_product_no_longer_says(plaatsen: list[vertalingen.Vindplaats]) -> None:
    assert vertalingen.verouderd(plaatsen, vertalingen.fragmenten()) == []


def test_the_checked_in_mo_is_compiled_from_the_fragments() -> None:
    assert vertalingen.MO.read_bytes() == vertalingen.mo_bytes(vertalingen.fragmenten()), (
        "run python -m tools.vertalingen and commit taal/locale"
    )


def test_the_extraction_finds_the_command_docstrings_and_the_marked_texts(
    plaatsen: list[vertalingen.Vindplaats],
) -> None:
    msgids = {vertalingen.sleutel(p.msgid) for p in plaatsen}
    assert "fout" in msgids  # _() in cli/app.py
    assert any(m.startswith("begroting: een event-sourced") for m in msgids)  # N_() for the app's help
    assert any(m.startswith("Het journaal:") for m in msgids)  # the docstring of `events`


def test_a_text_marked_inside_an_f_string_is_extracted_too(plaatsen: list[vertalingen.Vindplaats]) -> None:
    """Babel's Python extractor does not look inside an f-string: `f"<b>{_('tekst')}</b>"` would never reach
    the catalogue, so every marked literal the syntax tree holds must be among what was extracted."""
    msgids = {vertalingen.sleutel(p.msgid) for p in plaatsen}
    gemist = [
        f"{pad.relative_to(vertalingen.ROOT)}:{knoop.lineno}"
        for pad in vertalingen.bestanden()
        if pad.suffix == ".py"
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8")))
        if isinstance(knoop, ast.Call)
        and isinstance(knoop.func, ast.Name)
        and knoop.func.id in ("_", "N_")
        and knoop.args
        and isinstance(knoop.args[0], ast.Constant)
        and knoop.args[0].value not in msgids
    ]
    assert gemist == [], "take the _() call out of the f-string"


@pytest.mark.parametrize("kamer", GECONTROLEERD)
def test_no_user_facing_literal_bypasses_the_catalogue(kamer: str) -> None:
    assert onvertaald.in_kamers([kamer]) == []


def test_the_literal_check_finds_an_unwrapped_message_help_and_refusal() -> None:
    bron = """
typer.echo(f"{n} events written")
typer.echo(_("{n} events geschreven").format(n=n))
typer.echo(f"{a}: {b}")
x = typer.Option("--x", help="The x.")
y = typer.Option("--y", help=N_("De y."))
raise typer.BadParameter("not a date")
raise OnbekendEvent(f"{nummer} is not in the ledger")
raise OnbekendEvent(_("{nummer} staat niet in het grootboek").format(nummer=nummer))
raise TypeError("only a programmer reads this")
blad.fout(r, k, f"{naam} is given twice")
blad.fout(r, k, _("{naam} staat er twee keer").format(naam=naam))
blad.fout(r, k, melding=f"a value without a key")
"""
    assert [v.split(": ", 1)[0] for v in onvertaald.vondsten(bron)] == [
        "<tekst>:2",
        "<tekst>:5",
        "<tekst>:7",
        "<tekst>:8",
        "<tekst>:11",
        "<tekst>:13",
    ]


def test_english_is_read_from_the_catalogue_and_dutch_is_the_source_text() -> None:
    assert taal._("fout") == "fout"
    with taal.in_taal("en"):
        assert taal._("fout") == "error"
        assert taal.huidige() == "en"
    assert taal.huidige() == "nl"


def test_a_request_language_does_not_change_the_process_language() -> None:
    taal.kies("en")
    with taal.in_taal("nl"):
        assert taal._("fout") == "fout"
    assert taal._("fout") == "error"


@pytest.mark.parametrize(
    ("omgeving", "verwacht"),
    [
        ({}, "nl"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "C.UTF-8"}, "nl"),
        ({"LANG": "de_DE.UTF-8"}, "nl"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"),
        ({"LC_ALL": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"}, "nl"),
        ({"LC_MESSAGES": "en_US.UTF-8"}, "en"),
        ({"BEGROTING_TAAL": "en", "LANG": "nl_NL.UTF-8"}, "en"),
        ({"BEGROTING_TAAL": "nl", "LANG": "en_US.UTF-8"}, "nl"),
        ({"BEGROTING_TAAL": "fr", "LANG": "en_US.UTF-8"}, "en"),
    ],
)
def test_the_language_follows_begroting_taal_then_the_locale_then_dutch(
    monkeypatch: pytest.MonkeyPatch, omgeving: dict[str, str], verwacht: str
) -> None:
    for naam in ("BEGROTING_TAAL", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(naam, raising=False)
    for naam, waarde in omgeving.items():
        monkeypatch.setenv(naam, waarde)
    assert taal.kies(None) == verwacht


def test_an_explicit_language_wins_and_an_unknown_one_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert taal.kies("nl") == "nl"
    with pytest.raises(ValueError, match="'fr'"):
        taal.kies("fr")


def test_plurals_follow_the_number_in_both_languages() -> None:
    mo = gettext.GNUTranslations(io.BytesIO(vertalingen.MO.read_bytes()))
    assert mo.plural(1) == 0
    assert mo.plural(2) == 1
    assert taal.ngettext("{n} gebeurtenis", "{n} gebeurtenissen", 2) == "{n} gebeurtenissen"


def vertaald_bij_het_laden(bron: str) -> list[int]:
    """Lines where `_()` or `ngettext()` runs as the module loads (at module or class level, or as a default
    argument): the text would be fixed in the language of the moment of import, before --taal is read."""
    regels = []
    for knoop in ast.walk(ast.parse(bron)):
        if isinstance(knoop, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for standaard in [*knoop.args.defaults, *(d for d in knoop.args.kw_defaults if d is not None)]:
                regels += [n.lineno for n in ast.walk(standaard) if _is_vertaling(n)]
    bovenaan = [k for k in ast.parse(bron).body]
    while bovenaan:
        knoop = bovenaan.pop()
        if isinstance(knoop, ast.ClassDef):
            bovenaan += knoop.body
        elif not isinstance(knoop, (ast.FunctionDef, ast.AsyncFunctionDef)):
            regels += [n.lineno for n in ast.walk(knoop) if _is_vertaling(n)]
    return sorted(regels)


def _is_vertaling(knoop: ast.AST) -> bool:
    return isinstance(knoop, ast.Call) and isinstance(knoop.func, ast.Name) and knoop.func.id in ("_", "ngettext")


@pytest.mark.parametrize("kamer", vertalingen.KAMERS)
def test_no_text_is_translated_as_a_module_loads(kamer: str) -> None:
    gevonden = {
        str(p.relative_to(vertalingen.ROOT)): regels
        for p in (vertalingen.ROOT / kamer).rglob("*.py")
        if (regels := vertaald_bij_het_laden(p.read_text(encoding="utf-8")))
    }
    assert gevonden == {}, "mark it with N_() and translate with _() where it is shown"


def test_the_load_time_check_finds_a_constant_a_class_attribute_and_a_default() -> None:
    bron = 'A = _("x")\nclass K:\n    B = _("y")\ndef f(c=_("z")):\n    return _("w")\n'
    assert vertaald_bij_het_laden(bron) == [1, 3, 4]
