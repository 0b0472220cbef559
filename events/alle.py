"""Every document event type, loaded together: what `events` hands out and the registry holds once loaded."""

from __future__ import annotations

import sys
from typing import Annotated, Union

from pydantic import Field

from events.base import Bron, Feit, Informatie
from events.bcf import BcfAfrekeningOntvangen, BcfVoorschotOntvangen
from events.begroting import BegrotingGewijzigd, BegrotingVastgesteld
from events.buig import BuigBeschikkingOntvangen
from events.circulaire import CirculaireGepubliceerd
from events.corona import CoronaCompensatieToegekend
from events.investering import InvesteringGeactiveerd
from events.prognose import PrognoseBijgesteld
from events.realisatie import RealisatieGeboekt
from events.registry import REGISTRY, lees_feit, model_van, postbedragen, upcast
from events.reserves import ReserveGemuteerd, ReserveIngesteld, ResultaatBestemd
from events.verordening import VerordeningVastgesteld

AnyFeit = Annotated[
    Union[tuple(REGISTRY.values())],  # type: ignore[valid-type]  # noqa: UP007
    Field(discriminator="type"),
]
"""Any registered event, told apart by its `type`: the field the ledger's stored events hold."""

__all__ = [
    "REGISTRY",
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
    "lees_feit",
    "model_van",
    "postbedragen",
    "upcast",
]

# `from events import postbedragen` has always given the registry's function, not the module of that name
sys.modules["events"].postbedragen = postbedragen  # type: ignore[attr-defined]
