"""The BUIG beschikkingen: the rijk's budget for bijstandsuitkeringen."""

from __future__ import annotations

from typing import Literal

from events.base import Bedrag, Informatie, Jaar

FASEN = ("voorlopig", "nader_voorlopig", "definitief")


class BuigBeschikkingOntvangen(Informatie):
    """A BUIG beschikking for one year; its fase only moves forward by bekend_op.

    Attributes:
        fase: voorlopig, nader_voorlopig or definitief.
        bedrag: the budget for `jaar`.
    """

    type: Literal["buig_beschikking"] = "buig_beschikking"
    fase: Literal["voorlopig", "nader_voorlopig", "definitief"]
    jaar: Jaar
    bedrag: Bedrag

    def jaren(self) -> set[int]:
        return {self.jaar}
