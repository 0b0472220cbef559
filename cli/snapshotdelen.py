"""The parts of a snapshot as tables: one source for the workbook, the Markdown and the HTML report."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cli.weergave import BBV_REGELS


@dataclass
class Deel:
    """One table: money columns hold Decimal, the rest text or numbers."""

    naam: str
    titel: str
    kolommen: list[str]
    rijen: list[list[Any]] = field(default_factory=list)
    geld: set[str] = field(default_factory=set)


def _d(waarde: str | None) -> Decimal | None:
    return None if waarde is None else Decimal(waarde)


def saldo_deel(s: dict[str, Any]) -> Deel:
    jaren = list(s["saldo"]["jaren"])
    deel = Deel("Saldo", "Begrotingssaldo per jaar (+ = voordeel)", ["", *jaren], geld=set(jaren))
    deel.rijen = [
        [label.strip(), *(_d(s["saldo"]["jaren"][j][sleutel]) for j in jaren)] for label, _, sleutel, _ in BBV_REGELS
    ]
    return deel


def posten_deel(s: dict[str, Any]) -> Deel:
    kolommen = ["post", "richting", "jaar", "raming", "prognose", "effect"]
    deel = Deel(
        "Posten", "Raming, prognose en effect per post en jaar", kolommen, geld={"raming", "prognose", "effect"}
    )
    deel.rijen = [
        [p["post"], p["richting"], p["jaar"], _d(p["raming"]), _d(p["prognose"]), _d(p["effect"])]
        for p in s["saldo"]["posten"]
    ]
    return deel


def diff_deel(s: dict[str, Any]) -> Deel:
    d = s["diff_begroting"]
    kolommen = ["post", "richting", "jaar", "effect_van", "effect_tot", "mutatie", "oorzaken"]
    deel = Deel(
        "Diff begroting",
        f"Verschil met de begroting: bekend op {d['van']} -> {d['tot']}",
        kolommen,
        geld={"effect_van", "effect_tot", "mutatie"},
    )
    deel.rijen = [
        [
            p["post"],
            p["richting"],
            p["jaar"],
            _d(p["effect_van"]),
            _d(p["effect_tot"]),
            _d(p["mutatie"]),
            " ".join(p["oorzaken"]),
        ]
        for p in d["posten"]
    ]
    return deel


def reserves_deel(s: dict[str, Any]) -> Deel:
    deel = Deel("Reserves", "Stand van de reserves, einde jaar", ["reserve", "soort", "jaar", "stand"], geld={"stand"})
    deel.rijen = [
        [naam, r["soort"], int(j), _d(stand)] for naam, r in s["reserves"].items() for j, stand in r["standen"].items()
    ]
    return deel


def pm_deel(s: dict[str, Any]) -> Deel:
    kolommen = ["post", "richting", "jaar", "bedrag", "effect", "bron", "event"]
    deel = Deel("pm", "Pro memorie: bekend, niet verwerkt", kolommen, geld={"bedrag", "effect"})
    deel.rijen = [
        [p["post"], p["richting"], p["jaar"], _d(p["bedrag"]), _d(p["effect"]), p["bron"], p["event"]] for p in s["pm"]
    ]
    return deel


def journaal_deel(s: dict[str, Any]) -> Deel:
    kolommen = [
        "id",
        "type",
        "bron",
        "bekend_op",
        "geboekt_op",
        "geboekt_door",
        "samenvatting",
        "betreft",
        "reden",
        "hash",
    ]
    deel = Deel("Journaal", "Bijdragende events", kolommen)
    deel.rijen = [[e[k] for k in kolommen] for e in s["journaal"]]
    return deel


def query_deel(s: dict[str, Any]) -> Deel:
    deel = Deel("Query", "Vraag, verankering en inhoudshash", ["veld", "waarde"])
    deel.rijen = [[k, str(v) if v is not None else ""] for k, v in s["query"].items()]
    deel.rijen += [
        [f"laatste event {g}", f"{a['event']} {a['hash']}" if a else ""] for g, a in s["laatste_event"].items()
    ]
    deel.rijen += [["gemaakt_op", s["gemaakt"]["op"]], ["gemaakt_door", s["gemaakt"]["door"]], ["sha256", s["sha256"]]]
    return deel


def delen(snapshot: dict[str, Any]) -> list[Deel]:
    return [
        maker(snapshot)
        for maker in (saldo_deel, posten_deel, diff_deel, reserves_deel, pm_deel, journaal_deel, query_deel)
    ]
