"""The building blocks every document event is made of.

Money is a `Decimal` in euros with exactly two decimals. Documents may state
amounts in thousands (`eenheid: 1000`); the loader passes the eenheid in the
validation context, and `Bedrag` applies it, so an event always holds euros.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    PlainSerializer,
    PlainValidator,
    PrivateAttr,
    ValidationInfo,
)

if TYPE_CHECKING:
    from events.postbedragen import Postbedrag
    from events.reserves import Reservemutatie

CENT = Decimal("0.01")
EERSTE_JAAR, LAATSTE_JAAR = 1990, 2100

POST_PATROON = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)*")
NAAM_PATROON = re.compile(r"[a-z0-9_]+")
BRON_PATROON = re.compile(r"[a-z0-9][a-z0-9._-]*")
GEMEENTE_PATROON = re.compile(r"GM[0-9]{4}")
GROOTSTE_BEDRAG = Decimal(10) ** 12  # € 1.000.000.000.000: beyond any gemeente, and its cents fit every database


def beschrijf(value: Any) -> str:
    """Name a wrong value the way a user wrote it."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (dict, list)):
        return "a list" if isinstance(value, list) else "a mapping"
    if value is None:
        return "nothing"
    return str(value)


def naar_decimal(value: Any) -> Decimal:
    if type(value) is int:
        return Decimal(value)
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise ValueError(f"expected a number, got {beschrijf(value)}")
    try:
        getal = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(f"expected a number, got {beschrijf(value)}") from None
    if not getal.is_finite():
        raise ValueError(f"expected a finite number, got {value}")
    return getal


def valideer_bedrag(value: Any, info: ValidationInfo) -> Decimal:
    context = info.context
    if context is None and type(value) is str:  # read back from the store: written by us, exact
        return Decimal(value)
    eenheid = context.get("eenheid", 1) if context else 1
    try:
        euros = naar_decimal(value) if eenheid == 1 else naar_decimal(value) * eenheid
        afgerond = euros.quantize(CENT)
    except InvalidOperation:
        raise ValueError(f"{value} is too large for an amount") from None
    if afgerond != euros:
        na = f" after applying eenheid {eenheid}" if eenheid != 1 else ""
        raise ValueError(f"{value} has more than 2 decimals{na}")
    if abs(afgerond) >= GROOTSTE_BEDRAG:
        raise ValueError(f"{value} is too large for an amount (€ 1.000.000.000.000 or more)")
    return afgerond


def valideer_jaar(value: Any) -> int:
    if type(value) is int and EERSTE_JAAR <= value <= LAATSTE_JAAR:
        return value
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f"expected a year, got {beschrijf(value)}")
    if isinstance(value, str) and not (value.strip().isascii() and value.strip().isdigit()):
        raise ValueError(f"expected a year, got {beschrijf(value)}")
    jaar = int(value)
    if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        raise ValueError(f"jaar {jaar} is outside {EERSTE_JAAR}-{LAATSTE_JAAR}")
    return jaar


def valideer_datum(value: Any) -> date:
    """A date as YAML writes it, or as text 2020-09-15 (as JSON and the store do); not a number, nor a moment."""
    if type(value) is date:
        return value
    if isinstance(value, str) and value.isascii() and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    wat = "a date like 2020-09-15, without a time" if isinstance(value, datetime) else "a date like 2020-09-15"
    raise ValueError(f"expected {wat}, got {beschrijf(value)}")


def valideer_regel_tekst(value: Any, info: ValidationInfo) -> str:
    """Text on one line: a name, a title, a kenmerk (tab and newline only where a text may span lines).

    A rule for documents: what an earlier version stored is read as it was written.
    """
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {beschrijf(value)}")
    if info.context is not None and any(teken in value for teken in "\t\n\r"):
        raise ValueError(f"{beschrijf(value)} should be one line, without tabs or line breaks")
    return value


def niet_leeg(bedragen: dict[int, Decimal], info: ValidationInfo) -> dict[int, Decimal]:
    """A rule for documents: what an earlier version stored is read as it was written."""
    if not bedragen and info.context is not None:
        raise ValueError("gives no amounts; give at least one year, like {2021: 100}")
    return bedragen


