"""The document events of a gemeente's budget, one module per event type (or family of types).

The models (and pydantic) load on first use of a name from here or of the registry:
a question to the ledger reads plain rows and needs neither (`events.getallen`, `events.index`).
A model is handed out by its class name (`from events import BuigBeschikkingOntvangen`): the
registry is the one list of types, filled by loading every module of this package.
"""

from __future__ import annotations

import importlib
from typing import Any

REGISTRY_NAMEN = frozenset(("REGISTRY", "Bron", "Feit", "Informatie", "lees_feit", "model_van", "upcast"))
"""What `events` hands out of the registry besides the models and `AnyFeit`."""


def __getattr__(naam: str) -> Any:
    if naam.startswith("_"):
        raise AttributeError(f"module 'events' has no attribute {naam!r}")
    registry = importlib.import_module("events.registry")  # `from events import` would ask this function

    if naam in REGISTRY_NAMEN:
        return getattr(registry, naam)
    if naam == "AnyFeit":
        return registry.any_feit()
    modellen = {model.__name__: model for model in registry.typen().values()}
    if naam not in modellen:
        raise AttributeError(f"module 'events' has no attribute {naam!r}")
    return modellen[naam]
