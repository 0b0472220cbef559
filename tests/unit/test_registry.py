"""The registry: every event type declared once, unknown types refused, older stored forms read."""

from __future__ import annotations

import ast
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar, Literal

import pytest
from pydantic import ValidationError

from documents.documenten import document_hash, document_uit
from events import REGISTRY, Bron, BuigBeschikkingOntvangen, Informatie, lees_feit, model_van, upcast
from events.errors import OnbekendType
from events.postbedragen import Postbedrag
from events.registry import postbedragen, registreer
from tools import typen

ROOT = Path(__file__).resolve().parents[2]
CIRCULAIRE = {
    "type": "circulaire",
    "bekend_op": "2020-09-15",
    "soort": "september",
    "jaar": 2020,
    "algemene_uitkering": {"2020": "77599000.00"},
    "taakmutaties": [{"naam": "wsv", "bedragen": {"2020": "7000.00"}}],
}


def gedeclareerde_typen() -> set[str]:
    """The `type: Literal["naam"]` fields written in the modules of events/, read as text."""
    namen = set()
    for bestand in (ROOT / "events").glob("*.py"):
        for knoop in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"))):
            if isinstance(knoop, ast.AnnAssign) and getattr(knoop.target, "id", None) == "type" and knoop.value:
                namen.add(ast.literal_eval(knoop.value))
    return namen


def test_every_type_a_module_of_events_declares_is_registered_once_under_its_input_name() -> None:
    assert sorted(REGISTRY) == sorted(gedeclareerde_typen()) and len(REGISTRY) >= 14
    assert all(model.model_fields["type"].default == naam for naam, model in REGISTRY.items())


def test_the_index_a_listing_reads_without_the_models_is_the_registry_s_current_one() -> None:
    assert (ROOT / "events" / "index.py").read_text(encoding="utf-8") == typen.tekst(), "run python -m tools.typen"


def test_a_listing_and_a_diff_load_no_model() -> None:
    code = "import sys, events.lijsten as i; print(i.groep('buig'), i.groep('iu.x'), 'pydantic' in sys.modules)"
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert uit.stdout == "buig uitkeringen False\n"


def test_an_unknown_type_is_an_error_that_names_the_known_types() -> None:
    with pytest.raises(OnbekendType, match=r"'subsidie' is geen bekend type; bekende typen: .*buig_beschikking"):
        model_van("subsidie")
    with pytest.raises(OnbekendType, match="ontbreekt"):
        postbedragen({"bekend_op": "2020-01-01"})
    with pytest.raises(OnbekendType, match="een lijst is geen bekend type"):
        model_van(["prognose"])


def _zin(f: dict[str, Any]) -> str:
    return f"gerucht {f['type']}"


def test_a_type_name_cannot_be_registered_twice() -> None:
    with pytest.raises(TypeError, match="'prognose' is not a new type name"):

        @registreer(samenvatting=_zin, groepen={})
        class NogEenPrognose(Informatie):
            type: Literal["prognose"] = "prognose"

    assert REGISTRY["prognose"].__name__ == "PrognoseBijgesteld"


def test_information_that_declares_no_amount_lines_is_refused() -> None:
    with pytest.raises(TypeError, match="must declare the amount lines"):

        @registreer(samenvatting=_zin, groepen={})
        class Gerucht(Informatie):
            type: Literal["gerucht"] = "gerucht"

    assert "gerucht" not in REGISTRY


def test_a_type_without_its_journal_line_and_groups_is_refused_when_it_registers() -> None:
    with pytest.raises(
        TypeError, match=r"Gerucht: register it with @registreer\(samenvatting=<its journal line>, groepen="
    ):

        @registreer  # type: ignore[call-arg,arg-type]
        class Gerucht(Informatie):
            type: Literal["gerucht"] = "gerucht"

    assert "gerucht" not in REGISTRY


def test_a_journal_line_must_be_a_plain_function_of_the_json_using_only_the_listing_s_helpers() -> None:
    with pytest.raises(TypeError, match="samenvatting must be a function defined with def"):
        registreer(samenvatting=lambda f: "x", groepen={})(_gerucht())
    with pytest.raises(TypeError, match="samenvatting _met_model uses model_van; a journal line may use only Decimal"):
        registreer(samenvatting=_met_model, groepen={})(_gerucht())
    assert "gerucht" not in REGISTRY


def test_a_post_group_another_type_declares_otherwise_is_refused() -> None:
    with pytest.raises(TypeError, match="post 'buig' is in group 'buig', not 'overig'"):
        registreer(samenvatting=_zin, groepen={"buig": "overig"})(_gerucht())
    assert "gerucht" not in REGISTRY


def _met_model(f: dict[str, Any]) -> str:
    return model_van(f["type"]).__name__


def _gerucht() -> type[Informatie]:
    class Gerucht(Informatie):
        type: Literal["gerucht"] = "gerucht"

        @classmethod
        def postbedragen(cls, feit: dict[str, Any]) -> list[Postbedrag]:
            return []

    return Gerucht


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


def test_events_hands_out_every_registered_model_by_its_class_name_and_nothing_else() -> None:
    import events

    assert all(getattr(events, model.__name__) is model for model in REGISTRY.values())
    with pytest.raises(AttributeError, match="has no attribute 'Gerucht'"):
        events.Gerucht  # noqa: B018
