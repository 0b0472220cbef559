"""The ledger aggregate's rules, in memory."""

from __future__ import annotations

from decimal import Decimal

import pytest
from eventsourcing.utils import get_topic
from pydantic import BaseModel

from documents.documenten import Document, document_uit
from events import Bron
from events.errors import BronConflict, OnbekendEvent, RegelOvertreden
from ledger.grootboek import Grootboek
from ledger.hashchain import GENESIS, bytes_hash, herbereken


def document(*events: dict, bron: str = "b", datum: str = "2020-09-15") -> Document:
    return document_uit({"gemeente": "GM1708", "bron": {"id": bron, "datum": datum}, "events": list(events)})


def buig(fase: str, jaar: int, bedrag: int, bekend_op: str) -> dict:
    return {"type": "buig_beschikking", "fase": fase, "jaar": jaar, "bedrag": bedrag, "bekend_op": bekend_op}


def boek(gb: Grootboek, doc: Document) -> list[int]:
    return gb.boek(list(doc.feiten), doc.bron, doc.hash, "tester")


@pytest.fixture
def gb() -> Grootboek:
    return Grootboek.open("GM1708", "tester")


def test_definitief_closes_the_year(gb: Grootboek) -> None:
    boek(gb, document(buig("definitief", 2020, 12701, "2020-10-01"), bron="def"))
    with pytest.raises(RegelOvertreden, match="kan niet volgen op de definitief bekend op 2020-10-01"):
        boek(gb, document(buig("voorlopig", 2020, 12000, "2020-11-01"), bron="laat"))


def test_a_late_recorded_earlier_beschikking_may_precede_the_definitief(gb: Grootboek) -> None:
    boek(gb, document(buig("definitief", 2020, 12701, "2020-10-01"), bron="def"))
    assert boek(gb, document(buig("voorlopig", 2020, 12245, "2019-10-01"), bron="vroeg")) == [3]


def test_a_definitief_known_before_a_voorlopig_is_refused(gb: Grootboek) -> None:
    boek(gb, document(buig("voorlopig", 2021, 13040, "2020-10-01"), bron="v"))
    with pytest.raises(RegelOvertreden, match="kan niet voorafgaan aan de voorlopig"):
        boek(gb, document(buig("definitief", 2021, 13000, "2020-09-01"), bron="d"))


def test_the_fase_order_holds_per_year(gb: Grootboek) -> None:
    boek(gb, document(buig("definitief", 2020, 12701, "2020-10-01"), buig("voorlopig", 2021, 13040, "2020-10-01")))
    assert gb.version == 3


def test_the_same_document_twice_is_a_no_op(gb: Grootboek) -> None:
    doc = document(buig("definitief", 2020, 12701, "2020-10-01"))
    assert boek(gb, doc) == [2]
    assert boek(gb, doc) == []
    assert gb.version == 2


def test_the_same_bron_with_other_content_is_a_conflict(gb: Grootboek) -> None:
    boek(gb, document(buig("definitief", 2020, 12701, "2020-10-01")))
    with pytest.raises(BronConflict, match="bron 'b' is eerder met andere inhoud geboekt"):
        boek(gb, document(buig("definitief", 2020, 12702, "2020-10-01")))


def test_a_post_keeps_its_richting(gb: Grootboek) -> None:
    boek(gb, document({"type": "prognose", "post": "stelpost.x", "richting": "baten", "bedragen": {2021: 1}}))
    with pytest.raises(RegelOvertreden, match=r"post 'stelpost\.x' is baten; dit event geeft hem als lasten"):
        boek(
            gb,
            document({"type": "prognose", "post": "stelpost.x", "richting": "lasten", "bedragen": {2021: 1}}, bron="c"),
        )


def test_taakmutaties_are_lasten_so_a_baten_prognose_on_one_is_refused(gb: Grootboek) -> None:
    boek(
        gb,
        document(
            {
                "type": "circulaire",
                "soort": "mei",
                "jaar": 2021,
                "algemene_uitkering": {2021: 5},
                "taakmutaties": [{"naam": "x", "bedragen": {2021: 1}}],
            }
        ),
    )
    with pytest.raises(RegelOvertreden, match="is lasten"):
        boek(
            gb,
            document(
                {"type": "prognose", "post": "taakmutatie.x", "richting": "baten", "bedragen": {2021: 1}}, bron="c"
            ),
        )


def test_a_reserve_never_goes_negative(gb: Grootboek) -> None:
    boek(
        gb,
        document(
            {
                "type": "reserve_ingesteld",
                "reserve": "corona",
                "soort": "bestemmingsreserve",
                "beginstand": 300,
                "per": "2020-01-01",
            },
            {"type": "reserve_mutatie", "reserve": "corona", "jaar": 2020, "soort": "onttrekking", "bedrag": 200},
        ),
    )
    with pytest.raises(RegelOvertreden, match=r"zou eind 2021 op € -50,00 staan"):
        boek(
            gb,
            document(
                {"type": "reserve_mutatie", "reserve": "corona", "jaar": 2021, "soort": "onttrekking", "bedrag": 150},
                bron="c",
            ),
        )


