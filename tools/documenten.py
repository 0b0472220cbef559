"""docs/documenten.md, generated from the registry: every document type, its fields, and an example from a real file.

    python -m tools.documenten          # writes docs/documenten.md
    python -m tools.documenten --check  # exit 1 when docs/documenten.md differs from what the registry gives

A test (tests/cli/test_documenten_naslag.py) regenerates it and fails on drift: after a change to an event
type, run this and commit the file.

The page is Dutch, for gemeente controllers: a field's meaning is its `Field(description=...)`, or for a
field every type means the same by, `ALGEMEEN`; a type's or nested model's introduction is its `betekenis`.
A field or model without one is refused (`ZonderBetekenis`, exit 1), so no type can put English on the page.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from documents.documenten import Controlecijfers, Kop
from events.registry import typen
from tools.veldtypen import genest, typenaam

ROOT = Path(__file__).resolve().parents[1]
UITVOER = ROOT / "docs" / "documenten.md"
DATA = ROOT / "tests" / "data"

KOP = """# Documenten: elk type en elk veld

<!-- Gegenereerd door `python -m tools.documenten` uit de registry (events/registry.py); niet met de hand
bewerken: een test vergelijkt dit bestand met wat de registry geeft. -->

Eén bestand (YAML, JSON, of een werkboek `.xlsx`/`.ods`) per brondocument: een circulaire, een beschikking,
een begroting, een informatienota. Bovenaan staat van wie en waar het vandaan komt, onder `events:` wat het
zegt, één event per feit. `begroting record BESTAND` leest het; een ongeldig document wordt geweigerd met
bestand, plaats en reden (exit 2), en er wordt niets geschreven. De betekenis van elk type en elk veld komt
uit de typen zelf; de tijdassen, correcties en de brug staan in [semantiek.md](semantiek.md).

Bedragen staan in euro's, of in de `eenheid` van het document (`eenheid: 1000`: in duizenden, zoals
circulaires en begrotingen ze schrijven); het grootboek bewaart euro's met centen. Jaren zijn
begrotingsjaren, datums `JJJJ-MM-DD`. Een veld dat niet verplicht is mag weg; een veld dat het type niet
kent wordt geweigerd.

"""

ALGEMEEN = {
    "opbouw": "waaruit het bedrag of de mutatie bestaat, genoemde delen met eigen delen: zie *opbouw* bovenaan; "
    "`record` waarschuwt als de delen niet optellen",
    "jaar": "het begrotingsjaar",
    "bedrag": "het bedrag",
    "bedragen": "bedragen per begrotingsjaar",
    "mutaties": "in plaats van `bedragen`: de mutatie per jaar die het document noemt",
    "incidenteel": "`true`: elk jaar van de regel is incidenteel; een lijst: deze jaren (BBV art. 19)",
    "naam": "de naam van het document of besluit, zoals het zichzelf noemt",
    "fase": "`voorlopig`, `nader_voorlopig` of `definitief`",
    "taakveld": "de Iv3-taakveldcode, zoals `0.7`; een code buiten de jaren waarin hij geldt geeft een waarschuwing",
    "programma": "het programma waaronder de post valt",
    "richting": "`baten` of `lasten`; een post houdt één richting",
    "post": "de begrotingspost, een sleutel in kleine letters met punten, zoals `stelpost.jeugdhulp`",
    "reserve": "de naam van de reserve",
}
"""Meanings of fields that every type means the same by, by name; a field's own `description` goes first."""

OPBOUW = (
    "Een `opbouw` (bij elk type met een prognose) verklaart een bedrag of mutatie uit genoemde delen, zoals de "
    "brief het doet: `opbouw: {loon_en_prijs: 120, volume: {bedrag: 300, opbouw: {jeugd: 200, wmo: 100}}}`. "
    "Een kaal bedrag of een kale reeks per jaar is een deel zonder eigen delen. `explain` en `history` tonen "
    "de opbouw onder de post; een verschil van meer dan één eenheid van het document geeft een waarschuwing."
)

OMSLAG = {
    "gemeente": "de CBS-code van de gemeente, `GM` en vier cijfers (GM1708 is Steenwijkerland)",
    "bron": "het brondocument: zie *bron* hieronder",
    "eenheid": "waarin de bedragen van het document staan: 1, 10, 100, 1000, …",
    "controle": "wat het document zelf zegt dat zijn events met het verwacht saldo doen, per jaar "
    "(`controle: {saldo: {2021: 205}}`); `record` waarschuwt bij een verschil",
    "events": "de feiten van het document, elk met zijn `type`; ten minste één",
}


class ZonderBetekenis(TypeError):
    """A field or model the reference has no Dutch meaning for: the page would be incomplete or English."""


def genereer() -> str:
    voorbeelden = _voorbeelden()
    delen = [KOP, _omslag()]
    for naam, model in sorted(typen().items()):
        delen.append(_type(naam, model, voorbeelden.get(naam)))
    return "\n".join(delen).rstrip() + "\n"


