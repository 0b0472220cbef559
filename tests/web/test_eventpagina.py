"""`/gemeente/G/event/ID`: one event's fields, content, corrections and warnings, linked from every id; correct and
withdraw forms for those who may."""

from __future__ import annotations

import json
import re

from starlette.testclient import TestClient

from tests.conftest import begroting
from tests.web.conftest import log_in
from tests.web.test_bereik import met_bereik

EVENT = "/gemeente/GM1708/event/GM1708-0003"


def test_the_event_page_shows_its_fields_its_content_and_its_hash(client: TestClient, demo_db: str) -> None:
    html = client.get(EVENT).text
    uit = begroting(demo_db, "events", "--gemeente", "GM1708", "--format", "json")
    event = next(e for e in json.loads(uit.stdout) if e["id"] == "GM1708-0003")
    assert "<h1>Event GM1708-0003: buig beschikking</h1>" in html
    assert re.search(r"<td>bedrag</td><td></td><td[^>]*>11\.805\.000,00</td>", html)
    assert f"<td>{event['hash']}</td>" in html and "<td>j.jansen</td>" in html
    assert "Correcties en intrekkingen van dit event: geen" in html


def test_its_json_is_the_event_as_begroting_events_gives_it(client: TestClient, demo_db: str) -> None:
    uit = begroting(demo_db, "events", "--gemeente", "GM1708", "--format", "json")
    assert client.get(EVENT + "?format=json").json() == json.loads(uit.stdout)[1]


def test_every_id_in_the_journal_and_the_audit_trail_links_to_its_event_page(client: TestClient) -> None:
    journaal = client.get("/gemeente/GM1708/journaal").text
    ids = re.findall(r"<td>GM1708-\d{4}</td>|>(GM1708-\d{4})</a>", journaal)
    gelinkt = re.findall(r'<a href="/gemeente/GM1708/event/(GM1708-\d{4})[^"]*">\1</a>', journaal)
    assert len(gelinkt) == 19 and len(ids) == 19
    spoor = client.get("/gemeente/GM1708/post/buig/2020?bekend_op=2020-10-13").text
    assert '<a href="/gemeente/GM1708/event/GM1708-0003?bekend_op=2020-10-13">GM1708-0003</a>' in spoor


def test_an_unknown_id_is_a_404_naming_it(client: TestClient) -> None:
    antwoord = client.get("/gemeente/GM1708/event/GM1708-9999")
    assert antwoord.status_code == 404 and "GM1708-9999 is geen event in het grootboek van GM1708" in antwoord.text
    assert client.get("/gemeente/GM1708/event/GM1708-9999?format=json").status_code == 404


def test_an_auditor_sees_no_buttons_a_controller_sees_both_prefilled(met_gebruikers: TestClient) -> None:
    log_in(met_gebruikers, "a.auditor")
    html = met_gebruikers.get(EVENT).text
    assert "Trek GM1708-0003 in" not in html and 'action="/withdraw"' not in html
    met_gebruikers.post("/logout", data={"csrf": re.search(r'name="csrf" value="([^"]+)"', html)[1]})
    log_in(met_gebruikers, "c.controller")
    html = met_gebruikers.get(EVENT).text
    assert html.count('<input type="hidden" name="event" value="GM1708-0003">') == 2
    assert "Corrigeer GM1708-0003" in html and "Trek GM1708-0003 in" in html


def test_an_event_outside_the_users_gemeenten_is_a_404(met_gebruikers: TestClient, demo_db: str) -> None:
    assert met_bereik(demo_db, "c.gm0363", "controller", "GM0363")[0] == 0
    log_in(met_gebruikers, "c.gm0363")
    assert met_gebruikers.get(EVENT).status_code == 404


def test_a_withdrawal_through_the_page_shows_on_the_event_with_its_reason_once(client: TestClient) -> None:
    html = client.get(EVENT).text
    token = re.search(r'name="csrf" value="([^"]+)"', html)[1]
    antwoord = client.post("/withdraw", data={"csrf": token, "event": "GM1708-0003", "reden": "dubbel geboekt"})
    assert antwoord.status_code == 200, antwoord.text
    html = client.get(EVENT).text
    assert "Correcties en intrekkingen van dit event</h2>" in html
    rij = re.search(r"<tr><td[^>]*><a [^>]*>(GM1708-\d{4})</a></td><td[^>]*>intrekking</td>.*?</tr>", html)
    assert rij, html
    assert rij.group(0).count("dubbel geboekt") == 1


def test_the_journal_offers_no_eenheid_or_teken_that_would_change_nothing(client: TestClient) -> None:
    html = client.get("/gemeente/GM1708/journaal").text
    assert 'name="eenheid"' not in html and 'name="teken"' not in html
    assert 'name="eenheid"' in client.get("/gemeente/GM1708/saldo").text
