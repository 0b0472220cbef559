"""The audit trail of one figure: every event that set or touched it, who recorded it, what replaced it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ledger.ids import event_id
from projections.journaal import beschrijving, lijst
from projections.opbouw import Opbouw, opbouw_van
from projections.saldo import Postsaldo, posten
from projections.tijd import EINDE_DER_TIJDEN, iso
from projections.zicht import Zicht, euros, vraag
from storage.schema import Tabelnamen
from storage.verbinding import Verbinding

SPOOR = """
SELECT r.soort, r.cents, r.bekend_op, r.versie, r.keten, r.bron, r.zichtbaar_vanaf, r.vervallen_op,
       r.vervallen_door, j.type, j.feit_type, j.geboekt_op, j.geboekt_door, j.reden, j.waarschuwingen, e.state,
       v.type AS door_type, v.geboekt_door AS door_wie, v.reden AS door_reden
FROM {postbedragen} r
JOIN {journaal} j ON j.gemeente = r.gemeente AND j.versie = r.versie
JOIN {events} e ON e.id = j.positie
LEFT JOIN {journaal} v ON v.gemeente = r.gemeente AND v.versie = r.vervallen_door
WHERE {geboekt_r} AND r.post = :post AND r.jaar = :jaar
ORDER BY r.bekend_op, r.keten_geboekt_op, r.keten_positie, r.zichtbaar_vanaf
"""


@dataclass(frozen=True)
class Spoorregel:
    """One amount row behind the figure.

    Attributes:
        waarschuwingen: what `record` warned of about its event.
        opbouw: the parts its event states for this post and year.
        in_kracht: shown by the ledger at the asked moment (not superseded by then).
        vervangen_door: the correctie or intrekking that superseded it, with who and why.
    """

    event_id: str
    type: str
    soort: str
    bedrag: Decimal
    bekend_op: date
    geboekt_op: str
    geboekt_door: str
    bron: str
    samenvatting: str
    reden: str | None
    in_kracht: bool
    vervallen_op: str | None
    vervangen_door: str | None
    vervangen_door_wie: str | None
    vervangen_reden: str | None
    zet_waarde: bool
    waarschuwingen: tuple[str, ...] = ()
    opbouw: Opbouw | None = None


@dataclass(frozen=True)
class Uitleg:
    zicht: Zicht
    post: str
    jaar: int
    figuur: Postsaldo | None
    spoor: list[Spoorregel]


def explain(verbinding: Verbinding, t: Tabelnamen, zicht: Zicht, post: str, jaar: int) -> Uitleg:
    jaarzicht = Zicht(zicht.gemeente, zicht.as_of, zicht.recorded_by, (jaar, jaar))
    figuur = next((p for p in posten(verbinding, t, jaarzicht) if p.post == post), None)
    params = jaarzicht.params(post=post, jaar=jaar)
    grens = params["t"]
    sql = vraag(SPOOR, postbedragen=t.postbedragen, journaal=t.journaal, events=t.events)
    spoor = []
    for r in verbinding.execute(sql, params):
        in_kracht = r.vervallen_op is None or r.vervallen_op > grens
        zet = in_kracht and figuur is not None and r.versie == figuur.bijgesteld_door and r.soort == "prognose"
        spoor.append(
            Spoorregel(
                event_id(zicht.gemeente, r.versie),
                r.type,
                r.soort,
                euros(r.cents),
                r.bekend_op,
                iso(r.geboekt_op),
                r.geboekt_door,
                r.bron,
                beschrijving(r.state)[0],
                r.reden,
                in_kracht,
                iso(r.vervallen_op) if r.vervallen_op and r.vervallen_op < EINDE_DER_TIJDEN else None,
                event_id(zicht.gemeente, r.vervallen_door) if r.vervallen_door else None,
                r.door_wie,
                r.door_reden,
                zet,
                lijst(r.waarschuwingen),
                opbouw_van(r.state, post, jaar),
            )
        )
    return Uitleg(zicht, post, jaar, figuur, spoor)
