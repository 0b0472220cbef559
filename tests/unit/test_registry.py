"""The registry: every event type declared once, unknown types refused, older stored forms read."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, Literal

import pytest
from pydantic import ValidationError

from documents.documenten import document_hash, document_uit
from events import REGISTRY, Bron, BuigBeschikkingOntvangen, Informatie, lees_feit, model_van, postbedragen, upcast
from events.errors import OnbekendType
from events.postbedragen import Postbedrag
from events.registry import registreer

CIRCULAIRE = {
    "type": "circulaire",
    "bekend_op": "2020-09-15",
    "soort": "september",
    "jaar": 2020,
    "algemene_uitkering": {"2020": "77599000.00"},
    "taakmutaties": [{"naam": "wsv", "bedragen": {"2020": "7000.00"}}],
}


def test_every_type_of_the_spec_is_registered_once_under_its_input_name() -> None:
    assert sorted(REGISTRY) == sorted(
        ["begroting", "begrotingswijziging", "circulaire", "buig_beschikking", "bcf_voorschot", "bcf_afrekening",
         "corona_compensatie", "prognose", "reserve_ingesteld", "reserve_mutatie", "resultaatbestemming",
         "realisatie", "verordening", "investering"]
    )  # fmt: skip
    assert all(model.model_fields["type"].default == naam for naam, model in REGISTRY.items())


def test_an_unknown_type_is_an_error_that_names_the_known_types() -> None:
    with pytest.raises(OnbekendType, match=r"'subsidie' is not a known type; known types: .*buig_beschikking"):
        model_van("subsidie")
    with pytest.raises(OnbekendType, match="is missing"):
        postbedragen({"bekend_op": "2020-01-01"})
    with pytest.raises(OnbekendType, match="a list is not a known type"):
        model_van(["prognose"])


def test_a_type_name_cannot_be_registered_twice() -> None:
    with pytest.raises(TypeError, match="'prognose' is not a new type name"):

        @registreer
        class NogEenPrognose(Informatie):
            type: Literal["prognose"] = "prognose"

    assert REGISTRY["prognose"].__name__ == "PrognoseBijgesteld"


def test_information_that_declares_no_amount_lines_is_refused() -> None:
    with pytest.raises(TypeError, match="must declare the amount lines"):

        @registreer
        class Gerucht(Informatie):
            type: Literal["gerucht"] = "gerucht"

    assert "gerucht" not in REGISTRY


def test_a_stored_event_from_before_an_optional_field_gets_its_default() -> None:
    oud = {k: v for k, v in CIRCULAIRE.items()}  # stored before verwerking and the uitkeringen existed
    assert "verwerking" not in oud and "integratie_uitkeringen" not in oud
    assert upcast(oud)["verwerking"] == "verwerkt"
    assert postbedragen(oud) == [
        Postbedrag("prognose", "algemene_uitkering", "baten", 2020, 7759900000),
        Postbedrag("prognose", "taakmutatie.wsv", "lasten", 2020, 700000),
    ]
    assert lees_feit(oud).integratie_uitkeringen == []


def test_an_upcaster_brings_a_renamed_field_up_to_date(monkeypatch: pytest.MonkeyPatch) -> None:
    def hernoem(feit: dict[str, Any]) -> dict[str, Any]:
        if "budget" not in feit:
            return feit
        return {k: v for k, v in feit.items() if k != "budget"} | {"bedrag": feit["budget"]}

    monkeypatch.setattr(BuigBeschikkingOntvangen, "upcasters", (hernoem,))
    oud = {"type": "buig_beschikking", "bekend_op": "2020-10-01", "fase": "definitief", "jaar": 2020, "budget": "1.00"}
    assert lees_feit(oud).bedrag == Decimal("1.00")
    with pytest.raises(ValidationError):
        BuigBeschikkingOntvangen.model_validate(oud)


def test_an_optional_field_added_to_a_type_leaves_the_document_hash_alone() -> None:
    class MetKenmerk(BuigBeschikkingOntvangen):
        beschikkingsnummer: str | None = None
        upcasters: ClassVar[tuple] = ()

    feit = BuigBeschikkingOntvangen(bekend_op=date(2020, 10, 1), fase="definitief", jaar=2020, bedrag=Decimal(1))
    nieuw = MetKenmerk(bekend_op=date(2020, 10, 1), fase="definitief", jaar=2020, bedrag=Decimal(1))
    bron = Bron(id="buig-2020")
    assert document_hash("GM1708", bron, [feit]) == document_hash("GM1708", bron, [nieuw])
    met = MetKenmerk(
        bekend_op=date(2020, 10, 1), fase="definitief", jaar=2020, bedrag=Decimal(1), beschikkingsnummer="x"
    )
    assert document_hash("GM1708", bron, [met]) != document_hash("GM1708", bron, [feit])


def test_a_default_written_out_is_the_same_document_as_one_left_out() -> None:
    kaal = {"type": "buig_beschikking", "fase": "definitief", "jaar": 2020, "bedrag": 1}
    kop = {"gemeente": "GM1708", "bron": {"id": "b", "datum": "2020-10-01"}}
    zonder = document_uit(kop | {"events": [kaal]})
    met = document_uit(kop | {"events": [kaal | {"verwerking": "verwerkt", "toelichting": None}]})
    assert zonder.hash == met.hash
    assert document_uit(kop | {"events": [kaal | {"verwerking": "pm"}]}).hash != zonder.hash


def test_the_store_reads_an_older_stored_event_through_the_upcasters(monkeypatch: pytest.MonkeyPatch) -> None:
    from uuid import uuid4

    from eventsourcing.persistence import StoredEvent
    from eventsourcing.utils import get_topic

    from ledger.grootboek import Grootboek
    from ledger.opslag import GeenTranscoder, PydanticMapper

    monkeypatch.setattr(BuigBeschikkingOntvangen, "upcasters", (lambda f: f | {"bedrag": f.pop("budget", "0.00")},))
    feit = '{"type":"buig_beschikking","bekend_op":"2020-10-01","fase":"definitief","jaar":2020,"budget":"12.00"}'
    state = (
        f'{{"originator_id":"{uuid4()}","originator_version":2,"timestamp":"2020-10-01T10:00:00Z",'
        f'"gemeente":"GM1708","geboekt_door":"x","vorige_hash":"{"0" * 64}","hash":"{"0" * 64}",'
        f'"feit":{feit},"bron":{{"id":"b"}},"document_hash":"h"}}'
    )
    stored = StoredEvent(uuid4(), 2, get_topic(Grootboek.FeitGeboekt), state.encode())
    event = PydanticMapper(transcoder=GeenTranscoder()).to_domain_event(stored)
    assert event.feit.bedrag == Decimal("12.00")


def test_the_names_events_hands_out_lazily_are_exactly_those_its_models_module_exports() -> None:
    import events
    from events import alle

    assert set(alle.__all__) == events.NAMEN
