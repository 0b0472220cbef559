"""The raad's own budget decisions: the begroting and its wijzigingen."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from events.base import Feit
from events.postbedragen import Json, Postbedrag, Soort, pm_post, reeks
from events.posten import Post
from events.registry import registreer
from events.samenvatting import jaren, jaren_tekst
from events.waarden import Bedragen, BronId, RegelTekst
from taal import _


def elke_post_eenmaal(posten: list[Post]) -> list[Post]:
    gezien: set[str] = set()
    for post in posten:
        if post.post in gezien:
            raise ValueError(
                _("post {post} staat er twee keer; geef hem één keer met al zijn jaren").format(post=repr(post.post))
            )
        gezien.add(post.post)
    return posten


def samenvatting_begroting(f: Json) -> str:
    posten = f.get("posten") or []
    alle = jaren(f.get("saldo"), f.get("incidenteel_saldo"), *(p["bedragen"] for p in posten))
    return f"{f['naam']}: {len(posten)} posten, {jaren_tekst(alle)}"


def samenvatting_wijziging(f: Json) -> str:
    return f"{f['naam']}: {len(f['posten'])} posten, {jaren_tekst(jaren(*(p['bedragen'] for p in f['posten'])))}"


@registreer(samenvatting=samenvatting_begroting, groepen={"stelpost.": "stelposten"})
class BegrotingVastgesteld(Feit):
    """A (meerjaren)begroting: absolute ramingen per post and year.

    A later begroting replaces the ramingen of the posts and years it lists,
    and its `saldo` replaces the begroot saldo of the years it states.
    """

    betekenis: ClassVar[str] = (
        "Een vastgestelde (meerjaren)begroting: de ramingen per post en jaar. Een latere begroting vervangt de "
        "ramingen van de posten en jaren die ze noemt, en haar saldo het begrote saldo van die jaren."
    )
    type: Literal["begroting"] = "begroting"
    naam: RegelTekst = Field(description='de naam van de begroting, zoals "Programmabegroting 2021-2024"')
    saldo: Bedragen = Field(
        default_factory=dict, description="het begrotingssaldo per jaar zoals de begroting het noemt (+ is voordeel)"
    )
    incidenteel_saldo: Bedragen = Field(default_factory=dict, description="het incidentele deel van het saldo per jaar")
    posten: list[Post] = Field(
        default_factory=list,
        description="de ramingen; een begroting mag alleen haar saldo noemen, zoals de stand in een kadernota",
    )

    _eenmaal = field_validator("posten")(elke_post_eenmaal)

    @model_validator(mode="after")
    def _iets_vastgesteld(self, info: ValidationInfo) -> BegrotingVastgesteld:
        if not self.posten and not self.saldo and info.context is not None:
            raise ValueError(_("geeft geen bedragen: geen posten en geen saldo"))
        return self

    def jaren(self) -> set[int]:
        return set(self.saldo) | set(self.incidenteel_saldo) | set().union(*(p.bedragen for p in self.posten))

    @classmethod
    def postbedragen(cls, feit: Json) -> list[Postbedrag]:
        """The ramingen, and the stated saldo of every year the begroting covers (0 when not stated)."""
        jaren = {j for p in feit["posten"] for j in p["bedragen"]} | set(feit["saldo"])
        saldo = {j: feit["saldo"].get(j, "0.00") for j in jaren}
        incidenteel = {j: feit["incidenteel_saldo"].get(j, "0.00") for j in jaren}
        lijnen = posten_bedragen("raming", feit) + reeks("saldo", "saldo", "saldo", saldo)
        return lijnen + reeks("saldo_incidenteel", "saldo", "saldo", incidenteel, incidenteel=True)


@registreer(samenvatting=samenvatting_wijziging, groepen={})
class BegrotingGewijzigd(Feit):
    """A begrotingswijziging: deltas on the ramingen of the current begroting."""

    betekenis: ClassVar[str] = "Een begrotingswijziging: mutaties op de ramingen van de geldende begroting."
    type: Literal["begrotingswijziging"] = "begrotingswijziging"
    naam: RegelTekst
    naar_aanleiding_van: BronId | None = Field(
        None, description="het `id` van de bron die tot de wijziging leidde, zoals een circulaire"
    )
    posten: list[Post] = Field(
        min_length=1,
        description="de mutaties per post en jaar: hogere baten zijn + voor het saldo, hogere lasten −",
    )

    _eenmaal = field_validator("posten")(elke_post_eenmaal)

    def jaren(self) -> set[int]:
        return set().union(*(p.bedragen for p in self.posten))

    @classmethod
    def postbedragen(cls, feit: Json) -> list[Postbedrag]:
        return posten_bedragen("wijziging", feit)


def posten_bedragen(soort: Soort, feit: Json) -> list[Postbedrag]:
    return [
        r
        for p in feit["posten"]
        for r in reeks(
            soort, p["post"], p["richting"], p["bedragen"], None, p.get("programma"), p.get("incidenteel", False)
        )
    ] + [pm_post(feit, p["post"], p["richting"]) for p in feit["posten"] if p.get("pm")]
