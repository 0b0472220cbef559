"""The catalogues: extract every Dutch msgid, say which lack an English text, compile the English .mo.

    python -m tools.vertalingen             # report missing and stale msgids, write the .mo files in taal/locale
    python -m tools.vertalingen --aanvullen # also add the missing msgids, with an empty msgstr, to their fragment
    python -m tools.vertalingen --opruimen  # also drop from the fragments the msgids the product no longer says
    python -m tools.vertalingen --check     # exit 1 when a msgid lacks English, or the .mo differs from the .po

The msgids are the Dutch source texts, found (Babel) in Python as `_()`, `N_()` and `ngettext()`, in the
Jinja templates (`*.j2`, jinja2's Babel extractor: `{% trans %}`, `_()`, `gettext()`, `ngettext()`), and as
the docstrings of the CLI's commands (their --help). The English lives in fragments, one per part of the
product: `taal/po/en/web.po` for web/ and reports/, `taal/po/en/kern.po` for the rest. The .mo, one for all,
is checked in; tests/unit/test_vertalingen.py fails when it drifts from the fragments or a msgid lacks English.
It also compiles `taal/po/nl/click.po`, Dutch for the texts of click and typer themselves.
"""

from __future__ import annotations

import ast
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "taal" / "po" / "en"
MO = ROOT / "taal" / "locale" / "en" / "LC_MESSAGES" / "begroting.mo"
KLIK_PO = ROOT / "taal" / "po" / "nl" / "click.po"
KLIK_MO = ROOT / "taal" / "locale" / "nl" / "LC_MESSAGES" / "click.mo"
"""Dutch for click's and typer's own texts (usage, option help, parse errors): their msgids are English."""
KAMERS = ["events", "documents", "storage", "ledger", "projections", "checks", "reports", "web", "cli", "tools", "taal"]
FRAGMENT = {"web": "web", "reports": "web"}
"""The room -> its fragment (taal/po/en/<fragment>.po); every other room: kern."""
SLEUTELWOORDEN = {"_": None, "N_": None, "ngettext": (1, 2)}
VAST = datetime(2026, 1, 1, tzinfo=UTC)
"""The catalogue's dates in the .mo header: fixed, so that compiling twice gives the same bytes."""

Msgid = str | tuple[str, str]


@dataclass(frozen=True)
class Vindplaats:
    msgid: Msgid
    bestand: str
    regel: int

    @property
    def fragment(self) -> str:
        return FRAGMENT.get(self.bestand.split("/")[0], "kern")


def bestanden() -> Iterator[Path]:
    for kamer in KAMERS:
        for pad in sorted((ROOT / kamer).rglob("*")):
            if pad.suffix in (".py", ".j2") and "__pycache__" not in pad.parts:
                yield pad


def uit_python(pad: Path) -> Iterator[tuple[int, Msgid]]:
    from babel.messages.extract import extract

    with pad.open("rb") as bron:
        for regel, bericht, _opmerkingen, _context in extract("python", bron, SLEUTELWOORDEN):
            yield regel, bericht
    yield from opdrachtteksten(pad)


def uit_jinja(pad: Path) -> Iterator[tuple[int, Msgid]]:
    from babel.messages.extract import extract

    opties = {"extensions": "jinja2.ext.i18n", "trimmed": "true"}
    with pad.open("rb") as bron:
        for regel, bericht, _opmerkingen, _context in extract("jinja2.ext:babel_extract", bron, options=opties):
            yield regel, bericht


def is_opdracht(functie: ast.FunctionDef) -> bool:
    """A typer command or callback: its docstring is its --help."""
    return any(
        isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr in ("command", "callback")
        for d in functie.decorator_list
    )


def opdrachtteksten(pad: Path) -> Iterator[tuple[int, str]]:
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.FunctionDef) and is_opdracht(knoop) and (tekst := ast.get_docstring(knoop)):
            yield knoop.lineno, tekst


def vindplaatsen() -> list[Vindplaats]:
    uit: list[Vindplaats] = []
    for pad in bestanden():
        lezer = uit_jinja if pad.suffix == ".j2" else uit_python
        naam = pad.relative_to(ROOT).as_posix()
        uit += [Vindplaats(bericht, naam, regel) for regel, bericht in lezer(pad) if bericht]
    return uit


def sleutel(msgid: Msgid) -> str:
    return msgid[0] if isinstance(msgid, tuple) else msgid


def fragmenten() -> dict[str, object]:
    """Each fragment's name -> its Babel catalogue."""
    from babel.messages.pofile import read_po

    uit: dict[str, object] = {}
    for pad in sorted(PO.glob("*.po")):
        with pad.open("rb") as bron:
            uit[pad.stem] = read_po(bron, locale="en", domain="begroting")
    return uit


def vertaald(bericht: object) -> bool:
    tekst = bericht.string  # type: ignore[attr-defined]
    return all(tekst) if isinstance(tekst, tuple) else bool(tekst)


