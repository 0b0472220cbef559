"""The roles a user of the web interface can have; apart, so the command line names them without loading the rest."""

from __future__ import annotations

from enum import Enum

from taal import N_, _

NAMEN = (N_("auditor"), N_("controller"), N_("beheerder"))
"""The roles' names for the catalogue; the value itself is what the command line and the database use."""


class Rol(str, Enum):
    auditor = "auditor"
    controller = "controller"
    beheerder = "beheerder"

    @property
    def naam(self) -> str:
        """The role as the user's language names it."""
        return _(self.value)

    @property
    def mag_boeken(self) -> bool:
        return self is not Rol.auditor

    @property
    def mag_beheren(self) -> bool:
        return self is Rol.beheerder
