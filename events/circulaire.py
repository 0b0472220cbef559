"""The gemeentefonds circulaires (maart, mei, september, december)."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from events.base import Informatie, Model
from events.postbedragen import AU, Json, Postbedrag, informatie_reeks, neutraal
from events.posten import Incidenteel, TaakveldCode, check_jaren, check_reeks, meld_taakveld
from events.registry import registreer
from events.samenvatting import jaren, jaren_tekst
from events.waarden import Bedragen, Jaar, Naam
from taal import _


class Uitkering(Model):
    """A named amount series in a circulaire: a taakmutatie, integratie- or decentralisatie-uitkering."""

    betekenis: ClassVar[str] = (
        "Een reeks bedragen met een naam in een circulaire: een taakmutatie, een integratie-uitkering of een "
        "decentralisatie-uitkering."
    )
    naam: Naam = Field(description="wordt de post `taakmutatie.<naam>`, `iu.<naam>` of `du.<naam>`")
    bedragen: Bedragen = Field(default_factory=dict)
    mutaties: Bedragen = Field(default_factory=dict)
    incidenteel: Incidenteel = False
    budgetneutraal: Incidenteel = Field(
        False,
        description="de gemeente geeft het geld door aan de taak (`true`: elk jaar; een lijst: deze jaren): "
        "dezelfde bedragen staan als lasten op de post, het effect op het saldo is 0 (bij een taakmutatie al "
        "vanzelf)",
    )
    taakveld: TaakveldCode | None = None

    @model_validator(mode="after")
    def _taakveld_past_bij_jaren(self, info: ValidationInfo) -> Uitkering:
        meld_taakveld(self.taakveld, set(self.bedragen) | set(self.mutaties), info)
        check_reeks(self.bedragen, self.mutaties, self.incidenteel, info)
        check_jaren("budgetneutraal", self.budgetneutraal, set(self.bedragen) | set(self.mutaties))
        return self


GROEPEN = {AU: AU, "taakmutatie.": "taakmutaties", "iu.": "uitkeringen", "du.": "uitkeringen"}


def samenvatting(f: Json) -> str:
    delen = [f"{f['soort']}circulaire {f['jaar']}: algemene uitkering {jaren_tekst(jaren(f['algemene_uitkering']))}"]
    if f.get("taakmutaties"):
        delen.append(f"{len(f['taakmutaties'])} taakmutaties")
    return ", ".join(delen)


@registreer(samenvatting=samenvatting, groepen=GROEPEN)
class CirculaireGepubliceerd(Informatie):
    """A gemeentefonds circulaire with this gemeente's figures."""

    betekenis: ClassVar[str] = (
        "Een circulaire van het gemeentefonds met de cijfers van deze gemeente: de algemene uitkering, de "
        "taakmutaties en de integratie- en decentralisatie-uitkeringen per jaar."
    )
    type: Literal["circulaire"] = "circulaire"
    soort: Literal["maart", "mei", "september", "december"] = Field(
        description="welke circulaire: de maart-, mei-, september- of decembercirculaire"
    )
    jaar: Jaar = Field(description="het jaar van de circulaire zelf")
    algemene_uitkering: Bedragen = Field(
        default_factory=dict, description="de algemene uitkering per jaar, in totaal (de taakmutaties zitten erin)"
    )
    algemene_uitkering_mutatie: Bedragen = Field(
        default_factory=dict,
        description="in plaats van `algemene_uitkering`: de mutatie van de algemene uitkering per jaar",
    )
    taakmutaties: list[Uitkering] = Field(
        default_factory=list,
        description="geoormerkte delen van de algemene uitkering; elk een budgetneutrale post "
        "`taakmutatie.<naam>` (lasten)",
    )
    integratie_uitkeringen: list[Uitkering] = Field(
        default_factory=list, description="integratie-uitkeringen, elk de post `iu.<naam>` (baten)"
    )
    decentralisatie_uitkeringen: list[Uitkering] = Field(
        default_factory=list, description="decentralisatie-uitkeringen, elk de post `du.<naam>` (baten)"
    )

    @field_validator("taakmutaties", "integratie_uitkeringen", "decentralisatie_uitkeringen")
    @classmethod
    def _elke_naam_eenmaal(cls, uitkeringen: list[Uitkering]) -> list[Uitkering]:
        namen = [u.naam for u in uitkeringen]
        dubbel = sorted({n for n in namen if namen.count(n) > 1})
        if dubbel:
            raise ValueError(
                _("{namen} staat er twee keer; geef het één keer met al zijn jaren").format(
                    namen=", ".join(map(repr, dubbel))
                )
            )
        return uitkeringen

    @model_validator(mode="after")
    def _iets_gemeld(self, info: ValidationInfo) -> CirculaireGepubliceerd:
        dubbel = sorted(set(self.algemene_uitkering) & set(self.algemene_uitkering_mutatie))
        if dubbel:
            raise ValueError(
                _("algemene_uitkering {jaren}: gegeven als bedrag én als mutatie").format(
                    jaren=", ".join(map(str, dubbel))
                )
            )
        if not self.jaren() and info.context is not None:
            raise ValueError(_("geeft geen bedragen: geen algemene_uitkering, taakmutaties of uitkeringen"))
        return self

    def door_opbouw_verklaard(self) -> dict[int | None, Decimal]:
        return dict(self.algemene_uitkering_mutatie)

    def jaren(self) -> set[int]:
        reeksen = [*self.taakmutaties, *self.integratie_uitkeringen, *self.decentralisatie_uitkeringen]
        au = set(self.algemene_uitkering) | set(self.algemene_uitkering_mutatie)
        return au.union(*(u.bedragen for u in reeksen), *(u.mutaties for u in reeksen))

    @classmethod
    def postbedragen(cls, feit: Json) -> list[Postbedrag]:
        """The AU, iu.<naam> and du.<naam> as baten; each taakmutatie as lasten (the AU total holds its money).

        A budgetneutraal uitkering adds, right after its amounts, the same amounts as its pass-through lasten.
        """
        au = {"bedragen": feit["algemene_uitkering"], "mutaties": feit["algemene_uitkering_mutatie"]}
        series = [(AU, "baten", au)]
        series += [(f"iu.{u['naam']}", "baten", u) for u in feit["integratie_uitkeringen"]]
        series += [(f"du.{u['naam']}", "baten", u) for u in feit["decentralisatie_uitkeringen"]]
        lijnen = [neutraal(informatie_reeks(feit, post, richting, u), u) for post, richting, u in series]
        taken = [("taakmutatie." + u["naam"], u) for u in feit["taakmutaties"]]
        lijnen += [informatie_reeks(feit, post, "lasten", u) for post, u in taken]
        return [r for reeks_ in lijnen for r in reeks_]
