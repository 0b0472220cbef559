"""The change of the AU between two computations explained, exactly, as the SPEC and real notes name its causes:
uitkeringsfactor, aantallen (hoeveelheidsverschillen), bedragen per eenheid (herverdeling) and buiten de factor;
overall and per maatstaf, in cents that add up to the change as shown."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from events.au_regel import NUL, Berekening
from events.exact import centen, exact, verdeel
from events.maatstafcodes import sorteer
from taal import _

OORZAKEN = ("uitkeringsfactor", "aantallen", "bedragen_per_eenheid", "buiten_factor")


@dataclass(frozen=True)
class Verklaring:
    """AU(tot) − AU(van) in its causes, exact; `centen` gives them in cents that add up to the mutatie.

    Attributes:
        per_maatstaf: (code, aantallen, bedragen_per_eenheid) per code of either computation.
    """

    van: Berekening
    tot: Berekening
    oorzaken: dict[str, Fraction]
    per_maatstaf: tuple[tuple[str, Fraction, Fraction], ...]

    @property
    def mutatie(self) -> int:
        """The change in cents, of the amounts as shown."""
        return centen(self.tot.au or NUL) - centen(self.van.au or NUL)  # verklaar asks both to have an AU

    def centen(self) -> tuple[dict[str, int], list[tuple[str, int, int]]]:
        """The causes in cents adding up to the mutatie, and per maatstaf adding up to those causes."""
        oorzaken = dict(zip(OORZAKEN, verdeel([self.oorzaken[o] for o in OORZAKEN], self.mutatie), strict=True))
        codes = [c for c, _, _ in self.per_maatstaf]
        aantallen = verdeel([a for _, a, _ in self.per_maatstaf], oorzaken["aantallen"])
        gewichten = verdeel([w for _, _, w in self.per_maatstaf], oorzaken["bedragen_per_eenheid"])
        return oorzaken, list(zip(codes, aantallen, gewichten, strict=True))


def _per_code(b: Berekening) -> dict[tuple[str, bool], tuple[Fraction, Fraction]]:
    return {(r.code, r.factor): (exact(r.aantal), exact(r.gewicht) if r.gewicht else NUL) for r in b.a + b.b}


def verklaar(van: Berekening, tot: Berekening) -> Verklaring:
    """Δfactor × basis(van); factor(tot) × Σ Δaantal × bedrag per eenheid(van) (A: × tarief(van)); factor(tot) ×
    Σ aantal(tot) × Δbedrag per eenheid (A: × Δtarief); Δbuiten_factor. They add up to AU(tot) − AU(van) exactly.

    A code that changed part (A to B) counts as leaving the one and entering the other."""
    if van.au is None or tot.au is None:
        raise ValueError(_("zonder uitkeringsfactor is de AU niet te berekenen, en haar mutatie niet te verklaren"))
    een, twee = _per_code(van), _per_code(tot)
    delen: dict[str, tuple[Fraction, Fraction]] = {}
    for code, met_factor in set(een) | set(twee):
        a1, w1 = een.get((code, met_factor), (NUL, NUL))
        a2, w2 = twee.get((code, met_factor), (NUL, NUL))
        f = tot.factor if met_factor else Fraction(1)
        eerder = delen.get(code, (NUL, NUL))
        delen[code] = (eerder[0] + f * (a2 - a1) * w1, eerder[1] + f * a2 * (w2 - w1))
    per_maatstaf = [(code, *delen[code]) for code in sorted(delen, key=sorteer)]
    oorzaken = {
        "uitkeringsfactor": (tot.factor - van.factor) * van.basis_b,
        "aantallen": sum((a for _, a, _ in per_maatstaf), NUL),
        "bedragen_per_eenheid": sum((w for _, _, w in per_maatstaf), NUL),
        "buiten_factor": tot.buiten_factor - van.buiten_factor,
    }
    return Verklaring(van, tot, oorzaken, tuple(per_maatstaf))
