"""The diff as a bridge for people: from the saldo known on `van` to the saldo known on `tot`, row by row.

Rows come in document order (the order in which what changed them became known), grouped as the
documents group them, each group with its subtotal; the begrotingswijzigingen are a group of their
own. The parts a document gives of a row (its opbouw) stand indented under it. Only the years in
which something changed are shown, unless the question chose its years. Per year:
saldo bekend op van + Σ subtotalen = saldo bekend op tot.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from events.lijsten import groep
from projections.brug import Volgorde, Wijziging
from projections.diff import Diff, Postmutatie
from reports.model import Bedrag, Row
from taal import _

WIJZIGINGEN = "begrotingswijzigingen"


def getoonde_jaren(d: Diff) -> list[int]:
    """The years something changed in (a figure, a pm line, a wijziging), or every year when years were chosen."""
    if not d.zicht.alle_jaren:
        return list(d.jaren)
    veranderd = {p.jaar for p in d.posten if p.mutatie or p.pm} | {w.jaar for w in d.wijzigingen if w.mutatie}
    return [j for j, m in d.jaren.items() if m.mutatie or j in veranderd]


def rijen(d: Diff, jaren: list[int]) -> list[Row]:
    """The stand on `van`, every group with its subtotal, the mutation, and the stand on `tot`."""
    uit = [
        _stand(_("saldo bekend op {datum}").format(datum=d.van), {j: m.verwacht_van for j, m in d.jaren.items()}, jaren)
    ]
    for naam, inhoud in _groepen(d, jaren).items():
        uit += [*inhoud, _subtotaal(naam, inhoud, jaren)]
    mutatie = Row({"": _("saldo (mutatie)"), **{str(j): _bedrag(d.jaren[j].mutatie) for j in jaren}}, "total")
    return [
        *uit,
        mutatie,
        _stand(
            _("saldo bekend op {datum}").format(datum=d.tot), {j: m.verwacht_tot for j, m in d.jaren.items()}, jaren
        ),
    ]


def _groepen(d: Diff, jaren: list[int]) -> dict[str, list[Row]]:
    """Each post and each begrotingswijziging in document order, in its group; a group stands where its first does."""
    leden = [
        *(
            (groep(post), _eerst(p.volgorde for p in ps), _post(ps, jaren))
            for (post, _), ps in _per_sleutel(d.posten, _post_van).items()
        ),
        *(
            (WIJZIGINGEN, _eerst(w.volgorde for w in ws), _wijziging(ws, jaren))
            for ws in _per_sleutel(d.wijzigingen, _bw_van).values()
        ),
    ]
    groepen: dict[str, list[Row]] = {}
    for naam, _volgorde, inhoud in sorted((lid for lid in leden if lid[2]), key=lambda lid: lid[1]):
        groepen.setdefault(naam, []).extend(inhoud)
    return groepen


def _post_van(p: Postmutatie) -> tuple[str, bool]:
    return (p.post, p.budgetneutraal)


def _bw_van(w: Wijziging) -> tuple[str, str]:
    return (w.bron, w.naam)


def _per_sleutel(regels: Iterable[Any], sleutel: Any) -> dict[Any, list[Any]]:
    uit: dict[Any, list[Any]] = {}
    for r in regels:
        uit.setdefault(sleutel(r), []).append(r)
    return uit


def _eerst(volgordes: Iterable[Volgorde | None]) -> tuple[bool, Any]:
    """The earliest in knowledge order; rows without a known cause go last."""
    bekend = [v for v in volgordes if v is not None]
    return (False, min(bekend)) if bekend else (True, ())


def _bedrag(waarde: Decimal | None) -> Bedrag | None:
    return None if waarde is None else Bedrag(waarde, teken=True, nul="0")


def _stand(label: str, standen: dict[int, Decimal], jaren: list[int]) -> Row:
    return Row({"": label, **{str(j): _bedrag(standen.get(j, Decimal(0))) for j in jaren}}, "total")


def _post(mutaties: list[Postmutatie], jaren: list[int]) -> list[Row]:
    """The post's row, its pm marked, and under it the parts its documents gave (+ = voordeel, like the row)."""
    per_jaar = {p.jaar: p for p in mutaties}
    cellen = {str(j): Bedrag(p.mutatie, teken=True, pm=p.pm, nul="0") for j, p in per_jaar.items() if j in jaren}
    if not cellen:
        return []
    teken = Decimal(1) if mutaties[0].richting == "baten" else Decimal(-1)  # a part of more lasten is a nadeel
    opbouw = {j: list(p.opbouw) for j, p in per_jaar.items() if j in jaren}
    naam = mutaties[0].post + (_(" (doorgegeven als lasten)") if mutaties[0].budgetneutraal else "")
    return [Row({"": naam, **cellen}), *_delen(opbouw, teken, 2)]


def _delen(per_jaar: dict[int, list[dict[str, Any]]], teken: Decimal, indent: int) -> list[Row]:
    """One row per named part (parts of the same name in one year add up), its own parts under it."""
    samen: dict[str, dict[int, list[Any]]] = {}
    for jaar, delen in per_jaar.items():
        for deel in delen:
            som = samen.setdefault(deel["naam"], {}).setdefault(jaar, [Decimal(0), []])
            som[0] += Decimal(deel["bedrag"])
            som[1] += deel.get("opbouw") or []
    uit = []
    for naam, jaren in samen.items():
        uit.append(
            Row({"": naam, **{str(j): _bedrag(teken * b) for j, (b, _bron) in jaren.items()}}, "detail", "", indent)
        )
        uit += _delen({j: onder for j, (_, onder) in jaren.items()}, teken, indent + 2)
    return uit


def _wijziging(regels: list[Wijziging], jaren: list[int]) -> list[Row]:
    """A begrotingswijziging under its name, one row per post (lines of one post and year add up)."""
    uit = []
    for post, lijnen in _per_sleutel(sorted(regels, key=lambda w: _eerst([w.volgorde])), lambda w: w.post).items():
        cellen = {str(j): _bedrag(_som(w.mutatie for w in lijnen if w.jaar == j)) for j in jaren}
        if any(cellen.values()):
            uit.append(Row({"": post, **cellen}, "wijziging", "", 2))
    return [Row({"": regels[0].naam or regels[0].bron}, "kop"), *uit] if uit else []


def _som(bedragen: Iterable[Decimal]) -> Decimal | None:
    lijst = list(bedragen)
    return sum(lijst, Decimal(0)) if lijst else None


def _subtotaal(naam: str, inhoud: Sequence[Row], jaren: list[int]) -> Row:
    """The group's own rows add up; parts (indented details) and headings do not count again."""
    tellend = [r for r in inhoud if r.kind in ("post", "wijziging")]
    cellen = {
        str(j): _bedrag(_som(_waarde(r.cells.get(str(j))) for r in tellend if r.cells.get(str(j)))) for j in jaren
    }
    return Row({"": _("subtotaal {groep}").format(groep=naam.replace("_", " ")), **cellen}, "subtotal")


def _waarde(cel: Any) -> Decimal:
    return cel.waarde if isinstance(cel, Bedrag) else cel
