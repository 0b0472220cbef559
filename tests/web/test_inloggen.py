"""Logins: an unknown name costs what a wrong password costs, names that cannot be a user's are refused
before they are counted, and the limiter's memory stays bounded (in its tables and in a served process)."""

from __future__ import annotations

import io
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

import web.gebruikers
from tests.web.conftest import WACHTWOORD, csrf
from web.drempel import Inlogdrempel
from web.logboek import Logboek


class Spion:
    """The real hasher, noting which hash each verify was against."""

    def __init__(self, echt: object) -> None:
        self.echt, self.tegen = echt, []

    def verify(self, hash: str, wachtwoord: str) -> bool:
        self.tegen.append(hash)
        return self.echt.verify(hash, wachtwoord)  # type: ignore[attr-defined]

    def __getattr__(self, naam: str) -> object:
        return getattr(self.echt, naam)


def inloggen(client: TestClient, naam: str, wachtwoord: str = "fout wachtwoord"):
    data = {"naam": naam, "wachtwoord": wachtwoord, "csrf": csrf(client.get("/login").text)}
    return client.post("/login", data=data, follow_redirects=False)


def test_an_unknown_name_is_verified_against_a_dummy_hash_as_a_wrong_password_is_against_the_real_one(
    met_gebruikers: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    spion = Spion(web.gebruikers.HASHER)
    monkeypatch.setattr(web.gebruikers, "HASHER", spion)
    onbekend, fout = inloggen(met_gebruikers, "n.iemand"), inloggen(met_gebruikers, "c.controller")
    assert (onbekend.status_code, fout.status_code) == (401, 401)
    assert onbekend.text.replace("n.iemand", "c.controller") == fout.text
    assert len(spion.tegen) == 2 and spion.tegen[0] == web.gebruikers.schijnhash() != spion.tegen[1]
    assert spion.tegen[1].startswith("$argon2id$") and spion.tegen[0].startswith("$argon2id$")
    assert spion.tegen[0].split("$")[3] == spion.tegen[1].split("$")[3]  # the same cost parameters


@pytest.mark.parametrize("naam", ["x" * 60_000, "x" * 101, "j.jansen\x1b[31m", "a\x00b", "regel\neen"])
def test_a_name_that_cannot_be_a_users_is_a_400_and_is_not_counted(met_gebruikers: TestClient, naam: str) -> None:
    uit = io.StringIO()
    met_gebruikers.app.state.logboek = Logboek(uit)  # type: ignore[attr-defined]
    antwoord = inloggen(met_gebruikers, naam)
    assert antwoord.status_code == 400
    assert "een gebruikersnaam is één regel van hoogstens 100 tekens" in antwoord.text and naam not in antwoord.text
    drempel = met_gebruikers.app.state.drempel  # type: ignore[attr-defined]
    assert (len(drempel.namen.tijden), len(drempel.adressen.tijden)) == (0, 0)
    regel = json.loads(uit.getvalue())
    assert (regel["gebeurtenis"], regel["reden"]) == ("login_mislukt", f"geen gebruikersnaam: {len(naam)} tekens")
    assert len(uit.getvalue()) < 300


def test_a_login_of_a_megabyte_is_refused_as_too_large_before_its_name_is_read_or_counted(
    met_gebruikers: TestClient,
) -> None:
    uit = io.StringIO()
    met_gebruikers.app.state.logboek = Logboek(uit)  # type: ignore[attr-defined]
    antwoord = inloggen(met_gebruikers, "x" * (2**20 - 100))
    assert antwoord.status_code == 413
    drempel = met_gebruikers.app.state.drempel  # type: ignore[attr-defined]
    assert (len(drempel.namen.tijden), len(drempel.adressen.tijden)) == (0, 0)
    assert json.loads(uit.getvalue())["gebeurtenis"] == "geweigerd" and len(uit.getvalue()) < 300


def test_rotating_names_from_one_address_is_held_and_the_tables_stay_small(met_gebruikers: TestClient) -> None:
    """Six failures for the address here (thirty in a server: tests/unit/test_drempel.py): each costs an argon2."""
    drempel = met_gebruikers.app.state.drempel = Inlogdrempel(pogingen_adres=6)  # type: ignore[attr-defined]
    for i in range(6):
        assert inloggen(met_gebruikers, f"{i:03}" + "n" * 97).status_code == 401
    antwoord = inloggen(met_gebruikers, "c.controller", WACHTWOORD)
    assert antwoord.status_code == 429
    assert "te veel mislukte pogingen vanaf dit adres: probeer het over 15 minuten opnieuw" in antwoord.text
    for i in range(6, 100):  # refused before counting: the tables do not grow
        assert inloggen(met_gebruikers, f"{i:03}" + "n" * 97).status_code == 429
    assert (len(drempel.namen.tijden), len(drempel.adressen.tijden)) == (6, 1)


@pytest.fixture
def geserveerd(demo_db: str) -> Iterator[tuple[str, int]]:
    """`begroting serve` in a process of its own, with users; its address and process id."""
    from tests.web.conftest import gebruiker

    gebruiker(demo_db, "c.controller", "controller")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    opdracht = [sys.executable, "-m", "cli.main", "--db", demo_db, "serve", "--port", str(poort)]
    proces = subprocess.Popen(opdracht, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    basis = f"http://127.0.0.1:{poort}"
    tot = time.monotonic() + 30
    while time.monotonic() < tot:
        try:
            urllib.request.urlopen(basis + "/login", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    yield basis, proces.pid
    proces.terminate()
    proces.wait(10)


def rss(pid: int) -> int:
    """The resident memory of a process, in bytes."""
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmRSS:\s+(\d+) kB", f.read()).group(1)) * 1024  # type: ignore[union-attr]


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="measures memory through /proc")
def test_a_served_process_keeps_no_memory_of_a_hundred_1_mb_login_names(geserveerd: tuple[str, int]) -> None:
    basis, pid = geserveerd
    pagina = urllib.request.urlopen(basis + "/login")
    koekje = pagina.headers["set-cookie"].split(";")[0]
    token = csrf(pagina.read().decode())

    def poging(i: int) -> int:
        naam = f"{i:03}" + "x" * (2**20 - 100)  # over the 64 KB a login's body may have: refused while read
        body = urllib.parse.urlencode({"naam": naam, "wachtwoord": "x", "csrf": token}).encode()
        vraag = urllib.request.Request(basis + "/login", data=body, headers={"cookie": koekje})
        try:
            return urllib.request.urlopen(vraag).status
        except urllib.error.HTTPError as fout:
            return fout.code
        except urllib.error.URLError as fout:
            # the 413 came and the connection closed while the client was still sending the megabyte
            assert isinstance(fout.reason, BrokenPipeError | ConnectionResetError), fout
            return 413

    assert [poging(i) for i in range(5)] == [413] * 5  # the allocator's first arenas
    voor = rss(pid)
    assert [poging(i) for i in range(5, 105)] == [413] * 100
    na = rss(pid)
    print(f"RSS before {voor / 2**20:.1f} MB, after 100 names of 1 MB {na / 2**20:.1f} MB")
    assert na - voor < 16 * 2**20  # before: each name was kept, about 100 MB
    assert urllib.request.urlopen(basis + "/login").status == 200
