"""Beschikkingen with fasen (voorlopig, nader voorlopig, definitief, or a type's own): the shared base.

A type subclasses `Beschikking`, declares `fasen`, `post` and `label` and its fields `fase`, `jaar`,
`bedrag` (and `vorige`, optional); it gets the fase rule against the ledger (a jaar's fase only moves
forward by bekend_op) and the record-time check of the vorige its opbouw explains the change against.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, Protocol

from pydantic import model_validator

from events.base import Feit, Informatie
from events.errors import RegelOvertreden
from events.getallen import euro
from events.opbouw import Opbouw, verschillen
from events.postbedragen import Json, Postbedrag, cents, informatie_soort
from taal import _

GEMEENTEN = 8
"""Gemeenten whose beschikkingen read earlier in a command are kept; another's are read again."""


class Stand(Protocol):
    """A beschikking as the ledger holds it: what the vorige check reads of it."""

    jaar: int
    fase: str
    bedrag: Decimal
    bekend_op: date


class Grootboek(Protocol):
    """What a type's record-time warnings may ask of the ledger; the read side implements it."""

    def beschikkingen(self, type: str, post: str, gemeente: str, as_of: date, jaar: int) -> Sequence[Stand]:
        """The beschikkingen of a type for `jaar` and `jaar` − 1 known on `as_of`, in knowledge order."""
        ...

    def inhoud(self, type: str, gemeente: str, as_of: date) -> Sequence[dict[str, Any]]:
        """The stored content of the events of a type that keeps it (`inhoud_bewaren`) known on `as_of`,
        in knowledge order."""
        ...


Eerdere = Callable[[], Iterable[Sequence[Feit]]]
"""The events of the documents read before in the same command, for this gemeente, read again."""


class Waarschuwer(Protocol):
    """A type's record-time warnings against the ledger: (index of the event in its document, message)."""

    def __call__(self, gemeente: str, eenheid: int, feiten: Sequence[Feit], eerdere: Eerdere) -> list[tuple[int, str]]:
        """The warnings for one document's events; the documents before it in the command count."""
        ...


class Beschikking(Informatie):
    """A beschikking for one jaar in one of the type's `fasen`; the fase only moves forward by bekend_op."""

    fasen: ClassVar[tuple[str, ...]] = ("voorlopig", "nader_voorlopig", "definitief")
    post: ClassVar[str]
    """The post its bedrag sets (baten)."""
    label: ClassVar[str]
    """How a message names the type: 'BUIG'."""

    if TYPE_CHECKING:
        fase: str
        jaar: int
        bedrag: Decimal
        vorige: Any  # the type's own model of the beschikking its opbouw explains against, or None

    @model_validator(mode="after")
    def _vorige_gaat_voor(self) -> Beschikking:
        vorige = getattr(self, "vorige", None)
        if vorige and (vorige.jaar, self.fasen.index(vorige.fase)) >= (self.jaar, self.rang()):
            raise ValueError(
                _("vorige ({vorige_fase} {vorige_jaar}) moet vóór deze {fase} beschikking voor {jaar} komen").format(
                    vorige_fase=vorige.fase, vorige_jaar=vorige.jaar, fase=self.fase, jaar=self.jaar
                )
            )
        check_eenjarig(self.opbouw)
        return self

    def rang(self) -> int:
        return self.fasen.index(self.fase)

    def door_opbouw_verklaard(self) -> dict[int | None, Decimal]:
        vorige = getattr(self, "vorige", None)
        return {None: self.bedrag - vorige.bedrag} if vorige else {}

    def jaren(self) -> set[int]:
        return {self.jaar}

    @classmethod
    def postbedragen(cls, feit: Json) -> list[Postbedrag]:
        """The prognose of its `post` (baten) for its jaar."""
        return [Postbedrag(informatie_soort(feit), cls.post, "baten", feit["jaar"], cents(feit["bedrag"]))]

    def check(self, keten: int, in_kracht: Mapping[int, Feit], correctie: bool) -> None:
        if not correctie:  # a correction may move a fase back: the SPEC allows it
            check_fase(self, [f for k, f in in_kracht.items() if k != keten and isinstance(f, type(self))])

    @classmethod
    def waarschuwer(cls, grootboek: Grootboek) -> Waarschuwer | None:
        return VorigeCheck(cls, grootboek)


