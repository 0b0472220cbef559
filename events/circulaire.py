"""The gemeentefonds circulaires (mei, september, december)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from events.base import Bedragen, Informatie, Jaar, Model, Naam
from events.posten import TaakveldCode, meld_taakveld


class Uitkering(Model):
    """A named amount series in a circulaire: a taakmutatie, integratie- or decentralisatie-uitkering.

    Attributes:
        naam: becomes the post `taakmutatie.<naam>`, `iu.<naam>` or `du.<naam>`.
    """

    naam: Naam
    bedragen: Bedragen
    taakveld: TaakveldCode | None = None

    @model_validator(mode="after")
    def _taakveld_past_bij_jaren(self, info: ValidationInfo) -> Uitkering:
        meld_taakveld(self.taakveld, set(self.bedragen), info)
        return self


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

    def jaren(self) -> set[int]:
        reeksen = [*self.taakmutaties, *self.integratie_uitkeringen, *self.decentralisatie_uitkeringen]
        return set(self.algemene_uitkering).union(*(u.bedragen for u in reeksen))
