"""The registry of event types: each type declares itself once, in its own module, with `@registreer`.

Recording, the projections, the journal and the export all find a type here;
a type that is not registered is an error wherever it turns up.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Mapping
from functools import cache
from typing import Annotated, Any, TypeVar, Union

from pydantic_core import PydanticUndefined

import events
from events.base import Bron, Feit, Informatie
from events.errors import OnbekendType
from events.samenvatting import HULP

F = TypeVar("F", bound=type[Feit])
Json = dict[str, Any]
Samenvatting = Callable[[Json], str]

REGISTRY: dict[str, type[Feit]] = {}
GROEPEN: dict[str, str] = {}
"""A post (or, ending in '.', a post prefix) -> the group a bridge or diff shows it in, as the types declare."""


def registreer(
    model: Any = None, /, *, samenvatting: Samenvatting | None = None, groepen: Mapping[str, str] | None = None
) -> Callable[[F], F]:
    """Add an event type with its journal line and the groups of the posts it gives (may be `{}`).

    Refuses a type name given twice, information that sets no amounts, a journal line that is no
    plain named function of the stored JSON (a listing uses it without the models, `events.index`)
    and a post group another type declares otherwise.
    """

    if model is not None or samenvatting is None or groepen is None:
        raise TypeError(
            f"{getattr(model, '__name__', 'a type')}: register it with "
            "@registreer(samenvatting=<its journal line>, groepen=<the groups of its posts, or {}>)"
        )

    def doe(model: F) -> F:
        naam = model.model_fields["type"].default
        if not isinstance(naam, str) or naam in REGISTRY:
            raise TypeError(f"{model.__name__}: event type {naam!r} is not a new type name")
        if issubclass(model, Informatie) and model.postbedragen.__func__ is Feit.postbedragen.__func__:  # type: ignore[attr-defined]
            raise TypeError(f"{model.__name__}: information must declare the amount lines it gives (postbedragen)")
        _check_samenvatting(model.__name__, samenvatting)
        for post, groep in groepen.items():
            if GROEPEN.get(post, groep) != groep:
                raise TypeError(f"{model.__name__}: post {post!r} is in group {GROEPEN[post]!r}, not {groep!r}")
        GROEPEN.update(groepen)
        model.journaalregel = staticmethod(samenvatting)  # type: ignore[assignment]
        REGISTRY[naam] = model
        return model

    return doe


def _check_samenvatting(model: str, samenvatting: Any) -> None:
    if not inspect.isfunction(samenvatting) or samenvatting.__name__ == "<lambda>":
        raise TypeError(f"{model}: samenvatting must be a function defined with def, of the stored JSON")
    vreemd = {n for n in inspect.getclosurevars(samenvatting).globals if not n.startswith("__")} - set(HULP)
    if vreemd:
        raise TypeError(
            f"{model}: samenvatting {samenvatting.__name__} uses {', '.join(sorted(vreemd))}; "
            f"a journal line may use only {', '.join(HULP)} (events.samenvatting)"
        )


def typen() -> dict[str, type[Feit]]:
    """Every registered type by name, once every module of the events package is loaded (each registers its own)."""
    if not _geladen:
        for module in pkgutil.iter_modules(events.__path__):
            if module.name != "index":  # generated from the registry (tools/typen.py): it registers nothing
                importlib.import_module(f"events.{module.name}")
        _geladen.append(True)
    return REGISTRY


_geladen: list[bool] = []


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


@cache
def any_feit() -> Any:
    """Any registered event, told apart by its `type`: the field the ledger's stored events hold."""
    from pydantic import Field

    return Annotated[Union[tuple(typen().values())], Field(discriminator="type")]  # type: ignore[valid-type]  # noqa: UP007


def postbedragen(feit: Json) -> list[Any]:
    """The amount lines of a stored event, of any type and any earlier version."""
    opgewaardeerd = upcast(feit)
    return model_van(opgewaardeerd["type"]).postbedragen(opgewaardeerd)


__all__ = [
    "REGISTRY",
    "Bron",
    "Feit",
    "Informatie",
    "any_feit",
    "lees_feit",
    "model_van",
    "postbedragen",
    "registreer",
    "upcast",
]
