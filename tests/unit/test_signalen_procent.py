from decimal import Decimal

from reports.controller import SIGNAAL_KOLOMMEN, procent_tekst
from reports.model import Answer, Report, Teken, rij
from reports.teken import getekend


def test_the_percentage_has_the_sign_of_its_afwijking_and_a_decimal_comma() -> None:
    assert procent_tekst(Decimal("-28.04"), Decimal("463880.00")) == "+ 28,0"  # lasten 28 % lower: a voordeel
    assert procent_tekst(Decimal("3.71"), Decimal("-456000.00")) == "- 3,7"
    assert procent_tekst(Decimal("0"), Decimal("0")) == "0,0"


def test_shown_as_nadeel_the_percentage_flips_with_the_afwijking() -> None:
    waarden = ["post", "buig", Decimal(1), Decimal(2), Decimal("456000.00"), "+ 3,7", "voordeel"]
    answer = Answer(
        "signalen", (Report("Signalen", ("Signalen",), SIGNAAL_KOLOMMEN, (rij(SIGNAAL_KOLOMMEN, waarden),)),), None
    )
    cellen = getekend(answer, Teken.nadeel).reports[0].rows[0].cells
    assert (cellen["afwijking"], cellen["procent"]) == (Decimal("-456000.00"), "- 3,7")
