from reports.postnaam import postlabel


def test_a_taakmutatie_reads_as_its_kind_a_colon_and_its_words() -> None:
    assert postlabel("taakmutatie.aanvulling_jeugdhulp_2022") == "Taakmutatie: aanvulling jeugdhulp 2022"


def test_a_post_of_one_part_is_capitalised_with_spaces_for_underscores() -> None:
    assert postlabel("algemene_uitkering") == "Algemene uitkering"


def test_abbreviations_are_written_in_capitals() -> None:
    assert postlabel("buig") == "BUIG"
    assert postlabel("stelpost.bcf") == "Stelpost: BCF"
    assert postlabel("taakmutatie.uitvoeringskosten_svb_pgb") == "Taakmutatie: uitvoeringskosten SVB pgb"


def test_deeper_parts_are_separated_by_commas() -> None:
    assert postlabel("corona.noodopvang.kinderen_2020") == "Corona: noodopvang, kinderen 2020"


def test_text_that_is_not_a_post_name_stays_as_it_is() -> None:
    assert postlabel("geraamd resultaat") == "geraamd resultaat"
    assert postlabel("Saldo") == "Saldo"
