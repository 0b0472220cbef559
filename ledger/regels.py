"""The ledger's rules, one guard each. A guard raises a `LedgerError` or returns quietly."""

from __future__ import annotations

from events import BuigBeschikkingOntvangen, Feit
from events.buig import FASEN
from ledger.errors import BronConflict, OnbekendEvent, RegelOvertreden
from ledger.posten import Regel


def check_bron(bronnen: dict[str, str], bron_id: str, document_hash: str) -> bool:
    """True when this bron is already recorded with exactly this content."""
    bekend = bronnen.get(bron_id)
    if bekend is None:
        return False
    if bekend != document_hash:
        raise BronConflict(
            f"bron {bron_id!r} was recorded before with other content; "
            "give the new document its own bron id, or use `begroting correct`"
        )
    return True


def check_richting(posten: dict[str, dict[int, str]], keten: int, lijnen: list[Regel]) -> None:
    """A post keeps one richting: the one the other events in force give it (this keten's own may change)."""
    gezien: dict[str, str] = {}
    for lijn in lijnen:
        if lijn.soort == "saldo":
            continue
        andere = {r for k, r in posten.get(lijn.post, {}).items() if k != keten}
        bekend = next(iter(andere), None) or gezien.setdefault(lijn.post, lijn.richting)
        if bekend != lijn.richting:
            raise RegelOvertreden(f"post {lijn.post!r} is {bekend}; this event gives it as {lijn.richting}")


def check_buig_fase(beschikkingen: dict[int, BuigBeschikkingOntvangen], keten: int, feit: Feit) -> None:
    """By bekend_op, a jaar's beschikkingen go voorlopig -> nader_voorlopig -> definitief."""
    if not isinstance(feit, BuigBeschikkingOntvangen):
        return
    rang = FASEN.index(feit.fase)
    zelfde_jaar = [b for k, b in beschikkingen.items() if k != keten and b.jaar == feit.jaar]
    for ander in sorted(zelfde_jaar, key=lambda b: FASEN.index(b.fase), reverse=True):
        ander_rang = FASEN.index(ander.fase)
        later_maar_eerder = ander.bekend_op <= feit.bekend_op and ander_rang > rang  # same day: recorded later
        eerder_maar_later = ander.bekend_op > feit.bekend_op and ander_rang < rang
        if later_maar_eerder or eerder_maar_later:
            raise RegelOvertreden(
                f"BUIG {feit.jaar}: a {feit.fase} beschikking known {feit.bekend_op} cannot "
                f"{'follow' if later_maar_eerder else 'precede'} the {ander.fase} one known "
                f"{ander.bekend_op}; the fase only moves forward (use `begroting correct` "
                "to replace a beschikking)"
            )


def check_corrigeerbaar(keten: int | None, ingetrokken: bool, event_id: str) -> int:
    """The keten (first event) an event belongs to, if it can still be corrected or withdrawn."""
    if keten is None:
        raise OnbekendEvent(f"event {event_id} is not a document event of this ledger")
    if ingetrokken:
        raise OnbekendEvent(f"event {event_id} has been withdrawn")
    return keten


def check_zelfde_type(oud: Feit, nieuw: Feit, event_id: str) -> None:
    if oud.type != nieuw.type:
        raise RegelOvertreden(f"event {event_id} is a {oud.type}; its correction must be one too, not a {nieuw.type}")
