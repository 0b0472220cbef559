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

from events.exact import euro_exact, exact
from events.getallen import oordeel
from events.maatstafcodes import maatstaf, naam, sorteer
from taal import _

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
            raise ValueError(_("het verdeelmodel geeft geen uitkeringsfactor"))
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
