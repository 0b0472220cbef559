"""What an event does to the posts: amount lines, one per post and year, in integer cents.

Each event type declares its own lines (`Feit.postbedragen`); they work on the
event's stored JSON form because that is what a rebuild reads from the store,
150,000 events at a time: decoding each one into its model first would cost
more than everything else together.
"""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

Soort = Literal[
    "raming",
    "wijziging",
    "saldo",
    "saldo_incidenteel",
    "prognose",
    "pm",
    "mutatie",
    "pm_mutatie",
    "onderdeel",
    "realisatie",
    "neutraal",
    "pm_post",
]
Json = dict[str, Any]
AU = "algemene_uitkering"


class Postbedrag(NamedTuple):
    """One amount an event states for one post and year, in integer cents.

    Attributes:
        soort: raming (begroting, absolute), wijziging (delta), saldo (a
            begroting's stated saldo), prognose, pm (known but not processed),
            onderdeel (a component of `onderdeel_van`, no effect of its own),
            realisatie (spent or received in `periode`), mutatie (a change of the
            prognose known just before it), pm_mutatie (a change kept out of the saldo), neutraal (the
            pass-through lasten of a budgetneutraal uitkering, right after its amount: the post's effect
            is 0 while it is in force), pm_post (a line known and named without amounts; `jaar` is
            the year of its bekend_op, as the rows need one).
        incidenteel: the document marks this year of the line incidental (BBV art. 19).

    A named tuple: a rebuild makes ten of these per event, and a tuple is made ten times faster than a frozen dataclass.
    """

    soort: Soort
    post: str
    richting: str
    jaar: int
    cents: int
    onderdeel_van: str | None = None
    periode: str | None = None
    programma: str | None = None
    incidenteel: bool = False


_lijn = tuple.__new__  # a Postbedrag from its nine fields without the named tuple's Python-level __new__


def uit_tupels(tupels: list[tuple[Any, ...]]) -> list[Postbedrag]:
    """Lines sent as plain tuples (a pickle makes those ten times faster), named again."""
    return [_lijn(Postbedrag, t) for t in tupels]


def cents(bedrag: str) -> int:
    """'77599000.00' -> 7759900000: stored amounts always have exactly two decimals."""
    return int(bedrag.replace(".", ""))


def reeks(
    soort: Soort,
    post: str,
    richting: str,
    bedragen: Json,
    van: str | None = None,
    programma: str | None = None,
    incidenteel: bool | list[int] = False,
) -> list[Postbedrag]:
    """One line per year of an amount series `{"2020": "1.00"}`; `incidenteel`: all its years, or these.

    A rebuild makes 300,000 of these per 30,000 events: the tuples are made directly, with `cents` and
    `is_incidenteel` inlined (0.74 instead of 1.1 us a line).
    """
    lijnen = sorted(bedragen.items())
    if isinstance(incidenteel, list):
        return [
            _lijn(
                Postbedrag,
                (soort, post, richting, int(j), int(b.replace(".", "")), van, None, programma, int(j) in incidenteel),
            )
            for j, b in lijnen
        ]
    alle = incidenteel is True
    return [
        _lijn(Postbedrag, (soort, post, richting, int(j), int(b.replace(".", "")), van, None, programma, alle))
        for j, b in lijnen
    ]


def is_incidenteel(incidenteel: bool | list[int], jaar: int | str) -> bool:
    return incidenteel is True or (isinstance(incidenteel, list) and int(jaar) in incidenteel)


def informatie_reeks(feit: Json, post: str, richting: str, reeks_: Json) -> list[Postbedrag]:
    """An information series (`bedragen` and `mutaties`) as absolute amounts, as changes, or some years each way."""
    soort = informatie_soort(feit)
    mutatie: Soort = "pm_mutatie" if soort == "pm" else "mutatie"
    incidenteel = reeks_.get("incidenteel", False)
    lijnen = reeks(soort, post, richting, reeks_.get("bedragen") or {}, None, None, incidenteel)
    lijnen += reeks(mutatie, post, richting, reeks_.get("mutaties") or {}, None, None, incidenteel)
    return sorted(lijnen, key=lambda r: r.jaar)


def neutraal(lijnen: list[Postbedrag], reeks_: Json) -> list[Postbedrag]:
    """Each processed line of a budgetneutraal year followed by its pass-through lasten (same amount or change)."""
    jaren = reeks_.get("budgetneutraal", False)
    if not jaren:
        return lijnen
    uit = []
    for r in lijnen:
        uit.append(r)
        if r.soort in ("prognose", "mutatie") and is_incidenteel(jaren, r.jaar):
            uit.append(r._replace(soort="neutraal"))
    return uit


def pm_post(feit: Json, post: str, richting: str) -> Postbedrag:
    """A line named without amounts: one row, in the year of its bekend_op, for the listing under pm."""
    return Postbedrag("pm_post", post, richting, int(feit["bekend_op"][:4]), 0)


def informatie_soort(feit: Json) -> Soort:
    """Information sets the prognose, unless it is pm: known but kept out of the saldo."""
    return "pm" if feit.get("verwerking") == "pm" else "prognose"


def richtingen(lijnen: list[Postbedrag]) -> dict[str, str]:
    """The richting each post gets from these lines (the begroting's saldo is no post)."""
    return {r.post: r.richting for r in lijnen if r.soort not in GEEN_RICHTING}


GEEN_RICHTING = frozenset(("saldo", "saldo_incidenteel", "neutraal"))
"""Lines that give no post its richting: the saldo is no post, a pass-through is the post's own."""


def effect(richting: str, raming: Any, prognose: Any) -> Any:
    """+ is voordeel: more baten or fewer lasten than begroot (Decimal or cents alike)."""
    return prognose - raming if richting == "baten" else raming - prognose
