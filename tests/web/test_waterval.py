"""The diff page draws its bridge as a waterfall: its bars are the bridge's stands and group subtotals."""

from __future__ import annotations

import re
from decimal import Decimal

from starlette.testclient import TestClient

DIFF = "/gemeente/GM1708/diff?van=2020-06-30&tot=2020-10-13&eenheid=1"


def balken(html: str) -> list[tuple[str, Decimal]]:
    svg = re.search(r"<svg[^>]*waterval.*?</svg>", html, re.S)
    assert svg, "no waterfall on the page"
    return [(s, Decimal(b)) for b, s in re.findall(r'data-bedrag="([^"]+)" data-soort="([^"]+)"', svg.group(0))]


def brug(html: str, jaar_kolom: int) -> list[Decimal]:
    """The bridge table's stands and subtotals of one year column, as the page shows them (in euros)."""
    tabel = html[html.index("Gevolgen voor het begrotingssaldo") :]
    uit = []
    for label, cellen in re.findall(r"<tr class=\"(?:total|subtotal)\"><td[^>]*>([^<]*)</td>(.*?)</tr>", tabel):
        if label == "saldo (mutatie)":
            continue
        tekst = re.findall(r"<td[^>]*>([^<]*)</td>", cellen)[jaar_kolom]
        uit.append(Decimal(tekst.replace(" ", "").replace(".", "").replace(",", ".") or "0"))
    return uit


def test_the_bars_of_2020_are_the_bridges_stands_and_subtotals(client: TestClient) -> None:
    html = client.get(DIFF).text
    assert [b for _, b in balken(html)] == brug(html, 0)
    assert [b for _, b in balken(html)] == [
        Decimal(0), Decimal("1683000.00"), Decimal("-27000.00"), Decimal("456000.00"), Decimal(0), Decimal("2112000.00")
    ]  # fmt: skip
    assert [s for s, _ in balken(html)] == ["stand", "plus", "min", "plus", "plus", "stand"]


def test_another_year_is_chosen_by_brugjaar_and_its_steps_add_up_to_its_stand(client: TestClient) -> None:
    html = client.get(DIFF + "&brugjaar=2022").text
    staven = [b for _, b in balken(html)]
    assert staven == brug(html, 2)
    assert staven[0] + sum(staven[1:-1]) == staven[-1] == Decimal("39000.00")


def test_the_chart_has_a_text_alternative_and_no_style_attribute(client: TestClient) -> None:
    html = client.get(DIFF).text
    svg = re.search(r"<svg[^>]*waterval.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="waterval-titel waterval-desc"' in svg
    assert '<title id="waterval-titel">Brug van het begrotingssaldo 2020' in svg
    assert "algemene uitkering: + 1.683" in svg and "style=" not in svg


def test_a_year_outside_the_bridge_is_a_400(client: TestClient) -> None:
    antwoord = client.get(DIFF + "&brugjaar=2031")
    assert antwoord.status_code == 400 and "brugjaar: 2031 is geen jaar van deze brug" in antwoord.text