def test_an_onttrekking_in_an_earlier_year_may_not_empty_a_later_year(gb: Grootboek) -> None:
    boek(
        gb,
        document(
            {
                "type": "reserve_ingesteld",
                "reserve": "r",
                "soort": "bestemmingsreserve",
                "beginstand": 100,
                "per": "2020-01-01",
            },
            {"type": "reserve_mutatie", "reserve": "r", "jaar": 2022, "soort": "onttrekking", "bedrag": 100},
        ),
    )
    with pytest.raises(RegelOvertreden, match="zou eind 2022 op"):
        boek(
            gb,
            document(
                {"type": "reserve_mutatie", "reserve": "r", "jaar": 2021, "soort": "onttrekking", "bedrag": 1}, bron="c"
            ),
        )


def test_withdrawing_a_dotatie_that_an_onttrekking_relies_on_is_refused(gb: Grootboek) -> None:
    boek(
        gb,
        document(
            {
                "type": "reserve_ingesteld",
                "reserve": "r",
                "soort": "bestemmingsreserve",
                "beginstand": 0,
                "per": "2020-01-01",
            },
            {"type": "reserve_mutatie", "reserve": "r", "jaar": 2020, "soort": "dotatie", "bedrag": 100},
            {"type": "reserve_mutatie", "reserve": "r", "jaar": 2021, "soort": "onttrekking", "bedrag": 60},
        ),
    )
    with pytest.raises(RegelOvertreden, match="kan niet negatief worden"):
        gb.trek_in(3, "vergissing", "tester")


def test_a_resultaatbestemming_feeds_the_reserve_in_the_next_year(gb: Grootboek) -> None:
    boek(
        gb,
        document(
            {
                "type": "reserve_ingesteld",
                "reserve": "algemene_reserve",
                "soort": "algemene_reserve",
                "beginstand": 12000,
                "per": "2020-01-01",
            },
            {
                "type": "resultaatbestemming",
                "jaar": 2020,
                "resultaat": 2112,
                "toevoegingen": [{"reserve": "algemene_reserve", "bedrag": 2112}],
            },
        ),
    )
    assert gb.reserve_standen("algemene_reserve") == {2020: Decimal("12000.00"), 2021: Decimal("14112.00")}


def test_each_event_links_to_the_hash_of_the_one_before(gb: Grootboek) -> None:
    boek(gb, document(buig("definitief", 2020, 12701, "2020-10-01"), buig("voorlopig", 2021, 13040, "2020-10-01")))
    geopend, eerste, tweede = gb.pending_events
    assert geopend.vorige_hash == GENESIS
    assert eerste.vorige_hash == geopend.hash and tweede.vorige_hash == eerste.hash
    assert len({geopend.hash, eerste.hash, tweede.hash}) == 3


