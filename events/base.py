"""The models every document event is built on: a frozen Model, the Bron, the Feit and Informatie."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, model_validator

from events.opbouw import Opbouw, verschillen
from events.postbedragen import Postbedrag, uit_tupels
from events.waarden import BronId, Datum, RegelTekst, Sha256, Verwerking

if TYPE_CHECKING:
    from events.reserves import Reservemutatie


class Model(BaseModel):
    """A frozen value that refuses fields it does not know."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    betekenis: ClassVar[str]
    """What it is, in Dutch, as docs/documenten.md introduces it (a registered type or a model it lists)."""

    def __eq__(self, other: object) -> bool:
        """Equal when the fields are equal; cached forms (private attributes) are no content."""
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def inhoud(self) -> dict[str, Any]:
        """What it says: its JSON form without the fields left at their defaults."""
        return self.model_dump(mode="json", exclude_defaults=True)


class Bron(Model):
    """The source document the events come from."""

    id: BronId = Field(
        description="de sleutel van het document, uniek per gemeente; hetzelfde `id` met een andere inhoud "
        "wordt geweigerd"
    )
    titel: RegelTekst | None = Field(None, description="de titel van het document")
    datum: Datum | None = Field(
        None, description="de datum van het document; ook de `bekend_op` van zijn events die er zelf geen noemen"
    )
    kenmerk: RegelTekst | None = Field(None, description="het kenmerk (zaaknummer, briefnummer)")
    sha256: Sha256 | None = Field(
        None, description="de SHA-256 van het originele bestand (pdf), als bewijs welk document het is"
    )


class Feit(Model):
    """One entry under `events:`; what it says became known on `bekend_op`.

    An event type declares here, once, everything the ledger needs of it: its
    amount lines (`postbedragen`), its reserve mutations, its guards against the
    ledger as it stands (`check`), its journal line (`samenvatting`) and the
    upcasters that bring its older stored forms up to date.
    """

    type: str
    bekend_op: Datum = Field(
        description="wanneer het bekend werd (de kennisas); weggelaten: de `datum` van de bron (een correctie: "
        "die van het origineel)"
    )
    toelichting: str | None = Field(None, description="een toelichting van de controller, vrije tekst")
    _json: dict[str, Any] | None = PrivateAttr(default=None)
    _lijnen: list[Postbedrag] | None = PrivateAttr(default=None)

    inhoud_bewaren: ClassVar[bool] = False
    """The questions about this type need the whole event, not just its amounts (verordening, investering)."""
    raakt_reserves: ClassVar[bool] = False
    """Events of this type move reserves (`reservemutaties`)."""
    upcasters: ClassVar[tuple[Callable[[dict[str, Any]], dict[str, Any]], ...]] = ()
    journaalregel: ClassVar[Callable[[dict[str, Any]], str]]
    """Its journal line from the stored JSON, as `@registreer(samenvatting=...)` declares it."""
    """Applied in order to a stored form that no longer validates (a renamed or reshaped field)."""

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with other fields does not keep this event's cached JSON and lines: they would say the old."""
        kopie = super().model_copy(update=update, deep=deep)
        if update:
            kopie.__pydantic_private__ = {**kopie.__pydantic_private__, "_json": None, "_lijnen": None}
        return kopie

    def __getstate__(self) -> dict[Any, Any]:
        """Pickled (a record keeps its report on disk): its lines as plain tuples, made ten times faster
        than named ones; its JSON form is left to be made again, as it costs less to make than to keep."""
        staat = super().__getstate__()
        lijnen = staat["__pydantic_private__"]["_lijnen"]
        staat["__pydantic_private__"] = {
            **staat["__pydantic_private__"],
            "_json": None,
            "_lijnen": lijnen and [tuple(lijn) for lijn in lijnen],
        }
        return staat

    def __setstate__(self, staat: dict[Any, Any]) -> None:
        super().__setstate__(staat)
        prive = self.__pydantic_private__
        if prive["_lijnen"] is not None:
            prive["_lijnen"] = uit_tupels(prive["_lijnen"])

    def als_json(self) -> dict[str, Any]:
        """The event in its stored JSON form (strings for amounts and dates), computed once."""
        prive = self.__pydantic_private__  # a slot: reading `self._json` goes through pydantic's __getattr__
        if prive["_json"] is None:
            prive["_json"] = self.model_dump(mode="json")
        return prive["_json"]

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
        prive = self.__pydantic_private__
        if prive["_lijnen"] is None:
            prive["_lijnen"] = type(self).postbedragen(self.als_json())
        return prive["_lijnen"]

    def reservemutaties(self) -> list[Reservemutatie]:
        """What this event does to the reserves: nothing unless the type says so."""
        return []

    @classmethod
    def reserverijen(cls, feit: dict[str, Any]) -> list[tuple[str, str | None, str, int, int]]:
        """`reservemutaties` read from the stored JSON form, as (reserve, reserve_soort, soort, jaar, cents).

        What a rebuild writes: validating each reserve event into its model first cost more than its rows.
        """
        return []

    def zoals_geboekt(self, in_kracht: Mapping[int, Feit]) -> Feit:
        """The event as the ledger records it, given the events in force: what the type leaves to the ledger."""
        return self

    def check(self, keten: int, in_kracht: Mapping[int, Feit], correctie: bool) -> None:
        """The type's rules against the other events in force (by keten); raises RegelOvertreden."""

    @classmethod
    def check_intrekking(cls, keten: int, in_kracht: Mapping[int, Feit]) -> None:
        """The type's rules when the event of `keten` is withdrawn from the events in force."""

    @classmethod
    def waarschuwer(cls, grootboek: Any) -> Any:
        """The type's record-time warnings against the ledger (events.beschikking.Waarschuwer), or None.

        `grootboek` is what the read side answers (events.beschikking.Grootboek); events/ imports no projection.
        """
        return None

    def samenvatting(self) -> str:
        """The event in one line of the journal (a listing reads the same line from the JSON, `events.index`)."""
        return type(self).journaalregel(self.als_json())


class Informatie(Feit):
    """A document from outside that sets the prognose of posts."""

    verwerking: Verwerking = Field(
        "verwerkt",
        description="`verwerkt` (standaard) telt mee in het saldo; `pm` noemt het wel, onder pm, maar houdt het "
        "buiten het saldo",
    )
    opbouw: Opbouw = Field(default_factory=dict)

    @model_validator(mode="after")
    def _opbouw_telt_op(self, info: ValidationInfo) -> Informatie:
        if self.opbouw and info.context is not None:
            afronding = Decimal(info.context.get("eenheid", 1))  # one unit of what the document writes
            for melding in verschillen(self.opbouw, self.door_opbouw_verklaard(), afronding=afronding):
                info.context.setdefault("waarschuwingen", []).append(melding)
        return self

    @classmethod
    def verklaarde_post(cls, feit: dict[str, Any]) -> str | None:
        """The post whose change its opbouw explains, from the stored JSON form: its first post line."""
        lijnen = cls.postbedragen(feit)
        return lijnen[0].post if lijnen else None

    def door_opbouw_verklaard(self) -> dict[int | None, Decimal]:
        """The amounts the document itself states that its opbouw explains (its changes), per year."""
        return {}
