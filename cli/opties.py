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
        raise typer.BadParameter(f"{tekst!r} is not a date like 2020-10-13") from None


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
    van, _, tot = tekst.partition("-")
    if not all(j.strip().isascii() and j.strip().isdigit() and len(j.strip()) == 4 for j in (van, tot or van)):
        raise typer.BadParameter(f"{tekst!r} is not a year range like 2020-2024")
    jaren = (int(van), int(tot or van))
    if jaren[0] > jaren[1]:
        raise typer.BadParameter(f"{tekst!r}: the first year comes after the last")
    if not (jaren[0] >= EERSTE_JAAR and jaren[1] <= LAATSTE_JAAR):
        raise typer.BadParameter(f"{tekst!r}: begrotingsjaren run from {EERSTE_JAAR} to {LAATSTE_JAAR}")
    return jaren


def check_reden(reden: str) -> str:
    if not reden.strip():
        raise typer.BadParameter("say why: an auditor reads the reason with the event")
    from documents.vrije_tekst import reden_fout

    fout = reden_fout(reden)
    if fout:
        raise typer.BadParameter(f"the reason {fout}; nothing was recorded")
    return reden


def check_door(door: str | None) -> str | None:
    if door is None:
        return None
    from documents.vrije_tekst import naam_fout

    fout = naam_fout(door)
    if fout:
        raise typer.BadParameter(f"the name {fout}; nothing was recorded")
    return door


def check_uitvoerbestand(pad: Path | None) -> Path | None:
    """A file to write: not a directory, in a directory that exists and may be written."""
    if pad is None:
        return None
    if pad.is_dir():
        raise typer.BadParameter(f"{pad} is a directory; name a file")
    map_ = pad.parent
    if not map_.is_dir() or not os.access(map_, os.W_OK):
        raise typer.BadParameter(f"cannot write in {map_}: no such directory, or not writable")
    return pad


def check_eenheid(eenheid: int) -> int:
    if eenheid < 1 or str(eenheid).strip("0") != "1":
        raise typer.BadParameter(f"{eenheid} is not 1, 10, 100, 1000, ...")
    return eenheid


GEMEENTE_HULP = "CBS code or name, like GM1708, 1708 or Steenwijkerland."
Gemeente = Annotated[str, typer.Option("--gemeente", "-g", callback=lees_gemeente, help=GEMEENTE_HULP)]
EenGemeente = Annotated[
    str | None, typer.Option("--gemeente", "-g", callback=lees_gemeente, help="Only this gemeente: " + GEMEENTE_HULP)
]
AsOf = Annotated[
    str | None, typer.Option("--as-of", help="Knowledge date: what was known on this date (default today).")
]
RecordedBy = Annotated[
    str | None,
    typer.Option(
        "--recorded-by",
        help="Transaction time: what the ledger showed then (ISO 8601, Dutch time unless it says otherwise; "
        "it covers what it states: a date to the end of that day, a second to its last microsecond).",
    ),
]
Jaren = Annotated[str | None, typer.Option("--jaren", help="Years, like 2020-2024 (default: all).")]
Format = Annotated[Uitvoerformaat, typer.Option("--format", "-f", help="table, json, csv or xlsx (with --out).")]
Eenheid = Annotated[
    int, typer.Option("--eenheid", callback=check_eenheid, help="Show tables in units, e.g. 1000 (x € 1.000).")
]
TekenOptie = Annotated[
    Teken,
    typer.Option(
        "--teken",
        help="voordeel: + = voordeel (default); nadeel: + = nadeel in table and csv, as some gemeenten write "
        "it. Only figures signed that way flip (effects, saldi, mutaties), not plain amounts like a raming; "
        "json stays + = voordeel.",
    ),
]
Door = Annotated[str | None, typer.Option("--door", callback=check_door, help="Who records (default: your OS user).")]
Reden = Annotated[str, typer.Option("--reden", callback=check_reden, help="Why: kept with the event for auditors.")]
