"""The gemeentefonds circulaires (mei, september, december)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from events.base import Informatie, Model, jaren_tekst
from events.postbedragen import AU, Json, Postbedrag, informatie_soort, reeks
from events.posten import TaakveldCode, meld_taakveld
from events.registry import registreer
from events.waarden import Bedragen, BedragenVerplicht, Jaar, Naam


class Uitkering(Model):
    """A named amount series in a circulaire: a taakmutatie, integratie- or decentralisatie-uitkering.

    Attributes:
        naam: becomes the post `taakmutatie.<naam>`, `iu.<naam>` or `du.<naam>`.
    """

    naam: Naam
    bedragen: BedragenVerplicht
    taakveld: TaakveldCode | None = None

    @model_validator(mode="after")
    def _taakveld_past_bij_jaren(self, info: ValidationInfo) -> Uitkering:
        meld_taakveld(self.taakveld, set(self.bedragen), info)
        return self


@registreer
class CirculaireGepubliceerd(Informatie):
    """A gemeentefonds circulaire with this gemeente's figures.

    Attributes:
        soort: mei, september or december.
        jaar: the year of the circulaire itself.
        algemene_uitkering: the AU total per year (it contains the taakmutaties).
        taakmutaties: earmarked parts of the AU; each is a budget-neutral lasten post.
    """

    type: Literal["circulaire"] = "circulaire"
    soort: Literal["mei", "september", "december"]
    jaar: Jaar
    algemene_uitkering: Bedragen = Field(default_factory=dict)
    taakmutaties: list[Uitkering] = Field(default_factory=list)
    integratie_uitkeringen: list[Uitkering] = Field(default_factory=list)
    decentralisatie_uitkeringen: list[Uitkering] = Field(default_factory=list)

    @field_validator("taakmutaties", "integratie_uitkeringen", "decentralisatie_uitkeringen")
    @classmethod
    def _elke_naam_eenmaal(cls, uitkeringen: list[Uitkering]) -> list[Uitkering]:
        namen = [u.naam for u in uitkeringen]
        dubbel = sorted({n for n in namen if namen.count(n) > 1})
        if dubbel:
            raise ValueError(f"{', '.join(map(repr, dubbel))} is listed twice; give it once with all its years")
        return uitkeringen

    @model_validator(mode="after")
    def _iets_gemeld(self, info: ValidationInfo) -> CirculaireGepubliceerd:
        if not self.jaren() and info.context is not None:
            raise ValueError("gives no amounts: no algemene_uitkering, taakmutaties or uitkeringen")
        return self

    def jaren(self) -> set[int]:
        reeksen = [*self.taakmutaties, *self.integratie_uitkeringen, *self.decentralisatie_uitkeringen]
        return set(self.algemene_uitkering).union(*(u.bedragen for u in reeksen))

    @classmethod
    def postbedragen(cls, feit: Json) -> list[Postbedrag]:
        """The AU, iu.<naam> and du.<naam> as baten; each taakmutatie as lasten (the AU total holds its money)."""
        series = [(AU, "baten", feit["algemene_uitkering"])]
        series += [(f"iu.{u['naam']}", "baten", u["bedragen"]) for u in feit["integratie_uitkeringen"]]
        series += [(f"du.{u['naam']}", "baten", u["bedragen"]) for u in feit["decentralisatie_uitkeringen"]]
        series += [(f"taakmutatie.{u['naam']}", "lasten", u["bedragen"]) for u in feit["taakmutaties"]]
        soort = informatie_soort(feit)
        return [r for post, richting, bedragen in series for r in reeks(soort, post, richting, bedragen)]

    def samenvatting(self) -> str:
        delen = [f"{self.soort}circulaire {self.jaar}: algemene uitkering {jaren_tekst(set(self.algemene_uitkering))}"]
        if self.taakmutaties:
            delen.append(f"{len(self.taakmutaties)} taakmutaties")
        return ", ".join(delen)
