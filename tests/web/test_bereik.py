"""Scoped roles: a user of GM0363 finds no other gemeente (404) and changes none (403, nothing written)."""

from __future__ import annotations

import io
import json
import re

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from cli.main import app as cli_app
from tests.conftest import als_json
from tests.web.conftest import WACHTWOORD, csrf, log_in
from web.logboek import Logboek

DECEMBER = (
    "gemeente: {g}\nbron: {{id: decembercirculaire-2020, datum: 2020-12-14}}\neenheid: 1000\n"
    "events:\n  - {{type: circulaire, soort: december, jaar: 2020, algemene_uitkering: {{2020: 77700}}}}\n"
)
LEZEN = [
    "/gemeente/{g}/saldo",
    "/gemeente/{g}/saldo?format=json",
    "/gemeente/{g}/diff?van=2020-06-30",
    "/gemeente/{g}/post/buig/2020",
    "/gemeente/{g}/journaal",
    "/gemeente/{g}/journaal.csv",
    "/gemeente/{g}/journaal.xlsx",
    "/gemeente/{g}/reserves",
    "/gemeente/{g}/signalen/2020",
    "/gemeente/{g}/buig/2020",
    "/gemeente/{g}/au/2020",
    "/gemeente/{g}/au/2020?van=2020-06-30",
    "/gemeente/{g}/forecast?jaar=2020",
]


def met_bereik(db: str, naam: str, rol: str, gemeenten: str) -> tuple[int, str]:
    args = ["--db", db, "user", "add", naam, "--role", rol, "--gemeenten", gemeenten]
    uitkomst = CliRunner().invoke(cli_app, args, input=WACHTWOORD + "\n")
    return uitkomst.exit_code, uitkomst.stdout + uitkomst.stderr


@pytest.fixture
def bereik(met_gebruikers: TestClient, demo_db: str) -> TestClient:
    """Besides the unscoped auditor and controller: a controller of GM0363, one of GM1708, a beheerder of both."""
    assert met_bereik(demo_db, "c.gm0363", "controller", "GM0363") == (
        0, "gebruiker c.gm0363 toegevoegd als controller voor GM0363\n"
    )  # fmt: skip
    assert met_bereik(demo_db, "c.gm1708", "controller", " GM1708 ")[0] == 0
    assert met_bereik(demo_db, "b.beide", "beheerder", "GM1708,GM0363")[0] == 0
    return met_gebruikers


def aantal_events(db: str) -> int:
    return len(als_json(db, "events"))


@pytest.mark.parametrize("pad", LEZEN)
def test_reading_another_gemeente_is_a_404_as_if_it_had_no_ledger(bereik: TestClient, pad: str) -> None:
    log_in(bereik, "c.gm0363")
    buiten, onbekend = bereik.get(pad.format(g="GM1708")), bereik.get(pad.format(g="GM9999"))
    assert buiten.status_code == onbekend.status_code == 404
    assert buiten.text == onbekend.text.replace("GM9999", "GM1708")
    log_in(bereik, "c.gm1708")
    assert bereik.get(pad.format(g="GM1708")).status_code == 200


def test_the_gemeenten_list_shows_only_the_scope(bereik: TestClient) -> None:
    links = re.compile(r'href="/gemeente/(GM\d{4})/saldo')
    log_in(bereik, "c.controller")
    assert links.findall(bereik.get("/").text) == ["GM1680", "GM1708"]
    log_in(bereik, "c.gm1708")
    assert links.findall(bereik.get("/").text) == ["GM1708"]
    assert bereik.get("/gemeente/GM1680/reserves").status_code == 404
    log_in(bereik, "c.gm0363")
    assert links.findall(bereik.get("/").text) == []


def test_every_write_to_another_gemeente_is_a_403_and_nothing_is_written(bereik: TestClient, demo_db: str) -> None:
    uit = io.StringIO()
    bereik.app.state.logboek = Logboek(uit)  # type: ignore[attr-defined]
    voor = aantal_events(demo_db)
    token = log_in(bereik, "c.gm0363")
    eigen, ander = DECEMBER.format(g="GM0363").encode(), DECEMBER.format(g="GM1708").encode()
    t, g1708 = {"csrf": token}, {"gemeente": "GM1708", "jaar": "2020", "bekend_op": "2020-12-31"}
    pogingen = [
        bereik.post("/record", data=t, files=[("bestanden", ("d.yaml", ander))]),
        bereik.post("/record", data=t, files=[("bestanden", ("a.yaml", eigen)), ("bestanden", ("b.yaml", ander))]),
        bereik.post("/withdraw", data={**t, "event": "GM1708-0017", "reden": "weg"}),
        bereik.post("/correct", data={**t, "event": "GM1708-0017", "reden": "x"}, files={"bestand": ("d.yaml", ander)}),
        bereik.post("/gemeente/GM1708/forecast", data={**t, "bekend_op": "2020-10-13", "jaar": "2020"}),
        bereik.post("/snapshots", data={**t, **g1708}),
        bereik.post("/verify", data=t),
    ]  # fmt: skip
    assert [p.status_code for p in pogingen] == [403] * 7
    assert "c.gm0363 werkt niet voor GM1708: er is niets veranderd" in pogingen[0].text
    assert aantal_events(demo_db) == voor and "Snapshot" not in bereik.get("/snapshots").text.split("<h2>")[-1]
    regels = [json.loads(r) for r in uit.getvalue().splitlines()]
    assert [r["gebeurtenis"] for r in regels[:1]] == ["login"]
    geweigerd = regels[1:]
    assert [(r["gebeurtenis"], r["gebruiker"], r["pad"]) for r in geweigerd] == [
        ("geweigerd", "c.gm0363", p) for p in
        ["/record", "/record", "/withdraw", "/correct", "/gemeente/GM1708/forecast", "/snapshots", "/verify"]
    ]  # fmt: skip
    eigen_boeking = bereik.post("/record", data={"csrf": token}, files=[("bestanden", ("a.yaml", eigen))])
    assert eigen_boeking.status_code == 200 and "geboekt voor GM0363 door c.gm0363" in eigen_boeking.text
    assert aantal_events(demo_db) == voor + 1


