"""+ = nadeel: which figures flip (those signed + = voordeel), which do not, and what the legend says."""

from __future__ import annotations

import io
from decimal import Decimal

from reports.model import Answer, Bedrag, Eenheid, Report, Row, Teken, kolom
from reports.render import render
from reports.teken import getekend

KOLOMMEN = (kolom("post"), kolom("raming", money=True), kolom("effect", money=True, signed=True))
REPORT = Report(
    "Effect",
    ("Effect ", Bedrag(Decimal("-40"), teken=True), ", raming ", Bedrag(Decimal("500"))),
    KOLOMMEN,
    (
        Row({"post": "buig", "raming": Decimal("12245000"), "effect": Decimal("456000")}),
        Row({"post": "bcf", "raming": Decimal("-295000"), "effect": Decimal("0.00")}),
        Row({"post": "saldo", "raming": Bedrag(Decimal("150"), teken=True), "effect": Bedrag(Decimal("7"))}),
    ),
    ((Teken.voordeel, " (", Eenheid(), ")"),),
)
ANTWOORD = Answer("effect", (REPORT,), {"effect": Decimal("456000")}, REPORT)


def als_tekst(formaat: str, teken: Teken) -> str:
    uit = io.StringIO()
    render(ANTWOORD, formaat, uit, teken=teken)
    return uit.getvalue()


def test_voordeel_leaves_the_answer_as_it_is() -> None:
    assert getekend(ANTWOORD, Teken.voordeel) is ANTWOORD


def test_nadeel_flips_signed_columns_and_signed_amounts_and_nothing_else() -> None:
    rijen = getekend(ANTWOORD, Teken.nadeel).reports[0].rows
    assert [dict(r.cells) for r in rijen] == [
        {"post": "buig", "raming": Decimal("12245000"), "effect": Decimal("-456000")},
        {"post": "bcf", "raming": Decimal("-295000"), "effect": Decimal("0.00")},
        {"post": "saldo", "raming": Bedrag(Decimal("-150"), teken=True), "effect": Bedrag(Decimal("7"))},
    ]


def test_the_table_says_plus_is_nadeel_and_flips_the_title_amount_too() -> None:
    assert [r.rstrip() for r in als_tekst("table", Teken.nadeel).splitlines()] == [
        "Effect + 40,00, raming 500,00",
        "┏━━━━━━━┳━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┓",
        "┃ post  ┃        raming ┃       effect ┃",
        "┡━━━━━━━╇━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━┩",
        "│ buig  │ 12.245.000,00 │ - 456.000,00 │",
        "│ bcf   │   -295.000,00 │         0,00 │",
        "│ saldo │      - 150,00 │         7,00 │",
        "└───────┴───────────────┴──────────────┘",
        "+ = nadeel (bedragen in euro's)",
    ]
    assert als_tekst("table", Teken.voordeel).splitlines()[-1].rstrip() == "+ = voordeel (bedragen in euro's)"


def test_csv_flips_the_same_figures_and_a_zero_stays_unsigned() -> None:
    assert als_tekst("csv", Teken.nadeel) == (
        "post,raming,effect\nbuig,12245000.00,-456000.00\nbcf,-295000.00,0.00\nsaldo,-150.00,7.00\n"
    )


def test_json_is_the_answers_data_whichever_way_plus_points() -> None:
    assert als_tekst("json", Teken.nadeel) == als_tekst("json", Teken.voordeel) == '{\n  "effect": "456000.00"\n}\n'
