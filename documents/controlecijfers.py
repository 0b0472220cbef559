"""A document's own stated figures (`controle`): what its events do, as the document itself prints it.

Posts and totals state the change of the posts' amounts (a lasten post that rises is positive), the
saldo figures the change of the verwacht saldo and its parts (+ is voordeel); `stand: true` makes a
figure the resulting stand instead of the change.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import Field, ValidationInfo, field_validator, model_validator

from events.base import Model
from events.waarden import Bedragen, BedragenVerplicht, PostNaam, RegelTekst
from taal import _

SALDI = ("saldo", "structureel_saldo", "incidenteel_saldo")


class Totaal(Model):
    """A named subtotal over several posts, as a note prints it (the earmarked part, the sociaal domein)."""

    naam: RegelTekst
    posten: list[PostNaam] = Field(min_length=1)
    bedragen: BedragenVerplicht
    stand: bool = False


class Controlecijfers(Model):
    """What a document states its events do, per year: the ledger checks every figure."""

    saldo: Bedragen = Field(
        default_factory=dict, description="de verandering van het verwacht saldo per jaar (+ is voordeel)"
    )
    structureel_saldo: Bedragen = Field(
        default_factory=dict, description="de verandering van het structurele deel van het verwacht saldo per jaar"
    )
    incidenteel_saldo: Bedragen = Field(
        default_factory=dict, description="de verandering van het incidentele deel van het verwacht saldo per jaar"
    )
    posten: dict[PostNaam, BedragenVerplicht] = Field(
        default_factory=dict,
        description="per post de verandering van zijn bedrag per jaar (ook stijgende lasten zijn +)",
    )
    totalen: list[Totaal] = Field(
        default_factory=list, description="subtotalen met een naam over meer posten, zoals het document ze drukt"
    )
    stand: bool = Field(False, description="`true`: elk cijfer is de stand die eruit volgt, niet de verandering")

    @field_validator("totalen")
    @classmethod
    def _elke_naam_eenmaal(cls, totalen: list[Totaal]) -> list[Totaal]:
        namen = [t.naam for t in totalen]
        dubbel = sorted({n for n in namen if namen.count(n) > 1})
        if dubbel:
            raise ValueError(_("totaal {namen} staat er twee keer").format(namen=", ".join(map(repr, dubbel))))
        return totalen

    @model_validator(mode="after")
    def _iets_gesteld(self, info: ValidationInfo) -> Controlecijfers:
        if info.context is not None and not (any(getattr(self, s) for s in SALDI) or self.posten or self.totalen):
            raise ValueError(
                _("noemt geen enkel cijfer: geef saldo, structureel_saldo, incidenteel_saldo, posten of totalen")
            )
        return self

    def hash_vorm(self) -> dict[str, Any]:
        """Its part of the document hash; a controle of only a saldo keeps the form it always had."""
        if set(self.inhoud()) == {"saldo"}:
            return {str(j): f"{b:.2f}" for j, b in self.saldo.items()}
        return self.inhoud()

    def cijfers(self) -> list[tuple[str, dict[int, Decimal], bool]]:
        """Every stated series: (its place, like `saldo` or `totalen[0]`, the figures, stand or change)."""
        uit = [(s, getattr(self, s), self.stand) for s in SALDI if getattr(self, s)]
        uit += [(f"posten.{p}", b, self.stand) for p, b in self.posten.items()]
        return uit + [(f"totalen[{i}]", t.bedragen, self.stand or t.stand) for i, t in enumerate(self.totalen)]


def uit_opslag(inhoud: dict[str, Any] | None) -> Controlecijfers | None:
    """The controle as the ledger stored it with a document's first event (amounts in euros)."""
    return None if inhoud is None else Controlecijfers.model_validate(inhoud)
