"""The read pages over HTTP: the worked example's figures, both time axes in the URL, the CLI's JSON."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from cli.main import app as cli_app
from tests.conftest import DATA, als_json, begroting, voorbeeld_bestanden
from tests.web.conftest import maak_client

SALDO = "/gemeente/GM1708/saldo"
POST = "/gemeente/GM1708/post/buig/2020"


def cellen(html: str) -> list[str]:
    """The text of every table cell, links and all."""
    return [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", html)]


def rij(html: str, label: str) -> list[str]:
    tekst = re.search(rf"<tr[^>]*><td[^>]*>{re.escape(label)}</td>(.*?)</tr>", html)
    assert tekst, f"no row {label}"
    return cellen(tekst.group(1))


def test_the_saldo_page_shows_tabel_3_in_thousands(client: TestClient) -> None:
    html = client.get(f"{SALDO}?bekend_op=2020-10-13").text
    assert rij(html, "geraamd resultaat") == ["+ 2.112", "+ 205", "+ 39", "+ 123", "+ 364"]
    assert rij(html, "Algemene uitkering") == ["+ 1.683", "+ 879", "+ 1.174", "+ 521", "+ 763"]
    assert rij(client.get(f"{SALDO}?bekend_op=2020-10-13&eenheid=1").text, "effect")[0] == "+ 2.112.000,00"


def test_known_in_june_the_saldo_is_the_begroting_and_the_buig_is_pm(client: TestClient) -> None:
    html = client.get(f"{SALDO}?bekend_op=2020-06-30").text
    assert rij(html, "geraamd resultaat") == ["0"] * 5
    assert rij(html, "BUIG") == ["2020", "11.805", "- 440", "buig-2020-nader-voorlopig"]


@pytest.mark.parametrize(
    ("pad", "cli"),
    [
        (f"{SALDO}?bekend_op=2020-10-13", "saldo -g GM1708 --as-of 2020-10-13"),
        (f"{SALDO}?bekend_op=2020-06-30&jaren=2021-2022", "saldo -g GM1708 --as-of 2020-06-30 --jaren 2021-2022"),
        ("/gemeente/GM1708/diff?van=2020-06-30&tot=2020-10-13", "diff -g GM1708 --van 2020-06-30 --tot 2020-10-13"),
        (f"{POST}?bekend_op=2020-10-13", "explain -g GM1708 -p buig -j 2020 --as-of 2020-10-13"),
        (
            f"{POST}?bekend_op=2020-10-13&vraag=history",
            "history -g GM1708 -p buig -j 2020 --as-of 2020-10-13",
        ),
        (
            "/gemeente/GM1680/reserves?bekend_op=2021-12-31&jaren=2020-2024",
            "reserves -g GM1680 --as-of 2021-12-31 --jaren 2020-2024",
        ),
        ("/gemeente/GM1708/journaal", "events -g GM1708"),
        ("/gemeente/GM1708/journaal?bron=septembercirculaire-2020", "events -g GM1708 --bron septembercirculaire-2020"),
    ],
)
def test_format_json_is_the_cli_json_for_the_same_question(
    client: TestClient, demo_db: str, pad: str, cli: str
) -> None:
    antwoord = client.get(f"{pad}&format=json" if "?" in pad else f"{pad}?format=json")
    assert antwoord.headers["content-type"].startswith("application/json")
    assert antwoord.json() == als_json(demo_db, *cli.split())


def test_the_recording_axis_is_in_the_url_too(client: TestClient, demo_db: str) -> None:
    """Before anything was recorded the ledger showed nothing: the moment is read as the CLI reads it."""
    moment = "2000-01-01T00:00:00+00:00"
    antwoord = client.get(f"{SALDO}?bekend_op=2020-10-13&geboekt_op={moment.replace('+', '%2B')}&format=json")
    cli = als_json(demo_db, "saldo", "-g", "GM1708", "--as-of", "2020-10-13", "--recorded-by", moment)
    assert antwoord.json() == cli and cli["jaren"] == {}
    journaal = client.get("/gemeente/GM1708/journaal?geboekt_op=2000-01-01&format=json")
    assert journaal.json() == als_json(demo_db, "events", "-g", "GM1708", "--recorded-by", "2000-01-01") == []


def test_every_diff_figure_links_to_its_audit_trail(client: TestClient) -> None:
    pad = "/gemeente/GM1708/diff?van=2020-06-30&tot=2020-10-13"
    links = set(re.findall(r'<a href="(/gemeente/GM1708/post/[^"]+)">', client.get(pad).text))
    posten = client.get(f"{pad}&format=json").json()["posten"]
    assert links == {f"/gemeente/GM1708/post/{p['post']}/{p['jaar']}?bekend_op=2020-10-13" for p in posten}
    post = client.get("/gemeente/GM1708/post/buig/2020?bekend_op=2020-10-13").text
    assert "GM1708-0016" in post and "bepaalt de prognose" in post and "j.jansen" in post


def test_the_journal_pages_and_filters(client: TestClient) -> None:
    html = client.get("/gemeente/GM1708/journaal?type=corona_compensatie").text
    assert "Journaal (10 events, 10 getoond)" in html and "GM1708-0004" not in html
    assert client.get("/gemeente/GM1708/journaal?pagina=2").status_code == 400


def test_the_gemeenten_page_lists_every_ledger(client: TestClient) -> None:
    html = client.get("/").text
    assert "/gemeente/GM1680/saldo?bekend_op=" in html and "/gemeente/GM1708/saldo?bekend_op=" in html


@pytest.mark.parametrize(
    ("pad", "melding"),
    [
        (f"{SALDO}?bekend_op=13-10-2020", "bekend_op: &#39;13-10-2020&#39; is geen datum"),
        (f"{SALDO}?geboekt_op=gisteren", "geboekt_op: &#39;gisteren&#39; is geen moment"),
        (f"{SALDO}?jaren=2024-2020", "jaren: &#39;2024-2020&#39;"),
        (f"{SALDO}?eenheid=7", "eenheid: 7 is niet 1, 10, 100, 1000"),
        (f"{SALDO}?format=xml", "format: &#39;xml&#39;"),
        ("/gemeente/GM1708/diff?van=gisteren", "van: &#39;gisteren&#39;"),
        ("/gemeente/GM1708/post/buig/12020", "jaar: 12020 ligt niet binnen 1990-2100"),
    ],
)
def test_a_bad_query_value_is_a_400_that_says_what_is_wrong(client: TestClient, pad: str, melding: str) -> None:
    antwoord = client.get(pad)
    assert antwoord.status_code == 400
    assert melding in antwoord.text


def test_an_unknown_gemeente_is_a_404(client: TestClient) -> None:
    antwoord = client.get("/gemeente/GM9999/saldo")
    assert antwoord.status_code == 404 and "er is geen grootboek voor GM9999" in antwoord.text
    assert client.get("/gemeente/GM9999/saldo?format=json").json() == {
        "error": "er is geen grootboek voor GM9999 in deze database; grootboeken hier, meest gelijkend eerst: "
        "Aa en Hunze (GM1680), Steenwijkerland (GM1708)"
    }


@pytest.mark.parametrize(
    "pad",
    [
        "/../../etc/passwd",
        "/gemeente/..%2F..%2Fetc%2Fpasswd/saldo",
        "/gemeente/GM1708/post/..%2F..%2Fetc/2020",
        "/static/../cli/app.py",
    ],
)
def test_a_path_traversal_url_is_a_404(client: TestClient, pad: str) -> None:
    assert client.get(pad).status_code == 404


def test_demo_ends_with_the_serve_command_that_opens_its_ledger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the demo writes its examples to ./voorbeeld/
    uitkomst = CliRunner().invoke(cli_app, ["--db", f"sqlite:///{tmp_path / 'demo.db'}", "demo"])
    laatste = uitkomst.stdout.splitlines()[-1]
    gevonden = re.fullmatch(r"in de browser: begroting --db (\S+) serve  \(dan (\S+)\)", laatste)
    assert gevonden and gevonden.group(2) == "http://127.0.0.1:8000/", laatste
    for client in maak_client(gevonden.group(1)):
        assert "+ 2.112" in client.get(f"{SALDO}?bekend_op=2020-10-13").text


def test_the_signalen_page_answers_as_signals(client: TestClient, demo_db: str) -> None:
    wmo = sorted(str(p) for p in (DATA / "wmo-dalfsen-2007").glob("*.yaml"))
    assert begroting(demo_db, "record", *wmo).exit_code == 0
    pad = "/gemeente/GM0148/signalen/2007?bekend_op=2007-06-30"
    cli = als_json(demo_db, "signals", "-g", "GM0148", "--jaar", "2007", "--as-of", "2007-06-30")
    assert client.get(f"{pad}&format=json").json() == cli
    html = client.get(pad).text
    assert "Signalen Dalfsen (GM0148) 2007" in html and 'class="hier">Signalen 2007' in html


def test_the_diff_between_two_documents_is_the_diff_between_their_dates(db_url: str) -> None:
    assert begroting(db_url, "record", *voorbeeld_bestanden()).exit_code == 0
    for client in maak_client(db_url):
        pad = "/gemeente/GM1708/diff?van_bron=begroting-2020-2024-stand-mei&tot_bron=septembercirculaire-2020"
        cli = als_json(db_url, "diff", "-g", "GM1708", "--van", "2020-06-30", "--tot", "2020-09-15")
        assert client.get(f"{pad}&format=json").json() == cli
        html = client.get(pad).text
    assert "van: begroting-2020-2024-stand-mei, bekend op 2020-06-30" in html
    assert "tot: septembercirculaire-2020, bekend op 2020-09-15" in html
    assert rij(html, "Algemene uitkering")[0] == "+ 1.683"  # the mutation 2020, as the CLI: 0 to 1.683.000
    opties = re.findall(r'<option value="([^"]+)"', html.split('name="van_bron"')[1].split("</select>")[0])
    assert opties == [
        "buig-2020-nader-voorlopig",
        "begroting-2020-2024-stand-mei",
        "septembercirculaire-2020",
        "buig-2020-definitief-2021-voorlopig",
        "informatienota-septembercirculaire-2020",
    ]


def test_an_unknown_document_in_the_diff_is_a_400_naming_it(client: TestClient) -> None:
    antwoord = client.get("/gemeente/GM1708/diff?van_bron=meicirculaire-2019&tot=2020-10-13&format=json")
    assert antwoord.status_code == 400
    assert antwoord.json() == {"error": "van_bron: 'meicirculaire-2019' is geen document (bron) van GM1708"}


def test_the_post_page_draws_its_history_with_who_recorded_each_estimate_and_when(client: TestClient) -> None:
    html = client.get(f"{POST}?bekend_op=2020-10-13").text
    svg = re.search(r"<svg .*?</svg>", html, re.S)
    assert svg, "no chart"
    titels = re.findall(r"<title>([^<]*)</title>", svg.group(0))
    pm = [t for t in titels if t.startswith("GM1708-0003 (pm, telt niet mee)\nbedrag 11.805.000,00")]
    assert len(pm) == 2 and "bron buig-2020-nader-voorlopig\ngeboekt op 20" in pm[0] and pm[0].endswith("door j.jansen")
    assert sum(t.startswith("GM1708-0016 (prognose)\nbedrag 12.701.000,00\nbekend op 2020-10-01") for t in titels) == 2
    assert "<title>prognose</title>" in svg.group(0) and 'stroke-dasharray="6 4"><title>raming</title>' in svg.group(0)


def test_teken_nadeel_flips_the_signed_figures_on_the_page_and_in_its_links_not_the_json(client: TestClient) -> None:
    html = client.get(f"{SALDO}?bekend_op=2020-10-13&teken=nadeel").text
    assert rij(html, "geraamd resultaat") == ["- 2.112", "- 205", "- 39", "- 123", "- 364"]
    assert "+ = nadeel" in html and "teken=nadeel" in html  # the links keep it
    json = [client.get(f"{SALDO}?bekend_op=2020-10-13&format=json{t}").text for t in ("", "&teken=nadeel")]
    assert json[0] == json[1]
    fout = client.get(f"{SALDO}?teken=min")
    assert fout.status_code == 400 and "teken: &#39;min&#39; is niet voordeel of nadeel" in fout.text
