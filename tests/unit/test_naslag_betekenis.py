"""The reference refuses a field or a model without a Dutch meaning: no type can put English on the page."""

from __future__ import annotations

from typing import ClassVar, Literal

import pytest
from pydantic import Field

from documents.controlecijfers import Controlecijfers
from events.base import Bron, Feit, Model
from events.opbouw import Deel
from events.registry import typen
from tools import documenten
from tools.veldtypen import genest


class Regel(Model):
    betekenis: ClassVar[str] = "Een regel."
    omschrijving: str = Field(description="wat de regel zegt")


class MetBetekenis(Feit):
    betekenis: ClassVar[str] = "Een wegwerptype."
    type: Literal["wegwerp"] = "wegwerp"
    kleur: str = Field(description="de kleur")
    regels: list[Regel] = Field(default_factory=list, description="de regels")


class ZonderBeschrijving(Feit):
    """A type whose field `kleur` says nothing."""

    betekenis: ClassVar[str] = "Een wegwerptype."
    type: Literal["wegwerp"] = "wegwerp"
    kleur: str


class ZonderEigenBetekenis(MetBetekenis):
    """A subclass that inherits its base's betekenis, which says another thing."""


class Kaal(Model):
    omschrijving: str = Field(description="wat het zegt")


class MetKaleRegel(MetBetekenis):
    betekenis: ClassVar[str] = "Een wegwerptype met kale regels."
    kale: list[Kaal] = Field(default_factory=list, description="de kale regels")


def test_a_type_with_every_meaning_is_described_in_its_own_words() -> None:
    tekst = documenten._type("wegwerp", MetBetekenis, None)
    assert "Een wegwerptype. (`tests.unit.test_naslag_betekenis.MetBetekenis`)" in tekst
    assert "| `kleur` | tekst | ja | de kleur |" in tekst
    assert "### wegwerp: Regel\n\nEen regel." in tekst


def test_a_field_without_a_description_is_refused_by_model_and_name() -> None:
    with pytest.raises(documenten.ZonderBetekenis, match=r"test_naslag_betekenis\.ZonderBeschrijving\.kleur"):
        documenten._type("wegwerp", ZonderBeschrijving, None)


def test_a_type_without_its_own_betekenis_is_refused() -> None:
    with pytest.raises(documenten.ZonderBetekenis, match=r"ZonderEigenBetekenis has no betekenis"):
        documenten._type("wegwerp", ZonderEigenBetekenis, None)


def test_a_nested_model_without_a_betekenis_is_refused() -> None:
    with pytest.raises(documenten.ZonderBetekenis, match=r"test_naslag_betekenis\.Kaal has no betekenis"):
        documenten._type("wegwerp", MetKaleRegel, None)


def test_the_generator_exits_1_naming_the_field(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(documenten, "typen", lambda: {**typen(), "wegwerp": ZonderBeschrijving})
    assert documenten.main(["--check"]) == 1
    assert "ZonderBeschrijving.kleur has no meaning" in capsys.readouterr().err


def test_every_registered_type_has_a_meaning_for_itself_and_each_field() -> None:
    for naam, model in typen().items():
        documenten._type(naam, model, None)


def test_every_shared_meaning_is_one_some_field_takes() -> None:
    """A name in ALGEMEEN that every field gives its own description for is stale: its text is nowhere."""
    modellen: list[type[Model] | type[Deel]] = [Bron, Deel, Controlecijfers]
    for model in typen().values():
        modellen += [model, *genest(model)]
    genomen = {k for m in modellen for k, v in m.model_fields.items() if not v.description}
    assert set(documenten.ALGEMEEN) <= genomen
