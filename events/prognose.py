"""The controller's own revised expectations."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import Field, ValidationInfo, model_validator

from events.base import Informatie
from events.postbedragen import Json, Postbedrag, informatie_reeks, pm_post
from events.posten import Incidenteel, TaakveldCode, check_pm, check_reeks, meld_taakveld
from events.registry import registreer
from events.samenvatting import jaren, jaren_tekst
from events.waarden import Bedragen, PostNaam, Richting


def samenvatting(f: Json) -> str:
    return f"prognose {f['post']} {jaren_tekst(jaren(f.get('bedragen'), f.get('mutaties')))}"


@registreer(samenvatting=samenvatting, groepen={})
class PrognoseBijgesteld(Informatie):
    """A revised expectation for one post."""

    betekenis: ClassVar[str] = "Een bijgestelde verwachting (prognose) van de controller voor één post."
    type: Literal["prognose"] = "prognose"
    post: PostNaam = Field(description="de post waarvan dit de prognose is")
    richting: Richting
    taakveld: TaakveldCode | None = None
    bedragen: Bedragen = Field(default_factory=dict, description="het verwachte bedrag per jaar")
    mutaties: Bedragen = Field(default_factory=dict)
    incidenteel: Incidenteel = False
    pm: bool = Field(
        False,
        description="`true`: een risico dat bekend en benoemd is, maar nog niet in geld uitgedrukt: geen "
        "bedragen, genoemd onder pm",
    )

    @model_validator(mode="after")
    def _taakveld_past_bij_jaren(self, info: ValidationInfo) -> PrognoseBijgesteld:
        meld_taakveld(self.taakveld, self.jaren(), info)
        if not check_pm(self.pm, self.bedragen, self.mutaties):
            check_reeks(self.bedragen, self.mutaties, self.incidenteel, info)
        return self

    def door_opbouw_verklaard(self) -> dict[int | None, Decimal]:
        return dict(self.mutaties)

    def jaren(self) -> set[int]:
        return set(self.bedragen) | set(self.mutaties)

    @classmethod
    def postbedragen(cls, feit: Json) -> list[Postbedrag]:
        """The prognose of the post: an amount, or a change of the prognose known just before it."""
        if feit.get("pm"):
            return [pm_post(feit, feit["post"], feit["richting"])]
        return informatie_reeks(feit, feit["post"], feit["richting"], feit)
