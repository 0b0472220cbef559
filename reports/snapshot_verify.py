"""What `snapshot verify` found, as the CLI's lines and as tables of the differing figures and later events."""

from __future__ import annotations

import io
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from events.klok import toon_iso
from projections.snapshot_verify import SLEUTELS, Figuurverschil, Uitslag
from reports.model import Answer, Cel, Report, kolom, rij
from taal import _, ngettext

VERSCHIL_KOLOMMEN = (
    kolom("figuur"),
    kolom("snapshot", money=True),
    kolom("ledger", money=True),
    kolom("verschil", money=True, signed=True),
)
EVENT_VELDEN = ("id", "type", "bron", "bekend_op", "geboekt_op", "geboekt_door", "samenvatting")
EVENT_KOLOMMEN = tuple(kolom(k) for k in EVENT_VELDEN)


def regels(uitslag: Uitslag, bestand: str, gemaakt_op: str) -> list[str]:
    """The report of `begroting snapshot verify FILE`, line by line: what was found, the differing figures as a
    table (figure, snapshot, ledger, difference), the events since; the last line says identical or differs."""
    uit = kopregels(uitslag, gemaakt_op)
    if uitslag.verschillen:
        uit += _tabel(_verschillen("Verschillen", _("Figuren die nu anders zijn"), uitslag.verschillen))
    uit += [_sindsdien(e) for e in uitslag.nieuwe_events]
    if uitslag.identiek:
        return [*uit, _("identiek: {bestand}").format(bestand=bestand)]
    n, m = len(figuren(uitslag.verschillen)), len(uitslag.nieuwe_events)
    figuur = ngettext("{n} figuur", "{n} figuren", n).format(n=n)
    event = ngettext("{n} event", "{n} events", m).format(n=m)
    return [*uit, _("verschilt: {figuren}, {events} sindsdien geboekt").format(figuren=figuur, events=event)]


def _sindsdien(e: dict[str, Any]) -> str:
    regel = _(
        "sindsdien geboekt: {id} {type} bron {bron} bekend_op {bekend_op} geboekt_op {geboekt_op} door {door}: "
        "{samenvatting}"
    )
    return regel.format(
        id=e["id"], type=e["type"], bron=e["bron"], bekend_op=e["bekend_op"],
        geboekt_op=toon_iso(e["geboekt_op"]), door=e["geboekt_door"], samenvatting=e["samenvatting"],
    )  # fmt: skip


def kopregels(uitslag: Uitslag, gemaakt_op: str) -> list[str]:
    """What was found about the file and the ledger as recorded then, before any table."""
    uit = []
    if uitslag.bestand_gewijzigd:
        uit.append(_("het bestand is gewijzigd nadat het gemaakt werd: de inhoud past niet meer bij de sha256"))
    if uitslag.laatste_event_gewijzigd:
        uit.append(_("het laatste event dat de snapshot zag staat niet meer met dezelfde hash in het grootboek"))
    if uitslag.toen:
        uit += [_("GEWIJZIGD: figuren die het grootboek zoals toen geboekt anders geeft dan de snapshot zegt:")]
        uit += _tabel(_verschillen("Gewijzigd", _("Anders dan de ledger toen gaf (gewijzigd)"), uitslag.toen))
    if uitslag.onveranderd_toen:
        moment = toon_iso(gemaakt_op, exact=True) if gemaakt_op else "?"
        uit.append(_("zoals geboekt toen ze gemaakt werd ({moment}): identiek").format(moment=moment))
    return uit


def _tabel(report: Report) -> list[str]:
    from reports.render.table import schrijf

    stroom = io.StringIO()
    schrijf(Answer(report.name, (report,), None), stroom)
    return stroom.getvalue().rstrip("\n").split("\n")


def figuren(lijst: list[Figuurverschil]) -> list[Figuurverschil]:
    """Each differing leaf on a line of its own: a whole element only one side has (a post, a reserve) is its
    figures against nothing, not a dict; its key fields are already in the path."""
    uit: list[Figuurverschil] = []
    for v in lijst:
        for kant in (v.toen, v.nu):
            if isinstance(kant, dict):
                toen, nu = (kant, {}) if kant is v.toen else ({}, kant)
                uit += figuren(
                    [Figuurverschil(f"{v.waar}.{k}", toen.get(k), nu.get(k)) for k in kant if k not in SLEUTELS]
                )
                break
        else:
            uit.append(v)
    return uit


def figuurnaam(waar: str) -> str:
    """`saldo.posten[buig 2020].prognose` as `saldo · posten · buig 2020 · prognose`: no brackets a table's
    markup would read, no quotes of a repr."""
    delen = re.findall(r"\[([^\]]*)\]|([^.\[\]]+)", waar)
    return " · ".join((a or b).strip("'") for a, b in delen)


def _veld(event: dict[str, Any], veld: str) -> Any:
    return toon_iso(event[veld]) if veld == "geboekt_op" else event[veld]


def _waarde(waarde: Any) -> Cel:
    """An amount as an amount (so it reads 2.112.000,00), anything else as its text."""
    if isinstance(waarde, str) and "." in waarde:
        try:
            return Decimal(waarde)
        except InvalidOperation:
            pass
    return None if waarde is None else str(waarde)


def _verschil(toen: Cel, nu: Cel) -> Cel:
    """The ledger minus the snapshot, for amounts; a figure only one side has counts the other as 0."""
    if isinstance(toen, Decimal) or isinstance(nu, Decimal):
        a, b = toen if isinstance(toen, Decimal) else None, nu if isinstance(nu, Decimal) else None
        if (a is None and toen is not None) or (b is None and nu is not None):
            return None
        return (b or Decimal(0)) - (a or Decimal(0))
    return None


def _verschillen(naam: str, titel: str, lijst: list[Figuurverschil]) -> Report:
    rijen = []
    for v in figuren(lijst):
        toen, nu = _waarde(v.toen), _waarde(v.nu)
        rijen.append(rij(VERSCHIL_KOLOMMEN, [figuurnaam(v.waar), toen, nu, _verschil(toen, nu)]))
    return Report(naam, (titel,), VERSCHIL_KOLOMMEN, tuple(rijen))


def verificatie(uitslag: Uitslag) -> Answer:
    """The figures that differ (as recorded then, and as the ledger knows now) and the events recorded since."""
    delen = []
    if uitslag.toen:
        delen.append(_verschillen("Gewijzigd", _("Anders dan de ledger toen gaf (gewijzigd)"), uitslag.toen))
    if uitslag.verschillen:
        delen.append(_verschillen("Verschillen", _("Figuren die nu anders zijn"), uitslag.verschillen))
    if uitslag.nieuwe_events:
        events = tuple(rij(EVENT_KOLOMMEN, [_veld(e, k) for k in EVENT_VELDEN]) for e in uitslag.nieuwe_events)
        delen.append(
            Report("Sindsdien", (_("Sindsdien geboekt en van belang voor de snapshot"),), EVENT_KOLOMMEN, events)
        )
    return Answer("snapshot_verify", tuple(delen), None)
