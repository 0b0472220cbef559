"""The read models' table names, which is all a question needs of them (projections/tables.py defines them)."""

from __future__ import annotations

from dataclasses import dataclass

from storage.adres import EVENTS_TABEL

SCHEMA_VERSIE = 7  # raise when a read-model table, or what the events project into it, changes: they are rebuilt


@dataclass(frozen=True)
class Tabelnamen:
    """The names of one set of read models (`prefix`) and of the event store's table they read the events from."""

    prefix: str = ""
    events: str = EVENTS_TABEL

    @property
    def journaal(self) -> str:
        return f"{self.prefix}journaal"

    @property
    def postbedragen(self) -> str:
        return f"{self.prefix}postbedragen"

    @property
    def reservemutaties(self) -> str:
        return f"{self.prefix}reservemutaties"

    @property
    def feiten(self) -> str:
        return f"{self.prefix}feiten"

    @property
    def tracking(self) -> str:
        return f"{self.prefix}projectie_tracking"