def ontbrekend(plaatsen: list[Vindplaats], catalogi: dict[str, object]) -> list[Vindplaats]:
    """The msgids without an English text in any fragment, first place each."""
    klaar = {b.id if isinstance(b.id, str) else b.id[0] for c in catalogi.values() for b in c if b.id and vertaald(b)}  # type: ignore[attr-defined]
    gezien: set[str] = set()
    uit = []
    for plaats in plaatsen:
        if sleutel(plaats.msgid) not in klaar and sleutel(plaats.msgid) not in gezien:
            gezien.add(sleutel(plaats.msgid))
            uit.append(plaats)
    return uit


def verouderd(plaatsen: list[Vindplaats], catalogi: dict[str, object]) -> list[tuple[str, str]]:
    """(fragment, msgid) of texts the fragments translate that the product no longer says."""
    gebruikt = {sleutel(p.msgid) for p in plaatsen}
    return [(naam, sleutel(b.id)) for naam, c in catalogi.items() for b in c if b.id and sleutel(b.id) not in gebruikt]  # type: ignore[attr-defined]


def samengevoegd(catalogi: dict[str, object]) -> object:
    from babel.messages.catalog import Catalog

    geheel = Catalog(
        locale="en", domain="begroting", project="begroting", version="1", creation_date=VAST, revision_date=VAST
    )
    for catalogus in catalogi.values():
        for bericht in catalogus:  # type: ignore[attr-defined]
            if bericht.id and vertaald(bericht):
                geheel.add(bericht.id, bericht.string)
    return geheel


def mo_bytes(catalogi: dict[str, object]) -> bytes:
    from babel.messages.mofile import write_mo

    uit = io.BytesIO()
    write_mo(uit, samengevoegd(catalogi))  # type: ignore[arg-type]
    return uit.getvalue()


def klik_mo_bytes() -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with KLIK_PO.open("rb") as bron:
        catalogus = read_po(bron, locale="nl", domain="click")
    catalogus.creation_date = catalogus.revision_date = VAST
    uit = io.BytesIO()
    write_mo(uit, catalogus)
    return uit.getvalue()


def aanvullen(missen: list[Vindplaats]) -> None:
    """Appends the missing msgids to their fragment with an empty msgstr, for a translator to fill."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    for naam in sorted({p.fragment for p in missen}):
        nieuw = Catalog(locale="en", domain="begroting")
        for plaats in (p for p in missen if p.fragment == naam):
            leeg = ("", "") if isinstance(plaats.msgid, tuple) else ""
            nieuw.add(plaats.msgid, leeg, locations=[(plaats.bestand, None)])
        uit = io.BytesIO()
        write_po(uit, nieuw, width=120, omit_header=True)
        pad = PO / f"{naam}.po"
        oud = pad.read_text(encoding="utf-8") if pad.exists() else ""
        pad.write_text(oud.rstrip("\n") + "\n\n" + uit.getvalue().decode("utf-8").lstrip("\n"), encoding="utf-8")


def opruimen(oud: list[tuple[str, str]]) -> None:
    """Drops the msgids the product no longer says from their fragments."""
    from babel.messages.pofile import write_po

    catalogi = fragmenten()
    for naam in sorted({n for n, _m in oud}):
        weg = {m for n, m in oud if n == naam}
        catalogus = catalogi[naam]
        for bericht in list(catalogus):  # type: ignore[attr-defined]
            if bericht.id and sleutel(bericht.id) in weg:
                catalogus.delete(bericht.id)  # type: ignore[attr-defined]
        uit = io.BytesIO()
        write_po(uit, catalogus, width=120, omit_header=True)  # type: ignore[arg-type]
        (PO / f"{naam}.po").write_bytes(uit.getvalue())


def main(argv: list[str]) -> int:
    plaatsen, catalogi = vindplaatsen(), fragmenten()
    missen, oud = ontbrekend(plaatsen, catalogi), verouderd(plaatsen, catalogi)
    for plaats in missen:
        print(f"geen Engels: {plaats.bestand}:{plaats.regel} ({plaats.fragment}.po): {sleutel(plaats.msgid)!r}")
    for naam, msgid in oud:
        print(f"niet meer gebruikt: {naam}.po: {msgid!r}")
    if "--aanvullen" in argv and missen:
        aanvullen(missen)
    if "--opruimen" in argv and oud:
        opruimen(oud)
    catalogi = fragmenten()
    gecompileerd = {MO: mo_bytes(catalogi), KLIK_MO: klik_mo_bytes()}
    if "--check" in argv:
        return 1 if missen or any(not p.exists() or p.read_bytes() != b for p, b in gecompileerd.items()) else 0
    for pad, inhoud in gecompileerd.items():
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_bytes(inhoud)
    print(f"{len({sleutel(p.msgid) for p in plaatsen})} teksten, {len(missen)} zonder Engels; {MO.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
