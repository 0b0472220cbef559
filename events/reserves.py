"""Reserves: instituted, fed and drawn on, and the jaarrekening result put into them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, Literal

from pydantic import Field, PrivateAttr, field_validator, model_validator

from events.base import Feit, Model
from events.errors import RegelOvertreden
from events.registry import registreer
from events.reservestanden import NUL, Reservemutatie, standen
from events.samenvatting import bedrag
from events.waarden import Bedrag, Datum, Jaar, Naam, euro
from taal import _

Json = dict[str, Any]
Reserverij = tuple[str, str | None, str, int, int]  # reserve, reserve_soort, soort, jaar, cents


def cents(bedrag: str) -> int:
    """A stored amount in cents, as its model reads it (`Decimal`) and the projection counted it."""
    return int(Decimal(bedrag).scaleb(2))


class ReserveFeit(Feit):
    """An event that moves reserves; after it, every reserve must exist and none may go negative."""

    raakt_reserves: ClassVar[bool] = True
    _mutaties: list[Reservemutatie] | None = PrivateAttr(default=None)

    def eens_gemaakt(self) -> list[Reservemutatie]:
        """Its `reservemutaties`, made once: each later reserve event of its gemeente is checked with them."""
        prive = self.__pydantic_private__  # a slot: reading `self._mutaties` goes through pydantic's __getattr__
        if prive["_mutaties"] is None:
            prive["_mutaties"] = self.reservemutaties()
        return prive["_mutaties"]

    def check(self, keten: int, in_kracht: Mapping[int, Feit], correctie: bool) -> None:
        andere = _reservefeiten(keten, in_kracht)
        if isinstance(self, ReserveIngesteld):
            check_reserve_uniek(self, andere)
        check_reserves([*andere, self])

    @classmethod
    def check_intrekking(cls, keten: int, in_kracht: Mapping[int, Feit]) -> None:
        check_reserves(_reservefeiten(keten, in_kracht))


def _reservefeiten(keten: int, in_kracht: Mapping[int, Feit]) -> list[ReserveFeit]:
    """The other events in force that move reserves: only they have reservemutaties (or institute one)."""
    return [f for k, f in in_kracht.items() if k != keten and isinstance(f, ReserveFeit)]


def samenvatting_ingesteld(f: Json) -> str:
    return f"{f['soort'].replace('_', ' ')} {f['reserve']} per {f['per']}: {euro(bedrag(f['beginstand']))}"


def samenvatting_mutatie(f: Json) -> str:
    return f"{f['soort']} {f['reserve']} {f['jaar']}: {euro(bedrag(f['bedrag']))}"


def samenvatting_bestemming(f: Json) -> str:
    return f"resultaatbestemming {f['jaar']}: {euro(bedrag(f['resultaat']))} naar {len(f['toevoegingen'])} reserve(s)"


@registreer(samenvatting=samenvatting_ingesteld, groepen={})
class ReserveIngesteld(ReserveFeit):
    """A reserve opened with a beginstand."""

    betekenis: ClassVar[str] = "Een reserve die wordt ingesteld, met haar beginstand."
    type: Literal["reserve_ingesteld"] = "reserve_ingesteld"
    reserve: Naam
    soort: Literal["algemene_reserve", "bestemmingsreserve"] = Field(
        description="de soort reserve: `algemene_reserve` of `bestemmingsreserve`"
    )
    beginstand: Bedrag = Field(description="de stand op `per`; de reserve telt vanaf het jaar van `per`")
    per: Datum = Field(description="de datum van de beginstand")
    doel: str | None = Field(None, description="het doel van de reserve")

    @field_validator("beginstand")
    @classmethod
    def _niet_negatief(cls, bedrag: Decimal) -> Decimal:
        if bedrag < 0:
            raise ValueError(_("een reserve kan niet negatief beginnen, kreeg {bedrag}").format(bedrag=bedrag))
        return bedrag

    def jaren(self) -> set[int]:
        return {self.per.year}

    def reservemutaties(self) -> list[Reservemutatie]:
        return [Reservemutatie(self.reserve, "beginstand", self.per.year, self.beginstand, self.soort)]

    @classmethod
    def reserverijen(cls, feit: Json) -> list[Reserverij]:
        jaar = date.fromisoformat(feit["per"]).year
        return [(feit["reserve"], feit["soort"], "beginstand", jaar, cents(feit["beginstand"]))]


@registreer(samenvatting=samenvatting_mutatie, groepen={})
class ReserveGemuteerd(ReserveFeit):
    """A dotatie to or an onttrekking from a reserve, for one year."""

    betekenis: ClassVar[str] = "Een dotatie aan of een onttrekking uit een reserve, voor één jaar."
    type: Literal["reserve_mutatie"] = "reserve_mutatie"
    reserve: Naam
    jaar: Jaar
    soort: Literal["dotatie", "onttrekking"] = Field(
        description="`dotatie` (de reserve neemt toe) of `onttrekking` (de reserve neemt af)"
    )
    bedrag: Bedrag = Field(description="positief; `soort` zegt of het erbij komt of eraf gaat")

    @field_validator("bedrag")
    @classmethod
    def _positief(cls, bedrag: Decimal) -> Decimal:
        if bedrag <= 0:
            raise ValueError(
                _("hoort meer dan 0 te zijn (soort zegt dotatie of onttrekking), kreeg {bedrag}").format(bedrag=bedrag)
            )
        return bedrag

    def mutatie(self) -> Decimal:
        return self.bedrag if self.soort == "dotatie" else -self.bedrag

    def jaren(self) -> set[int]:
        return {self.jaar}

    def reservemutaties(self) -> list[Reservemutatie]:
        return [Reservemutatie(self.reserve, self.soort, self.jaar, self.mutatie())]

    @classmethod
    def reserverijen(cls, feit: Json) -> list[Reserverij]:
        bedrag = cents(feit["bedrag"])
        return [
            (feit["reserve"], None, feit["soort"], int(feit["jaar"]), bedrag if feit["soort"] == "dotatie" else -bedrag)
        ]


class Toevoeging(Model):
    """Part of a result put into one reserve; negative draws on it."""

    betekenis: ClassVar[str] = (
        "Het deel van het resultaat dat naar één reserve gaat; een negatief bedrag is een onttrekking eruit."
    )
    reserve: Naam
    bedrag: Bedrag


@registreer(samenvatting=samenvatting_bestemming, groepen={})
class ResultaatBestemd(ReserveFeit):
    """The raad's decision on the jaarrekening result of `jaar`, taken in the next year.

    Its toevoegingen are dotaties (or, negative, onttrekkingen) of `jaar` + 1.
    """

    betekenis: ClassVar[str] = (
        "Het besluit van de raad over de bestemming van het resultaat van de jaarrekening van `jaar`, genomen in "
        "het jaar erna. De toevoegingen zijn dotaties (negatief: onttrekkingen) in `jaar` + 1."
    )
    type: Literal["resultaatbestemming"] = "resultaatbestemming"
    jaar: Jaar
    resultaat: Bedrag = Field(description="het resultaat van de jaarrekening (+ is voordelig)")
    toevoegingen: list[Toevoeging] = Field(
        min_length=1, description="waar het resultaat heen gaat; samen zijn ze het hele resultaat"
    )

    @model_validator(mode="after")
    def _hele_resultaat_bestemd(self) -> ResultaatBestemd:
        totaal = sum((t.bedrag for t in self.toevoegingen), Decimal(0))
        if totaal != self.resultaat:
            raise ValueError(
                _("toevoegingen tellen op tot {totaal}, niet tot het resultaat {resultaat}").format(
                    totaal=euro(totaal), resultaat=euro(self.resultaat)
                )
            )
        return self

    def jaren(self) -> set[int]:
        return {self.jaar + 1}

    def reservemutaties(self) -> list[Reservemutatie]:
        return [Reservemutatie(t.reserve, "resultaatbestemming", self.jaar + 1, t.bedrag) for t in self.toevoegingen]

    @classmethod
    def reserverijen(cls, feit: Json) -> list[Reserverij]:
        jaar = int(feit["jaar"]) + 1
        return [(t["reserve"], None, "resultaatbestemming", jaar, cents(t["bedrag"])) for t in feit["toevoegingen"]]


def check_reserve_uniek(feit: ReserveIngesteld, andere: Iterable[Feit]) -> None:
    for ander in andere:
        if isinstance(ander, ReserveIngesteld) and ander.reserve == feit.reserve:
            raise RegelOvertreden(
                _("reserve {reserve} bestaat al (ingesteld per {per})").format(
                    reserve=repr(feit.reserve), per=ander.per
                )
            )


def check_reserves(feiten: Iterable[ReserveFeit]) -> None:
    """Every mutatie on a reserve that exists by then; no reserve negative at the end of any year."""
    alle = list(feiten)
    ingesteld = {f.reserve: f.per for f in alle if isinstance(f, ReserveIngesteld)}
    mutaties = [m for f in alle for m in f.eens_gemaakt()]
    for m in mutaties:
        check_reserve_bestaat(m, ingesteld)
    for reserve, per_jaar in sorted(_per_jaar(mutaties).items()):
        for jaar, stand in standen(per_jaar).items():
            if stand < 0:
                raise RegelOvertreden(
                    _(
                        "reserve {reserve} zou eind {jaar} op {stand} staan; een reserve kan niet negatief worden"
                    ).format(reserve=repr(reserve), jaar=jaar, stand=euro(stand))
                )


def mutaties_per_jaar(feiten: Iterable[Feit]) -> dict[str, dict[int, Decimal]]:
    """Per reserve, the sum of its mutaties per year."""
    return _per_jaar(m for f in feiten for m in f.reservemutaties())


def _per_jaar(mutaties: Iterable[Reservemutatie]) -> dict[str, dict[int, Decimal]]:
    per_reserve: dict[str, dict[int, Decimal]] = {}
    for m in mutaties:
        per_jaar = per_reserve.setdefault(m.reserve, {})
        per_jaar[m.jaar] = per_jaar.get(m.jaar, NUL) + m.bedrag
    return per_reserve


def check_reserve_bestaat(m: Reservemutatie, ingesteld: Mapping[str, date]) -> None:
    if m.reserve not in ingesteld:
        raise RegelOvertreden(
            _("reserve {reserve} bestaat niet: stel hem eerst in met een reserve_ingesteld").format(
                reserve=repr(m.reserve)
            )
        )
    if m.jaar < ingesteld[m.reserve].year:
        raise RegelOvertreden(
            _("reserve {reserve} bestaat vanaf {per}; geen {soort} voor {jaar}").format(
                reserve=repr(m.reserve), per=ingesteld[m.reserve], soort=m.soort, jaar=m.jaar
            )
        )
