"""Commands over the ledger as a whole: demo and export (verify is in cli/integriteit.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from cli.app import Omgeving, app, omgeving
from cli.opties import EenGemeente, Eenheid, RecordedBy, check_uitvoerbestand, lees_moment
from cli.schrijven import verslag, wie

DEMO_GEMEENTE, DEMO_VAN, DEMO_TOT = "GM1708", date(2020, 6, 30), date(2020, 10, 13)


@app.command()
def demo(ctx: typer.Context, eenheid: Eenheid = 1000) -> None:
    """Record the worked example (Steenwijkerland, septembercirculaire 2020) and show saldo and diff.

    Without --db the ledger is a new SQLite file in a temporary directory,
    kept so you can go on asking it questions.

    Example: begroting demo
    """
    from ledger.documenten import lees_documenten
    from projections.zicht import Zicht
    from reports.answers import Answers
    from reports.render import render

    omg = omgeving(ctx)
    if omg.db is None:
        import tempfile  # only here: --help and every other command start without it

        map_ = Path(tempfile.mkdtemp(prefix="begroting-demo-"))
        omg = Omgeving(f"sqlite:///{map_ / 'demo.db'}", omg.zegelsleutel_pad)
    from importlib.resources import files

    voorbeeld = sorted(str(p) for p in files("cli").joinpath("voorbeeld").iterdir() if p.name.endswith(".yaml"))
    for uitkomst in omg.app.boek(lees_documenten(voorbeeld), wie(None)):
        typer.echo(verslag(replace(uitkomst, bestand=Path(uitkomst.bestand).name)))
    zicht = Zicht(DEMO_GEMEENTE, DEMO_TOT)
    vragen = Answers(omg.reader)
    saldo = vragen.saldo(zicht)
    render(replace(saldo, reports=saldo.reports[:1]), "table", eenheid=eenheid)
    render(vragen.diff(zicht, DEMO_VAN), "table", eenheid=eenheid)
    getoond = zonder_wachtwoord(omg.db)
    typer.echo(f"ledger: {getoond}")
    typer.echo(f"next: begroting --db {getoond} explain --gemeente GM1708 --post buig --jaar 2020")
    typer.echo(f"in the browser: begroting --db {getoond} serve  (then open http://127.0.0.1:8000/)")


class ExportFormaat(str, Enum):
    journal = "journal"


@app.command()
def export(
    ctx: typer.Context,
    format: Annotated[ExportFormaat, typer.Option("--format", "-f", help="journal: hledger / ledger-cli.")],
    gemeente: EenGemeente = None,
    recorded_by: RecordedBy = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", callback=check_uitvoerbestand, help="Write to this file (default: standard output)."),
    ] = None,
) -> None:
    """Export the raming and prognose amounts as a plain-text accounting journal.

    One transaction per knowledge date with virtual postings; `hledger bal -e`
    the day after D on `GMxxxx:saldo:JAAR` gives the verwacht saldo as known on D.

    Example: begroting export --format journal --gemeente GM1708 --out gm1708.journal
    (then: hledger -f gm1708.journal bal -e 2020-10-14 saldo)
    """
    transacties = omgeving(ctx).reader.journal_export(gemeente, lees_moment(recorded_by))
    kop = f"; begroting export --format {format.value}: raming, prognose and saldo per gemeente, in EUR\n\n"
    if out is None:
        typer.echo(kop, nl=False)
        for transactie in transacties:
            typer.echo(transactie)
        return
    with out.open("w", encoding="utf-8") as f:
        f.write(kop)
        aantal = sum(f.write(t + "\n") > 0 for t in transacties)
    typer.echo(f"{aantal} transactions written to {out}")


def zonder_wachtwoord(db: str) -> str:
    """A database URL fit to print: its password, if any, as ***."""
    from sqlalchemy.engine import make_url

    return make_url(db).render_as_string(hide_password=True)
