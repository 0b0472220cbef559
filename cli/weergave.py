"""How each answer looks: the SPEC's JSON keys, a CSV of its rows, and tables for people."""

from __future__ import annotations

import json
from dataclasses import astuple, fields
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from cli.uitvoer import Tabel, eenheid_tekst, geld

if TYPE_CHECKING:
    from projections.diff import Diff
    from projections.logboek import Journaalregel
    from projections.peil import Peil
    from projections.reserves import Reserve
    from projections.saldo import Saldo


BBV_REGELS = (  # (label, Jaarsaldo attribute, key in the saldo JSON, shown with + / -)
    ("begroot saldo", "begroot_saldo", "begroot_saldo", True),
    ("effect", "effect", "effect", True),
    ("saldo van baten en lasten", "verwacht_saldo", "saldo_baten_lasten", True),
    ("  dotaties reserves (lasten)", "dotaties", "dotaties_reserves", False),
    ("  onttrekkingen reserves (baten)", "onttrekkingen", "onttrekkingen_reserves", False),
    ("mutaties reserves", "mutaties_reserves", "mutaties_reserves", True),
    ("geraamd resultaat", "resultaat", "resultaat", True),
)


def journaal_alle_velden(regels: list[Journaalregel]) -> tuple[list[str], list[list[Any]]]:
    """Every field of every event; the content as JSON text."""
    from projections.logboek import Journaalregel

    kolommen = [f.name for f in fields(Journaalregel)]
    rijen = [[json.dumps(w, ensure_ascii=False) if isinstance(w, dict) else w for w in astuple(r)] for r in regels]
    return kolommen, rijen


def journaal_tabel(regels: list[Journaalregel]) -> Tabel:
    kolommen = ["id", "type", "bron", "bekend_op", "geboekt_op", "door", "samenvatting"]
    rijen = [
        [
            r.id,
            r.type,
            r.bron or "",
            str(r.bekend_op or ""),
            r.geboekt_op[:19],
            r.geboekt_door,
            r.samenvatting + (f" [{r.betreft}: {r.reden}]" if r.betreft else ""),
        ]
        for r in regels
    ]
    return Tabel(f"Journaal ({len(regels)} events)", kolommen, rijen)


def saldo_csv(s: Saldo) -> tuple[list[str], list[list[Any]]]:
    kolommen = ["post", "richting", "jaar", "raming", "prognose", "effect"]
    rijen: list[list[Any]] = [[p.post, p.richting, p.jaar, p.raming, p.prognose, p.effect] for p in s.posten]
    rijen += [["[begrotingssaldo]", "", j, js.begroot_saldo, js.verwacht_saldo, js.effect] for j, js in s.jaren.items()]
    return kolommen, rijen


def _kop(peil: Peil) -> str:
    wanneer = f"bekend op {peil.as_of}"
    return wanneer + (f", geboekt tot {peil.recorded_by:%Y-%m-%d %H:%M:%S %Z}" if peil.recorded_by else "")


