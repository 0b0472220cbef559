"""Investeringen: activa with their afschrijving, which give kapitaallasten in the years after ingebruikname."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, model_validator

from events.base import Feit
from events.postbedragen import Json, Postbedrag
from events.posten import TaakveldCode
from events.registry import registreer
from events.samenvatting import date, jaren_tekst
from events.verordening import VerordeningVastgesteld
from events.waarden import Bedrag, Datum, Naam, valideer_jaar
from taal import _

ACTIVERINGSGRENS = Decimal("25000.00")  # seed 001, while the gemeente has recorded no verordening of its own
ALTIJD_GEACTIVEERD = {"duurzame_bedrijfsgoederen", "gronden_en_terreinen"}


@dataclass(frozen=True)
class Categorie:
    """One line of the afschrijvingsbeleid (seed 001, bijlage bij artikel 9)."""

    naam: str
    omschrijving: str
    termijn: int | None
    methode: str
    nut: str


@cache
def afschrijvingsbeleid() -> dict[str, Categorie]:
    with files("events").joinpath("data/afschrijvingen.csv").open(encoding="utf-8") as f:
        return {
            r["categorie"]: Categorie(
                r["categorie"],
                r["omschrijving"],
                int(r["termijn_jaren"]) if r["termijn_jaren"] else None,
                r["methode"],
                r["nut"],
            )
            for r in csv.DictReader(f)
        }


def samenvatting(f: Json) -> str:
    in_gebruik = date.fromisoformat(f["in_gebruik"]).year
    afgeschreven = f.get("geactiveerd") and f.get("methode") != "niet_afschrijven" and f.get("termijn")
    jaren = set(range(in_gebruik + 1, in_gebruik + 1 + f["termijn"])) if afgeschreven else {in_gebruik}
    return f"investering {jaren_tekst(jaren)}"


@registreer(samenvatting=samenvatting, groepen={})
class InvesteringGeactiveerd(Feit):
    """An asset taken into use. Its termijn and methode are fixed when it is recorded, from the
    afschrijvingsbeleid unless the document states them, so the ledger never changes its mind later.
    """

    betekenis: ClassVar[str] = (
        "Een investering die in gebruik is genomen (een activum). Termijn en methode van afschrijving liggen "
        "vast bij het boeken: uit het afschrijvingsbeleid, tenzij het document ze noemt."
    )
    type: Literal["investering"] = "investering"
    inhoud_bewaren: ClassVar[bool] = True
    activum: Naam = Field(description="de naam van het activum")
    categorie: str = Field(description="een categorie uit het afschrijvingsbeleid, zoals `nieuwbouw_schoolgebouwen`")
    nut: Literal["economisch", "maatschappelijk"] = Field(description="economisch of maatschappelijk nut (BBV)")
    bedrag: Bedrag
    in_gebruik: Datum = Field(description="de datum van ingebruikname; de afschrijving begint het jaar erna")
    termijn: Annotated[int, Field(ge=1, le=100)] | None = Field(
        None, description="de afschrijvingstermijn in jaren; weggelaten: uit het afschrijvingsbeleid"
    )
    methode: Literal["lineair", "niet_afschrijven"] | None = Field(
        None, description="de afschrijvingsmethode; weggelaten: uit het afschrijvingsbeleid"
    )
    geactiveerd: bool | None = Field(
        None,
        description="`false` bij economisch nut onder de activeringsgrens: het bedrag komt dan ten laste van het "
        "jaar zelf",
    )
    taakveld: TaakveldCode | None = None
    programma: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _uit_afschrijvingsbeleid(cls, waarden: Any) -> Any:
        if not isinstance(waarden, dict) or "categorie" not in waarden:
            return waarden
        categorie = afschrijvingsbeleid().get(waarden["categorie"])
        if categorie is None:
            raise ValueError(
                _("onbekende afschrijvingscategorie {categorie}; bekend: {bekend}").format(
                    categorie=repr(waarden["categorie"]), bekend=", ".join(sorted(afschrijvingsbeleid()))
                )
            )
        ingevuld = dict(waarden)
        if categorie.methode == "niet_afschrijven":
            ingevuld.setdefault("methode", "niet_afschrijven")
        ingevuld.setdefault("methode", "lineair")
        if ingevuld.get("termijn") is None and ingevuld["methode"] == "lineair":
            if categorie.termijn is None:
                raise ValueError(
                    _("categorie {naam} heeft geen vaste termijn ({methode}): noem de termijn in jaren").format(
                        naam=repr(categorie.naam), methode=categorie.methode
                    )
                )
            ingevuld["termijn"] = categorie.termijn
        return ingevuld

    @model_validator(mode="after")
    def _activeren(self) -> InvesteringGeactiveerd:
        if self.geactiveerd is None:
            object.__setattr__(self, "geactiveerd", self.te_activeren(ACTIVERINGSGRENS))
        for jaar in self.jaren():
            valideer_jaar(jaar)  # the last year of afschrijving must be a begrotingsjaar too
        return self

    def te_activeren(self, activeringsgrens: Decimal) -> bool:
        """Economisch nut under the activeringsgrens is charged to the year itself (bijlage afschrijvingsbeleid)."""
        onder_grens = self.nut == "economisch" and self.bedrag < activeringsgrens
        return self.categorie in ALTIJD_GEACTIVEERD or not onder_grens

    def zoals_geboekt(self, in_kracht: Mapping[int, Feit]) -> InvesteringGeactiveerd:
        """Unless the document says, the activeringsgrens is the one of the verordening in force on bekend_op."""
        if "geactiveerd" in self.model_fields_set:
            return self
        verordeningen = [f for f in in_kracht.values() if isinstance(f, VerordeningVastgesteld)]
        geldend = [v for v in verordeningen if v.bekend_op <= self.bekend_op]
        grens = max(geldend, key=lambda v: v.bekend_op).activeringsgrens if geldend else ACTIVERINGSGRENS
        geactiveerd = self.te_activeren(grens)
        return self if geactiveerd == self.geactiveerd else self.model_copy(update={"geactiveerd": geactiveerd})

    def kapitaallasten(self) -> dict[int, Decimal]:
        """Lineair, from the year after in_gebruik; cents rounded down, the remainder in the last year."""
        if not self.geactiveerd:
            return {self.in_gebruik.year: self.bedrag}
        if self.methode == "niet_afschrijven" or not self.termijn:
            return {}
        per_jaar = (self.bedrag / self.termijn).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
        eerste = self.in_gebruik.year + 1
        lasten = {eerste + i: per_jaar for i in range(self.termijn)}
        lasten[eerste + self.termijn - 1] += self.bedrag - per_jaar * self.termijn
        return lasten

    def jaren(self) -> set[int]:
        return set(self.kapitaallasten()) or {self.in_gebruik.year}

    @classmethod
    def postbedragen(cls, feit: Json) -> list[Postbedrag]:
        """Kapitaallasten as the prognose of `kapitaallasten.<activum>` in the years they fall."""
        investering = cls.model_validate(feit)
        post = f"kapitaallasten.{investering.activum}"
        return [
            Postbedrag("prognose", post, "lasten", jaar, int(bedrag.scaleb(2)), programma=investering.programma)
            for jaar, bedrag in sorted(investering.kapitaallasten().items())
        ]
