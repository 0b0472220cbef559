"""One clock, as an auditor uses it: every moment the product shows, pasted back, gives the ledger as it stood
after that event — from the CLI's journal (table, CSV, JSON), explain, the web journal, the post page's audit trail
and the snapshot list; and every event in the web journal links to the ledger just after it, at its exact moment.

Events are recorded at chosen moments (the ledger's clock replaced), around both changes of Dutch time in 2026
(29 March 02:00 +01:00 -> 03:00 +02:00; 25 October 03:00 +02:00 -> 02:00 +01:00), some less than a second apart.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from html import unescape
from pathlib import Path
from unittest import mock
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from tests.conftest import als_json, begroting
from tests.web.conftest import csrf, maak_client

G = "GM1708"
NEDERLAND = ZoneInfo("Europe/Amsterdam")
POST = "/gemeente/GM1708/post/algemene_uitkering/2020?bekend_op=2030-01-01"
ANKERS = (
    datetime(2026, 10, 25, 0, 15, tzinfo=UTC),  # 02:15+02:00: an hour later it is 02:15+01:00
    datetime(2026, 10, 25, 0, 59, 58, tzinfo=UTC),  # the last seconds before the clock goes back
    datetime(2026, 3, 29, 0, 59, 58, tzinfo=UTC),  # the last seconds before the clock jumps
    datetime(2026, 6, 1, 10, 0, tzinfo=UTC),
)
STAPPEN = st.one_of(
    st.integers(1, 999_999).map(lambda us: timedelta(microseconds=us)),  # less than a second apart
    st.integers(1, 3).map(lambda s: timedelta(seconds=s)),
    st.integers(1, 90).map(lambda m: timedelta(minutes=m)),
    st.just(timedelta(hours=1)),
)


@st.composite
def momenten(draw: st.DrawFn) -> list[datetime]:
    uit = [draw(st.sampled_from(ANKERS)) + timedelta(microseconds=draw(st.integers(0, 999_999)))]
    for stap in draw(st.lists(STAPPEN, min_size=1, max_size=4)):
        uit.append(uit[-1] + stap)
    return uit


class NepDatetime(datetime):
    """`datetime` whose `now` is the moment the test chose."""

    moment = datetime(2026, 1, 1, tzinfo=UTC)

    @classmethod
    def now(cls, tz=None):  # type: ignore[no-untyped-def, override]
        return cls.moment.astimezone(tz) if tz else cls.moment.replace(tzinfo=None)


@contextmanager
def klok_op(moment: datetime) -> Iterator[None]:
    NepDatetime.moment = moment
    with mock.patch("ledger.grootboek.datetime", NepDatetime), mock.patch("web.snapshots.datetime", NepDatetime):
        yield


def boek(db: str, map_: Path, moment: datetime, i: int) -> None:
    document = {
        "gemeente": G,
        "bron": {"id": f"nota-{i}", "titel": f"Nota {i}", "datum": "2020-09-15"},
        "events": [{"type": "prognose", "post": "algemene_uitkering", "richting": "baten", "bedragen": {2020: i + 1}}],
    }
    bestand = map_ / f"nota-{i}.json"
    bestand.write_text(json.dumps(document), encoding="utf-8")
    with klok_op(moment):
        uitkomst = begroting(db, "record", str(bestand))
    assert uitkomst.exit_code == 0, uitkomst.stderr


def getoond_tot(tekst: str) -> datetime:
    """The end of what a shown moment states, worked out apart from the product: a second to its last microsecond."""
    moment = datetime.fromisoformat(tekst)
    return moment if "." in tekst else moment + timedelta(microseconds=999_999)


def cellen(html: str) -> list[list[str]]:
    rijen = re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.DOTALL)
    return [
        [unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.DOTALL)] for r in rijen
    ]


def tabelkolom(uitvoer: str, kolom: int) -> dict[str, str]:
    """From a terminal table: event id -> the text in column `kolom` of its row."""
    delen = [[c.strip() for c in r.split("│")] for r in uitvoer.splitlines() if r.startswith("│ GM")]
    return {d[1]: d[kolom] for d in delen}


def getoonde_momenten(db: str, client: TestClient) -> dict[str, set[str]]:
    """Every moment shown, per event id (the snapshot list's under `snapshot`)."""
    getoond: dict[str, set[str]] = {}

    def voeg(event: str, tekst: str) -> None:
        getoond.setdefault(event, set()).add(tekst)

    for event, tekst in tabelkolom(begroting(db, "events", "-g", G).stdout, 5).items():
        voeg(event, tekst)
    regels = begroting(db, "events", "-g", G, "--format", "csv").stdout.splitlines()
    kop = regels[0].split(",")
    for regel in regels[1:]:
        velden = dict(zip(kop, regel.split(","), strict=False))
        voeg(velden["id"], velden["geboekt_op"])
    for e in als_json(db, "events", "-g", G):
        voeg(e["id"], e["geboekt_op"])
    uitleg = begroting(
        db, "explain", "-g", G, "--post", "algemene_uitkering", "--jaar", "2020", "--as-of", "2030-01-01"
    )
    for event, tekst in tabelkolom(uitleg.stdout, 6).items():
        voeg(event, tekst)
    for rij in cellen(client.get(f"/gemeente/{G}/journaal").text):
        if rij and rij[0].startswith("GM"):
            voeg(rij[0], rij[4])
    for rij in cellen(client.get(POST).text):
        if rij and rij[0].startswith("GM"):
            voeg(rij[0], rij[5])
    return getoond


def gezien(db: str, client: TestClient, tekst: str) -> tuple[list[str], list[str]]:
    """The events of the journal as recorded by `tekst`: from the CLI and from the web."""
    cli = [e["id"] for e in als_json(db, "events", "-g", G, "--recorded-by", tekst)]
    web = client.get(f"/gemeente/{G}/journaal", params={"geboekt_op": tekst, "format": "json"})
    assert web.status_code == 200, (tekst, web.text)
    return cli, [e["id"] for e in web.json()]


def verwacht(echt: dict[str, datetime], tot: datetime) -> list[str]:
    return sorted((e for e, m in echt.items() if m <= tot), key=lambda e: echt[e])


INSTELLINGEN = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # a shrink takes minutes of CLI runs: the example as found
)