def _omslag() -> str:
    from events.base import Bron
    from events.opbouw import Deel

    soorten = {"controle": "controle", "events": "lijst van events"}
    rijen = [_rij(k, v, OMSLAG[k], soorten.get(k)) for k, v in Kop.model_fields.items()]
    bron = _velden(Bron, Bron.model_fields)
    controle = _velden(Controlecijfers, Controlecijfers.model_fields)
    deel = _velden(Deel, Deel.model_fields)
    delen = [["## Het document"], _tabel(rijen), ["### bron"], _tabel(bron), ["### controle"], _tabel(controle)]
    delen += [["### opbouw", "", OPBOUW], _tabel(deel)]
    return "\n\n".join("\n".join(deel) for deel in delen) + "\n"


def _type(naam: str, model: type[BaseModel], voorbeeld: tuple[Path, dict[str, Any]] | None) -> str:
    regels = [f"## {naam}", "", f"{betekenis_model(model)} (`{model.__module__}.{model.__name__}`)", ""]
    regels += _tabel(_velden(model, {k: v for k, v in model.model_fields.items() if k != "type"}))
    for sub in (m for m in genest(model) if m.__name__ != "Deel"):
        regels += ["", f"### {naam}: {sub.__name__}", "", betekenis_model(sub), ""]
        regels += _tabel(_velden(sub, sub.model_fields))
    return "\n".join([*regels, "", *_voorbeeld(voorbeeld), ""])


def betekenis_model(model: type[BaseModel]) -> str:
    """A type's or nested model's introduction: its own `betekenis` (not a base's, which says another thing)."""
    tekst = vars(model).get("betekenis")
    if not isinstance(tekst, str) or not tekst.strip():
        raise ZonderBetekenis(
            f"{model.__module__}.{model.__qualname__} has no betekenis: give it "
            '`betekenis: ClassVar[str] = "..."`, in Dutch, what it is as a controller says it'
        )
    return " ".join(tekst.split())


def betekenis_veld(model: type[BaseModel], naam: str, veld: FieldInfo) -> str:
    """A field's meaning: its `description`, else the one every type shares (`ALGEMEEN`)."""
    tekst = veld.description or ALGEMEEN.get(naam)
    if not tekst or not tekst.strip():
        raise ZonderBetekenis(
            f"{model.__module__}.{model.__qualname__}.{naam} has no meaning: give it "
            'Field(description="..."), in Dutch, what the field says'
        )
    return " ".join(tekst.split())


def _velden(model: type[BaseModel], velden: dict[str, FieldInfo]) -> list[tuple[str, ...]]:
    return [_rij(k, v, betekenis_veld(model, k, v)) for k, v in velden.items()]


def _rij(naam: str, veld: FieldInfo, betekenis: str, soort: str | None = None) -> tuple[str, ...]:
    verplicht = "ja" if veld.is_required() and naam != "bekend_op" else "nee"
    return f"`{naam}`", soort or typenaam(veld.annotation, veld.metadata), verplicht, " ".join(betekenis.split())


def _tabel(rijen: list[tuple[str, ...]]) -> list[str]:
    kop = ["| veld | soort | verplicht | betekenis |", "|---|---|---|---|"]
    return kop + ["| " + " | ".join(c.replace("|", "\\|") for c in rij) + " |" for rij in rijen]


def _voorbeeld(voorbeeld: tuple[Path, dict[str, Any]] | None) -> list[str]:
    if voorbeeld is None:
        return ["Nog geen voorbeeld in een bestand dat geboekt wordt."]
    pad, document = voorbeeld
    tekst = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, default_flow_style=None, width=110)
    return [f"Voorbeeld, uit `{pad.relative_to(ROOT)}`:", "", "```yaml", tekst.rstrip(), "```"]


def voorbeeld_bestanden() -> list[Path]:
    """The files examples may come from, in order: the shipped examples, then the repository's test data."""
    data = sorted(DATA.rglob("*.yaml"))
    alle = [
        *sorted((ROOT / "cli" / "voorbeeld").rglob("*.yaml")),
        *(p for p in data if "compat" not in p.parts),
        *(p for p in data if "compat" in p.parts),  # the documents of earlier versions' ledgers last
    ]
    return [p for p in alle if not {"ongeldig", "oefening"} & set(p.parts)]  # no malformed, no deliberate typo


def _voorbeelden() -> dict[str, tuple[Path, dict[str, Any]]]:
    """Per type the first event of it in the example files, as a document of that one event."""
    gevonden: dict[str, tuple[Path, dict[str, Any]]] = {}
    for pad in voorbeeld_bestanden():
        document = yaml.safe_load(pad.read_text(encoding="utf-8"))
        for event in document.get("events", []):
            if isinstance(event, dict) and event.get("type") not in gevonden:
                gevonden[event["type"]] = (pad, {**document, "events": [event]})
    return gevonden


def main(argv: list[str]) -> int:
    try:
        tekst = genereer()
    except ZonderBetekenis as fout:
        print(fout, file=sys.stderr)
        return 1
    if "--check" in argv:
        if UITVOER.read_text(encoding="utf-8") != tekst:
            print(f"{UITVOER.relative_to(ROOT)} wijkt af van de registry: draai python -m tools.documenten")
            return 1
        return 0
    UITVOER.parent.mkdir(exist_ok=True)
    UITVOER.write_text(tekst, encoding="utf-8")
    print(f"{UITVOER.relative_to(ROOT)} geschreven")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