def patroon(regex: re.Pattern[str], wat: str, uitleg: str) -> PlainValidator:
    def valideer(value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError(f"expected {wat} as text, got {beschrijf(value)}")
        if not regex.fullmatch(value):
            raise ValueError(f"{value!r} {uitleg}")
        return value

    return PlainValidator(valideer)


def euro(bedrag: Decimal) -> str:
    """€ 1.234.567,89, as the documents write it."""
    tekst = f"{abs(bedrag):,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"€ {'-' if bedrag < 0 else ''}{tekst}"


def bedrag_als_tekst(bedrag: Decimal) -> str:
    return f"{bedrag:.2f}"


Bedrag = Annotated[Decimal, PlainValidator(valideer_bedrag), PlainSerializer(bedrag_als_tekst, when_used="json")]
Jaar = Annotated[int, PlainValidator(valideer_jaar)]
Datum = Annotated[date, PlainValidator(valideer_datum), PlainSerializer(date.isoformat, when_used="json")]
RegelTekst = Annotated[str, PlainValidator(valideer_regel_tekst)]
Bedragen = Annotated[dict[Jaar, Bedrag], AfterValidator(lambda bedragen: dict(sorted(bedragen.items())))]
"""Amounts per year, kept in year order: so a document's content has one JSON form, whatever order it was typed in."""
BedragenVerplicht = Annotated[Bedragen, AfterValidator(niet_leeg)]
"""Amounts per year where a line without any amount would mean nothing."""
PostNaam = Annotated[
    str, patroon(POST_PATROON, "post", "may hold only a-z, 0-9, '_' and '.' (like stelpost.jeugdhulp)")
]
Naam = Annotated[str, patroon(NAAM_PATROON, "naam", "may hold only a-z, 0-9 and '_'")]
BronId = Annotated[
    str, patroon(BRON_PATROON, "bron id", "may hold only a-z, 0-9, '.', '_' and '-', and starts with a-z or 0-9")
]
GemeenteCode = Annotated[
    str, patroon(GEMEENTE_PATROON, "gemeente", "is not a CBS code (GM and four digits, like GM1708)")
]
Richting = Literal["baten", "lasten"]
Verwerking = Literal["verwerkt", "pm"]


class Model(BaseModel):
    """A frozen value that refuses fields it does not know."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def __eq__(self, other: object) -> bool:
        """Equal when the fields are equal; cached forms (private attributes) are no content."""
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def inhoud(self) -> dict[str, Any]:
        """What it says: its JSON form without the fields left at their defaults."""
        return self.model_dump(mode="json", exclude_defaults=True)


class Bron(Model):
    """The source document the events come from.

    Attributes:
        id: unique per gemeente; the same id with other content is a conflict.
        datum: the document date, the default `bekend_op` of its events.
    """

    id: BronId
    titel: RegelTekst | None = None
    datum: Datum | None = None
    kenmerk: RegelTekst | None = None
    sha256: (
        Annotated[str, patroon(re.compile(r"^[0-9a-f]{64}$"), "sha256", "is not 64 lowercase hex digits")] | None
    ) = None


def jaren_tekst(jaren: set[int]) -> str:
    """{2020, 2021, 2023} -> '2020-2023', as a journal line says it."""
    if not jaren:
        return "-"
    return f"{min(jaren)}-{max(jaren)}" if len(jaren) > 1 else str(min(jaren))


class Feit(Model):
    """One entry under `events:`; what it says became known on `bekend_op`.

    An event type declares here, once, everything the ledger needs of it: its
    amount lines (`postbedragen`), its reserve mutations, its guards against the
    ledger as it stands (`check`), its journal line (`samenvatting`) and the
    upcasters that bring its older stored forms up to date.

    Attributes:
        bekend_op: when the information became known (the knowledge axis).
        toelichting: the controller's note, free text.
    """

    type: str
    bekend_op: Datum
    toelichting: str | None = None
    _json: dict[str, Any] | None = PrivateAttr(default=None)
    _lijnen: list[Postbedrag] | None = PrivateAttr(default=None)

    inhoud_bewaren: ClassVar[bool] = False
    """The questions about this type need the whole event, not just its amounts (verordening, investering)."""
    raakt_reserves: ClassVar[bool] = False
    """Events of this type move reserves (`reservemutaties`)."""
    upcasters: ClassVar[tuple[Callable[[dict[str, Any]], dict[str, Any]], ...]] = ()
    """Applied in order to a stored form that no longer validates (a renamed or reshaped field)."""

    def als_json(self) -> dict[str, Any]:
        """The event in its stored JSON form (strings for amounts and dates), computed once."""
        if self._json is None:
            self._json = self.model_dump(mode="json")
        return self._json

    def inhoud(self) -> dict[str, Any]:
        """What the event says; its type always, though the model gives it as a default."""
        return {"type": self.type} | super().inhoud()

    def jaren(self) -> set[int]:
        """The begrotingsjaren this event has amounts for."""
        return set()

    @classmethod
    def postbedragen(cls, feit: dict[str, Any]) -> list[Postbedrag]:
        """The amount lines of an event of this type in its stored JSON form: none unless the type says so."""
        return []

    def lijnen(self) -> list[Postbedrag]:
        """This event's amount lines, computed once."""
        if self._lijnen is None:
            self._lijnen = type(self).postbedragen(self.als_json())
        return self._lijnen

    def reservemutaties(self) -> list[Reservemutatie]:
        """What this event does to the reserves: nothing unless the type says so."""
        return []

    def zoals_geboekt(self, in_kracht: Mapping[int, Feit]) -> Feit:
        """The event as the ledger records it, given the events in force: what the type leaves to the ledger."""
        return self

    def check(self, keten: int, in_kracht: Mapping[int, Feit], correctie: bool) -> None:
        """The type's rules against the other events in force (by keten); raises RegelOvertreden."""

    @classmethod
    def check_intrekking(cls, keten: int, in_kracht: Mapping[int, Feit]) -> None:
        """The type's rules when the event of `keten` is withdrawn from the events in force."""

    def samenvatting(self) -> str:
        """The event in one line of the journal."""
        return f"{self.type} {jaren_tekst(self.jaren())}"


class Informatie(Feit):
    """A document from outside that sets the prognose of posts.

    Attributes:
        verwerking: `pm` keeps it out of the saldo while listing it.
    """

    verwerking: Verwerking = "verwerkt"