@INSTELLINGEN
@given(momenten(), st.integers(0, 4))
@example([ANKERS[0] + timedelta(microseconds=2390), ANKERS[0] + timedelta(hours=1, microseconds=2390)], 1)
@example([ANKERS[2], ANKERS[2] + timedelta(seconds=1), ANKERS[2] + timedelta(seconds=1, microseconds=5)], 2)
def test_every_moment_shown_pasted_back_gives_the_ledger_as_it_stood_after_that_event(
    tijden: list[datetime], na: int
) -> None:
    with tempfile.TemporaryDirectory() as map_:
        db = f"sqlite:///{map_}/begroting.db"
        for i, moment in enumerate(tijden):
            boek(db, Path(map_), moment, i)
        ids = [e["id"] for e in als_json(db, "events", "-g", G)]
        echt = dict(zip(ids, tijden, strict=True))
        assert [e["geboekt_op"] for e in als_json(db, "events", "-g", G)] == [
            t.isoformat(timespec="microseconds") for t in tijden
        ]  # JSON keeps UTC and every digit
        for client in maak_client(db):
            getoond = getoonde_momenten(db, client)
            assert set(getoond) == set(ids)
            for event, teksten in getoond.items():
                assert len(teksten) <= 3  # to the second, every digit in Dutch time, UTC in JSON
                for tekst in teksten:
                    tot = getoond_tot(tekst)
                    assert echt[event] <= tot  # it includes the event it was copied from
                    cli, web = gezien(db, client, tekst)
                    assert cli == web == verwacht(echt, tot), (event, tekst)
            koppelingen = journaal_koppelingen(client)
            assert set(koppelingen) == set(ids)
            for event, tekst in koppelingen.items():
                assert tekst == echt[event].astimezone(NEDERLAND).isoformat(timespec="microseconds")
                assert gezien(db, client, tekst)[0] == verwacht(echt, echt[event])
            snapshotlijst(db, client, tijden, echt, min(na, len(tijden) - 1))


def journaal_koppelingen(client: TestClient) -> dict[str, str]:
    """Each event's link to the ledger just after it: event id -> the link's geboekt_op."""
    html = client.get(f"/gemeente/{G}/journaal").text
    uit = {}
    for rij in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.DOTALL):
        # the id links to the event's page, its moment to the ledger just after it
        gevonden = re.search(
            r'<td[^>]*>(?:<a [^>]*>)?(GM\d{4}-\d+)(?:</a>)?</td>.*?<a href="([^"]*/saldo[^"]*)">', rij, re.DOTALL
        )
        if gevonden:
            url = urlparse(unescape(gevonden.group(2)))
            assert url.path == f"/gemeente/{G}/saldo"
            uit[gevonden.group(1)] = parse_qs(url.query)["geboekt_op"][0]
    return uit


def snapshotlijst(db: str, client: TestClient, tijden: list[datetime], echt: dict[str, datetime], k: int) -> None:
    """A snapshot frozen just after event `k`, as recorded by event 0's second as the journal shows it: the list
    shows both moments, and each pasted back gives what was recorded by then."""
    tot_nul = tabelkolom(begroting(db, "events", "-g", G).stdout, 5)[min(echt, key=echt.__getitem__)]
    velden = {"gemeente": G, "jaar": "2020", "bekend_op": "2030-01-01", "geboekt_op": tot_nul}
    with klok_op(tijden[k] + timedelta(microseconds=1)):
        antwoord = client.post("/snapshots", data={"csrf": csrf(client.get("/snapshots").text), **velden})
    assert antwoord.status_code == 200, antwoord.text
    rij = next(r for r in cellen(antwoord.text) if r and r[1] == "Steenwijkerland (GM1708)")
    geboekt_tot, gemaakt_op = rij[6], rij[7]
    assert getoond_tot(geboekt_tot) == getoond_tot(tot_nul)
    for tekst, tot in ((geboekt_tot, getoond_tot(tot_nul)), (gemaakt_op, tijden[k] + timedelta(microseconds=1))):
        assert getoond_tot(tekst) == tot
        cli, web = gezien(db, client, tekst)
        assert cli == web == verwacht(echt, tot)
