"""docs/documenten.md, generated from the registry: every document type, its fields, and an example from a real file.

    python -m tools.documenten          # writes docs/documenten.md
    python -m tools.documenten --check  # exit 1 when docs/documenten.md differs from what the registry gives

A test (tests/unit/test_documenten_naslag.py) regenerates it and fails on drift: after a change to an event
type, run this and commit the file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from documents.documenten import Controle, Kop
from events.registry import typen
from tools.veldtypen import beschrijvingen, genest, typenaam

ROOT = Path(__file__).resolve().parents[1]
UITVOER = ROOT / "docs" / "documenten.md"
DATA = ROOT / "tests" / "data"

KOP = """# Documenten: elk type en elk veld

<!-- Gegenereerd door `python -m tools.documenten` uit de registry (events/registry.py); niet met de hand
bewerken: een test vergelijkt dit bestand met wat de registry geeft. -->

Eén bestand (YAML, JSON, of een werkboek `.xlsx`/`.ods`) per brondocument: een circulaire, een beschikking,
een begroting, een informatienota. Bovenaan staat van wie en waar het vandaan komt, onder `events:` wat het
zegt, één event per feit. `begroting record BESTAND` leest het; een ongeldig document wordt geweigerd met
bestand, plaats en reden (exit 2), en er wordt niets geschreven. De betekenis van de velden staat er zoals
de code ze beschrijft (in het Engels); de tijdassen, correcties en de brug staan in
[semantiek.md](semantiek.md).

Bedragen staan in euro's, of in de `eenheid` van het document (`eenheid: 1000`: in duizenden, zoals
circulaires en begrotingen ze schrijven); het grootboek bewaart euro's met centen. Jaren zijn
begrotingsjaren, datums `JJJJ-MM-DD`. Een veld dat niet verplicht is mag weg; een veld dat het type niet
kent wordt geweigerd.

"""

ALGEMEEN = {
    "bekend_op": "wanneer het bekend werd (de kennisas); weggelaten: de `datum` van de bron (een correctie: die van "
    "het origineel)",
    "opbouw": "waaruit het bedrag of de mutatie bestaat, genoemde delen met eigen delen: zie *opbouw* bovenaan; "
    "`record` waarschuwt als de delen niet optellen",
    "jaar": "het begrotingsjaar",
    "bedrag": "het bedrag",
    "bedragen": "bedragen per begrotingsjaar",
    "mutaties": "in plaats van `bedragen`: de mutatie per jaar die het document noemt",
    "incidenteel": "`true`: elk jaar van de regel is incidenteel; een lijst: deze jaren (BBV art. 19)",
    "incidenteel_saldo": "het incidentele deel van het saldo per jaar",
    "titel": "de titel van het document",
    "kenmerk": "het kenmerk (zaaknummer, briefnummer)",
    "sha256": "de SHA-256 van het originele bestand (pdf), als bewijs welk document het is",
    "saldo": "het verwacht saldo dat het document per jaar noemt (+ is voordeel)",
    "naam": "de naam van het document of besluit, zoals het zichzelf noemt",
    "fase": "`voorlopig`, `nader_voorlopig` of `definitief`",
    "algemene_uitkering_mutatie": "in plaats van `algemene_uitkering`: de mutatie van de algemene uitkering per jaar",
    "integratie_uitkeringen": "integratie-uitkeringen, elk de post `iu.<naam>` (baten)",
    "decentralisatie_uitkeringen": "decentralisatie-uitkeringen, elk de post `du.<naam>` (baten)",
    "taakveld": "de Iv3-taakveldcode, zoals `0.7`; een code buiten de jaren waarin hij geldt geeft een waarschuwing",
    "programma": "het programma waaronder de post valt",
    "maatregel": "de maatregel; wordt de post `corona.<maatregel>`",
    "activum": "de naam van het activum",
    "nut": "economisch of maatschappelijk nut (BBV)",
    "termijn": "de afschrijvingstermijn in jaren; weggelaten: uit het afschrijvingsbeleid",
    "methode": "de afschrijvingsmethode; weggelaten: uit het afschrijvingsbeleid",
    "richting": "`baten` of `lasten`; een post houdt één richting",
    "post": "de begrotingspost, een sleutel in kleine letters met punten, zoals `stelpost.jeugdhulp`",
    "reserve": "de naam van de reserve",
    "per": "de datum van de beginstand",
    "doel": "het doel van de reserve",
    "soort": "welke van de mogelijke waarden (zie *soort*)",
}
"""Meanings of fields the code's docstrings leave unexplained, by name; a docstring's own meaning goes first."""

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
    bron = [_rij(k, v, beschrijvingen(Bron).get(k, "")) for k, v in Bron.model_fields.items()]
    controle = [_rij(k, v, beschrijvingen(Controle).get(k, "")) for k, v in Controle.model_fields.items()]
    deel = [_rij(k, v, beschrijvingen(Deel).get(k, "")) for k, v in Deel.model_fields.items()]
    delen = [["## Het document"], _tabel(rijen), ["### bron"], _tabel(bron), ["### controle"], _tabel(controle)]
    delen += [["### opbouw", "", OPBOUW], _tabel(deel)]
    return "\n\n".join("\n".join(deel) for deel in delen) + "\n"


def _type(naam: str, model: type[BaseModel], voorbeeld: tuple[Path, dict[str, Any]] | None) -> str:
    uitleg = (model.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    regels = [f"## {naam}", "", f"{uitleg} (`{model.__module__}.{model.__name__}`)", ""]
    velden = {k: v for k, v in model.model_fields.items() if k != "type"}
    regels += _tabel([_rij(k, v, beschrijvingen(model).get(k, "")) for k, v in velden.items()])
    for sub in (m for m in genest(model) if m.__name__ != "Deel"):
        regels += ["", f"### {naam}: {sub.__name__}", "", (sub.__doc__ or "").strip().split("\n\n")[0], ""]
        regels += _tabel([_rij(k, v, beschrijvingen(sub).get(k, "")) for k, v in sub.model_fields.items()])
    return "\n".join([*regels, "", *_voorbeeld(voorbeeld), ""])


def _rij(naam: str, veld: FieldInfo, betekenis: str, soort: str | None = None) -> tuple[str, ...]:
    verplicht = "ja" if veld.is_required() and naam != "bekend_op" else "nee"
    betekenis = betekenis or ALGEMEEN.get(naam, "")
    if naam == "bekend_op":
        betekenis = ALGEMEEN[naam]
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
    tekst = genereer()
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
