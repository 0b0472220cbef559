"""The column headings of the reports, for the catalogue: a heading is its column's label, which CSV and xlsx
keep as it is (scripts read it) and the tables for people show in their language (`opmaak.kolomkop`)."""

from __future__ import annotations

from taal import N_

KOPPEN = (
    N_("%"), N_("afwijking"), N_("baten"), N_("bedrag"), N_("bekend_op"), N_("berekend"), N_("bron"),
    N_("controle"), N_("door"), N_("doorgegeven als lasten"), N_("eenheid"), N_("effect"), N_("effect_tot"),
    N_("effect_van"), N_("event"), N_("fase"), N_("figuur"), N_("forecast"), N_("formule"), N_("geboekt"),
    N_("geboekt_op"), N_("gerealiseerd"), N_("groep"), N_("id"), N_("jaar"), N_("jaren"), N_("klasse"),
    N_("ledger"), N_("methode"), N_("mutatie"), N_("naam"), N_("niveau"), N_("onderdeel"), N_("onderdeel van"),
    N_("oordeel"), N_("oorzaken"), N_("post"), N_("prognose"), N_("raming"), N_("reserve"), N_("richting"),
    N_("samenvatting"), N_("snapshot"), N_("som der delen"), N_("soort"), N_("stand"), N_("status"), N_("teken"),
    N_("toelichting"), N_("tot_bron"), N_("type"), N_("van_bron"), N_("veld"), N_("vermeld"), N_("verschil"),
    N_("verwacht"), N_("waarde"), N_("waarschuwing"), N_("zegel (HMAC-SHA256 van de hash)"), N_("gemeente"),
    N_("geboekt_door"), N_("betreft"), N_("reden"), N_("verwerking"), N_("bron_titel"), N_("bron_kenmerk"),
    N_("hash"), N_("vorige_hash"), N_("inhoud"), N_("positie"), N_("waarschuwingen"), N_("moment"),
)  # fmt: skip
