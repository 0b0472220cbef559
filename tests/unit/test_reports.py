"""The renderers: one small report written as every format, with the exact text each one gives."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

from projections.brug import Wijziging
from projections.diff import Diff, Jaarmutatie, Postmutatie
from projections.zicht import Zicht
from reports.diff import diff
from reports.model import Answer, Bedrag, Eenheid, Report, Row, kolom, rij
from reports.opmaak import bedrag, cel, geld
from reports.render import render
from reports.render.html import omgeving

KOLOMMEN = (kolom("post"), kolom("2020", money=True, signed=True))
REPORT = Report(
    "Effect",
    ("Effect per post (", Eenheid(), ")"),
    KOLOMMEN,
    (
        rij(KOLOMMEN, ["buig", Decimal("456000")]),
        rij(KOLOMMEN, ["stelpost|bcf", Decimal("-295000")]),
        Row({"post": "saldo", "2020": Decimal("161000")}, kind="total", indent=2),
    ),
    (("+ = voordeel",),),
)
ANTWOORD = Answer("effect", (REPORT,), {"effect": Decimal("161000")}, REPORT, ("Effect",), ("Bekend op 2020-10-13.",))


def als_tekst(formaat: str, eenheid: int = 1000) -> str:
    uit = io.StringIO()
    render(ANTWOORD, formaat, uit, eenheid=eenheid)
    return uit.getvalue()


def test_money_reads_the_dutch_way_in_euros_or_thousands_and_signed_where_asked() -> None:
    assert geld(Decimal("1683000")) == "1.683.000,00"
    assert geld(Decimal("1683000"), 1000) == "1.683"
    assert geld(Decimal("1683000"), 1000, teken=True) == "+ 1.683"
    assert geld(Decimal("-295000"), 1000, teken=True) == "- 295"
    assert geld(Decimal("-295000"), 1000) == "-295"
    assert geld(Decimal("0"), 1000, teken=True) == "0"
    assert geld(None) == ""


def test_an_amount_marked_pm_or_zero_shows_its_mark_and_a_bare_zero() -> None:
    kolom_ = kolom("2020", money=True)
    assert cel(Bedrag(Decimal("0.00"), teken=True, pm=True, nul="0"), kolom_) == "0 (pm)"
    assert cel(Bedrag(Decimal("456000"), teken=True), kolom_, 1000) == "+ 456"
    assert cel(date(2020, 10, 13), kolom("bekend_op")) == "2020-10-13"


def test_the_terminal_table_has_title_unit_signed_amounts_indent_and_footnote() -> None:
    assert als_tekst("table").splitlines() == [
        "Effect per post         ",
        "(bedragen x € 1.000)    ",
        "┏━━━━━━━━━━━━━━┳━━━━━━━┓",
        "┃ post         ┃  2020 ┃",
        "┡━━━━━━━━━━━━━━╇━━━━━━━┩",
        "│ buig         │ + 456 │",
        "│ stelpost|bcf │ - 295 │",
        "│   saldo      │ + 161 │",
        "└──────────────┴───────┘",
        "+ = voordeel            ",
    ]


def test_markdown_gives_heading_introduction_and_a_right_aligned_money_column() -> None:
    assert als_tekst("markdown") == (
        "# Effect\n\nBekend op 2020-10-13.\n\n"
        "## Effect per post (bedragen x € 1.000)\n\n"
        "| post | 2020 |\n|---|---:|\n| buig | + 456 |\n| stelpost\\|bcf | - 295 |\n| saldo | + 161 |\n\n"
        "+ = voordeel\n"
    )


def test_csv_keeps_money_as_plain_numbers_with_two_decimals_in_euros() -> None:
    assert als_tekst("csv", 1) == "post,2020\nbuig,456000.00\nstelpost|bcf,-295000.00\nsaldo,161000.00\n"


def test_csv_in_thousands_divides_exactly_and_says_so_in_the_header() -> None:
    assert als_tekst("csv") == "post,2020 (x € 1.000)\nbuig,456\nstelpost|bcf,-295\nsaldo,161\n"


def test_csv_for_dutch_excel_has_semicolons_and_decimal_commas() -> None:
    uit = io.StringIO()
    render(ANTWOORD, "csv", uit, eenheid=1, excel_nl=True)
    assert uit.getvalue() == "post;2020\nbuig;456000,00\nstelpost|bcf;-295000,00\nsaldo;161000,00\n"


def test_json_is_the_answers_data_with_money_as_strings() -> None:
    assert als_tekst("json") == '{\n  "effect": "161000.00"\n}\n'


def test_the_html_page_is_self_contained_and_holds_the_figures() -> None:
    pagina = als_tekst("html")
    assert pagina.startswith('<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Effect</title>')
    assert '<h1>Effect</h1><p class="klein">Bekend op 2020-10-13.</p>' in pagina
    assert (
        '<h2>Effect per post (bedragen x € 1.000)</h2><div class="tabel tabel-effect" role="region" '
        'aria-label="Effect per post (bedragen x € 1.000)" tabindex="0"><table><tr><th>post</th><th>2020</th></tr>'
        '<tr><td>BUIG</td><td class="geld">+ 456</td></tr>'
        '<tr><td>stelpost|bcf</td><td class="geld negatief">- 295</td></tr>'
        '<tr class="total"><td class="in2">saldo</td><td class="geld">+ 161</td></tr></table></div>'
        '<p class="klein">+ = voordeel</p></body></html>'
    ) in pagina
    assert "<script" not in pagina and "http" not in pagina


def test_a_web_page_can_include_the_report_partial_with_its_own_unit() -> None:
    pagina = omgeving().from_string('<main>{% include "report.html.j2" %}</main>')
    html = pagina.render(report=REPORT, eenheid=1)
    assert html.startswith("<main><h2>Effect per post (bedragen in euro&#39;s)</h2>")
    assert '<td class="geld">+ 456.000,00</td>' in html


def test_the_workbook_has_a_sheet_per_answer_with_real_numbers_in_euro_format(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    render(ANTWOORD, "xlsx", tmp_path / "effect.xlsx")
    blad = load_workbook(tmp_path / "effect.xlsx")["Effect"]
    assert [[c.value for c in r] for r in blad.iter_rows()] == [
        ["post", "2020"],
        ["buig", 456000],
        ["stelpost|bcf", -295000],
        ["saldo", 161000],
    ]
    assert blad["B2"].number_format == '"€" #,##0.00;[Red]-"€" #,##0.00'
    assert blad["A1"].font.bold and blad.freeze_panes == "A2"


def test_the_workbook_in_thousands_holds_the_amounts_divided_with_a_whole_euro_format(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    render(ANTWOORD, "xlsx", tmp_path / "effect.xlsx", eenheid=1000)
    blad = load_workbook(tmp_path / "effect.xlsx")["Effect"]
    assert [[c.value for c in r] for r in blad.iter_rows()] == [
        ["post", "2020 (x € 1.000)"],
        ["buig", 456],
        ["stelpost|bcf", -295],
        ["saldo", 161],
    ]
    assert blad["B2"].number_format == '"€" #,##0;[Red]-"€" #,##0'


def test_the_diff_report_shows_a_change_of_nothing_as_0_and_marks_pm() -> None:
    jaar = Jaarmutatie(Decimal(0), Decimal("456000"), Decimal(0), Decimal(0))
    posten = [
        Postmutatie("buig", "baten", 2020, Decimal(0), Decimal("456000"), ("GM1708-0003",)),
        Postmutatie("buig", "baten", 2021, Decimal(0), Decimal(0), ("GM1708-0016",), pm=True),
    ]
    antwoord = diff(
        Diff(
            Zicht("GM1708", date(2020, 10, 13)), date(2020, 6, 30), date(2020, 10, 13), {2020: jaar, 2021: jaar}, posten
        )
    )
    uit = io.StringIO()
    render(antwoord, "markdown", uit, eenheid=1000)
    assert "| buig | + 456 | 0 (pm) |" in uit.getvalue()
    assert "| saldo (mutatie) | + 456 | + 456 |" in uit.getvalue()
    assert antwoord.data["posten"][1] == {
        "post": "buig",
        "richting": "baten",
        "jaar": 2021,
        "effect_van": Decimal(0),
        "effect_tot": Decimal(0),
        "mutatie": Decimal(0),
        "oorzaken": ["GM1708-0016"],
        "pm": True,
        "groep": "buig",
    }


def test_the_bridge_groups_in_document_order_flips_lasten_parts_and_adds_up_to_the_stand() -> None:
    vroeg, laat = (date(2024, 4, 1), 1, 1, 1), (date(2024, 6, 1), 2, 1, 9)
    delen = ({"naam": "tarieven", "bedrag": Decimal(20), "opbouw": []}, {"naam": "volume", "bedrag": Decimal(10)})
    posten = [
        Postmutatie("jeugd", "lasten", 2024, Decimal(0), Decimal(-30), ("GM0999-0004",), opbouw=delen, volgorde=laat),
        Postmutatie("zwembad", "lasten", 2024, Decimal(0), Decimal(0), ("GM0999-0003",), volgorde=vroeg),
        Postmutatie("algemene_uitkering", "baten", 2025, Decimal(0), Decimal(5), ("GM0999-0004",), volgorde=laat),
    ]
    wijzigingen = [Wijziging("bw-1", "BW 1", "zwembad", 2024, Decimal(-7), (date(2024, 4, 1), 1, 1, 2))]
    jaren = {2024: Jaarmutatie(*map(Decimal, (100, 63, 0, -7))), 2025: Jaarmutatie(*map(Decimal, (0, 5, 0, 0)))}
    d = Diff(Zicht("GM0999", date(2024, 7, 1)), date(2024, 1, 1), date(2024, 7, 1), jaren, posten, wijzigingen)
    rijen = diff(d).reports[0].rows
    assert [
        (" " * r.indent + str(r.cells[""]), *(bedrag(r.cells.get(j)) for j in ("2024", "2025"))) for r in rijen
    ] == [
        ("saldo bekend op 2024-01-01", Decimal(100), Decimal(0)),
        ("zwembad", Decimal(0), None),
        ("jeugd", Decimal(-30), None),
        ("  tarieven", Decimal(-20), None),  # more lasten: a nadeel, like the row it explains
        ("  volume", Decimal(-10), None),
        ("subtotaal overig", Decimal(-30), None),
        ("BW 1", None, None),
        ("  zwembad", Decimal(-7), None),
        ("subtotaal begrotingswijzigingen", Decimal(-7), None),
        ("algemene_uitkering", None, Decimal(5)),
        ("subtotaal algemene uitkering", None, Decimal(5)),
        ("saldo (mutatie)", Decimal(-37), Decimal(5)),
        ("saldo bekend op 2024-07-01", Decimal(63), Decimal(5)),
    ]
    for jaar in ("2024", "2025"):
        subtotalen = sum(bedrag(r.cells[jaar]) or 0 for r in rijen if r.kind == "subtotal")
        assert bedrag(rijen[0].cells[jaar]) + subtotalen == bedrag(rijen[-1].cells[jaar])
