"""An accepted computation of the algemene uitkering becomes a prognose document, with its parts as opbouw."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

from documents.documenten import Document, document_hash
from events import Bron, PrognoseBijgesteld
from events.au_regel import Berekening
from events.exact import centen, verdeel
from events.postbedragen import AU
from taal import _


def delen(b: Berekening) -> dict[str, Decimal]:
    """Part A, part B × the factor and the amounts outside it, in cents that add up to the AU shown."""
    if b.subtotaal_b is None or b.au is None:
        raise ValueError(_("zonder uitkeringsfactor is er geen AU om als prognose te boeken"))
    centen_ = verdeel([b.subtotaal_a, b.subtotaal_b, b.buiten_factor], centen(b.au))
    return {n: Decimal(c) / 100 for n, c in zip(("onderdeel_a", "onderdeel_b", "buiten_factor"), centen_, strict=True)}


def au_prognose_document(gemeente: str, b: Berekening, herkomst: str, op: date) -> Document:
    """The computed AU of `b.jaar` as a prognose known on `op`; the same AU on the same day is the same bron."""
    opbouw = {naam: {b.jaar: bedrag} for naam, bedrag in delen(b).items() if bedrag}
    au = sum(delen(b).values(), Decimal("0.00"))
    vingerafdruk = hashlib.sha256(f"{au}".encode()).hexdigest()[:8]
    bron = Bron(
        id=f"au-{b.jaar}-{op.isoformat()}-{vingerafdruk}",
        titel=f"Prognose algemene uitkering {b.jaar} uit de verdeelmaatstaven",
        datum=op,
    )
    feit = PrognoseBijgesteld.model_validate(
        {
            "bekend_op": op,
            "post": AU,
            "richting": "baten",
            "bedragen": {b.jaar: au},
            "opbouw": opbouw,
            "toelichting": f"berekend uit de verdeelmaatstaven ({herkomst}), uitkeringsfactor {b.uitkeringsfactor}",
        }
    )
    return Document(f"au {b.jaar}", gemeente, bron, (feit,), document_hash(gemeente, bron, [feit]))
