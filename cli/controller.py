"""The controller's year: forecast from realisaties, and signals under the verordening."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer

from cli.app import app, omgeving
from cli.lezen import Jaar, peil
from cli.opties import AsOf, Format, Gemeente, RecordedBy
from cli.schrijven import verslag, wie
from cli.uitvoer import Formaat, Tabel, druk_csv, druk_json, druk_tabellen, geld

FORECAST_KOLOMMEN = [
    "post",
    "richting",
    "jaar",
    "gerealiseerd",
    "verstreken",
    "perioden",
    "forecast",
    "raming",
    "prognose",
    "effect",
    "methode",
]
SIGNAAL_KOLOMMEN = [
    "niveau",
    "naam",
    "richting",
    "raming",
    "verwacht",
    "afwijking",
    "procent",
    "klasse",
    "regel",
    "grondslag",
]


def _rij(obj: Any, kolommen: list[str]) -> list[Any]:
    return [getattr(obj, k) for k in kolommen]


@app.command()
def forecast(
    ctx: typer.Context,
    gemeente: Gemeente,
    jaar: Jaar,
    post: Annotated[str | None, typer.Option("--post", "-p", help="Only this post.")] = None,
    as_of: AsOf = None,
    recorded_by: RecordedBy = None,
    format: Format = Formaat.table,
    accept: Annotated[bool, typer.Option("--accept", help="Record each forecast as a prognose event.")] = False,
) -> None:
    """The year-end forecast from realisaties by run rate: realised / elapsed periods x periods in the year.

    With --accept each forecast is recorded as a prognose, with its own bron and
    the sum as toelichting, known on --as-of (default today); then it counts in the saldo.

    Example: begroting forecast --gemeente GM0148 --jaar 2007 --post wmo.zorg_in_natura --accept
    """
    vraag = peil(gemeente, as_of, recorded_by)
    uitkomst = omgeving(ctx).lezer.forecasts(vraag, jaar, post)
    if format is Formaat.json:
        druk_json([dict(zip(FORECAST_KOLOMMEN, _rij(f, FORECAST_KOLOMMEN), strict=False)) for f in uitkomst])
    elif format is Formaat.csv:
        druk_csv(FORECAST_KOLOMMEN, [_rij(f, FORECAST_KOLOMMEN) for f in uitkomst])
    else:
        tabel = Tabel(
            f"Forecast {gemeente} {jaar} (run rate)",
            ["post", "gerealiseerd", "forecast", "raming", "effect", "methode"],
            rechts={"gerealiseerd", "forecast", "raming", "effect"},
        )
        tabel.rijen = [
            [f.post, geld(f.gerealiseerd), geld(f.forecast), geld(f.raming), geld(f.effect, teken=True), f.methode]
            for f in uitkomst
        ]
        druk_tabellen(tabel)
    if accept:
        from ledger.documenten import document_uit
        from projections.forecast import prognose_document

        datum = (vraag.as_of or date.today()).isoformat()
        documenten = [document_uit(prognose_document(gemeente, f, datum), f"forecast {f.post}") for f in uitkomst]
        for u in omgeving(ctx).app.boek(documenten, wie(None)):
            typer.echo(verslag(u), err=format is not Formaat.table)


@app.command()
def signals(
    ctx: typer.Context,
    gemeente: Gemeente,
    jaar: Jaar,
    as_of: AsOf = None,
    recorded_by: RecordedBy = None,
    format: Format = Formaat.table,
) -> None:
    """Deviations between raming and prognose (or forecast), per post and programma, classified by the verordening.

    Without a recorded verordening the rules of seed 001 apply: within 10 % and
    at least € 10.000 the standaardrapportage; over 10 % and at least € 100.000
    the raad at once; investeringen over € 500.000 state their effect.

    Example: begroting signals --gemeente GM0148 --jaar 2007 --as-of 2007-06-30
    """
    uitkomst = omgeving(ctx).lezer.signals(peil(gemeente, as_of, recorded_by), jaar)
    v = uitkomst.verordening
    kop = {
        "gemeente": gemeente,
        "jaar": jaar,
        "as_of": uitkomst.peil.as_of,
        "verordening": v.naam,
        "rechtmatigheid": {
            "lasten_incl_dotaties": uitkomst.lasten_incl_dotaties,
            "verantwoordingsgrens_pct": str(v.rechtmatigheid_pct),
            "verantwoordingsgrens": uitkomst.verantwoordingsgrens,
            "rapportagegrens": v.rapportagegrens,
        },
    }
    if format is Formaat.json:
        druk_json(
            kop
            | {
                "signalen": [
                    dict(zip(SIGNAAL_KOLOMMEN, _rij(s, SIGNAAL_KOLOMMEN), strict=False)) for s in uitkomst.signalen
                ]
            }
        )
    elif format is Formaat.csv:
        druk_csv(SIGNAAL_KOLOMMEN, [_rij(s, SIGNAAL_KOLOMMEN) for s in uitkomst.signalen])
    else:
        tabel = Tabel(
            f"Signalen {gemeente} {jaar}, bekend op {uitkomst.peil.as_of} ({v.naam})",
            ["niveau", "naam", "raming", "verwacht", "afwijking", "%", "klasse"],
            rechts={"raming", "verwacht", "afwijking", "%"},
            voet=f"+ = voordeel; rechtmatigheid: verantwoordingsgrens {geld(uitkomst.verantwoordingsgrens)} "
            f"({v.rechtmatigheid_pct} % van {geld(uitkomst.lasten_incl_dotaties)} lasten incl. dotaties), "
            f"rapportagegrens {geld(v.rapportagegrens)}",
        )
        tabel.rijen = [
            [
                s.niveau,
                s.naam,
                geld(s.raming),
                geld(s.verwacht),
                geld(s.afwijking, teken=True),
                "" if s.procent is None else f"{s.procent:+}",
                s.klasse,
            ]
            for s in uitkomst.signalen
        ]
        druk_tabellen(tabel)
