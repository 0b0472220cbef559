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

from events.getallen import euro
from ledger.verbinding import Verbinding
from ledger.waarschuwing import Waarschuwing
from projections.rijen import KOLOMMEN, postbedragrijen
from projections.saldo import saldo
from projections.tables import Tables
from projections.tijd import naar_us
from projections.zicht import Zicht

if TYPE_CHECKING:
    from ledger.documenten import Document

NUL = Decimal("0.00")
PROEF_VERSIE = 2**30  # above any real version: the dry run's rows are its own
BEGROOT = ("raming", "wijziging")


def controle(v: Connection, t: Tables, doc: Document, eerdere: Iterable[Document]) -> list[Waarschuwing]:
    """The document's own statement of its effect per year, against a dry run of its events.

    The documents before it in the same command are in the dry run first: they are recorded first.
    """
    if not doc.controle:
        return []
    for eerder in eerdere:
        _proefboeking(v, t, eerder)
    zicht = Zicht(doc.gemeente, max(f.bekend_op for f in doc.feiten))
    voor = saldo(Verbinding.van(v), t.namen, zicht)
    _proefboeking(v, t, doc)
    na = saldo(Verbinding.van(v), t.namen, zicht)
    meldingen = []
    for jaar, gesteld in sorted(doc.controle.items()):
        berekend = _verwacht(na, jaar) - _verwacht(voor, jaar)
        if berekend != gesteld:
            melding = f"the document states {euro(gesteld)}, the ledger computes {euro(berekend)}"
            meldingen.append(Waarschuwing(f"controle.saldo.{jaar}", melding))
    return meldingen


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
