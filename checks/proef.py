"""Checks of documents against the ledger before they are recorded: the warnings of `record`.

- an absolute information amount on a post and year without a raming in force at its
  bekend_op (other than a taakmutatie): the whole amount counts as effect;
- a document's `controle`: the effect on the verwacht saldo it states per year, against what
  its events do at their bekend_op, computed by a dry run of its rows inside a transaction
  that is rolled back. Nothing is written.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from documents.controlecijfers import SALDI
from documents.waarschuwing import Waarschuwing
from events.getallen import NIET_GEWAARSCHUWD, euro
from projections.rijen import KOLOMMEN, postbedragrijen
from projections.saldo import Saldo, saldo
from projections.tijd import naar_us
from projections.zicht import Zicht
from storage.tabellen import Tables
from storage.verbinding import Verbinding
from taal import _

if TYPE_CHECKING:
    from documents.controlecijfers import Controlecijfers
    from documents.documenten import Document

NUL = Decimal("0.00")
PROEF_VERSIE = 2**30  # above any real version: the dry run's rows are its own
BEGROOT = ("raming", "wijziging")


def controle(v: Connection, t: Tables, doc: Document, eerdere: Iterable[Document]) -> list[Waarschuwing]:
    """The document's own stated figures against a dry run of its events.

    The documents before it in the same command are in the dry run first: they are recorded first.
    """
    if doc.controle is None:
        return []
    for eerder in eerdere:
        _proefboeking(v, t, eerder)
    zicht = Zicht(doc.gemeente, max(f.bekend_op for f in doc.feiten))
    voor = saldo(Verbinding.van(v), t.namen, zicht)
    _proefboeking(v, t, doc)
    na = saldo(Verbinding.van(v), t.namen, zicht)
    return vergelijk(doc.controle, voor, na, Decimal(doc.eenheid))


def vergelijk(gesteld: Controlecijfers, voor: Saldo, na: Saldo, eenheid: Decimal) -> list[Waarschuwing]:
    """Each stated figure against the change (or the stand) the ledger computes; one unit of eenheid is rounding."""
    meldingen = []
    for plaats, figuren, stand in gesteld.cijfers():
        for jaar, figuur in sorted(figuren.items()):
            berekend = _waarde(gesteld, plaats, na, jaar) - (NUL if stand else _waarde(gesteld, plaats, voor, jaar))
            if figuur == berekend:
                continue
            melding = _("het document noemt {genoemd}, het grootboek berekent {berekend}").format(
                genoemd=euro(figuur), berekend=euro(berekend)
            )
            afronding = abs(figuur - berekend) <= eenheid
            if afronding:
                melding += _(": afronding binnen één eenheid van het document ({eenheid}), {niet}").format(
                    eenheid=euro(eenheid), niet=_(NIET_GEWAARSCHUWD)
                )
            meldingen.append(Waarschuwing(f"controle.{plaats}.{jaar}", melding, afronding=afronding))
    return meldingen


def _waarde(gesteld: Controlecijfers, plaats: str, s: Saldo, jaar: int) -> Decimal:
    """What the ledger holds for a stated figure: a saldo (or its part), a post's amount, a total of amounts."""
    if plaats in SALDI:
        return getattr(s.jaren[jaar], plaats if plaats != "saldo" else "verwacht_saldo") if jaar in s.jaren else NUL
    posten = [plaats.removeprefix("posten.")]
    if plaats.startswith("totalen["):
        posten = gesteld.totalen[int(plaats[8:-1])].posten
    bedragen = {p.post: p.prognose for p in s.posten if p.jaar == jaar}
    return sum((bedragen.get(p, NUL) for p in posten), NUL)


_volgnummers = itertools.count()


def _teller() -> int:
    return next(_volgnummers) % 2**29


def _verwacht(s: object, jaar: int) -> Decimal:
    jaren = s.jaren  # type: ignore[attr-defined]
    return jaren[jaar].verwacht_saldo if jaar in jaren else NUL


def _proefboeking(v: Connection, t: Tables, doc: Document) -> None:
    """The document's rows as the writer would add them, recorded now: for the caller to roll back."""
    nu = naar_us(datetime.now(UTC))
    rijen = []
    for feit in doc.feiten:
        versie = PROEF_VERSIE + _teller()
        basis = (doc.gemeente, versie, versie, feit.bekend_op, nu, versie, nu, None, None, doc.bron.id)
        rijen += postbedragrijen(type(feit), feit.als_json(), basis)
    if rijen:
        v.execute(insert(t.postbedragen), [dict(zip(KOLOMMEN["postbedragen"], r, strict=True)) for r in rijen])
