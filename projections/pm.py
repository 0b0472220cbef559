"""Lines known and named without amounts (`pm: true`): listed under pm with no figure and no year."""

from __future__ import annotations

from dataclasses import dataclass

from projections.zicht import Zicht, vraag
from storage.schema import Tabelnamen
from storage.verbinding import Verbinding


@dataclass(frozen=True)
class PmZonderBedrag:
    """A line known and named without amounts (`pm: true`): no figure, no year."""

    post: str
    richting: str
    bron: str
    versie: int


PM_ZONDER_BEDRAG = """
SELECT p.post, p.richting, p.bron, p.versie FROM {postbedragen} p WHERE {zichtbaar_p} AND p.soort = 'pm_post'
  AND NOT EXISTS (SELECT 1 FROM {postbedragen} q WHERE {zichtbaar_q} AND q.post = p.post
    AND q.soort IN ('raming', 'wijziging', 'prognose', 'mutatie', 'pm', 'pm_mutatie')
    AND (q.bekend_op > p.bekend_op OR (q.bekend_op = p.bekend_op AND q.keten_geboekt_op > p.keten_geboekt_op)))
ORDER BY p.post, p.versie
"""


def pm_zonder_bedrag(verbinding: Verbinding, t: Tabelnamen, zicht: Zicht) -> list[PmZonderBedrag]:
    """Lines named without amounts, until later information or a later begroting gives the post an amount."""
    sql = vraag(PM_ZONDER_BEDRAG, postbedragen=t.postbedragen)
    rijen = verbinding.execute(sql, zicht.params()).all()
    return [PmZonderBedrag(r.post, r.richting, r.bron, r.versie) for r in rijen]
