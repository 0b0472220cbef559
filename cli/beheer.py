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
from taal import N_, _, ngettext

DEMO_GEMEENTE, DEMO_VAN, DEMO_TOT = "GM1708", date(2020, 6, 30), date(2020, 10, 13)


@app.command()
def demo(ctx: typer.Context, eenheid: Eenheid = 1000) -> None:
    """Boek het uitgewerkte voorbeeld (Steenwijkerland, septembercirculaire 2020) en toon saldo en diff.

    Zonder --db is het grootboek ./begroting.db, zodat de volgende commando's het zonder --db
    vragen; bestaat ./begroting.db al, dan laat de demo dat met rust en boekt in begroting-demo.db
    (en zegt dat). De documenten van het voorbeeld, en de andere voorbeelden uit de handleiding,
    komen in ./voorbeeld/ om te lezen en te bewerken; bestanden die er al staan blijven zoals ze zijn.

    Voorbeeld: begroting demo
    """
    from cli.demo import demo_documenten, kies_grootboek, schrijf_voorbeeld
    from documents.documenten import lees_documenten

    db, uitwijk = kies_grootboek(omgeving(ctx).db)
    omg = Omgeving(db, omgeving(ctx).zegelsleutel_pad)
    omg.schrijft = True
    for uitkomst in omg.app.boek(lees_documenten(demo_documenten()), wie(None)):
        typer.echo(verslag(replace(uitkomst, bestand=Path(uitkomst.bestand).name)))
    _toon(omg, eenheid)
    geschreven, bestaand = schrijf_voorbeeld()
    _vervolg(db, uitwijk, geschreven, bestaand)


def _toon(omg: Omgeving, eenheid: int) -> None:
    from projections.zicht import Zicht
    from reports.answers import Answers
    from reports.render import render

    zicht = Zicht(DEMO_GEMEENTE, DEMO_TOT)
    vragen = Answers(omg.reader)
    saldo = vragen.saldo(zicht)
    render(replace(saldo, reports=saldo.reports[:1]), "table", eenheid=eenheid)
    render(vragen.diff(zicht, DEMO_VAN), "table", eenheid=eenheid)


def _vervolg(db: str, uitwijk: str | None, geschreven: int, bestaand: int) -> None:
    """Where the demo left its work, and the next commands as they are typed from here."""
    from storage.adres import STANDAARD_DB

    getoond = zonder_wachtwoord(db)
    typer.echo(_("grootboek: {db}").format(db=getoond) + (f" ({uitwijk})" if uitwijk else ""))
    typer.echo(
        _("voorbeeldbestanden: voorbeeld/ ({geschreven} geschreven, {bestaand} stonden er al en bleven staan)").format(
            geschreven=geschreven, bestaand=bestaand
        )
    )
    met_db = "" if db == STANDAARD_DB else f"--db {getoond} "
    typer.echo(_("verder: begroting {db}explain --gemeente GM1708 --post buig --jaar 2020").format(db=met_db))
    typer.echo(_("in de browser: begroting {db}serve  (dan http://127.0.0.1:8000/)").format(db=met_db))


class ExportFormaat(str, Enum):
    journal = "journal"


@app.command()
def export(
    ctx: typer.Context,
    format: Annotated[ExportFormaat, typer.Option("--format", "-f", help=N_("journal: hledger / ledger-cli."))],
    gemeente: EenGemeente = None,
    recorded_by: RecordedBy = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", callback=check_uitvoerbestand, help=N_("Schrijf naar dit bestand (standaard: standaarduitvoer).")
        ),
    ] = None,
) -> None:
    """Exporteer de ramingen en prognoses als een boekhoudjournaal in platte tekst.

    Eén transactie per kennisdatum met virtuele boekingen; `hledger bal -e` de dag na D
    op `GMxxxx:saldo:JAAR` geeft het verwachte saldo zoals het op D bekend was.

    Voorbeeld: begroting export --format journal --gemeente GM1708 --out gm1708.journal
    (daarna: hledger -f gm1708.journal bal -e 2020-10-14 saldo)
    """
    transacties = omgeving(ctx).reader.journal_export(gemeente, lees_moment(recorded_by))
    kop = "; " + _("begroting export --format {format}: raming, prognose en saldo per gemeente, in EUR").format(
        format=format.value
    )
    kop += "\n\n"
    if out is None:
        typer.echo(kop, nl=False)
        for transactie in transacties:
            typer.echo(transactie)
        return
    from cli.voortgang import voortgang

    with out.open("w", encoding="utf-8") as f, voortgang(_("exporteren")) as v:  # on standard output: no line between
        f.write(kop)
        aantal = sum(f.write(t + "\n") > 0 for t in v.volg(transacties))
    typer.echo(
        ngettext("{n} transactie geschreven naar {out}", "{n} transacties geschreven naar {out}", aantal).format(
            n=aantal, out=out
        )
    )


def zonder_wachtwoord(db: str) -> str:
    """A database URL fit to print: its password, if any, as ***."""
    from sqlalchemy.engine import make_url

    return make_url(db).render_as_string(hide_password=True)
