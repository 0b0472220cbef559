"""`begroting serve` as an IT department runs it: the real command in a subprocess, its workers, its
deadlines for slow clients, its proxy trust and its security log."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.meten import begroting_cmd


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def vraag(url: str, data: bytes | None = None, **koppen: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data, koppen), timeout=10) as antwoord:
            return antwoord.status, antwoord.read()
    except urllib.error.HTTPError as fout:
        return fout.code, fout.read()


class Server:
    """`begroting --db DB serve --port P ARGS` until stopped; up when /health answers."""

    def __init__(self, db: str, *args: str) -> None:
        self.poort = vrije_poort()
        self.url = f"http://127.0.0.1:{self.poort}"
        opdracht = [begroting_cmd(), "--db", db, "serve", "--port", str(self.poort), *args]
        self.proces = subprocess.Popen(opdracht, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        tot = time.monotonic() + 60
        while time.monotonic() < tot and self.proces.poll() is None:
            try:
                if vraag(self.url + "/health")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise AssertionError(f"serve did not come up: {self.proces.stderr.read().decode()}")  # type: ignore[union-attr]

    def kinderen(self) -> list[str]:
        """The command lines of the server's child processes."""
        uit = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == self.proces.pid:
                    uit.append((stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode())
            except (OSError, IndexError, ValueError):
                continue
        return uit

    def stop(self) -> None:
        self.proces.terminate()
        self.proces.wait(20)


@pytest.fixture
def server(sqlite_url: str, tmp_path: Path) -> Iterator[Server]:
    """One worker, deadlines of 1 s for headers and bodies, the security log in a file."""
    bezig = Server(sqlite_url, "--header-timeout", "1", "--body-timeout", "1", "--security-log", str(tmp_path / "log"))
    yield bezig
    bezig.stop()


def gesloten_na(s: socket.socket, binnen: float = 5) -> tuple[bytes, float]:
    """What the server sent before it closed the connection, and after how many seconds."""
    s.settimeout(binnen)
    start, ontvangen = time.monotonic(), b""
    while blok := s.recv(4096):
        ontvangen += blok
    return ontvangen, time.monotonic() - start


def test_half_a_request_line_is_answered_408_and_closed_within_the_header_timeout(server: Server) -> None:
    with socket.create_connection(("127.0.0.1", server.poort)) as s:
        s.sendall(b"GET /hea")
        ontvangen, seconden = gesloten_na(s)
    assert ontvangen.startswith(b"HTTP/1.1 408 Request Timeout\r\n")
    assert 0.8 < seconden < 3
    assert vraag(server.url + "/health") == (200, b'{"status":"ok"}')


def test_a_connection_that_sends_nothing_is_closed_silently_and_so_is_one_idle_after_a_request(server: Server) -> None:
    with socket.create_connection(("127.0.0.1", server.poort)) as stil:
        assert gesloten_na(stil)[0] == b""
    with socket.create_connection(("127.0.0.1", server.poort)) as s:
        s.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /hea")  # a second request, begun
        ontvangen, seconden = gesloten_na(s)
    assert ontvangen.count(b"HTTP/1.1 200 OK") == 1 and ontvangen.endswith(b"connection: close\r\n\r\n")
    assert seconden < 3


def test_a_body_that_trickles_is_cut_off(server: Server) -> None:
    with socket.create_connection(("127.0.0.1", server.poort)) as s:
        s.sendall(b"POST /verify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\ncsrf=")
        _, seconden = gesloten_na(s)
    assert seconden < 3


def test_two_hundred_half_open_connections_do_not_stop_the_server_and_all_are_closed(server: Server) -> None:
    open_ = [socket.create_connection(("127.0.0.1", server.poort)) for _ in range(200)]
    try:
        for s in open_[::2]:
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: ")
        start = time.monotonic()
        assert vraag(server.url + "/health")[0] == 200
        assert time.monotonic() - start < 1
        assert all(gesloten_na(s)[1] < 3 for s in open_)
    finally:
        for s in open_:
            s.close()


def test_forwarded_headers_from_loopback_are_not_believed_without_trusted_proxy(server: Server, tmp_path: Path) -> None:
    for nummer in range(3):  # a local process rotating its address
        kop = {"X-Forwarded-For": f"198.51.100.{nummer}", "X-Forwarded-Proto": "https"}
        status, _ = vraag(server.url + "/verify", b"csrf=vals", **kop)
        assert status == 403
    regels = [json.loads(r) for r in (tmp_path / "log").read_text().splitlines()]
    assert [(r["gebeurtenis"], r["adres"], r["pad"]) for r in regels] == [("geweigerd", "127.0.0.1", "/verify")] * 3


def test_behind_a_trusted_proxy_the_forwarded_address_is_logged_and_https_gets_hsts(
    sqlite_url: str, tmp_path: Path
) -> None:
    bezig = Server(sqlite_url, "--trusted-proxy", "127.0.0.0/8", "--security-log", str(tmp_path / "log"))
    try:
        kop = {"X-Forwarded-For": "198.51.100.7", "X-Forwarded-Proto": "https"}
        assert vraag(bezig.url + "/verify", b"csrf=vals", **kop)[0] == 403
        with urllib.request.urlopen(urllib.request.Request(bezig.url + "/health", headers=kop)) as antwoord:
            assert antwoord.headers["Strict-Transport-Security"] == "max-age=31536000"
    finally:
        bezig.stop()
    regel = json.loads((tmp_path / "log").read_text())
    assert (regel["gebeurtenis"], regel["adres"]) == ("geweigerd", "198.51.100.7")


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_two_workers_each_answer_on_both_backends(backend: str, request: pytest.FixtureRequest) -> None:
    db = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "postgres_url")
    bezig = Server(db, "--workers", "2")
    try:
        werkers = [k for k in bezig.kinderen() if "multiprocessing" in k and "resource_tracker" not in k]
        antwoorden = {vraag(bezig.url + "/health") for _ in range(20)}
        pagina = vraag(bezig.url + "/")
    finally:
        bezig.stop()
    assert len(werkers) == 2, werkers
    assert antwoorden == {(200, b'{"status":"ok"}')}
    assert pagina[0] == 200 and b"<title>Gemeenten" in pagina[1]


def test_a_trusted_proxy_that_is_no_address_and_an_unwritable_log_are_refused(sqlite_url: str, tmp_path: Path) -> None:
    cmd = [begroting_cmd(), "--db", sqlite_url, "serve"]
    fout = subprocess.run([*cmd, "--trusted-proxy", "proxy.example"], capture_output=True, text=True)
    assert (fout.returncode, fout.stderr.strip()) == (
        2,
        "fout: --trusted-proxy 'proxy.example' is geen IP-adres of netwerk (10.0.0.5, 10.0.0.0/24)",
    )
    fout = subprocess.run([*cmd, "--security-log", str(tmp_path / "weg" / "log")], capture_output=True, text=True)
    assert (fout.returncode, fout.stderr.strip()) == (
        2,
        f"fout: --security-log {tmp_path}/weg/log: No such file or directory",
    )
