"""The rule of the algemene uitkering (Financiële-verhoudingswet art. 9-11, Besluit financiële verhouding 2001
bijlage 2), exact, and the change between two computations explained as factor, aantallen and weights:

    AU(j) = Σ_A aantal × tarief  +  uitkeringsfactor(j) × Σ_B aantal × bedrag_per_eenheid  +  Σ buiten_factor

Inputs are the stored JSON of one year of a `verdeelmodel` and of a `maatstaven` event; every number is
computed on as a Fraction and shown to the cent only at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from events.exact import centen, euro_exact, exact, verdeel
from events.getallen import oordeel
from events.maatstafcodes import maatstaf, naam, sorteer

OORZAKEN = ("uitkeringsfactor", "aantallen", "bedragen_per_eenheid", "buiten_factor")
NUL = Fraction(0)


@dataclass(frozen=True)
class Regel:
    """One maatstaf: aantal × tarief (A) or aantal × bedrag per eenheid (B, before the factor), as given.

    Attributes:
        gewicht: the tarief (A) or bedrag per eenheid (B) as the verdeelmodel gives it; None when it gives none.
        vermeld: the row's amount as the document's table prints it, for checking.
    """

    code: str
    naam: str
    onderdeel: str
    aantal: str
    gewicht: str | None
    bedrag: Fraction
    vermeld: Decimal | None = None
    factor: bool = True
    """The uitkeringsfactor multiplies its amount: part B but herindeling (45)."""

    @property
    def verschil(self) -> Decimal | None:
        return None if self.vermeld is None else self.vermeld - euro_exact(self.bedrag)

    @property
    def oordeel(self) -> str | None:
        return None if self.vermeld is None else oordeel(self.verschil)


@dataclass(frozen=True)
class Berekening:
    """The AU of one year from one verdeelmodel and one maatstaven document."""

    jaar: int
    uitkeringsfactor: str | None
    a: tuple[Regel, ...]
    b: tuple[Regel, ...]
    buiten: tuple[tuple[str, Decimal], ...]

    @property
    def factor(self) -> Fraction:
        """The uitkeringsfactor; a verdeelmodel without one gives no AU (`au` is then None)."""
        if self.uitkeringsfactor is None:
            raise ValueError("het verdeelmodel geeft geen uitkeringsfactor")
        return exact(self.uitkeringsfactor)

    @property
    def subtotaal_a(self) -> Fraction:
        return sum((r.bedrag for r in self.a), NUL)

    @property
    def som_b(self) -> Fraction:
        """Σ_B aantal × bedrag per eenheid: part B's rows added up."""
        return sum((r.bedrag for r in self.b), NUL)

    @property
    def basis_b(self) -> Fraction:
        """The rows of part B the factor multiplies (all but herindeling, which the law divides by the factor)."""
        return sum((r.bedrag for r in self.b if r.factor), NUL)

    @property
    def subtotaal_b(self) -> Fraction | None:
        """Part B after the factor: factor × basis, and the rows it does not multiply."""
        if self.uitkeringsfactor is None:
            return None
        return self.factor * self.basis_b + self.som_b - self.basis_b

    @property
    def buiten_factor(self) -> Fraction:
        return sum((Fraction(b) for _, b in self.buiten), NUL)

    @property
    def au(self) -> Fraction | None:
        b = self.subtotaal_b
        return None if b is None else self.subtotaal_a + b + self.buiten_factor


def _onderdeel(code: str, jaar: int, model: dict[str, Any]) -> str:
    if code in (model.get("tarieven") or {}):
        return "A"
    if code in (model.get("bedragen_per_eenheid") or {}):
        return "B"
    lijst = maatstaf(code, jaar)
    return lijst.onderdeel if lijst else "B"


def _regel(code: str, jaar: int, aantal: str, model: dict[str, Any], vermeld: dict[str, Any]) -> Regel:
    onderdeel = _onderdeel(code, jaar, model)
    gewichten = model.get("tarieven" if onderdeel == "A" else "bedragen_per_eenheid") or {}
    gewicht = gewichten.get(code)
    bedrag = exact(aantal) * exact(gewicht) if gewicht is not None else NUL
    gegeven = None if vermeld.get(code) is None else Decimal(vermeld[code])
    lijst = maatstaf(code, jaar)
    factor = onderdeel == "B" and (lijst is None or lijst.factor)
    return Regel(code, naam(code, jaar), onderdeel, aantal, gewicht, bedrag, gegeven, factor)


def bereken(jaar: int, model: dict[str, Any], maatstaven: dict[str, Any]) -> Berekening:
    """The AU of `jaar`: `model` one year of a verdeelmodel, `maatstaven` one year of a maatstaven event."""
    aantallen = maatstaven.get("aantallen") or {}
    vermeld = maatstaven.get("bedragen") or {}
    regels = [_regel(c, jaar, aantallen[c], model, vermeld) for c in sorted(aantallen, key=sorteer)]
    buiten = tuple((n, Decimal(b)) for n, b in (maatstaven.get("buiten_factor") or {}).items())
    return Berekening(
        jaar,
        model.get("uitkeringsfactor"),
        tuple(r for r in regels if r.onderdeel == "A"),
        tuple(r for r in regels if r.onderdeel == "B"),
        buiten,
    )


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
        raise ValueError("zonder uitkeringsfactor is de AU niet te berekenen, en haar mutatie niet te verklaren")
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
