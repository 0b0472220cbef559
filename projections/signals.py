"""Signals: deviations between raming and prognose (or forecast), classified by the gemeente's verordening.

The verordening authorises baten and lasten per programma (pijler), so
deviations are classified per programma as well as per post. Only the adverse
direction counts as an overschrijding: more lasten, or fewer baten, than begroot.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal

from events import InvesteringGeactiveerd, VerordeningVastgesteld
from events.getallen import euro
from events.postbedragen import effect
from events.verordening import STANDAARD
from projections.forecast import forecasts
from projections.reserves import mutaties_exploitatie, reserves
from projections.saldo import Postsaldo, posten, programmas
from projections.zicht import Zicht, vraag
from storage.schema import Tabelnamen
from storage.verbinding import Verbinding

NUL = Decimal("0.00")
FEITEN = """
SELECT type, inhoud FROM {feiten} WHERE {zichtbaar} AND type = :type
ORDER BY {kennisvolgorde}
"""


@dataclass(frozen=True)
class Signaal:
    """One deviation, with its class under the verordening and the figures that triggered it.

    Attributes:
        niveau: post, programma or investering.
        afwijking: + is voordeel, as everywhere.
        grondslag: where the expected figure comes from (a prognose event, or a forecast and its sum).
    """

    niveau: str
    naam: str
    richting: str
    raming: Decimal
    verwacht: Decimal
    afwijking: Decimal
    procent: Decimal | None
    klasse: str
    regel: str
    grondslag: str = ""


@dataclass
class Signalen:
    zicht: Zicht
    jaar: int
    verordening: VerordeningVastgesteld
    lasten_incl_dotaties: Decimal
    signalen: list[Signaal] = field(default_factory=list)

    @property
    def standaard(self) -> bool:
        """No verordening of its own recorded: the standard one applies."""
        return self.verordening is STANDAARD

    @property
    def verantwoordingsgrens(self) -> Decimal:
        """The rechtmatigheid verantwoordingsgrens: a % of the total lasten including dotaties (art. 3 lid 6)."""
        return (self.lasten_incl_dotaties * self.verordening.rechtmatigheid_pct / 100).quantize(NUL)


def klasse(v: VerordeningVastgesteld, afwijking: Decimal, procent: Decimal | None) -> tuple[str, str]:
    """(class, the rule that put it there), per artikel 5 of the verordening."""
    if afwijking >= 0:
        return "voordeel", "geen overschrijding: meer baten of minder lasten dan begroot"
    d = -afwijking
    boven = procent is None or abs(procent) > v.raad_pct
    if boven and d >= v.raad_minimum:
        return "raad direct informeren", f"> {v.raad_pct} % en >= {euro(v.raad_minimum)}"
    if d >= v.rapportage_minimum:
        return (
            "standaardrapportage",
            f">= {euro(v.rapportage_minimum)}, niet > {v.raad_pct} % en >= {euro(v.raad_minimum)}",
        )
    return "onder de rapportagegrens", f"< {euro(v.rapportage_minimum)}"


def signaal(
    v: VerordeningVastgesteld, niveau: str, naam: str, richting: str, raming: Decimal, verwacht: Decimal, grondslag: str
) -> Signaal:
    afwijking = effect(richting, raming, verwacht)
    procent = None if raming == 0 else (-afwijking / abs(raming) * 100).quantize(Decimal("0.1"))
    soort, regel = klasse(v, afwijking, procent)
    return Signaal(niveau, naam, richting, raming, verwacht, afwijking, procent, soort, regel, grondslag)


def _feiten(v: Verbinding, t: Tabelnamen, zicht: Zicht, type_: str) -> list[dict]:
    return [json.loads(r.inhoud) for r in v.execute(vraag(FEITEN, feiten=t.feiten), zicht.params(type=type_))]


def verordening(v: Verbinding, t: Tabelnamen, zicht: Zicht) -> VerordeningVastgesteld:
    gevonden = _feiten(v, t, zicht, "verordening")
    return VerordeningVastgesteld.model_validate(gevonden[-1]) if gevonden else STANDAARD


def investeringen(v: Verbinding, t: Tabelnamen, zicht: Zicht, jaar: int) -> list[InvesteringGeactiveerd]:
    alle = [InvesteringGeactiveerd.model_validate(f) for f in _feiten(v, t, zicht, "investering")]
    return [i for i in alle if jaar in (i.in_gebruik.year, i.bekend_op.year)]


def signals(v: Verbinding, t: Tabelnamen, zicht: Zicht, jaar: int) -> Signalen:
    jaarzicht = Zicht(zicht.gemeente, zicht.as_of, zicht.recorded_by, (jaar, jaar))
    regels_v = verordening(v, t, jaarzicht)
    verwacht = {f.post: f for f in forecasts(v, t, jaarzicht, jaar)}
    programma = programmas(v, t, jaarzicht)
    dotaties = mutaties_exploitatie(reserves(v, t, jaarzicht)).get(jaar, (NUL, NUL))[0]
    per_post = posten(v, t, jaarzicht)
    lasten = sum((p.raming for p in per_post if p.richting == "lasten"), NUL)
    bekend = {p.post for p in per_post}
    per_post += [
        Postsaldo(f.post, f.richting, jaar, NUL, NUL, NUL, None) for f in verwacht.values() if f.post not in bekend
    ]
    uitkomst = Signalen(zicht, jaar, regels_v, lasten + dotaties)
    per_programma: dict[tuple[str, str], list[Decimal]] = {}
    for p in per_post:
        f = verwacht.get(p.post) if p.bijgesteld_door is None else None
        bedrag, grondslag = (
            (f.forecast, f"forecast: {f.methode}") if f else (p.prognose, "prognose" if p.bijgesteld_door else "raming")
        )
        if p.raming != bedrag:
            uitkomst.signalen.append(signaal(regels_v, "post", p.post, p.richting, p.raming, bedrag, grondslag))
        if p.post in programma:
            som = per_programma.setdefault((programma[p.post], p.richting), [NUL, NUL])
            som[0], som[1] = som[0] + p.raming, som[1] + bedrag
    for (naam, richting), (raming, bedrag) in sorted(per_programma.items()):
        if raming != bedrag:
            uitkomst.signalen.append(
                signaal(regels_v, "programma", naam, richting, raming, bedrag, "som van de posten")
            )
    for i in investeringen(v, t, jaarzicht, jaar):
        if i.bedrag > regels_v.investering_grens:
            uitkomst.signalen.append(
                Signaal(
                    "investering",
                    i.activum,
                    "lasten",
                    i.bedrag,
                    i.bedrag,
                    NUL,
                    None,
                    "effect op financiele positie melden",
                    f"investering > {euro(regels_v.investering_grens)} (art. 5 lid 3)",
                    f"in gebruik {i.in_gebruik}",
                )
            )
    return uitkomst
