"""A relation of "its" (issue 17): "Its first grocery partnership was with Walmart", "Its rival
Samsung" after a sentence about the company; not when the sentence names someone "its" may
stand for ("Lyft's buyer was one of its chief rivals")."""

from tests.extract.helpers import article, pairs

UBER = "Uber is not new to grocery delivery."


def test_its_partnership_is_the_partnership_of_the_company_the_sentence_before_is_about():
    text = article(
        UBER + " Its first grocery partnership was in 2015 with Walmart.", title="Uber expands grocery delivery"
    )
    assert pairs(text, "partners") == {frozenset(("Uber", "Walmart"))}


def test_its_rival_is_the_rival_of_the_company_the_sentence_before_is_about():
    text = "Apple sales slow\n\nApple sold fewer phones this year. Its rival Samsung sold more.\n"
    assert pairs(text, "competes") == {frozenset(("Apple", "Samsung"))}


def test_its_customer_is_no_rival():
    text = "Apple sales slow\n\nApple sold fewer phones this year. Its customer Samsung bought more.\n"
    assert pairs(text, "competes") == set()


def test_its_after_another_name_stands_for_that_name():
    text = article(UBER + " Lyft's buyer was one of its chief rivals, Walmart.", title="Uber expands grocery delivery")
    assert pairs(text, "competes") == {frozenset(("Lyft", "Walmart"))}
