from reports.waterval import KORT, _kort


def test_a_stand_of_the_au_is_labelled_by_its_date_alone() -> None:
    assert _kort("AU bekend op 2020-07-01") == "AU 2020-07-01"


def test_a_stand_of_the_saldo_is_labelled_as_stand() -> None:
    assert _kort("saldo bekend op 2020-06-30") == "stand 2020-06-30"


def test_a_long_label_is_cut_to_what_fits_the_column() -> None:
    assert _kort("subtotaal bedragen per eenheid") == "subtotaal bedragen …"
    assert len(_kort("x" * 40)) == KORT
