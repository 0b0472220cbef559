"""What a listing or a diff asks of the types without loading a model: an event's journal line, a post's group.

The generated `events.index` holds the data (each type's journal line, copied from its module, and the groups);
a type registered since it was written is asked through the registry.
"""

from __future__ import annotations

import sys

from events.index import GROEPEN, SAMENVATTINGEN
from events.samenvatting import Json


def samenvatting(feit: Json) -> str:
    """The event in one line of the journal; a type registered since this index was written, through the registry."""
    maak = SAMENVATTINGEN.get(feit["type"])
    if maak is None:
        from events.registry import model_van

        return model_van(feit["type"]).journaalregel(feit)
    return maak(feit)


def groep(post: str) -> str:
    """The group a bridge puts a post in, as the types declare it; a post no type names is `overig`.

    A type registered since this index was written counts once the registry is loaded.
    """
    registry = sys.modules.get("events.registry")
    groepen = GROEPEN | registry.GROEPEN if registry else GROEPEN
    if post in groepen:
        return groepen[post]
    return next((groepen[v] for v in groepen if v.endswith(".") and post.startswith(v)), "overig")