def test_snapshots_of_another_gemeente_are_not_listed_downloaded_or_verified(bereik: TestClient) -> None:
    token = log_in(bereik, "c.controller")
    data = {"csrf": token, "gemeente": "GM1708", "jaar": "2020", "bekend_op": "2020-12-31"}
    assert bereik.post("/snapshots", data=data).status_code == 200
    snapshot = bereik.get("/snapshots/1/snapshot.json").content
    log_in(bereik, "c.gm0363")
    assert "/snapshots/1/" not in bereik.get("/snapshots").text
    assert "<option>GM1708</option>" not in bereik.get("/snapshots").text
    for pad in (
        "/snapshots/1/snapshot.json",
        "/snapshots/1/report.html",
        "/snapshots/1/verify",
        "/snapshots?gemeente=GM1708",
    ):
        assert bereik.get(pad).status_code == 404, pad
    token = csrf(bereik.get("/snapshots").text)
    geupload = bereik.post("/snapshots/verify", data={"csrf": token}, files={"bestand": ("s.json", snapshot)})
    assert geupload.status_code == 404 and "er is geen grootboek voor GM1708" in geupload.text
    log_in(bereik, "c.gm1708")
    assert "/snapshots/1/report.html" in bereik.get("/snapshots").text
    assert bereik.get("/snapshots/1/verify").status_code == 200


def test_a_scoped_beheerder_manages_only_users_within_its_gemeenten(bereik: TestClient, demo_db: str) -> None:
    token = log_in(bereik, "b.beide")
    namen = re.findall(r"<tr><td>([^<]+)</td>", bereik.get("/users").text)
    assert namen == ["b.beide", "c.gm0363", "c.gm1708"]

    def voeg_toe(naam: str, gemeenten: str):
        data = {"naam": naam, "rol": "controller", "wachtwoord": WACHTWOORD, "herhaald": WACHTWOORD}
        return bereik.post("/users", data={"csrf": token, "gemeenten": gemeenten, **data})

    assert voeg_toe("x.overal", "").status_code == 403
    assert voeg_toe("x.breder", "GM1708,GM1680").status_code == 403
    assert (
        voeg_toe("x.fout", "GM17").status_code == 400
        and "&#39;GM17&#39; is geen CBS-code" in voeg_toe("x.fout", "GM17").text
    )
    assert voeg_toe("x.binnen", "GM1708").status_code == 200
    assert bereik.post("/users/disable", data={"csrf": token, "naam": "c.controller"}).status_code == 403
    assert bereik.post("/users/disable", data={"csrf": token, "naam": "c.gm0363"}).status_code == 200
    lijst = CliRunner().invoke(cli_app, ["--db", demo_db, "user", "list"]).stdout.splitlines()
    assert lijst == [
        "a.auditor\tauditor\tactief\talle gemeenten",
        "b.beide\tbeheerder\tactief\tGM0363,GM1708",
        "c.controller\tcontroller\tactief\talle gemeenten",
        "c.gm0363\tcontroller\tuitgeschakeld\tGM0363",
        "c.gm1708\tcontroller\tactief\tGM1708",
        "x.binnen\tcontroller\tactief\tGM1708",
    ]


@pytest.mark.parametrize("gemeenten", ["GM17", "gm1708", "GM1708;GM0363", "GM12345", "GM1708,<b>"])
def test_user_add_refuses_a_scope_that_is_not_cbs_codes_and_adds_nobody(demo_db: str, gemeenten: str) -> None:
    code, uit = met_bereik(demo_db, "x.y", "auditor", gemeenten)
    assert code == 2 and "is geen CBS-code (GM en vier cijfers, zoals GM1708)" in uit
    assert CliRunner().invoke(cli_app, ["--db", demo_db, "user", "list"]).stdout == ""
