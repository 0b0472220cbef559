"""The controller's year as reports: the run-rate forecast and the signals under the verordening."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from events.gemeenten import met_naam
from reports.model import Answer, Bedrag, Column, Eenheid, Report, Teken, Tekst, kolom, rij
from taal import N_, _, opmaak

if TYPE_CHECKING:
    from projections.forecast import Forecast
    from projections.signals import Signaal, Signalen

FORECAST_VELDEN = (
    "post", "richting", "jaar", "gerealiseerd", "verstreken", "perioden", "forecast", "raming", "prognose", "effect",
    "methode",
)  # fmt: skip
SIGNAAL_VELDEN = (
    "niveau", "naam", "richting", "raming", "verwacht", "afwijking", "procent", "klasse", "regel", "grondslag",
)  # fmt: skip
GELD = {"gerealiseerd", "forecast", "raming", "prognose", "effect", "verwacht", "afwijking"}
GETEKEND = {"effect", "afwijking"}  # + = voordeel; procent is the deviation of the amount, not a voordeel
KLASSEN = (
    N_("voordeel"),
    N_("raad direct informeren"),
    N_("standaardrapportage"),
    N_("onder de rapportagegrens"),
)  # what projections.signals.klasse says, for the catalogue; tables say it in their language, JSON and CSV as is
FORECAST_KOLOMMEN = (
    kolom("post"),
    *(kolom(k, money=True) for k in ("gerealiseerd", "forecast", "raming")),
    kolom("effect", money=True, signed=True),
    kolom("methode"),
)
SIGNAAL_KOLOMMEN = (
    kolom("niveau"),
    kolom("naam"),
    *(kolom(k, money=True) for k in ("raming", "verwacht")),
    kolom("afwijking", money=True, signed=True),
    Column("procent", "%", align="right", signed=True),
    kolom("klasse"),
)


def _velden(obj: Any, velden: tuple[str, ...]) -> list[Any]:
    return [getattr(obj, k) for k in velden]


def _alles(rijen: list[Any], velden: tuple[str, ...], naam: str) -> Report:
    kolommen = tuple(kolom(k, money=k in GELD, signed=k in GETEKEND) for k in velden)
    return Report(naam, (naam,), kolommen, tuple(rij(kolommen, _velden(r, velden)) for r in rijen))


def forecast(gemeente: str, jaar: int, uitkomst: list[Forecast]) -> Answer:
    if not uitkomst:
        titel = _("Forecast {gemeente} {jaar} (run rate): geen realisaties in {jaar}").format(
            gemeente=met_naam(gemeente), jaar=jaar
        )
        return Answer("forecast", (Report("Forecast", (titel,), ()),), [], _alles([], FORECAST_VELDEN, "Forecast"))
    tabel = Report(
        "Forecast",
        (_("Forecast {gemeente} {jaar} (run rate)").format(gemeente=met_naam(gemeente), jaar=jaar),),
        FORECAST_KOLOMMEN,
        tuple(
            rij(FORECAST_KOLOMMEN, [f.post, f.gerealiseerd, f.forecast, f.raming, f.effect, f.methode])
            for f in uitkomst
        ),
        ((Teken.voordeel, " (", Eenheid(), ")"),),
    )
    data = [dict(zip(FORECAST_VELDEN, _velden(f, FORECAST_VELDEN), strict=True)) for f in uitkomst]
    return Answer("forecast", (tabel,), data, _alles(uitkomst, FORECAST_VELDEN, "Forecast"))


def signals(gemeente: str, jaar: int, uitkomst: Signalen) -> Answer:
    tabel = Report(
        "Signalen",
        (_signalen_titel(gemeente, jaar, uitkomst),),
        SIGNAAL_KOLOMMEN,
        tuple(rij(SIGNAAL_KOLOMMEN, _signaal(s)) for s in uitkomst.signalen),
        (_rechtmatigheid(uitkomst),),
    )
    alles = _alles(uitkomst.signalen, SIGNAAL_VELDEN, "Signalen")
    return Answer("signalen", (tabel,), signals_json(gemeente, jaar, uitkomst), alles)


def _signalen_titel(gemeente: str, jaar: int, uitkomst: Signalen) -> str:
    return _("Signalen {gemeente} {jaar}, bekend op {datum} ({verordening})").format(
        gemeente=met_naam(gemeente), jaar=jaar, datum=uitkomst.zicht.as_of, verordening=_verordening(uitkomst)
    )


def _verordening(uitkomst: Signalen) -> str:
    """The verordening's own name; the standard one (JSON keeps its stored name) as a user would say it."""
    if uitkomst.standaard:
        return _("standaardverordening van Aa en Hunze 2023")
    return uitkomst.verordening.naam


def _rechtmatigheid(uitkomst: Signalen) -> Tekst:
    v = uitkomst.verordening
    return (
        Teken.voordeel, _("; rechtmatigheid: verantwoordingsgrens "), Bedrag(uitkomst.verantwoordingsgrens),
        _(" ({procent} van ").format(procent=opmaak.procent(v.rechtmatigheid_pct)),
        Bedrag(uitkomst.lasten_incl_dotaties),
        _(" lasten incl. dotaties), rapportagegrens "), Bedrag(v.rapportagegrens),
    )  # fmt: skip


def _signaal(s: Signaal) -> list[Any]:
    procent = "" if s.procent is None else procent_tekst(s.procent, s.afwijking)
    return [s.niveau, s.naam, s.raming, s.verwacht, s.afwijking, procent, _(s.klasse)]


def procent_tekst(procent: Decimal, afwijking: Decimal) -> str:
    """The deviation in per cent with the sign of its afwijking (+ = voordeel) and a decimal comma: `+ 28,0`.
    (The JSON keeps `procent` as the deviation of the amount itself.)"""
    teken = "" if procent == 0 else "+ " if afwijking >= 0 else "- "
    return teken + opmaak.getal(abs(procent), 1)


def signals_json(gemeente: str, jaar: int, uitkomst: Signalen) -> dict[str, Any]:
    v = uitkomst.verordening
    return {
        "gemeente": gemeente,
        "jaar": jaar,
        "as_of": uitkomst.zicht.as_of,
        "verordening": v.naam,
        "rechtmatigheid": {
            "lasten_incl_dotaties": uitkomst.lasten_incl_dotaties,
            "verantwoordingsgrens_pct": str(v.rechtmatigheid_pct),
            "verantwoordingsgrens": uitkomst.verantwoordingsgrens,
            "rapportagegrens": v.rapportagegrens,
        },
        "signalen": [dict(zip(SIGNAAL_VELDEN, _velden(s, SIGNAAL_VELDEN), strict=True)) for s in uitkomst.signalen],
    }
