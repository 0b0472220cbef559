"""Recording through the web, users, roles, sessions and CSRF: who may change what, and nothing else changes."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from cli.main import app as cli_app
from ledger.uitvoer import schrijf_document
from tests.conftest import DATA, als_json, begroting, voorbeeld_bestanden
from tests.web.conftest import RESERVES, WACHTWOORD, csrf, gebruiker, log_in, maak_client

JAARREKENING = DATA / "reserves" / "03-jaarrekening-2020.yaml"


def melding(stderr: str) -> str:
    """The CLI's refusal without its `fout:`: each front end says that word in its own way, the message is one."""
    return stderr.strip().partition(": ")[2]


def upload(client: TestClient, token: str | None, *bestanden: tuple[str, bytes]) -> object:
    data = {} if token is None else {"csrf": token}
    return client.post("/record", data=data, files=[("bestanden", b) for b in bestanden])


def aantal_events(db: str) -> int:
    return len(als_json(db, "events"))


def test_without_users_the_os_user_records_and_a_malformed_document_shows_the_cli_message(
    client: TestClient, demo_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ongeldig = DATA / "ongeldig" / "03-jaar-1800.yaml"
    monkeypatch.chdir(ongeldig.parent)
    cli = begroting(demo_db, "record", ongeldig.name)
    voor = aantal_events(demo_db)
    token = csrf(client.get("/record").text)
    bestanden = [(JAARREKENING.name, JAARREKENING.read_bytes()), (ongeldig.name, ongeldig.read_bytes())]
    antwoord = upload(client, token, *bestanden)
    assert (cli.exit_code, antwoord.status_code) == (2, 400)
    assert melding(cli.stderr).replace("'", "&#39;") in antwoord.text
    assert aantal_events(demo_db) == voor  # the valid document of the same upload is not recorded either


def test_a_document_over_10_mb_is_refused_while_read_and_nothing_is_written(client: TestClient, demo_db: str) -> None:
    voor = aantal_events(demo_db)
    antwoord = upload(client, csrf(client.get("/record").text), ("groot.yaml", b"#" * (10 * 2**20 + 1)))
    assert antwoord.status_code == 413
    assert "groot.yaml: is groter dan 10 MB; zo groot is een document nooit" in antwoord.text
    assert aantal_events(demo_db) == voor


def test_a_request_larger_than_any_upload_is_refused_before_it_is_read(client: TestClient) -> None:
    antwoord = client.post("/record", content=b"x", headers={"content-length": str(300 * 2**20)})
    assert antwoord.status_code == 413


def test_without_or_with_a_wrong_csrf_token_nothing_is_recorded(client: TestClient, demo_db: str) -> None:
    client.get("/record")
    for token in (None, "vervalst"):
        antwoord = upload(client, token, (JAARREKENING.name, JAARREKENING.read_bytes()))
        assert antwoord.status_code == 403 and "CSRF" in antwoord.text
    assert "jaarrekening-2020" not in {e["bron"] for e in als_json(demo_db, "events")}


def test_the_controller_records_under_their_own_name(met_gebruikers: TestClient, demo_db: str) -> None:
    token = log_in(met_gebruikers, "c.controller")
    antwoord = upload(met_gebruikers, token, (JAARREKENING.name, JAARREKENING.read_bytes()))
    assert antwoord.status_code == 200, antwoord.text
    assert "bron jaarrekening-2020 geboekt voor GM1680 door c.controller" in antwoord.text
    events = als_json(demo_db, "events", "--bron", "jaarrekening-2020")
    assert events and {e["geboekt_door"] for e in events} == {"c.controller"}


def test_an_auditor_gets_no_record_form_and_a_forged_post_is_refused(met_gebruikers: TestClient, demo_db: str) -> None:
    token = log_in(met_gebruikers, "a.auditor")
    pagina = met_gebruikers.get("/record").text
    assert 'enctype="multipart/form-data"' not in pagina and "leest alles en boekt niets" in pagina
    assert 'href="/record"' not in met_gebruikers.get("/").text
    voor = aantal_events(demo_db)
    antwoord = upload(met_gebruikers, token, (JAARREKENING.name, JAARREKENING.read_bytes()))
    assert antwoord.status_code == 403 and "auditor" in antwoord.text
    assert aantal_events(demo_db) == voor
    assert met_gebruikers.get("/gemeente/GM1708/saldo?bekend_op=2020-10-13").status_code == 200


def test_with_users_every_page_asks_to_log_in_first(met_gebruikers: TestClient) -> None:
    antwoord = met_gebruikers.get("/gemeente/GM1708/saldo?bekend_op=2020-10-13", follow_redirects=False)
    assert antwoord.status_code == 303
    assert antwoord.headers["location"] == "/login?terug=%2Fgemeente%2FGM1708%2Fsaldo%3Fbekend_op%3D2020-10-13"
    assert met_gebruikers.get("/gemeente/GM1708/saldo?format=json").status_code == 403
    assert upload(met_gebruikers, csrf(met_gebruikers.get("/login").text), ("x.yaml", b"x")).status_code == 403


def test_a_wrong_password_is_refused(met_gebruikers: TestClient) -> None:
    token = csrf(met_gebruikers.get("/login").text)
    for naam, wachtwoord in (("c.controller", "fout wachtwoord"), ("niemand", WACHTWOORD)):
        antwoord = met_gebruikers.post("/login", data={"naam": naam, "wachtwoord": wachtwoord, "csrf": token})
        assert antwoord.status_code == 401 and "naam of wachtwoord onjuist" in antwoord.text
    assert met_gebruikers.get("/", follow_redirects=False).status_code == 303


def test_a_login_without_the_csrf_token_is_refused(met_gebruikers: TestClient) -> None:
    met_gebruikers.get("/login")
    antwoord = met_gebruikers.post("/login", data={"naam": "c.controller", "wachtwoord": WACHTWOORD})
    assert antwoord.status_code == 403


def test_login_starts_a_new_session_with_a_new_token(met_gebruikers: TestClient) -> None:
    voor = csrf(met_gebruikers.get("/login").text)
    cookie_voor = met_gebruikers.cookies.get("begroting")
    na = log_in(met_gebruikers, "c.controller")
    assert na != voor and met_gebruikers.cookies.get("begroting") != cookie_voor
    assert upload(met_gebruikers, voor, ("x.yaml", b"x")).status_code == 403  # the old token is gone
    kop = met_gebruikers.post("/logout", data={"csrf": na}, follow_redirects=False).headers["set-cookie"]
    assert "httponly" in kop.lower() and "samesite=lax" in kop.lower()
    assert met_gebruikers.get("/", follow_redirects=False).status_code == 303


def test_a_disabled_user_is_logged_out_and_cannot_log_in(met_gebruikers: TestClient, demo_db: str) -> None:
    log_in(met_gebruikers, "c.controller")
    uitkomst = CliRunner().invoke(cli_app, ["--db", demo_db, "user", "disable", "c.controller"])
    assert uitkomst.exit_code == 0
    assert met_gebruikers.get("/", follow_redirects=False).status_code == 303
    token = csrf(met_gebruikers.get("/login").text)
    antwoord = met_gebruikers.post("/login", data={"naam": "c.controller", "wachtwoord": WACHTWOORD, "csrf": token})
    assert antwoord.status_code == 401


def test_user_list_and_the_hash_is_argon2(demo_db: str) -> None:
    from sqlalchemy import create_engine, text

    gebruiker(demo_db, "b.beheerder", "beheerder")
    lijst = CliRunner().invoke(cli_app, ["--db", demo_db, "user", "list"])
    assert lijst.stdout == "b.beheerder\tbeheerder\tactief\talle gemeenten\n"
    with create_engine(demo_db).connect() as v:
        opgeslagen = v.execute(text("SELECT wachtwoord FROM begroting_gebruikers")).scalar_one()
    assert opgeslagen.startswith("$argon2id$") and WACHTWOORD not in opgeslagen


def test_user_add_refuses_a_short_password_and_a_second_user_of_the_same_name(demo_db: str) -> None:
    kort = CliRunner().invoke(cli_app, ["--db", demo_db, "user", "add", "x", "--role", "auditor"], input="kort\n")
    assert kort.exit_code == 2 and "minstens 8 tekens" in kort.stderr
    gebruiker(demo_db, "x", "auditor")
    twee = CliRunner().invoke(cli_app, ["--db", demo_db, "user", "add", "x", "--role", "auditor"], input=WACHTWOORD)
    assert twee.exit_code == 2 and "bestaat al" in twee.stderr


def test_serve_refuses_a_public_address_until_a_user_exists(demo_db: str, tmp_path: Path) -> None:
    uitkomst = CliRunner().invoke(cli_app, ["--db", demo_db, "serve", "--host", "0.0.0.0"])
    assert uitkomst.exit_code == 2 and "loopback" in uitkomst.stderr


def test_verify_runs_for_a_controller_as_the_cli_does_and_not_for_an_auditor(
    met_gebruikers: TestClient, demo_db: str
) -> None:
    token = log_in(met_gebruikers, "a.auditor")
    assert "Controleer nu" not in met_gebruikers.get("/verify").text
    assert met_gebruikers.post("/verify", data={"csrf": token}).status_code == 403
    token = log_in(met_gebruikers, "c.controller")
    assert met_gebruikers.post("/verify", data={"csrf": "vervalst"}).status_code == 403
    antwoord = met_gebruikers.post("/verify", data={"csrf": token})
    cli = begroting(demo_db, "verify")
    assert antwoord.status_code == 200 and cli.exit_code == 0
    assert cli.stdout.strip() in antwoord.text and "In orde" in antwoord.text


@pytest.mark.postgres
def test_on_postgresql_users_log_in_and_the_pages_answer_as_the_cli(postgres_url: str) -> None:
    assert begroting(postgres_url, "record", *voorbeeld_bestanden()).exit_code == 0
    gebruiker(postgres_url, "c.controller", "controller")
    for client in maak_client(postgres_url):
        token = log_in(client, "c.controller")
        saldo = client.get("/gemeente/GM1708/saldo?bekend_op=2020-10-13&format=json").json()
        assert saldo == als_json(postgres_url, "saldo", "-g", "GM1708", "--as-of", "2020-10-13")
        antwoord = upload(client, token, *((Path(p).name, Path(p).read_bytes()) for p in RESERVES))
        assert antwoord.status_code == 200, antwoord.text
    assert {e["geboekt_door"] for e in als_json(postgres_url, "events", "-g", "GM1680")} == {"c.controller"}


def test_without_users_only_a_loopback_name_is_answered(client: TestClient) -> None:
    """A page elsewhere that rebinds its own name to 127.0.0.1 gets nothing from the open server."""
    antwoord = client.get("/gemeente/GM1708/saldo", headers={"host": "aanvaller.example:8000"})
    assert antwoord.status_code == 403 and "alleen op 127.0.0.1 of localhost" in antwoord.text
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200


def test_the_controller_corrects_and_withdraws_under_their_own_name(met_gebruikers: TestClient, demo_db: str) -> None:
    token = log_in(met_gebruikers, "c.controller")
    erratum = (
        b"gemeente: GM1708\nbron: {id: erratum-1, datum: 2020-10-01}\n"
        b"events:\n  - {type: buig_beschikking, fase: definitief, jaar: 2020, bedrag: 12700000}\n"
    )
    data = {"csrf": token, "event": "GM1708-0017", "reden": "bedrag"}
    antwoord = met_gebruikers.post("/correct", data=data, files={"bestand": ("erratum.yaml", erratum)})
    assert antwoord.status_code == 200 and "geboekt GM1708-0021: correctie van GM1708-0017 (bedrag)" in antwoord.text
    antwoord = met_gebruikers.post("/withdraw", data={"csrf": token, "event": "GM1708-0021", "reden": "vervallen"})
    assert antwoord.status_code == 200 and "geboekt GM1708-0022: intrekking van GM1708-0021" in antwoord.text
    laatste = als_json(demo_db, "events", "-g", "GM1708")[-2:]
    assert [(e["type"], e["geboekt_door"]) for e in laatste] == [
        ("correctie", "c.controller"),
        ("intrekking", "c.controller"),
    ]


def test_correct_and_withdraw_refuse_without_reason_token_or_right(met_gebruikers: TestClient, demo_db: str) -> None:
    voor = aantal_events(demo_db)
    token = log_in(met_gebruikers, "c.controller")
    leeg = met_gebruikers.post("/withdraw", data={"csrf": token, "event": "GM1708-0017", "reden": " "})
    assert leeg.status_code == 400 and "zeg waarom" in leeg.text
    onbekend = met_gebruikers.post("/withdraw", data={"csrf": token, "event": "GM1708-9999", "reden": "x"})
    cli = begroting(demo_db, "withdraw", "GM1708-9999", "--reden", "x")
    assert onbekend.status_code == 400 and melding(cli.stderr) in onbekend.text
    assert met_gebruikers.post("/withdraw", data={"event": "GM1708-0017", "reden": "x"}).status_code == 403
    token = log_in(met_gebruikers, "a.auditor")
    data = {"csrf": token, "event": "GM1708-0017", "reden": "x"}
    assert met_gebruikers.post("/withdraw", data=data).status_code == 403
    assert met_gebruikers.post("/correct", data=data, files={"bestand": ("x.yaml", b"x")}).status_code == 403
    assert aantal_events(demo_db) == voor


def test_an_uploaded_workbook_is_read_as_a_workbook(client: TestClient, demo_db: str) -> None:
    werkboek = DATA / "werkboeken" / "voorbeeld" / "03-septembercirculaire-2020.xlsx"
    voor = aantal_events(demo_db)
    antwoord = upload(client, csrf(client.get("/record").text), (werkboek.name, werkboek.read_bytes()))
    assert antwoord.status_code == 200
    assert "septembercirculaire-2020" in antwoord.text
    assert aantal_events(demo_db) == voor  # the demo holds the same document already: a no-op


@pytest.mark.parametrize("soort", ["xlsx", "ods"])
def test_a_correction_uploaded_as_a_workbook_is_read_as_a_workbook(
    client: TestClient, demo_db: str, tmp_path: Path, soort: str
) -> None:
    erratum = {
        "gemeente": "GM1708",
        "bron": {"id": "erratum-1", "datum": date(2020, 10, 1)},
        "events": [{"type": "buig_beschikking", "fase": "definitief", "jaar": 2020, "bedrag": 12700000}],
    }
    werkboek = tmp_path / f"erratum.{soort}"
    schrijf_document(erratum, werkboek)
    data = {"csrf": csrf(client.get("/record").text), "event": "GM1708-0017", "reden": "bedrag"}
    antwoord = client.post("/correct", data=data, files={"bestand": (werkboek.name, werkboek.read_bytes())})
    assert antwoord.status_code == 200, antwoord.text
    assert "geboekt GM1708-0021: correctie van GM1708-0017 (bedrag)" in antwoord.text
    buig = als_json(demo_db, "explain", "-g", "GM1708", "-p", "buig", "-j", "2020", "--as-of", "2020-10-13")
    assert buig["prognose"] == "12700000.00"
    assert 'accept=".yaml,.yml,.json,.xlsx,.ods"' in client.get("/record").text


def test_a_yaml_alias_bomb_is_refused_with_the_cli_message_and_the_server_answers_the_next_request(
    met_gebruikers: TestClient, demo_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A billion laughs: ten anchors of ten aliases each, 10^8 values once expanded."""
    bom = DATA / "ongeldig" / "101-miljard-lachen.yaml"
    monkeypatch.chdir(bom.parent)
    cli = begroting(demo_db, "record", bom.name)
    assert cli.exit_code == 2 and cli.stderr.strip() == f"fout: {bom.name}: bevat meer dan 1,000,000 waarden"
    voor = aantal_events(demo_db)
    token = log_in(met_gebruikers, "c.controller")
    begin = time.monotonic()
    antwoord = upload(
        met_gebruikers, token, (bom.name, bom.read_bytes()), (JAARREKENING.name, JAARREKENING.read_bytes())
    )
    assert antwoord.status_code == 400 and melding(cli.stderr) in antwoord.text
    assert time.monotonic() - begin < 10  # refused while counting, not after expanding it
    assert aantal_events(demo_db) == voor
    saldo = met_gebruikers.get("/gemeente/GM1708/saldo?bekend_op=2020-10-13&format=json")
    assert saldo.status_code == 200 and saldo.json()["jaren"]["2020"]["saldo_baten_lasten"] == "2112000.00"
