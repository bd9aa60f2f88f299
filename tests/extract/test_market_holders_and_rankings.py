"""Rivalry told by a market's holders and ranks (issue 17): companies that dominate a market
together, "are the two biggest", "second only to", "the biggest competitor to X is Y", orders
lost to a rival; cooperation agreed "to jointly develop". Negatives beside each."""

from tests.extract.helpers import article, pairs


def both(a: str, b: str) -> set[frozenset]:
    return {frozenset((a, b))}


def test_companies_that_dominate_a_market_together_are_rivals():
    assert pairs(article("Visa and Mastercard dominate the card market."), "competes") == both("Visa", "Mastercard")
    text = article("Airbus and Boeing dominate the market for large jets.")
    assert pairs(text, "competes") == both("Airbus", "Boeing")


def test_dominating_something_else_or_alone_makes_no_rivals():
    assert pairs(article("Samsung and Apple dominated the headlines at the fair."), "competes") == set()
    assert pairs(article("Samsung dominates the phone market in Korea, where Apple is weak."), "competes") == set()


def test_the_two_biggest_told_after_their_names_are_rivals():
    text = article("Samsung and Apple are the two biggest smartphone makers in the world.")
    assert pairs(text, "competes") == both("Samsung", "Apple")
    text = article("Samsung and Apple remain the world's two largest phone sellers.")
    assert pairs(text, "competes") == both("Samsung", "Apple")


def test_the_two_biggest_customers_are_no_rivals():
    text = article("Samsung and Apple are the two biggest customers of TSMC.")
    assert pairs(text, "competes") == set()


def test_second_only_to_a_rival_and_the_rival_named_as_the_biggest_competitor():
    assert pairs(article("Samsung is second only to Apple in the US market."), "competes") == both("Samsung", "Apple")
    text = article("The biggest competitor to Samsung is Apple, analysts say.")
    assert pairs(text, "competes") == both("Samsung", "Apple")
    text = article("The closest rival to Samsung in the US market was Apple.")
    assert pairs(text, "competes") == both("Samsung", "Apple")


def test_second_only_to_a_company_with_no_named_subject_makes_no_rivals():
    text = article("The deal would have created a company with sales of $84bn, second only to Apple.")
    assert pairs(text, "competes") == set()


def test_orders_lost_to_a_rival():
    assert pairs(article("Boeing lost orders to Airbus in 2024."), "competes") == both("Boeing", "Airbus")


def test_agreeing_to_develop_jointly_is_a_partnership():
    text = article("Toyota and Suzuki agreed to jointly develop the car.")
    assert pairs(text, "partners") == both("Toyota", "Suzuki")
