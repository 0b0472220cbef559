"""A recorded document written back out: its bron and its events as the ledger stored them, amounts in euros.

Recording the file again is a no-op: it says what the stored events say, so its document hash is
the stored one (for a type the ledger completes at recording, like an investering's termijn, the
hash of what the ledger stored, which `al_geboekt` compares with).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from documents.controlecijfers import uit_opslag
from events import Feit
from events.errors import GeenGrootboek, OnbekendeBron, OngeldigeInvoer
from ledger.application import BegrotingApp
from taal import _


def _feit(feit: Feit, datum: Any, eenheid: int) -> dict[str, Any]:
    """What the event says, as Python values in `eenheid`; its bekend_op only where it is not the bron's datum."""
    inhoud = {"type": feit.type} | feit.model_dump(exclude_defaults=True, context={"eenheid": eenheid})
    if inhoud.get("bekend_op") == datum:
        del inhoud["bekend_op"]
    return inhoud


def document_gegevens(app: BegrotingApp, gemeente: str, bron_id: str, eenheid: int | None = None) -> dict[str, Any]:
    """The document of a recorded bron as plain data, the shape a YAML file gives, in the eenheid it was written in
    (so that a difference of one unit in its controle stays rounding), with its controle.

    `eenheid`: in this unit instead (thousands, as a controller keeps them), when every amount is whole in it.
    """
    if eenheid is not None:
        return _in_eenheid(document_gegevens(app, gemeente, bron_id), eenheid, bron_id)
    grootboek = app.grootboek(gemeente)
    if grootboek.pending_events:  # opened just now: there was none
        raise GeenGrootboek(_("er is geen grootboek voor {gemeente} in deze database").format(gemeente=gemeente))
    if bron_id not in grootboek.bronnen:
        bekend = ", ".join(sorted(grootboek.bronnen)) or _("geen")
        raise OnbekendeBron(
            _("{gemeente} heeft geen bron {bron}; haar bronnen: {bekend}").format(
                gemeente=gemeente, bron=repr(bron_id), bekend=bekend
            )
        )
    bron, versies, _rest = grootboek.bronnen[bron_id]
    eenheid = grootboek.eenheden.get(bron_id, 1)
    events = [_feit(grootboek.versie_feiten[v], bron.datum, eenheid) for v in versies]
    kop = {"gemeente": gemeente, "bron": bron.model_dump(exclude_defaults=True), "eenheid": eenheid}
    controle = uit_opslag(grootboek.controles.get(bron_id))
    if controle is not None:
        kop["controle"] = controle.model_dump(exclude_defaults=True, context={"eenheid": eenheid})
    return kop | {"events": events}


def _in_eenheid(gegevens: dict[str, Any], eenheid: int, bron_id: str) -> dict[str, Any]:
    """The same document in `eenheid`: amounts divided, refused when one is not whole in it (nothing rounded)."""
    from documents.documenten import document_uit

    document = document_uit(gegevens, bron_id)
    feiten = [_feit(f, document.bron.datum, eenheid) for f in document.feiten]
    omgerekend = gegevens | {"eenheid": eenheid, "events": feiten}
    if document.controle is not None:
        omgerekend["controle"] = document.controle.model_dump(exclude_defaults=True, context={"eenheid": eenheid})
    euros = gegevens | {"eenheid": 1, "events": [_feit(f, document.bron.datum, 1) for f in document.feiten]}
    if document.controle is not None:
        euros["controle"] = document.controle.model_dump(exclude_defaults=True, context={"eenheid": 1})
    gebroken = _niet_heel(euros, omgerekend, "")
    if gebroken:
        plaats, waarde = gebroken
        melding = _("{waarde} is niet heel in eenheid {eenheid}; schrijf het in de eigen eenheid (geen --eenheid)")
        raise OngeldigeInvoer(bron_id, plaats, melding.format(waarde=waarde, eenheid=eenheid))
    return omgerekend


def _niet_heel(euros: Any, omgerekend: Any, pad: str) -> tuple[str, Decimal] | None:
    """The first amount (a value the eenheid changed) that is not a whole number of units, with its place."""
    if isinstance(euros, dict):
        paren = ((f"{pad}.{k}".lstrip("."), euros[k], omgerekend.get(k)) for k in euros)
    elif isinstance(euros, list):
        paren = ((f"{pad}[{i}]", e, o) for i, (e, o) in enumerate(zip(euros, omgerekend, strict=True)))
    else:
        heel = not isinstance(omgerekend, Decimal) or omgerekend == omgerekend.to_integral_value()
        return None if euros == omgerekend or heel else (pad, omgerekend)
    return next(filter(None, (_niet_heel(e, o, p) for p, e, o in paren)), None)


def begroting_jaren(app: BegrotingApp, gemeente: str) -> list[int]:
    """The years of the gemeente's latest begroting (the last known, the last recorded of a day): a template's years."""
    grootboek = app.grootboek(gemeente)
    if grootboek.pending_events:  # opened just now: there was none
        raise GeenGrootboek(
            _("er is geen grootboek voor {gemeente} in deze database; geef --jaren, zoals 2021-2025").format(
                gemeente=gemeente
            )
        )
    begrotingen = [(f.bekend_op, v) for v, f in grootboek.versie_feiten.items() if f.type == "begroting"]
    if not begrotingen:
        raise OnbekendeBron(
            _("{gemeente} heeft geen begroting in dit grootboek om de jaren uit te nemen; geef --jaren").format(
                gemeente=gemeente
            )
        )
    laatste = grootboek.versie_feiten[max(begrotingen)[1]]
    return sorted({lijn.jaar for lijn in laatste.lijnen()})


class _Dumper(yaml.SafeDumper):
    """Amounts as numbers (77599000 or 1234.5), not as the text of a Decimal."""


def _decimaal(dumper: yaml.SafeDumper, waarde: Decimal) -> yaml.ScalarNode:
    if waarde == waarde.to_integral_value():
        return dumper.represent_int(int(waarde))
    return dumper.represent_scalar("tag:yaml.org,2002:float", str(waarde))


_Dumper.add_representer(Decimal, _decimaal)


def als_yaml(gegevens: dict[str, Any]) -> str:
    return yaml.dump(gegevens, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120)


def schrijf_document(gegevens: dict[str, Any], pad: Path) -> None:
    """As YAML (.yaml, .yml) or as a workbook (.xlsx, .ods)."""
    from documents.werkboek_bestanden import schrijf_werkboek
    from documents.werkboek_writer import bladen

    if pad.suffix.lower() in (".yaml", ".yml"):
        pad.write_text(als_yaml(gegevens), encoding="utf-8")
    else:
        schrijf_werkboek(bladen(gegevens), pad)
