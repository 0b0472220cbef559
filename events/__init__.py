"""The document events of a gemeente's budget, one module per document family.

The models (and pydantic) load on first use of a name from here or of the registry:
a question to the ledger reads plain rows and needs neither (`events.getallen`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from events.alle import *  # noqa: F403

NAMEN = frozenset(
    {
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
    }
)


def __getattr__(naam: str) -> Any:
    if naam not in NAMEN:
        raise AttributeError(f"module 'events' has no attribute {naam!r}")
    from events import alle

    return getattr(alle, naam)
