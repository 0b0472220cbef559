"""Every report that shows a figure signed + = voordeel says so in its legend, and no other report does."""

from __future__ import annotations

from datetime import date

from documents.documenten import lees_documenten
from ledger.application import BegrotingApp
from projections.reader import Reader
from projections.zicht import Zicht
from reports.answers import Answers
from reports.model import Bedrag, Report, Teken
from tests.conftest import DATA, voorbeeld_bestanden


def getekend(report: Report) -> bool:
    """Whether a figure in it is + = voordeel: a signed column, or a signed amount in a cell or the title."""
    delen = [*report.title, *(c for r in report.rows for c in r.cells.values())]
    return any(k.signed for k in report.columns) or any(isinstance(d, Bedrag) and d.teken for d in delen)


def test_every_report_with_a_signed_figure_has_the_legend_and_only_those(sqlite_app: BegrotingApp) -> None:
    wmo = sorted(str(p) for p in (DATA / "wmo-dalfsen-2007").glob("*.yaml"))
    sqlite_app.boek(lees_documenten([*voorbeeld_bestanden(), *wmo]), "controller")
    vragen, zicht = Answers(Reader(sqlite_app)), Zicht("GM1708", date(2020, 10, 13))
    antwoorden = [
        vragen.saldo(zicht),
        vragen.diff(zicht, date(2020, 6, 30)),
        vragen.explain(zicht, "buig", 2021),
        vragen.history(zicht, "buig", 2020),
        vragen.reserves(zicht),
        vragen.journaal("GM1708", None, None),
        vragen.forecast(Zicht("GM0148", date(2007, 12, 31)), 2007),
        vragen.signals(Zicht("GM0148", date(2007, 12, 31)), 2007),
    ]
    reports = [r for a in antwoorden for r in a.reports]
    legenda = {r.name: any(d is Teken.voordeel for f in r.footnotes for d in f) for r in reports}
    assert legenda == {r.name: getekend(r) for r in reports}
    assert legenda == {
        "Saldo": True,
        "Effect per post": True,
        "pm": True,
        "Onderdelen": False,
        "Diff": True,
        "Explain": True,
        "History": True,
        "Reserves": False,
        "Journaal": False,
        "Forecast": True,
        "Signalen": True,
    }
