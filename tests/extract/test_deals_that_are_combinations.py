"""A deal between two companies that the article says combine is that combination, not a
partnership (issue 17): "Dow did the deal with DuPont" beside "the merger of Dow and DuPont";
other deals stay partnerships."""

from tests.extract.helpers import article, pairs


def test_a_deal_that_creates_the_largest_company_is_no_partnership():
    text = article("Pfizer's deal with Allergan, which would create the world's largest drugmaker, drew criticism.")
    assert pairs(text, "partners") == set()


def test_a_deal_between_companies_another_sentence_merges_is_no_partnership():
    text = article(
        "The merger of Dow Chemical and DuPont was approved.", "Dow Chemical did the deal with DuPont on a Friday."
    )
    assert pairs(text, "partners") == set()


def test_a_deal_beside_a_purchase_of_another_company_stays_a_partnership():
    text = article("Nokia announced a 5G equipment deal with T-Mobile.", "Nokia bought Infinera last year.")
    assert pairs(text, "partners") == {frozenset(("Nokia", "T-Mobile"))}


def test_a_deal_beside_a_purchase_only_talked_of_stays_a_partnership():
    text = article("Microsoft has struck a deal with Mistral.", "Analysts said Microsoft could buy Mistral one day.")
    assert pairs(text, "partners") == {frozenset(("Microsoft", "Mistral"))}


def test_working_together_between_merging_companies_stays_a_partnership():
    text = article(
        "The merger of Dow Chemical and DuPont was approved.", "Dow Chemical and DuPont will work together on seeds."
    )
    assert pairs(text, "partners") == {frozenset(("Dow Chemical", "DuPont"))}
