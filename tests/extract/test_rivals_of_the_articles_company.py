"""The rivals of the article's company where a sentence names only the other side ("rivalry from
firms such as X and Y"), and the sentences where the other side is someone else's rival: the
subject of the verb the rival is the object of, the subject after an opening phrase, a
competitive market that names no rival (issue 17)."""

from tests.extract.helpers import article, pairs

ABOUT_SAMSUNG = "Samsung makes chips. Samsung sells phones. Samsung said sales rose."


def test_rivalry_from_firms_named_alone_is_the_articles_company_s():
    text = article(ABOUT_SAMSUNG, "It faces rivalry from firms such as Qualcomm and MediaTek.")
    assert pairs(text, "competes") == {frozenset(("Samsung", "Qualcomm")), frozenset(("Samsung", "MediaTek"))}


def test_the_rival_a_named_person_sets_out_to_challenge_is_not_the_articles_company_s():
    text = article(
        ABOUT_SAMSUNG,
        "The merger would create one of the largest payments groups, and set Dorsey up to challenge "
        "established rival PayPal Holdings Inc, as well as Apple Inc and Google.",
    )
    assert not any("Samsung" in pair for pair in pairs(text, "competes"))


def test_the_subject_after_an_opening_phrase_is_the_one_that_faces_competition():
    text = article(
        ABOUT_SAMSUNG,
        "Despite intense competition Qualcomm has managed to retain the top spot in mobile processors.",
    )
    assert not any("Samsung" in pair for pair in pairs(text, "competes"))


def test_a_fiercely_competitive_industry_names_no_rival_of_the_articles_company():
    text = article(
        ABOUT_SAMSUNG,
        "A shake-up in Asia's fiercely competitive smartphone industry became likely when SoftBank invested in Xiaomi.",
    )
    assert not any("Samsung" in pair for pair in pairs(text, "competes"))
