"""The event store: append-only in the database itself, and every event type back exactly as recorded."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from eventsourcing.persistence import IntegrityError
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from documents.documenten import document_uit
from events import Bron
from ledger.application import BegrotingApp
from ledger.grootboek import Grootboek, grootboek_id
from ledger.hashchain import LATER_TOEGEVOEGD

ALLE_SOORTEN = [
    {
        "type": "begroting",
        "naam": "Programmabegroting 2021-2024",
        "saldo": {2021: 150},
        "posten": [
            {
                "post": "buig",
                "richting": "baten",
                "taakveld": "6.3",
                "programma": "Sociaal domein",
                "bedragen": {2021: 14794},
            }
        ],
    },
    {
        "type": "begrotingswijziging",
        "naam": "BW 2020-07",
        "naar_aanleiding_van": "septembercirculaire-2020",
        "posten": [{"post": "algemene_uitkering", "richting": "baten", "bedragen": {2020: 1683}}],
    },
    {
        "type": "circulaire",
        "soort": "september",
        "jaar": 2020,
        "algemene_uitkering": {2020: 77599, 2021: 77891},
        "taakmutaties": [{"naam": "waterschapsverkiezingen", "bedragen": {2020: 7, 2021: 7}}],
        "integratie_uitkeringen": [{"naam": "sociaal_domein", "bedragen": {2020: 100}}],
        "decentralisatie_uitkeringen": [{"naam": "vrouwenopvang", "bedragen": {2020: Decimal("0.01")}}],
    },
    {"type": "buig_beschikking", "fase": "definitief", "jaar": 2020, "bedrag": 12701, "bekend_op": "2020-10-01"},
    {
        "type": "buig_beschikking",
        "fase": "voorlopig",
        "jaar": 2021,
        "bedrag": 13040,
        "verwerking": "pm",
        "toelichting": "pm: verdeling volgt",
    },
    {"type": "bcf_voorschot", "jaar": 2020, "bedrag": 239, "onderdeel_van": "algemene_uitkering"},
    {"type": "bcf_afrekening", "jaar": 2019, "bedrag": 295},
    {
        "type": "corona_compensatie",
        "maatregel": "toezicht_en_handhaving",
        "route": "algemene_uitkering",
        "bedragen": {2020: 114},
        "kosten": {2020: 120},
    },
    {"type": "corona_compensatie", "maatregel": "tozo", "route": "specifieke_uitkering", "bedragen": {2020: 5000}},
    {
        "type": "prognose",
        "post": "stelpost.jeugdhulp",
        "richting": "baten",
        "bedragen": {2022: 735},
        "toelichting": "AU bevat 735 i.p.v. 824",
    },
    {
        "type": "reserve_ingesteld",
        "reserve": "algemene_reserve",
        "soort": "algemene_reserve",
        "beginstand": Decimal("12000123456.78"),
        "per": "2020-01-01",
    },
    {
        "type": "reserve_ingesteld",
        "reserve": "corona",
        "soort": "bestemmingsreserve",
        "beginstand": 0,
        "per": "2020-01-01",
        "doel": "opvang coronakosten",
    },
    {"type": "reserve_mutatie", "reserve": "corona", "jaar": 2020, "soort": "dotatie", "bedrag": 300},
    {
        "type": "resultaatbestemming",
        "jaar": 2020,
        "resultaat": 2112,
        "toevoegingen": [{"reserve": "algemene_reserve", "bedrag": 2112}],
    },
]


def alle_soorten_document() -> dict:
    return {
        "gemeente": "GM1708",
        "bron": {
            "id": "alles",
            "titel": "Alle soorten",
            "datum": "2020-09-15",
            "kenmerk": "2020_B&W_00403",
            "sha256": "ab" * 32,
        },
        "eenheid": 1,
        "events": ALLE_SOORTEN,
    }


def rauw(app: BegrotingApp, sql: str) -> None:
    with app.factory.datastore.engine.begin() as v:
        v.execute(text(sql))


def aantal_events(app: BegrotingApp) -> int:
    with app.factory.datastore.engine.connect() as v:
        return v.execute(text("SELECT count(*) FROM begroting_events")).scalar_one()


def test_every_event_type_reads_back_equal_to_what_was_recorded(app: BegrotingApp) -> None:
    doc = document_uit(alle_soorten_document())
    gb = app.grootboek("GM1708", "controller")
    gb.boek(list(doc.feiten), doc.bron, doc.hash, "controller")
    gb.corrigeer(5, doc.feiten[3].model_copy(update={"bedrag": Decimal("12701.01")}), doc.bron, "typo", "c")
    gb.trek_in(6, "voorlopig vervalt", "c")
    opgenomen = list(gb.pending_events)
    app.save(gb)
    teruggelezen = list(app.events.get(grootboek_id("GM1708")))
    assert teruggelezen == opgenomen
    assert {type(e.feit).__name__ for e in teruggelezen[1:15]} == {
        "BegrotingVastgesteld",
        "BegrotingGewijzigd",
        "CirculaireGepubliceerd",
        "BuigBeschikkingOntvangen",
        "BcfVoorschotOntvangen",
        "BcfAfrekeningOntvangen",
        "CoronaCompensatieToegekend",
        "PrognoseBijgesteld",
        "ReserveIngesteld",
        "ReserveGemuteerd",
        "ResultaatBestemd",
    }
    assert teruggelezen[3].feit.decentralisatie_uitkeringen[0].bedragen[2020] == Decimal("0.01")
    assert str(teruggelezen[11].feit.beginstand) == "12000123456.78"
    assert isinstance(teruggelezen[-1], Grootboek.FeitIngetrokken)


def test_an_update_on_the_event_table_is_refused_by_the_database(app: BegrotingApp) -> None:
    app.boek([document_uit(alle_soorten_document())], "controller")
    with pytest.raises(DBAPIError, match="append-only"):
        rauw(app, "UPDATE begroting_events SET topic = 'x' WHERE originator_version = 2")
    assert aantal_events(app) == 15


def test_a_delete_on_the_event_table_is_refused_by_the_database(app: BegrotingApp) -> None:
    app.boek([document_uit(alle_soorten_document())], "controller")
    with pytest.raises(DBAPIError, match="append-only"):
        rauw(app, "DELETE FROM begroting_events")
    assert aantal_events(app) == 15


def test_a_save_returns_the_ids_the_store_gave_its_events_in_order(app: BegrotingApp) -> None:
    app.boek([document_uit(alle_soorten_document())], "controller")
    gb = app.grootboek("GM0344", "controller")
    gb.boek(list(document_uit({**alle_soorten_document(), "gemeente": "GM0344"}).feiten), *_bron_hash(), "c")
    recordings = app.save(gb)
    with app.factory.datastore.engine.connect() as v:
        opgeslagen = v.execute(text("SELECT id, originator_version FROM begroting_events WHERE id > 15 ORDER BY id"))
        assert [(r.notification.id, r.domain_event.originator_version) for r in recordings] == list(opgeslagen)
    assert [r.notification.id for r in recordings] == list(range(16, 31))


def test_a_version_another_writer_stored_first_is_the_librarys_integrity_error_and_nothing_is_kept(
    app: BegrotingApp,
) -> None:
    app.boek([document_uit(alle_soorten_document())], "controller")
    gb = app.grootboek("GM1708", "controller")
    eerder = app.grootboek("GM1708", "controller")
    gb.trek_in(6, "voorlopig vervalt", "c")
    eerder.trek_in(7, "ook ingetrokken", "c")
    app.save(eerder)
    with pytest.raises(IntegrityError):
        app.save(gb)
    assert aantal_events(app) == 16


def _bron_hash() -> tuple[Bron, str]:
    doc = document_uit({**alle_soorten_document(), "gemeente": "GM0344"})
    return doc.bron, doc.hash


@pytest.mark.parametrize("waarschuwingen", [(), ('€ 1.234,56 "zonder" raming', "regel\u0001")])
def test_every_kind_of_event_is_stored_as_its_canonical_json_which_is_what_pydantic_writes_too(
    waarschuwingen: tuple[str, ...],
) -> None:
    doc = document_uit(alle_soorten_document())
    gb = Grootboek.open("GM1708", 'j. "de" Vries')
    gb.boek(list(doc.feiten), doc.bron, doc.hash, 'j. "de" Vries', [waarschuwingen] * len(doc.feiten))
    gb.corrigeer(5, doc.feiten[3].model_copy(update={"bedrag": Decimal("12701.01")}), doc.bron, "typo €", "c")
    gb.trek_in(6, "voorlopig vervalt", "c")
    for event in gb.pending_events:
        leeg = {n for n in LATER_TOEGEVOEGD if n in type(event).model_fields and not getattr(event, n)}
        velden = event.model_dump(mode="json", exclude={"zegel", *leeg})
        assert event._opgeslagen == json.dumps(velden, ensure_ascii=False, separators=(",", ":")).encode()
        assert event._opgeslagen == event.model_dump_json(exclude={"zegel", *leeg}).encode()
    assert len(gb.pending_events) == 17
