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
from events.errors import GeenGrootboek, OnbekendeBron
from ledger.application import BegrotingApp


def _feit(feit: Feit, datum: Any, eenheid: int) -> dict[str, Any]:
    """What the event says, as Python values in `eenheid`; its bekend_op only where it is not the bron's datum."""
    inhoud = {"type": feit.type} | feit.model_dump(exclude_defaults=True, context={"eenheid": eenheid})
    if inhoud.get("bekend_op") == datum:
        del inhoud["bekend_op"]
    return inhoud


def document_gegevens(app: BegrotingApp, gemeente: str, bron_id: str) -> dict[str, Any]:
    """The document of a recorded bron as plain data, the shape a YAML file gives, in the eenheid it was written in
    (so that a difference of one unit in its controle stays rounding), with its controle."""
    grootboek = app.grootboek(gemeente)
    if grootboek.pending_events:  # opened just now: there was none
        raise GeenGrootboek(f"there is no ledger for {gemeente} in this database")
    if bron_id not in grootboek.bronnen:
        bekend = ", ".join(sorted(grootboek.bronnen)) or "none"
        raise OnbekendeBron(f"{gemeente} has no bron {bron_id!r}; its bronnen: {bekend}")
    bron, versies, _ = grootboek.bronnen[bron_id]
    eenheid = grootboek.eenheden.get(bron_id, 1)
    events = [_feit(grootboek.versie_feiten[v], bron.datum, eenheid) for v in versies]
    kop = {"gemeente": gemeente, "bron": bron.model_dump(exclude_defaults=True), "eenheid": eenheid}
    controle = uit_opslag(grootboek.controles.get(bron_id))
    if controle is not None:
        kop["controle"] = controle.model_dump(exclude_defaults=True, context={"eenheid": eenheid})
    return kop | {"events": events}


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