def check_fase(feit: Beschikking, andere: list[Beschikking]) -> None:
    """By bekend_op, a jaar's beschikkingen go through the fasen in order (voorlopig -> ... -> definitief)."""
    zelfde_jaar = [b for b in andere if b.jaar == feit.jaar]
    for ander in sorted(zelfde_jaar, key=Beschikking.rang, reverse=True):
        later_maar_eerder = ander.bekend_op <= feit.bekend_op and ander.rang() > feit.rang()  # same day: later
        eerder_maar_later = ander.bekend_op > feit.bekend_op and ander.rang() < feit.rang()
        if later_maar_eerder or eerder_maar_later:
            tekst = (
                _(
                    "{label} {jaar}: een {fase} beschikking bekend op {op} kan niet volgen op de {andere} bekend op "
                    "{ander_op}; de fase gaat alleen vooruit (vervang een beschikking met `begroting correct`)"
                )
                if later_maar_eerder
                else _(
                    "{label} {jaar}: een {fase} beschikking bekend op {op} kan niet voorafgaan aan de {andere} bekend "
                    "op {ander_op}; de fase gaat alleen vooruit (vervang een beschikking met `begroting correct`)"
                )
            )
            raise RegelOvertreden(
                tekst.format(
                    label=feit.label,
                    jaar=feit.jaar,
                    fase=feit.fase,
                    op=feit.bekend_op,
                    andere=ander.fase,
                    ander_op=ander.bekend_op,
                )
            )


class Kern(NamedTuple):
    """What the check needs of a beschikking read earlier in the command: not the whole event."""

    jaar: int
    fase: str
    bedrag: Decimal
    bekend_op: date


class VorigeCheck:
    """A beschikking's opbouw against the vorige in the ledger, one document after another.

    Its opbouw against a stated `vorige` is checked when the document is read; here, without one,
    against the last fase of the year before in the ledger, and a stated `vorige` against what the
    ledger has for that year and fase. The beschikkingen read before count; they are kept for the last
    few gemeenten, for another its documents before are read again.
    """

    def __init__(self, model: type[Beschikking], grootboek: Grootboek) -> None:
        self.model, self.grootboek = model, grootboek
        self.per_gemeente: OrderedDict[str, list[Kern]] = OrderedDict()

    def __call__(self, gemeente: str, eenheid: int, feiten: Sequence[Feit], eerdere: Eerdere) -> list[tuple[int, str]]:
        eerder = self._eerder(gemeente, eerdere)
        meldingen: list[tuple[int, str]] = []
        for i, feit in enumerate(feiten):
            if isinstance(feit, self.model) and feit.opbouw:
                zelfde = [f for f in eerder if f.bekend_op <= feit.bekend_op]
                in_grootboek = self.grootboek.beschikkingen(feit.type, feit.post, gemeente, feit.bekend_op, feit.jaar)
                # knowledge order; on a day, what this command records comes after what the ledger has
                ledger = sorted([*in_grootboek, *zelfde], key=lambda b: b.bekend_op)
                meldingen += [(i, m) for m in _vergelijk_vorige(feit, ledger, Decimal(eenheid))]
            eerder += self._kernen([feit])
        return meldingen

    def _eerder(self, gemeente: str, eerdere: Eerdere) -> list[Kern]:
        eerder = self.per_gemeente.pop(gemeente, None)
        if eerder is None:
            eerder = [k for feiten in eerdere() for k in self._kernen(feiten)]
        self.per_gemeente[gemeente] = eerder
        if len(self.per_gemeente) > GEMEENTEN:
            self.per_gemeente.popitem(last=False)
        return eerder

    def _kernen(self, feiten: Iterable[Feit]) -> list[Kern]:
        return [Kern(f.jaar, f.fase, f.bedrag, f.bekend_op) for f in feiten if isinstance(f, self.model)]


def _vergelijk_vorige(feit: Beschikking, ledger: list[Stand], afronding: Decimal) -> list[str]:
    if feit.vorige is not None:
        zelfde = [b for b in ledger if b.jaar == feit.vorige.jaar and b.fase == feit.vorige.fase]
        if zelfde and zelfde[-1].bedrag != feit.vorige.bedrag:
            return [
                f"vorige: the document states the {feit.vorige.fase} {feit.vorige.jaar} as "
                f"{euro(feit.vorige.bedrag)}, the ledger has {euro(zelfde[-1].bedrag)}"
            ]
        return []  # the opbouw was checked against the stated vorige when the document was read
    laatste = feit.fasen[-1]
    definitief = [b for b in ledger if b.jaar == feit.jaar - 1 and b.fase == laatste]
    if not definitief:
        return [
            f"opbouw: explains the change against the {laatste} {feit.jaar - 1}, which the ledger "
            "does not have; give `vorige: {jaar, fase, bedrag}`"
        ]
    return verschillen(feit.opbouw, {None: feit.bedrag - definitief[-1].bedrag}, afronding=afronding)


def check_eenjarig(opbouw: Opbouw, waar: str = "opbouw") -> None:
    """A beschikking is for one year: each part is an amount, not a map of years."""
    for naam, deel in opbouw.items():
        if deel.bedragen:
            raise ValueError(
                _(
                    "{waar}.{naam}: geef een bedrag, geen bedragen per jaar (een beschikking geldt voor één jaar)"
                ).format(waar=waar, naam=naam)
            )
        check_eenjarig(deel.opbouw, f"{waar}.{naam}")
