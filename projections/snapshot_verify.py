"""Comparing a snapshot with the ledger as it is now: which figures differ, and which events explain it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from projections.snapshot import bestand_klopt, laatste_event

SLEUTELS = ("post", "jaar", "reserve", "id", "onderdeel_van")
NIET_VERGELIJKEN = {"recorded_by"}  # the moment of the question, not a figure
ONDERDELEN = ("saldo", "diff_begroting", "reserves", "pm")


@dataclass(frozen=True)
class Figuurverschil:
    """One figure that is not what the snapshot says: where, then, now."""

    waar: str
    toen: Any
    nu: Any


@dataclass(frozen=True)
class Uitslag:
    """The outcome of `snapshot verify`.

    Attributes:
        bestand_gewijzigd: the file's content no longer matches its own sha256.
        laatste_event_gewijzigd: the last event the snapshot saw is gone or has another hash now.
        nieuwe_events: events recorded since that count for the snapshot's knowledge date.
    """

    verschillen: list[Figuurverschil]
    nieuwe_events: list[dict[str, Any]]
    bestand_gewijzigd: bool
    laatste_event_gewijzigd: bool
    toen: list[Figuurverschil]

    @property
    def onveranderd_toen(self) -> bool:
        """What the ledger showed at the moment the snapshot was made is still what the snapshot says."""
        return not (self.toen or self.bestand_gewijzigd or self.laatste_event_gewijzigd)

    @property
    def identiek(self) -> bool:
        return self.onveranderd_toen and not (self.verschillen or self.nieuwe_events)


def _sleutel(element: Any) -> str:
    if isinstance(element, dict):
        delen = [str(element[k]) for k in SLEUTELS if k in element]
        if delen:
            return " ".join(delen)
    return repr(element)


def verschillen(toen: Any, nu: Any, waar: str = "") -> list[Figuurverschil]:
    """Every leaf that differs; list elements are matched by post/jaar/reserve/id, not by position.

    A key only the re-derived answer has is one the snapshot's version did not write: no difference.
    """
    if isinstance(toen, dict) and isinstance(nu, dict):
        uit: list[Figuurverschil] = []
        for k in toen:
            if k not in NIET_VERGELIJKEN:
                uit += verschillen(toen.get(k), nu.get(k), f"{waar}.{k}" if waar else str(k))
        return uit
    if isinstance(toen, list) and isinstance(nu, list):
        a = {_sleutel(e): e for e in toen}
        b = {_sleutel(e): e for e in nu}
        return [v for k in [*a, *(k for k in b if k not in a)] for v in verschillen(a.get(k), b.get(k), f"{waar}[{k}]")]
    return [] if toen == nu else [Figuurverschil(waar, toen, nu)]


def _figuren(bestand: dict[str, Any], ander: dict[str, Any]) -> list[Figuurverschil]:
    return [v for deel in ONDERDELEN for v in verschillen(bestand.get(deel), ander.get(deel), deel)]


def vergelijk_snapshot(
    bestand: dict[str, Any], toen: dict[str, Any], nu: dict[str, Any], laatste_hash_nu: str | None
) -> Uitslag:
    """`toen`: re-derived as recorded by the moment the snapshot was made; `nu`: with what the ledger knows now."""
    gemeente = bestand["query"]["gemeente"]
    gezien = {e["id"] for e in bestand["journaal"]}
    laatste = laatste_event(gemeente, bestand)
    return Uitslag(
        verschillen=_figuren(bestand, nu),
        nieuwe_events=[e for e in nu["journaal"] if e["id"] not in gezien],
        bestand_gewijzigd=not bestand_klopt(bestand),
        laatste_event_gewijzigd=laatste is not None and laatste[1] != laatste_hash_nu,
        toen=_figuren(bestand, toen)
        + [Figuurverschil(f"journaal[{e['id']}]", None, e["id"]) for e in toen["journaal"] if e["id"] not in gezien],
    )