def test_the_hash_is_over_json_written_by_the_standard_library_not_by_pydantic(
    gb: Grootboek, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = document(buig("definitief", 2020, 12701, "2020-10-01"))
    boek(gb, doc)
    eerste = gb.pending_events[1]
    monkeypatch.setattr(BaseModel, "model_dump_json", lambda self, **_: '{"anders": "geschreven"}')
    ander = Grootboek.open("GM1708", "tester")
    boek(ander, doc)
    opnieuw = ander.pending_events[1]
    ongezegeld = opnieuw._opgeslagen.replace(opnieuw.hash.encode(), GENESIS.encode())
    assert opnieuw.hash == bytes_hash(get_topic(type(opnieuw)), ongezegeld)
    assert ongezegeld.startswith(b'{"originator_id":"') and b'"bedrag":"12701.00"' in ongezegeld
    assert herbereken(get_topic(type(eerste)), eerste._opgeslagen).herberekend == eerste.hash


def test_a_correction_must_keep_the_type(gb: Grootboek) -> None:
    boek(gb, document(buig("definitief", 2020, 12701, "2020-10-01")))
    andere = document({"type": "prognose", "post": "buig", "richting": "baten", "bedragen": {2020: 1}})
    with pytest.raises(RegelOvertreden, match="is een buig_beschikking; de correctie moet dat ook zijn"):
        gb.corrigeer(2, andere.feiten[0], Bron(id="b"), "typo", "tester")


def test_a_correction_may_move_a_buig_fase_back(gb: Grootboek) -> None:
    boek(gb, document(buig("voorlopig", 2020, 12245, "2019-10-01"), buig("definitief", 2020, 12701, "2020-10-01")))
    hersteld = document(buig("voorlopig", 2020, 12710, "2020-10-01"))
    assert gb.corrigeer(3, hersteld.feiten[0], Bron(id="b"), "was geen definitieve", "tester") == 4
    assert (gb.ketens[3].feit.fase, gb.ketens[3].feit.bedrag) == ("voorlopig", Decimal("12710.00"))


def test_a_same_day_voorlopig_recorded_after_a_definitief_is_refused(gb: Grootboek) -> None:
    boek(gb, document(buig("definitief", 2020, 12701, "2020-10-01"), bron="def"))
    with pytest.raises(RegelOvertreden, match="kan niet volgen op de definitief bekend op 2020-10-01"):
        boek(gb, document(buig("voorlopig", 2020, 12000, "2020-10-01"), bron="zelfde-dag"))


def test_a_withdrawn_event_no_longer_holds_the_richting_of_its_posts(gb: Grootboek) -> None:
    boek(gb, document({"type": "prognose", "post": "stelpost.x", "richting": "lasten", "bedragen": {2021: 1}}))
    gb.trek_in(2, "verkeerde richting", "t")
    assert boek(
        gb,
        document({"type": "prognose", "post": "stelpost.x", "richting": "baten", "bedragen": {2021: 1}}, bron="goed"),
    ) == [4]


def test_a_correction_may_change_the_richting_of_a_post_only_it_uses(gb: Grootboek) -> None:
    boek(gb, document({"type": "prognose", "post": "stelpost.x", "richting": "lasten", "bedragen": {2021: 1}}))
    goed = document({"type": "prognose", "post": "stelpost.x", "richting": "baten", "bedragen": {2021: 1}})
    assert gb.corrigeer(2, goed.feiten[0], Bron(id="b"), "baten, niet lasten", "t") == 3
    boek(
        gb,
        document({"type": "prognose", "post": "stelpost.y", "richting": "lasten", "bedragen": {2021: 1}}, bron="y"),
    )
    boek(
        gb, document({"type": "prognose", "post": "stelpost.y", "richting": "lasten", "bedragen": {2022: 1}}, bron="y2")
    )
    fout = document({"type": "prognose", "post": "stelpost.y", "richting": "baten", "bedragen": {2021: 1}})
    with pytest.raises(RegelOvertreden, match=r"post 'stelpost\.y' is lasten"):
        gb.corrigeer(4, fout.feiten[0], Bron(id="y"), "andere event houdt lasten", "t")


def test_withdrawing_a_correction_brings_back_the_version_before_it(gb: Grootboek) -> None:
    boek(gb, document(buig("definitief", 2020, 12701, "2020-10-01")))
    gb.corrigeer(2, document(buig("definitief", 2020, 12710, "2020-10-01")).feiten[0], Bron(id="b"), "x", "t")
    gb.trek_in(3, "correctie was fout", "t")
    assert gb.ketens[2].feit.bedrag == Decimal("12701.00")
    assert gb.ketens[2].versies == (2,)


def test_a_withdrawn_event_cannot_be_withdrawn_or_corrected_again(gb: Grootboek) -> None:
    boek(gb, document(buig("definitief", 2020, 12701, "2020-10-01")))
    gb.trek_in(2, "ingetrokken", "t")
    with pytest.raises(OnbekendEvent, match="GM1708-0002 is ingetrokken"):
        gb.trek_in(2, "nog eens", "t")
    with pytest.raises(OnbekendEvent, match="is ingetrokken"):
        gb.corrigeer(2, document(buig("definitief", 2020, 1, "2020-10-01")).feiten[0], Bron(id="b"), "x", "t")


def test_only_document_events_can_be_corrected(gb: Grootboek) -> None:
    with pytest.raises(OnbekendEvent, match="GM1708-0001 is geen documentevent"):
        gb.trek_in(1, "opening", "t")


def test_the_verordening_in_force_sets_the_activeringsgrens_of_an_investering(gb: Grootboek) -> None:
    kleine = {"type": "investering", "activum": "server", "categorie": "automatiseringsapparatuur",
              "nut": "economisch", "bedrag": 30000, "in_gebruik": "2023-09-01", "bekend_op": "2023-05-01"}  # fmt: skip
    boek(gb, document(kleine, bron="zonder-verordening"))
    assert gb.in_kracht[2].kapitaallasten()[2024] == Decimal("6000.00")  # activated: 5 years
    verordening = {"type": "verordening", "naam": "FV 2023", "activeringsgrens": 50000, "bekend_op": "2023-01-01"}
    boek(gb, document(verordening, bron="verordening"))
    boek(gb, document(kleine | {"activum": "laptops"}, bron="met-verordening"))
    assert gb.in_kracht[4].kapitaallasten() == {2023: Decimal("30000.00")}  # under 50.000: charged to 2023
    gesteld = kleine | {"activum": "printers", "geactiveerd": True}
    boek(gb, document(gesteld, bron="document-zegt-het"))
    assert gb.in_kracht[5].geactiveerd is True


def test_a_document_whose_investering_the_verordening_decided_records_again_as_a_no_op(gb: Grootboek) -> None:
    boek(gb, document({"type": "verordening", "naam": "FV", "activeringsgrens": 50000, "bekend_op": "2023-01-01"}))
    doc = document({"type": "investering", "activum": "server", "categorie": "automatiseringsapparatuur",
                    "nut": "economisch", "bedrag": 30000, "in_gebruik": "2023-09-01"}, bron="inv")  # fmt: skip
    assert boek(gb, doc) == [3]
    assert boek(gb, doc) == []
