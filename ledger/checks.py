"""The ledger's rules, one guard each. A guard raises a `LedgerError` or returns quietly."""

from __future__ import annotations

from events import Feit
from events.errors import BronConflict, OnbekendEvent, RegelOvertreden
from events.postbedragen import GEEN_RICHTING, Postbedrag
from taal import _


def check_bron(bekend: str | None, bron_id: str, document_hash: str) -> bool:
    """True when this bron is already recorded (with hash `bekend`) with exactly this content."""
    if bekend is None:
        return False
    if bekend != document_hash:
        raise BronConflict(
            _(
                "bron {bron} is eerder met andere inhoud geboekt; "
                "geef het nieuwe document een eigen bron-id, of gebruik `begroting correct`"
            ).format(bron=repr(bron_id))
        )
    return True


def check_richting(posten: dict[str, dict[int, str]], keten: int, lijnen: list[Postbedrag]) -> None:
    """A post keeps one richting: the one the other events in force give it (this keten's own may change)."""
    gezien: dict[str, str] = {}
    goed: set[tuple[str, str]] = set()  # a post and richting once found right: its other years are too
    for lijn in lijnen:
        if lijn.soort in GEEN_RICHTING or (lijn.post, lijn.richting) in goed:
            continue
        andere = (r for k, r in posten.get(lijn.post, {}).items() if k != keten)  # all of one richting
        bekend = next(andere, None) or gezien.setdefault(lijn.post, lijn.richting)
        if bekend != lijn.richting:
            raise RegelOvertreden(
                _("post {post} is {bekend}; dit event geeft hem als {richting}").format(
                    post=repr(lijn.post), bekend=bekend, richting=lijn.richting
                )
            )
        goed.add((lijn.post, lijn.richting))


def check_corrigeerbaar(keten: int | None, ingetrokken: bool, event_id: str) -> int:
    """The keten (first event) an event belongs to, if it can still be corrected or withdrawn."""
    if keten is None:
        raise OnbekendEvent(_("event {id} is geen documentevent van dit grootboek").format(id=event_id))
    if ingetrokken:
        raise OnbekendEvent(_("event {id} is ingetrokken").format(id=event_id))
    return keten


def check_zelfde_type(oud: Feit, nieuw: Feit, event_id: str) -> None:
    if oud.type != nieuw.type:
        raise RegelOvertreden(
            _("event {id} is een {oud}; de correctie moet dat ook zijn, geen {nieuw}").format(
                id=event_id, oud=oud.type, nieuw=nieuw.type
            )
        )
