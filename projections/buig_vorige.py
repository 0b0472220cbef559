"""What `record` warns of for a BUIG beschikking against the ledger: the vorige its opbouw explains the change against.

Its own opbouw against a stated `vorige` is checked when the document is read (events.buig); here,
without one, against the definitief of the year before in the ledger, and a stated `vorige` against
what the ledger has for that year and fase.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from events.getallen import euro
from ledger.verbinding import Verbinding
from projections.buig import beschikkingen
from projections.namen import Tabelnamen
from projections.zicht import Zicht

if TYPE_CHECKING:
    from events.buig import BuigBeschikkingOntvangen
    from ledger.documenten import Document
    from ledger.waarschuwing import Waarschuwing


def vorige_waarschuwingen(v: Verbinding, t: Tabelnamen, documenten: list[Document]) -> list[list[Waarschuwing]]:
    """Per document, what `record` warns of for BUIG beschikkingen: an opbouw against a vorige the ledger
    has otherwise or lacks.

    Beschikkingen earlier in the same command count, as they are recorded first.
    """
    from events.buig import BuigBeschikkingOntvangen
    from ledger.waarschuwing import Waarschuwing

    eerder: list[tuple[str, BuigBeschikkingOntvangen]] = []
    meldingen: list[list[Waarschuwing]] = []
    for doc in documenten:
        meldingen.append([])
        for i, feit in enumerate(doc.feiten):
            if isinstance(feit, BuigBeschikkingOntvangen) and feit.opbouw:
                zelfde = [f for g, f in eerder if g == doc.gemeente and f.bekend_op <= feit.bekend_op]
                # knowledge order; on a day, what this command records comes after what the ledger has
                ledger = sorted(_in_grootboek(v, t, doc.gemeente, feit) + zelfde, key=lambda b: b.bekend_op)
                gevonden = _vergelijk_vorige(feit, ledger, Decimal(doc.eenheid))
                meldingen[-1] += [Waarschuwing(f"events[{i}]", m, i) for m in gevonden]
            if isinstance(feit, BuigBeschikkingOntvangen):
                eerder.append((doc.gemeente, feit))
    return meldingen


def _in_grootboek(v: Verbinding, t: Tabelnamen, gemeente: str, feit: BuigBeschikkingOntvangen) -> list[Any]:
    """The beschikkingen of its year and the year before known on the event's bekend_op, as recorded now."""
    return beschikkingen(v, t, Zicht(gemeente, feit.bekend_op), feit.jaar)


def _vergelijk_vorige(feit: BuigBeschikkingOntvangen, ledger: list[Any], afronding: Decimal) -> list[str]:
    from events.opbouw import verschillen

    if feit.vorige is not None:
        zelfde = [b for b in ledger if b.jaar == feit.vorige.jaar and b.fase == feit.vorige.fase]
        if zelfde and zelfde[-1].bedrag != feit.vorige.bedrag:
            return [
                f"vorige: the document states the {feit.vorige.fase} {feit.vorige.jaar} as "
                f"{euro(feit.vorige.bedrag)}, the ledger has {euro(zelfde[-1].bedrag)}"
            ]
        return []  # the opbouw was checked against the stated vorige when the document was read
    definitief = [b for b in ledger if b.jaar == feit.jaar - 1 and b.fase == "definitief"]
    if not definitief:
        return [
            f"opbouw: explains the change against the definitief {feit.jaar - 1}, which the ledger "
            "does not have; give `vorige: {jaar, fase, bedrag}`"
        ]
    return verschillen(feit.opbouw, {None: feit.bedrag - definitief[-1].bedrag}, afronding=afronding)
