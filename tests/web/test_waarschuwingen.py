"""The web upload warns as `record` does, keeps the warnings with the events, and its strict box refuses them."""

from __future__ import annotations

from starlette.testclient import TestClient

from tests.conftest import als_json
from tests.web.conftest import csrf, log_in

BRIEF = b"""gemeente: GM1708
bron: {id: brief-2020, datum: 2020-11-01}
events:
  - type: prognose
    post: algemene_uitkering
    richting: baten
    mutaties: {2020: -100}
    opbouw: {accres: {2020: -60}, uitkeringsfactor: {2020: -30}}
  - {type: prognose, post: leges.nieuw, richting: baten, bedragen: {2020: 500}}
"""
OPBOUW = "events[0]: opbouw.2020: de delen tellen op tot € -90,00, het bedrag is € -100,00 (verschil € -10,00)"
ZONDER_RAMING = (
    "events[1]: leges.nieuw 2020: geen raming van kracht op 2020-11-01, dus het hele bedrag € 500,00 telt als effect"
)


def upload(client: TestClient, token: str, naam: str, inhoud: bytes, strikt: bool = False) -> object:
    data = {"csrf": token, **({"strict": "1"} if strikt else {})}
    return client.post("/record", data=data, files=[("bestanden", (naam, inhoud))])


def test_the_upload_shows_the_documents_own_warnings_and_those_against_the_ledger(
    client: TestClient, demo_db: str
) -> None:
    antwoord = upload(client, csrf(client.get("/record").text), "brief.yaml", BRIEF)
    assert antwoord.status_code == 200, antwoord.text
    assert f'<p class="let">Waarschuwing: brief.yaml: {OPBOUW}' in antwoord.text
    assert f"Waarschuwing: brief.yaml: {ZONDER_RAMING}" in antwoord.text
    events = als_json(demo_db, "events", "--bron", "brief-2020")
    assert [e["waarschuwingen"] for e in events] == [[OPBOUW], [ZONDER_RAMING]]
    post = client.get("/gemeente/GM1708/post/algemene_uitkering/2020?bekend_op=2020-12-31&eenheid=1").text
    assert '<tr class="waarschuwing">' in post and OPBOUW in post
    assert "<td>som der delen</td>" in post and "<td>verschil</td>" in post


def test_the_strict_box_refuses_a_document_with_a_warning_and_records_nothing(
    met_gebruikers: TestClient, demo_db: str
) -> None:
    token = log_in(met_gebruikers, "c.controller")
    assert 'name="strict"' in met_gebruikers.get("/record").text
    voor = len(als_json(demo_db, "events"))
    antwoord = upload(met_gebruikers, token, "brief.yaml", BRIEF, strikt=True)
    assert antwoord.status_code == 400
    assert (
        f"fout: --strict: geweigerd, niets geschreven: brief.yaml: {OPBOUW}; brief.yaml: {ZONDER_RAMING}"
        in antwoord.text
    )
    assert "Er is niets geboekt." in antwoord.text
    assert len(als_json(demo_db, "events")) == voor


def test_the_strict_box_records_a_document_without_warnings(met_gebruikers: TestClient, demo_db: str) -> None:
    token = log_in(met_gebruikers, "c.controller")
    zonder = BRIEF.split(b"  - {type: prognose, post: leges.nieuw")[0].replace(b"{2020: -30}", b"{2020: -40}")
    antwoord = upload(met_gebruikers, token, "brief.yaml", zonder, strikt=True)
    assert antwoord.status_code == 200, antwoord.text
    assert "bron brief-2020 geboekt voor GM1708 door c.controller: 1 event" in antwoord.text
    assert "warning:" not in antwoord.text
    assert [e["waarschuwingen"] for e in als_json(demo_db, "events", "--bron", "brief-2020")] == [[]]


def test_the_strict_box_without_the_csrf_token_is_refused_with_403(met_gebruikers: TestClient, demo_db: str) -> None:
    log_in(met_gebruikers, "c.controller")
    voor = len(als_json(demo_db, "events"))
    antwoord = upload(met_gebruikers, "vervalst", "brief.yaml", BRIEF, strikt=True)
    assert antwoord.status_code == 403 and "CSRF" in antwoord.text
    assert len(als_json(demo_db, "events")) == voor