def saldo_tabellen(s: Saldo, eenheid: int) -> list[Tabel]:
    jaren = list(s.jaren)
    kolommen = ["", *map(str, jaren)]
    totaal = Tabel(
        f"Begrotingssaldo {s.peil.gemeente}, {_kop(s.peil)}",
        kolommen,
        rechts=set(kolommen[1:]),
        voet=f"+ = voordeel ({eenheid_tekst(eenheid)})",
    )
    for naam, veld, _, teken in BBV_REGELS:
        totaal.rijen.append([naam, *(geld(getattr(s.jaren[j], veld), eenheid, teken) for j in jaren)])
    effecten = Tabel("Effect per post", kolommen, rechts=set(kolommen[1:]))
    for post in sorted({p.post for p in s.posten if p.effect}):
        per_jaar = {p.jaar: p.effect for p in s.posten if p.post == post}
        effecten.rijen.append([post, *(geld(per_jaar.get(j), eenheid, teken=True) for j in jaren)])
    programmas = Tabel("Effect per programma", kolommen, rechts=set(kolommen[1:]))
    for naam in sorted(set(s.programma.values())):
        per_jaar = {
            j: sum((p.effect for p in s.posten if p.jaar == j and s.programma.get(p.post) == naam), Decimal(0))
            for j in jaren
        }
        programmas.rijen.append([naam, *(geld(per_jaar[j], eenheid, teken=True) for j in jaren)])
    pm = Tabel("pm (niet verwerkt)", ["post", "jaar", "bedrag", "effect", "bron"], rechts={"bedrag", "effect"})
    pm.rijen = [
        [p.post, str(p.jaar), geld(p.bedrag, eenheid), geld(p.effect, eenheid, teken=True), p.bron] for p in s.pm
    ]
    onderdelen = Tabel(
        "Onderdelen (al in het totaal van een andere post)",
        ["onderdeel van", "post", "jaar", "bedrag", "bron"],
        rechts={"bedrag"},
    )
    onderdelen.rijen = [[o.onderdeel_van, o.post, str(o.jaar), geld(o.bedrag, eenheid), o.bron] for o in s.onderdelen]
    return [t for t in (totaal, effecten, programmas, pm, onderdelen) if t.rijen]


def diff_csv(d: Diff) -> tuple[list[str], list[list[Any]]]:
    kolommen = ["post", "richting", "jaar", "effect_van", "effect_tot", "mutatie", "oorzaken"]
    return kolommen, [
        [p.post, p.richting, p.jaar, p.effect_van, p.effect_tot, p.mutatie, " ".join(p.oorzaken)] for p in d.posten
    ]


def diff_tabel(d: Diff, eenheid: int) -> Tabel:
    jaren = list(d.jaren)
    kolommen = ["", *map(str, jaren)]
    tabel = Tabel(
        f"Gevolgen voor het begrotingssaldo {d.peil.gemeente}: bekend op {d.van} -> {d.tot}",
        kolommen,
        rechts=set(kolommen[1:]),
        voet=f"+ = voordeel ({eenheid_tekst(eenheid)}); pm: bekend, niet verwerkt",
    )
    for post in dict.fromkeys(p.post for p in sorted(d.posten, key=lambda p: p.post)):
        per_jaar = {p.jaar: p for p in d.posten if p.post == post}
        tabel.rijen.append([post, *(_cel(per_jaar.get(j), eenheid) for j in jaren)])
    tabel.rijen.append(["saldo (mutatie)", *(geld(d.jaren[j].mutatie, eenheid, teken=True) for j in jaren)])
    return tabel


def _cel(mutatie: Any, eenheid: int) -> str:
    if mutatie is None:
        return ""
    tekst = geld(mutatie.mutatie, eenheid, teken=True) if mutatie.mutatie else "0"
    return f"{tekst} (pm)" if mutatie.pm else tekst


def reserves_csv(alle: dict[str, Reserve]) -> tuple[list[str], list[list[Any]]]:
    kolommen = ["reserve", "soort", "jaar", "beginstand", "dotatie", "onttrekking", "resultaatbestemming", "stand"]
    rijen = [
        [naam, r.soort, j, *(r.mutaties.get(j, {}).get(k, Decimal("0.00")) for k in kolommen[3:7]), stand]
        for naam, r in sorted(alle.items())
        for j, stand in r.standen.items()
    ]
    return kolommen, rijen


def reserves_tabel(peil: Peil, alle: dict[str, Reserve], eenheid: int) -> Tabel:
    jaren = sorted({j for r in alle.values() for j in r.standen})
    kolommen = ["reserve", "soort", *map(str, jaren)]
    tabel = Tabel(
        f"Reserves {peil.gemeente}: stand einde jaar, {_kop(peil)}",
        kolommen,
        rechts=set(kolommen[2:]),
        voet=eenheid_tekst(eenheid),
    )
    tabel.rijen = [
        [naam, (r.soort or "").replace("_", " "), *(geld(r.standen.get(j), eenheid) for j in jaren)]
        for naam, r in sorted(alle.items())
    ]
    return tabel
