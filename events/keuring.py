"""A value's own validator, with its serialisation left to pydantic-core.

pydantic's `PlainValidator` serialises a value it validated through a Python call
(`lambda v, h: h(v)`) unless the type brings its own serialiser: for a year, a name or a
taakveld that is a Python call per value each time an event is serialised, hundreds of
thousands in a large record. `Keuring` says the value serialises as the plain type it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

Soort = Literal["int", "str", "date"]


@dataclass(frozen=True, slots=True)
class Keuring:
    """Validate with `functie` (with `info` when `met_info`); serialise as `soort`, as PlainValidator does."""

    functie: Callable[..., Any]
    soort: Soort
    met_info: bool = False

    def __get_pydantic_core_schema__(self, bron: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        serialisatie = core_schema.simple_ser_schema(self.soort)
        if self.met_info:
            return core_schema.with_info_plain_validator_function(self.functie, serialization=serialisatie)
        return core_schema.no_info_plain_validator_function(self.functie, serialization=serialisatie)
