"""The snapshots frozen through the web, kept in a table of the ledger's own database beside the users.

Each row holds the snapshot.json text exactly as `begroting snapshot` writes it; the workbook, the
Markdown and report.html are rendered from it on download, as the CLI renders them from the same data.
The table is only added to: a frozen snapshot is never changed or removed through the web.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, insert, select
from sqlalchemy.engine import Engine

METADATA = MetaData()
SNAPSHOTS = Table(
    "begroting_snapshots",
    METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("gemeente", String(20), nullable=False, index=True),
    Column("jaar", Integer, nullable=False),
    Column("as_of", String(10), nullable=False),
    Column("recorded_by", String(40)),
    Column("gemaakt_op", String(40), nullable=False),
    Column("gemaakt_door", String(100), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("inhoud", Text, nullable=False),
)


@dataclass(frozen=True)
class Bewaard:
    """One frozen snapshot: its query, who made it and when, its hash; `inhoud` is its snapshot.json."""

    id: int
    gemeente: str
    jaar: int
    as_of: str
    recorded_by: str | None
    gemaakt_op: str
    gemaakt_door: str
    sha256: str
    inhoud: str = ""

    @property
    def gegevens(self) -> dict[str, Any]:
        return json.loads(self.inhoud)


class Archief:
    """The snapshots of one database; the table is made on first use."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        METADATA.create_all(engine)

    def bewaar(self, tekst: str) -> int:
        """Keep a snapshot.json text; its id."""
        s = json.loads(tekst)
        q, gemaakt = s["query"], s["gemaakt"]
        rij = {"gemeente": q["gemeente"], "jaar": q["jaar"], "as_of": q["as_of"], "recorded_by": q["recorded_by"]}
        rij |= {"gemaakt_op": gemaakt["op"], "gemaakt_door": gemaakt["door"], "sha256": s["sha256"], "inhoud": tekst}
        with self.engine.begin() as v:
            return v.execute(insert(SNAPSHOTS).values(**rij)).inserted_primary_key[0]

    def lijst(self, gemeente: str | None = None) -> list[Bewaard]:
        """Newest first, without their content."""
        kolommen = [c for c in SNAPSHOTS.c if c.name != "inhoud"]
        sql = select(*kolommen).order_by(SNAPSHOTS.c.id.desc())
        if gemeente:
            sql = sql.where(SNAPSHOTS.c.gemeente == gemeente)
        with self.engine.connect() as v:
            return [Bewaard(**r._mapping) for r in v.execute(sql)]

    def zoek(self, nummer: int) -> Bewaard | None:
        with self.engine.connect() as v:
            r = v.execute(select(SNAPSHOTS).where(SNAPSHOTS.c.id == nummer)).first()
        return None if r is None else Bewaard(**r._mapping)
