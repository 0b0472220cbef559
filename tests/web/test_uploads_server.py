"""Refused bodies against a served process (uvicorn, as `serve` runs it): a chunked 300 MB upload is refused
at 50 MB while it arrives, leaves no file behind, and the process's memory returns to where it was."""

from __future__ import annotations

import os
import re
import select
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2 as httpx
import pytest

from tests.web.conftest import csrf
from tests.web.test_schrijven import aantal_events
from tests.werkboek_bommen import verklaard_heel_blad, verre_cel, zip_bom

SERVER = """
import sys, uvicorn
from ledger.bootstrap import bootstrap
from web.app import maak_app
uvicorn.run(maak_app(bootstrap(sys.argv[1])), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, proces: subprocess.Popen[bytes], poort: int, tijdelijk: Path) -> None:
        self.proces, self.poort, self.tijdelijk = proces, poort, tijdelijk
        self.url = f"http://127.0.0.1:{poort}"

    def rss(self) -> int:
        """The process's resident memory in KB."""
        status = Path(f"/proc/{self.proces.pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))  # type: ignore[union-attr]

    def tijdelijke_bestanden(self) -> list[str]:
        """Files in its temporary directory, and files it holds open there (deleted or not)."""
        open_ = [os.readlink(p) for p in Path(f"/proc/{self.proces.pid}/fd").iterdir() if p.exists()]
        return os.listdir(self.tijdelijk) + [p for p in open_ if p.startswith(str(self.tijdelijk))]


@pytest.fixture
def server(demo_db: str, tmp_path: Path) -> Iterator[Server]:
    tijdelijk, poort = tmp_path / "tmp", vrije_poort()
    tijdelijk.mkdir()
    omgeving = os.environ | {"TMPDIR": str(tijdelijk)}
    proces = subprocess.Popen([sys.executable, "-c", SERVER, demo_db, str(poort)], env=omgeving)
    try:
        for _ in range(200):
            try:
                httpx.get(f"http://127.0.0.1:{poort}/record", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        yield Server(proces, poort, tijdelijk)
    finally:
        proces.terminate()
        proces.wait(10)


def chunk(inhoud: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(inhoud), inhoud)


def stuur_chunked(server: Server, megabytes: int) -> tuple[bytes, int]:
    """A multipart upload of files of 8 MB, `megabytes` MB in all, chunked, until the server answers;
    (the answer, how much was sent)."""
    s = socket.create_connection(("127.0.0.1", server.poort))
    kop = b"POST /record HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
    s.sendall(kop + b"Content-Type: multipart/form-data; boundary=grens\r\n\r\n")
    stuk, verstuurd, antwoord = chunk(b"#" * 2**20), 0, b""
    for i in range(megabytes):
        if select.select([s], [], [], 0)[0]:
            break
        deel = f'--grens\r\nContent-Disposition: form-data; name="bestanden"; filename="{i}.yaml"\r\n\r\n'
        try:
            s.sendall((chunk(("\r\n" if i else "").encode() + deel.encode()) if i % 8 == 0 else b"") + stuk)
        except (BrokenPipeError, ConnectionResetError):
            break
        verstuurd += 2**20
    s.settimeout(10)
    try:
        while not _compleet(antwoord):
            deel = s.recv(65536)
            if not deel:
                break
            antwoord += deel
    except (ConnectionResetError, TimeoutError):
        pass
    s.close()
    return antwoord, verstuurd


def _compleet(antwoord: bytes) -> bool:
    """The headers and as much body as their Content-Length says."""
    kop, gevonden, lijf = antwoord.partition(b"\r\n\r\n")
    lengte = re.search(rb"content-length: *([0-9]+)", kop, re.IGNORECASE)
    return bool(gevonden and lengte and len(lijf) >= int(lengte.group(1)))


def test_a_chunked_300_mb_upload_is_refused_at_50_mb_leaving_nothing_on_disk_or_in_memory(
    server: Server, demo_db: str
) -> None:
    voor = aantal_events(demo_db)
    stuur_chunked(server, 60)  # once, so the parsers and pages are loaded before measuring
    rss = server.rss()
    antwoord, verstuurd = stuur_chunked(server, 300)
    assert antwoord.startswith(b"HTTP/1.1 413 "), antwoord[:200]
    assert b"dit verzoek is groter dan 50 MB; niets is bewaard" in antwoord
    assert verstuurd < 120 * 2**20  # refused while it arrived, not after 300 MB
    time.sleep(0.5)
    groei = server.rss() - rss
    print(f"RSS before {rss} KB, after a refused chunked 300 MB upload {server.rss()} KB (+{groei} KB)")
    assert groei < 8 * 1024
    assert server.tijdelijke_bestanden() == []
    assert httpx.get(f"{server.url}/gemeente/GM1708/saldo?format=json").status_code == 200
    assert aantal_events(demo_db) == voor


def test_workbook_bombs_are_refused_by_the_served_process_and_its_memory_returns(
    server: Server, demo_db: str, tmp_path: Path
) -> None:
    voor = aantal_events(demo_db)
    bommen = [maak(tmp_path / f"{maak.__name__}.xlsx") for maak in (verklaard_heel_blad, verre_cel, zip_bom)]
    with httpx.Client(base_url=server.url) as client:
        token = csrf(client.get("/record").text)
        client.post("/record", data={"csrf": token}, files={"bestanden": ("leeg.yaml", b"")})
        rss = server.rss()
        for bom in bommen:
            antwoord = client.post("/record", data={"csrf": token}, files={"bestanden": (bom.name, bom.read_bytes())})
            assert antwoord.status_code == 400 and bom.name in antwoord.text
        groei = server.rss() - rss
        print(f"RSS before {rss} KB, after three refused workbook bombs {server.rss()} KB (+{groei} KB)")
        assert groei < 8 * 1024
        assert client.get("/gemeente/GM1708/saldo?format=json").status_code == 200
    assert aantal_events(demo_db) == voor
