"""The document events of a gemeente's budget, one module per document family."""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field, TypeAdapter

from events.base import Bron, Feit, Informatie
from events.bcf import BcfAfrekeningOntvangen, BcfVoorschotOntvangen
from events.begroting import BegrotingGewijzigd, BegrotingVastgesteld
from events.buig import BuigBeschikkingOntvangen
from events.circulaire import CirculaireGepubliceerd
from events.corona import CoronaCompensatieToegekend
from events.investering import InvesteringGeactiveerd
from events.prognose import PrognoseBijgesteld
from events.realisatie import RealisatieGeboekt
from events.reserves import ReserveGemuteerd, ReserveIngesteld, ResultaatBestemd
from events.verordening import VerordeningVastgesteld

FEITEN: tuple[type[Feit], ...] = (
    BegrotingVastgesteld,
    BegrotingGewijzigd,
    CirculaireGepubliceerd,
    BuigBeschikkingOntvangen,
    BcfVoorschotOntvangen,
    BcfAfrekeningOntvangen,
    CoronaCompensatieToegekend,
    PrognoseBijgesteld,
    ReserveIngesteld,
    ReserveGemuteerd,
    ResultaatBestemd,
    RealisatieGeboekt,
    VerordeningVastgesteld,
    InvesteringGeactiveerd,
)
FEIT_PER_TYPE: dict[str, type[Feit]] = {f.model_fields["type"].default: f for f in FEITEN}

AnyFeit = Annotated[
    Union[tuple(FEITEN)],  # type: ignore[valid-type]  # noqa: UP007
    Field(discriminator="type"),
]
FEIT = TypeAdapter(AnyFeit)
"""Reads any event from its JSON form (stored, or plain data) into its model."""

__all__ = [
    "FEIT",
    "FEITEN",
    "FEIT_PER_TYPE",
    "AnyFeit",
    "BcfAfrekeningOntvangen",
    "BcfVoorschotOntvangen",
    "BegrotingGewijzigd",
    "BegrotingVastgesteld",
    "Bron",
    "BuigBeschikkingOntvangen",
    "CirculaireGepubliceerd",
    "CoronaCompensatieToegekend",
    "Feit",
    "Informatie",
    "InvesteringGeactiveerd",
    "PrognoseBijgesteld",
    "RealisatieGeboekt",
    "ReserveGemuteerd",
    "ReserveIngesteld",
    "ResultaatBestemd",
    "VerordeningVastgesteld",
]
