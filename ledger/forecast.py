"""An accepted forecast becomes a prognose document of its own, built by the ledger as any document is."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

from documents.documenten import Document, document_hash
from events import Bron, PrognoseBijgesteld


def prognose_document(
    gemeente: str, post: str, richting: str, jaar: int, bedrag: Decimal, toelichting: str, periode: str, op: date
) -> Document:
    """The forecast of `post` for `jaar`, known on `op`; the same forecast on the same day is the same bron."""
    vingerafdruk = hashlib.sha256(f"{bedrag}".encode()).hexdigest()[:8]
    bron = Bron(
        id=f"forecast-{jaar}-{post}-{periode}-{op.isoformat()}-{vingerafdruk}",
        titel=f"Prognose {post} {jaar} op basis van realisaties (run rate)",
        datum=op,
    )
    feit = PrognoseBijgesteld(
        bekend_op=op, post=post, richting=richting, bedragen={jaar: bedrag}, toelichting=toelichting
    )  # type: ignore[arg-type]
    return Document(f"forecast {post}", gemeente, bron, (feit,), document_hash(gemeente, bron, [feit]))
