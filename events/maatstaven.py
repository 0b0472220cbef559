"""A gemeente's aantallen of the AU's maatstaven per uitkeringsjaar: the rijk's, or the controller's own raming."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, Field, ValidationInfo, model_validator

from events.au_regel import bereken
from events.base import Feit, Model
from events.beschikking import Eerdere, Grootboek, Waarschuwer
from events.exact import Exact
from events.getallen import euro, oordeel
from events.maatstafcodes import PerCode, meld_onbekend, op_jaar, op_volgorde
from events.registry import registreer
from events.samenvatting import Json, jaren, jaren_tekst
from events.waarden import Bedrag, Jaar, Naam
from taal import _


class Maatstafjaar(Model):
    """One uitkeringsjaar's aantallen."""

    betekenis: ClassVar[str] = "De aantallen van de verdeelmaatstaven voor één uitkeringsjaar."
    aantallen: PerCode[Exact] = Field(
        description="per maatstafcode het aantal zoals de tabel het drukt (deel A: de WOZ-waarde in honderden "
        'euro\'s), als decimaal getal of als exacte breuk zoals `"5924/3"` (een driejaarsgemiddelde)'
    )
    buiten_factor: Annotated[dict[Naam, Bedrag], AfterValidator(op_volgorde)] = Field(
        default_factory=dict,
        description="bedragen buiten de uitkeringsfactor (suppletie, verevening, herindeling), in euro's",
    )
    bedragen: PerCode[Bedrag] = Field(
        default_factory=dict,
        description="de bedragen per regel zoals de tabel ze drukt; vergeleken met aantal × bedrag per eenheid",
    )

    @model_validator(mode="after")
    def _bedragen_bij_aantallen(self) -> Maatstafjaar:
        zonder = sorted(set(self.bedragen) - set(self.aantallen))
        if zonder:
            raise ValueError(_("bedragen: {codes} heeft een bedrag maar geen aantal").format(codes=", ".join(zonder)))
        return self


def samenvatting(f: Json) -> str:
    per_jaar = [len(j.get("aantallen") or {}) for j in f["jaren"].values()]
    herkomst = f["herkomst"].replace("_", " ")
    return f"maatstaven ({herkomst}) {jaren_tekst(jaren(f['jaren']))}: {max(per_jaar, default=0)} aantallen"


# the SPEC's field `jaren` stands where Feit has a method jaren() (the years with amounts: this type has none)
warnings.filterwarnings("ignore", 'Field name "jaren" in "MaatstavenVastgesteld" shadows', UserWarning)


@registreer(samenvatting=samenvatting, groepen={})
class MaatstavenVastgesteld(Feit):
    """A gemeente's aantallen of the AU's maatstaven per uitkeringsjaar."""

    betekenis: ClassVar[str] = (
        "De aantallen van deze gemeente voor de verdeelmaatstaven van de algemene uitkering, per uitkeringsjaar."
    )
    type: Literal["maatstaven"] = "maatstaven"
    inhoud_bewaren: ClassVar[bool] = True
    herkomst: Literal["rijk", "eigen_raming"] = Field(
        "rijk",
        description="`rijk` (de specificatie van het Rijk) of `eigen_raming` (een eigen raming van de controller)",
    )
    jaren: Annotated[dict[Jaar, Maatstafjaar], AfterValidator(op_jaar)] = Field(
        default_factory=dict,
        description="per uitkeringsjaar (ten minste één) de aantallen, de bedragen buiten de uitkeringsfactor en "
        "de bedragen per regel zoals gedrukt",
    )

    @model_validator(mode="after")
    def _codes_bekend(self, info: ValidationInfo) -> MaatstavenVastgesteld:
        if info.context is None:
            return self
        if not self.jaren:
            raise ValueError(
                _("jaren: geeft geen enkel jaar; geef ten minste één, zoals {{2021: {{aantallen: …}}}}").format()
            )
        for jaar, maatstaven in sorted(self.jaren.items()):
            meld_onbekend(list(maatstaven.aantallen), jaar, info.context)
        return self

    @classmethod
    def waarschuwer(cls, grootboek: Grootboek) -> Waarschuwer | None:
        return BedragenCheck(grootboek)


class BedragenCheck:
    """A maatstaven document's printed row amounts against aantal × the bedrag per eenheid (or tarief) of the
    latest verdeelmodel known on its bekend_op: of the ledger, of the documents before it, or of its own."""

    def __init__(self, grootboek: Grootboek) -> None:
        self.grootboek = grootboek

    def __call__(self, gemeente: str, eenheid: int, feiten: Sequence[Feit], eerdere: Eerdere) -> list[tuple[int, str]]:
        meldingen: list[tuple[int, str]] = []
        for i, feit in enumerate(feiten):
            if isinstance(feit, MaatstavenVastgesteld) and any(j.bedragen for j in feit.jaren.values()):
                modellen = self._modellen(gemeente, feit.bekend_op, feiten, eerdere)
                meldingen += [(i, m) for m in _vergelijk(feit, modellen)]
        return meldingen

    def _modellen(self, gemeente: str, op: date, feiten: Sequence[Feit], eerdere: Eerdere) -> list[Json]:
        """The verdeelmodellen known on `op`, in knowledge order (this command's after the ledger's)."""
        eigen = [f for d in [*eerdere(), feiten] for f in d if f.type == "verdeelmodel" and f.bekend_op <= op]
        uit_grootboek = list(self.grootboek.inhoud("verdeelmodel", gemeente, op))
        alle = [*uit_grootboek, *(f.als_json() for f in eigen)]
        return sorted(alle, key=lambda f: str(f["bekend_op"]))


def _vergelijk(feit: MaatstavenVastgesteld, modellen: list[Json]) -> list[str]:
    meldingen = []
    for jaar, maatstaven in sorted(feit.jaren.items()):
        model = next((m["jaren"][str(jaar)] for m in reversed(modellen) if str(jaar) in m["jaren"]), None)
        if model is None or not maatstaven.bedragen:
            continue
        berekening = bereken(jaar, model, maatstaven.model_dump(mode="json"))
        for r in berekening.a + berekening.b:
            if r.vermeld is not None and r.gewicht is not None and oordeel(r.verschil) == "verschil":
                tekst = (
                    _(
                        "jaren.{jaar}.bedragen.{code}: het document noemt {vermeld}, aantal × tarief is {berekend} "
                        "(verschil {verschil})"
                    )
                    if r.onderdeel == "A"
                    else _(
                        "jaren.{jaar}.bedragen.{code}: het document noemt {vermeld}, aantal × bedrag per eenheid "
                        "is {berekend} (verschil {verschil})"
                    )
                )
                meldingen.append(
                    tekst.format(
                        jaar=jaar,
                        code=r.code,
                        vermeld=euro(r.vermeld),
                        berekend=euro(r.vermeld - r.verschil),
                        verschil=euro(r.verschil),
                    )
                )
    return meldingen
