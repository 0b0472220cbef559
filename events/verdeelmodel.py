"""The rijk's verdeelmodel of the algemene uitkering: per uitkeringsjaar the uitkeringsfactor, the bedragen per
eenheid (part B) and the tarieven of the OZB maatstaven (part A), as one circulaire gives them for every gemeente."""

from __future__ import annotations

import warnings
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, Field, ValidationInfo, model_validator

from events.base import Feit, Model
from events.exact import Exact
from events.maatstafcodes import PerCode, meld_onbekend, op_jaar
from events.registry import registreer
from events.samenvatting import Json, jaren, jaren_tekst
from events.waarden import BronId, Jaar
from taal import _


class Verdeeljaar(Model):
    """One uitkeringsjaar of the verdeelmodel."""

    betekenis: ClassVar[str] = "Eén uitkeringsjaar van het verdeelmodel."
    uitkeringsfactor: Exact | None = Field(
        None,
        description="vermenigvuldigt deel B (een decimaal getal zoals gedrukt, of een breuk); zonder (een tabel "
        "die maar voor een deel is gedrukt) worden de regels en subtotalen berekend, de algemene uitkering niet",
    )
    bedragen_per_eenheid: PerCode[Exact] = Field(
        default_factory=dict,
        description="deel B, de uitgavenmaatstaven (vaste bedragen inbegrepen): euro's per eenheid",
    )
    tarieven: PerCode[Exact] = Field(
        default_factory=dict,
        description="deel A, de inkomstenmaatstaven van de OZB: het tarief zoals gedrukt (een negatief percentage)",
    )

    @model_validator(mode="after")
    def _elke_code_eenmaal(self) -> Verdeeljaar:
        dubbel = sorted(set(self.bedragen_per_eenheid) & set(self.tarieven))
        if dubbel:
            raise ValueError(
                _("{codes}: staat zowel onder bedragen_per_eenheid als onder tarieven").format(codes=", ".join(dubbel))
            )
        return self


def samenvatting(f: Json) -> str:
    per_jaar = [len(j.get("bedragen_per_eenheid") or {}) + len(j.get("tarieven") or {}) for j in f["jaren"].values()]
    return f"verdeelmodel {jaren_tekst(jaren(f['jaren']))}: {max(per_jaar, default=0)} maatstaven"


# the SPEC's field `jaren` stands where Feit has a method jaren() (the years with amounts: this type has none)
warnings.filterwarnings("ignore", 'Field name "jaren" in "VerdeelmodelGepubliceerd" shadows', UserWarning)


@registreer(samenvatting=samenvatting, groepen={})
class VerdeelmodelGepubliceerd(Feit):
    """The rijk's figures of one circulaire for the algemene uitkering, the same for every gemeente."""

    betekenis: ClassVar[str] = (
        "De cijfers van het Rijk voor de algemene uitkering uit één circulaire, voor elke gemeente dezelfde: de "
        "uitkeringsfactor, de bedragen per eenheid en de tarieven."
    )
    type: Literal["verdeelmodel"] = "verdeelmodel"
    inhoud_bewaren: ClassVar[bool] = True
    circulaire: BronId | None = Field(None, description="het `id` van de bron van de circulaire waar het bij hoort")
    jaren: Annotated[dict[Jaar, Verdeeljaar], AfterValidator(op_jaar)] = Field(
        default_factory=dict,
        description="per uitkeringsjaar (ten minste één) de uitkeringsfactor, de bedragen per eenheid en de tarieven",
    )

    @model_validator(mode="after")
    def _codes_bekend(self, info: ValidationInfo) -> VerdeelmodelGepubliceerd:
        if not self.jaren and info.context is not None:
            raise ValueError(
                _("jaren: geeft geen enkel jaar; geef ten minste één, zoals {{2021: {{uitkeringsfactor: …}}}}").format()
            )
        for jaar, model in sorted(self.jaren.items()):
            meld_onbekend([*model.bedragen_per_eenheid, *model.tarieven], jaar, info.context)
        return self
