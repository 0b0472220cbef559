"""Options shared by the commands, parsed into dates, moments and year ranges with clear errors."""

from __future__ import annotations

import os
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from events.getallen import EERSTE_JAAR, LAATSTE_JAAR
from reports.model import Teken
from taal import N_, _


class Uitvoerformaat(str, Enum):
    """The formats every read command offers: on standard output, or xlsx in the file --out names."""

    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


def lees_datum(tekst: str | None) -> date | None:
    if tekst is None:
        return None
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        raise typer.BadParameter(_("{tekst} is geen datum zoals 2020-10-13").format(tekst=repr(tekst))) from None


def lees_moment(tekst: str | None) -> datetime | None:
    """ISO 8601 read by `events.klok.lees_moment`: the end of the span it states, Dutch time unless it says
    otherwise."""
    if tekst is None:
        return None
    from events.klok import OngeldigMoment
    from events.klok import lees_moment as lees

    try:
        return lees(tekst)
    except OngeldigMoment as fout:
        raise typer.BadParameter(str(fout)) from None


def lees_gemeente(tekst: str | None) -> str | None:
    """`GM1708`, `gm1708`, `1708` or `Steenwijkerland` (case and accents ignored): GM1708."""
    if tekst is None:
        return None
    from events.gemeenten import OnduidelijkeGemeente, gemeentecode

    try:
        return gemeentecode(tekst)
    except OnduidelijkeGemeente as fout:
        raise typer.BadParameter(str(fout)) from None


def lees_jaren(tekst: str | None) -> tuple[int, int]:
    if tekst is None:
        return (EERSTE_JAAR, LAATSTE_JAAR)
    van, _streep, tot = tekst.partition("-")
    if not all(j.strip().isascii() and j.strip().isdigit() and len(j.strip()) == 4 for j in (van, tot or van)):
        raise typer.BadParameter(_("{tekst} is geen reeks jaren zoals 2020-2024").format(tekst=repr(tekst)))
    jaren = (int(van), int(tot or van))
    if jaren[0] > jaren[1]:
        raise typer.BadParameter(_("{tekst}: het eerste jaar komt na het laatste").format(tekst=repr(tekst)))
    if not (jaren[0] >= EERSTE_JAAR and jaren[1] <= LAATSTE_JAAR):
        raise typer.BadParameter(
            _("{tekst}: begrotingsjaren lopen van {van} tot {tot}").format(
                tekst=repr(tekst), van=EERSTE_JAAR, tot=LAATSTE_JAAR
            )
        )
    return jaren


def check_reden(reden: str) -> str:
    if not reden.strip():
        raise typer.BadParameter(_("zeg waarom: een auditor leest de reden bij het event"))
    from documents.vrije_tekst import reden_fout

    fout = reden_fout(reden)
    if fout:
        raise typer.BadParameter(_("de reden {fout}; er is niets geboekt").format(fout=fout))
    return reden


def check_door(door: str | None) -> str | None:
    if door is None:
        return None
    from documents.vrije_tekst import naam_fout

    fout = naam_fout(door)
    if fout:
        raise typer.BadParameter(_("de naam {fout}; er is niets geboekt").format(fout=fout))
    return door


def check_uitvoerbestand(pad: Path | None) -> Path | None:
    """A file to write: not a directory, in a directory that exists and may be written."""
    if pad is None:
        return None
    if pad.is_dir():
        raise typer.BadParameter(_("{pad} is een map; noem een bestand").format(pad=pad))
    map_ = pad.parent
    if not map_.is_dir() or not os.access(map_, os.W_OK):
        raise typer.BadParameter(
            _("kan niet schrijven in {map}: die map bestaat niet of is niet schrijfbaar").format(map=map_)
        )
    return pad


def check_eenheid(eenheid: int) -> int:
    if eenheid < 1 or str(eenheid).strip("0") != "1":
        raise typer.BadParameter(_("{eenheid} is niet 1, 10, 100, 1000, ...").format(eenheid=eenheid))
    return eenheid


GEMEENTE_HULP = N_("CBS-code of naam, zoals GM1708, 1708 of Steenwijkerland.")
Gemeente = Annotated[str, typer.Option("--gemeente", "-g", callback=lees_gemeente, help=GEMEENTE_HULP)]
EenGemeente = Annotated[
    str | None,
    typer.Option(
        "--gemeente",
        "-g",
        callback=lees_gemeente,
        help=N_("Alleen deze gemeente: CBS-code of naam, zoals GM1708, 1708 of Steenwijkerland."),
    ),
]
AsOf = Annotated[
    str | None, typer.Option("--as-of", help=N_("Kennisdatum: wat er op deze datum bekend was (standaard vandaag)."))
]
RecordedBy = Annotated[
    str | None,
    typer.Option(
        "--recorded-by",
        help=N_(
            "Transactietijd: wat het grootboek toen toonde (ISO 8601, Nederlandse tijd tenzij anders vermeld; "
            "het dekt wat het noemt: een datum tot het eind van die dag, een seconde tot de laatste microseconde)."
        ),
    ),
]
Jaren = Annotated[str | None, typer.Option("--jaren", help=N_("Jaren, zoals 2020-2024 (standaard: alle)."))]
Format = Annotated[Uitvoerformaat, typer.Option("--format", "-f", help=N_("table, json, csv of xlsx (met --out)."))]
Eenheid = Annotated[
    int,
    typer.Option("--eenheid", callback=check_eenheid, help=N_("Toon tabellen in eenheden, bijv. 1000 (x € 1.000).")),
]
TekenOptie = Annotated[
    Teken,
    typer.Option(
        "--teken",
        help=N_(
            "voordeel: + = voordeel (standaard); nadeel: + = nadeel in table en csv, zoals sommige gemeenten het "
            "schrijven. Alleen bedragen met zo'n teken keren om (effecten, saldi, mutaties), geen gewone bedragen "
            "zoals een raming; json blijft + = voordeel."
        ),
    ),
]
Door = Annotated[
    str | None, typer.Option("--door", callback=check_door, help=N_("Wie boekt (standaard: uw OS-gebruiker)."))
]
Reden = Annotated[
    str, typer.Option("--reden", callback=check_reden, help=N_("Waarom: bewaard bij het event, voor auditors."))
]
