"""The registry of event types: each type declares itself once, in its own module, with `@registreer`.

Recording, the projections, the journal and the export all find a type here;
a type that is not registered is an error wherever it turns up.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import Any, TypeVar

from pydantic_core import PydanticUndefined

from events.base import Feit, Informatie
from events.errors import OnbekendType

F = TypeVar("F", bound=type[Feit])
Json = dict[str, Any]

REGISTRY: dict[str, type[Feit]] = {}


def registreer(model: F) -> F:
    """Add an event type; refuses a type name given twice, and information that sets no amounts."""
    naam = model.model_fields["type"].default
    if not isinstance(naam, str) or naam in REGISTRY:
        raise TypeError(f"{model.__name__}: event type {naam!r} is not a new type name")
    if issubclass(model, Informatie) and model.postbedragen.__func__ is Feit.postbedragen.__func__:  # type: ignore[attr-defined]
        raise TypeError(f"{model.__name__}: information must declare the amount lines it gives (postbedragen)")
    REGISTRY[naam] = model
    return model


def typen() -> dict[str, type[Feit]]:
    """Every registered type by name, once every event module is loaded (`events` loads them on first use)."""
    if "events.alle" not in sys.modules:
        import events.alle  # noqa: F401  # each module registers its types as it loads
    return REGISTRY


def model_van(naam: Any) -> type[Feit]:
    """The model of a type name; OnbekendType when no module registered it."""
    model = typen().get(naam) if isinstance(naam, str) else None
    if model is None:
        raise OnbekendType(naam, tuple(REGISTRY))
    return model


@cache
def _standaarden(naam: str) -> Json:
    """The JSON form of the defaults of a type's optional fields, for stored events that predate them."""
    velden = model_van(naam).model_fields
    waarden = {
        k: v.default if v.default is not PydanticUndefined else v.default_factory()  # type: ignore[misc,call-arg]
        for k, v in velden.items()
        if not v.is_required()
    }
    return model_van(naam).model_construct(**waarden).model_dump(mode="json", include=set(waarden))


def upcast(feit: Json) -> Json:
    """A stored event in today's JSON form: missing optional fields get their defaults, then the type's upcasters.

    Optional fields of nested lines (a begroting's posten) are read with their default by the type itself.
    """
    model = model_van(feit.get("type"))
    standaarden = _standaarden(model.model_fields["type"].default)
    if not standaarden.keys() <= feit.keys():
        feit = standaarden | feit
    for upcaster in model.upcasters:
        feit = upcaster(feit)
    return feit


def lees_feit(feit: Json) -> Feit:
    """A stored event (its JSON form, of any earlier version) as today's model."""
    opgewaardeerd = upcast(feit)
    return model_van(opgewaardeerd["type"]).model_validate(opgewaardeerd)


def postbedragen(feit: Json) -> list[Any]:
    """The amount lines of a stored event, of any type and any earlier version."""
    opgewaardeerd = upcast(feit)
    return model_van(opgewaardeerd["type"]).postbedragen(opgewaardeerd)
