"""Who cooperates, when the sentence names others too (issue 17): a company in an opening phrase
is not the subject ("Following the listing of Coupang, Naver has joined hands with Shinsegae"),
nor the employer of someone who reports it ("X's chairman noted that A and B decided to
cooperate with C"); the rival an alliance is formed against is no partner; companies that each
deepen ties with their own partners are not partners of each other."""

from tests.extract.helpers import article, pairs


def test_a_company_in_an_opening_phrase_is_not_the_subject():
    text = article(
        "Following the listing of Coupang in New York, the web portal Naver has joined hands with Shinsegae."
    )
    assert pairs(text, "partners") == {frozenset(("Naver", "Shinsegae"))}


def test_the_rival_an_alliance_is_formed_against_is_no_partner():
    text = article("Naver has joined hands with Shinsegae to form an alliance against Coupang.")
    assert pairs(text, "partners") == {frozenset(("Naver", "Shinsegae"))}


def test_companies_that_cooperate_with_others_are_all_partners():
    text = article("Sumitomo and SBI Holdings decided to cooperate with Nvidia to build an AI plant in Japan.")
    assert pairs(text, "partners") == {
        frozenset(("Sumitomo", "SBI")),
        frozenset(("Sumitomo", "Nvidia")),
        frozenset(("SBI", "Nvidia")),
    }


def test_the_reporter_s_employer_is_not_the_subject_of_what_is_reported():
    text = article(
        "Nvidia chairman Jensen Huang noted that last week Sumitomo and SBI Holdings decided to cooperate "
        "with Foxconn to build an AI plant."
    )
    assert frozenset(("Nvidia", "Foxconn")) not in pairs(text, "partners")
    assert frozenset(("Sumitomo", "Foxconn")) in pairs(text, "partners")


def test_companies_deepening_ties_with_their_own_partners_are_not_partners_of_each_other():
    text = article("Major automakers like General Motors, Ford and Volvo deepened ties with key technology partners.")
    assert pairs(text, "partners") == set()
    text = article("General Motors and Ford are partners in the venture.")
    assert pairs(text, "partners") == {frozenset(("General Motors", "Ford"))}


def test_a_venture_formed_between_two_companies_is_their_partnership_not_theirs_with_it():
    text = article("Cellnex Telecom is a partnership formed in 1995 between Vodafone and Telefonica.")
    assert pairs(text, "partners") == {frozenset(("Vodafone", "Telefonica"))}


def test_it_in_a_later_clause_is_the_sentence_s_own_subject():
    before = "Suzuki has a tie-up with Toyota. "
    text = article(
        before + "Honda has not entered into a capital tie-up with any domestic automaker, but it does partner "
        "with General Motors in autonomous driving."
    )
    assert frozenset(("Honda", "General Motors")) in pairs(text, "partners")
    assert frozenset(("Suzuki", "General Motors")) not in pairs(text, "partners")
    # the name "it" stands for is no company known here: nobody, rather than the company before
    text = article(
        before + "Zorblax Motor has not entered into a capital tie-up with any domestic automaker, but it does "
        "partner with General Motors in autonomous driving."
    )
    assert frozenset(("Suzuki", "General Motors")) not in pairs(text, "partners")
    # "It ... but it": both the company of the sentence before
    text = article(
        before + "It has not entered into a capital tie-up with any other automaker, but it does partner with "
        "General Motors in autonomous driving."
    )
    assert frozenset(("Suzuki", "General Motors")) in pairs(text, "partners")
