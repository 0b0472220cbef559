"""What `record` warns of for a BUIG beschikking against the ledger: the vorige its opbouw explains the change against.

Its own opbouw against a stated `vorige` is checked when the document is read (events.buig); here,
without one, against the definitief of the year before in the ledger, and a stated `vorige` against
what the ledger has for that year and fase.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from events.getallen import euro
from projections.buig import beschikkingen
from projections.namen import Tabelnamen
from projections.waarschuwer import GEMEENTEN
from projections.zicht import Zicht
from storage.verbinding import Verbinding

if TYPE_CHECKING:
    from documents.documenten import Document
    from documents.waarschuwing import Waarschuwing
    from events.buig import BuigBeschikkingOntvangen


class Kern(NamedTuple):
    """What the check needs of a beschikking read earlier in the command: not the whole event."""

    jaar: int
    fase: str
    bedrag: Decimal
    bekend_op: date


class Vorige:
    """The BUIG check against the ledger, one document after another: the beschikkingen read before count.

    They are kept for the last few gemeenten; for another, its documents before are read again (`eerdere`).
    """

    def __init__(self, v: Verbinding, t: Tabelnamen) -> None:
        self.v, self.t = v, t
        self.per_gemeente: OrderedDict[str, list[Kern]] = OrderedDict()

    def waarschuwingen(self, doc: Document, eerdere: Callable[[], Iterable[Document]]) -> list[Waarschuwing]:
        from documents.waarschuwing import Waarschuwing
        from events.buig import BuigBeschikkingOntvangen

        eerder = self._eerder(doc.gemeente, eerdere)
        meldingen: list[Waarschuwing] = []
        for i, feit in enumerate(doc.feiten):
            if isinstance(feit, BuigBeschikkingOntvangen) and feit.opbouw:
                zelfde = [f for f in eerder if f.bekend_op <= feit.bekend_op]
                # knowledge order; on a day, what this command records comes after what the ledger has
                ledger = sorted(_in_grootboek(self.v, self.t, doc.gemeente, feit) + zelfde, key=lambda b: b.bekend_op)
                gevonden = _vergelijk_vorige(feit, ledger, Decimal(doc.eenheid))
                meldingen += [Waarschuwing(f"events[{i}]", m, i) for m in gevonden]
            eerder += _kernen([feit])
        return meldingen

    def _eerder(self, gemeente: str, eerdere: Callable[[], Iterable[Document]]) -> list[Kern]:
        eerder = self.per_gemeente.pop(gemeente, None)
        if eerder is None:
            eerder = [k for d in eerdere() for k in _kernen(d.feiten)]
        self.per_gemeente[gemeente] = eerder
        if len(self.per_gemeente) > GEMEENTEN:
            self.per_gemeente.popitem(last=False)
        return eerder


def _kernen(feiten: Iterable[Any]) -> list[Kern]:
    from events.buig import BuigBeschikkingOntvangen

    return [Kern(f.jaar, f.fase, f.bedrag, f.bekend_op) for f in feiten if isinstance(f, BuigBeschikkingOntvangen)]


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
