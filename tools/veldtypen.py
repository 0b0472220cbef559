"""A field of an event model as the reference describes it: its kind in words and its nested models."""

from __future__ import annotations

import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from events.keuring import Keuring

SOORTEN = {
    "valideer_jaar": "jaar",
    "valideer_datum": "datum",
    "valideer_bedrag": "bedrag",
    "valideer_getal": "getal",
    "valideer_exact": 'getal of breuk (`"5924/3"`)',
    "valideer_code": "maatstafcode (`2`, `3a`, `7c-2`)",
    "valideer_taakveld": "taakveldcode (Iv3)",
    "valideer_regel_tekst": "tekst (één regel)",
}
KALE = {str: "tekst", int: "geheel getal", bool: "`true` of `false`", date: "datum", Decimal: "getal"}


def typenaam(annotatie: Any, metadata: list[Any] | tuple[Any, ...] = ()) -> str:
    """The kind of a field in words: `{jaar: bedrag}`, `lijst van Post`, `` `mei` of `september` ``."""
    for keuring in metadata:
        naam = _keuring_naam(keuring)
        if naam:
            return naam
    if typing.get_origin(annotatie) is typing.Annotated:
        basis, *meta = typing.get_args(annotatie)
        return typenaam(basis, meta)
    return _samengesteld(annotatie)


def _samengesteld(annotatie: Any) -> str:
    oorsprong, args = typing.get_origin(annotatie), typing.get_args(annotatie)
    if oorsprong is typing.Literal:
        return " of ".join(f"`{a}`" for a in args)
    if oorsprong in (typing.Union, types.UnionType):
        return " of ".join(typenaam(a) for a in args if a is not type(None))
    if oorsprong is dict:
        return "{" + f"{typenaam(args[0])}: {typenaam(args[1])}" + "}"
    if oorsprong is list:
        return f"lijst van {typenaam(args[0])}"
    if isinstance(annotatie, type) and issubclass(annotatie, BaseModel):
        return annotatie.__name__
    return KALE.get(annotatie, getattr(annotatie, "__name__", str(annotatie)))


def _keuring_naam(keuring: Any) -> str | None:
    """The kind a validator checks: by its name, or for a pattern by what it says it wants (`naam`, `post`)."""
    functie = getattr(keuring, "functie", None) or getattr(keuring, "func", None)
    if functie is None:
        return None
    if functie.__name__ in SOORTEN:
        return SOORTEN[functie.__name__]
    vrij = dict(zip(functie.__code__.co_freevars, functie.__closure__ or (), strict=True))
    if "wat" in vrij and isinstance(keuring, Keuring):
        return str(vrij["wat"].cell_contents)
    return None


def genest(model: type[BaseModel]) -> list[type[BaseModel]]:
    """The models a type's fields are made of (a begroting's Post, a circulaire's Uitkering), each once."""
    gevonden: list[type[BaseModel]] = []

    def zoek(annotatie: Any) -> None:
        if isinstance(annotatie, type) and issubclass(annotatie, BaseModel):
            if annotatie not in gevonden:
                gevonden.append(annotatie)
                for veld in annotatie.model_fields.values():
                    zoek(veld.annotation)
            return
        for arg in typing.get_args(annotatie):
            zoek(arg)

    for veld in model.model_fields.values():
        zoek(veld.annotation)
    return gevonden
