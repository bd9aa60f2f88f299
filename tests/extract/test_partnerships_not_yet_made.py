"""Partnerships only sought, partnerships each company makes on its own, and the newspaper a report
is credited to (issue 17: "a customer is no partner"; a co-mention is no relation)."""

from tests.extract.helpers import article, pairs


def test_a_partnership_sought_or_discussed_is_none_yet():
    text = article(
        "Hyundai says it is discussing partnerships with Google.",
        "Geely has made no secret of seeking partnerships with Daimler.",
        "It is not the first time that Toyota and Ford have sought a partnership.",
    )
    assert pairs(text, "partners") == set()


def test_a_partnership_made_is_one():
    # the positive beside the negatives
    text = article("Hyundai signed a partnership with Google on Monday.")
    assert pairs(text, "partners") == {frozenset(("Hyundai", "Google"))}


def test_companies_that_each_announce_their_own_partnership_are_not_partners_of_each_other():
    text = article(
        "Volkswagen and Hyundai both announced separate partnerships with a self-driving start-up on Thursday."
    )
    assert pairs(text, "partners") == set()
    text = article("Volkswagen and Hyundai announced a partnership on Thursday.")
    assert pairs(text, "partners") == {frozenset(("Volkswagen", "Hyundai"))}


def test_the_newspaper_a_report_is_credited_to_is_no_party():
    text = article(
        "JetBlue's chief executive said he is confident of its alliance with American Airlines, reported Bloomberg."
    )
    assert pairs(text, "partners") == {frozenset(("JetBlue", "American Airlines"))}


def test_a_list_closed_by_and_ends_there():
    # "A and B, and C": C starts another part of the sentence, no third owner of the venture
    text = article(
        "Breaking the duopoly held by Globe Telecom, which is jointly owned by Ayala and Singtel, and PLDT, "
        "which is partly owned by NTT, is a popular policy."
    )
    assert pairs(text, "partners") == {frozenset(("Ayala", "SingTel"))}
    text = article("The service is jointly owned by Ayala, Singtel and NTT.")
    assert pairs(text, "partners") == {
        frozenset(p) for p in (("Ayala", "SingTel"), ("Ayala", "NTT"), ("SingTel", "NTT"))
    }
