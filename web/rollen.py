"""The roles a user of the web interface can have; apart, so the command line names them without loading the rest."""

from __future__ import annotations

from enum import Enum


class Rol(str, Enum):
    auditor = "auditor"
    controller = "controller"
    beheerder = "beheerder"

    @property
    def mag_boeken(self) -> bool:
        return self is not Rol.auditor

    @property
    def mag_beheren(self) -> bool:
        return self is Rol.beheerder
