"""Rivalry told through prices (issue 17): prices set side by side in one sentence ("X charges
25 per cent, while Y charges 15 per cent"), and companies listed as the subjects of one move on
prices ("A, B and C all plan to lower prices"); negatives: figures that are no prices, one
company's price alone, a supplier's price to its customer, a co-mention."""

from tests.extract.helpers import article, pairs


def test_commissions_side_by_side_make_rivals():
    text = article(
        "Ride-hailing firm Lyft operates in a dozen cities.",
        "Lyft currently charges a 25 per cent commission on each ride, while apps like Gojek and Taxify charge "
        "15 per cent.",
    )
    assert {frozenset(("Lyft", "Gojek")), frozenset(("Lyft", "Taxify"))} <= pairs(text, "competes")


def test_prices_of_a_bag_side_by_side_make_rivals():
    text = article(
        "Cement maker Ghacem set the bar at GHS30 per bag, while Holcim reduced its price to GHS26 per bag.",
    )
    assert pairs(text, "competes") == {frozenset(("Ghacem", "Holcim"))}


def test_companies_listed_as_subjects_of_a_price_cut_compete():
    text = article("Tesco, Sainsbury's and Asda all plan to lower prices this summer.")
    assert pairs(text, "competes") == {
        frozenset(("Tesco", "Sainsbury's")),
        frozenset(("Tesco", "Asda")),
        frozenset(("Sainsbury's", "Asda")),
    }


def test_a_price_beside_a_figure_that_is_no_price_is_no_rivalry():
    text = article("Netflix raised its price to $15.49 a month, while Apple reported revenue of $90 billion.")
    assert pairs(text, "competes") == set()


def test_one_company_s_price_and_another_s_sales_are_no_rivalry():
    text = article("Apple charges $999 for the iPhone, while Samsung has sold 10 million phones this year.")
    assert pairs(text, "competes") == set()


def test_share_prices_side_by_side_are_no_rivalry():
    text = article("Shares of Tesco rose 2 per cent, while Unilever shares fell 1 per cent in London.")
    assert pairs(text, "competes") == set()


def test_a_supplier_cutting_prices_for_a_customer_is_no_rivalry():
    text = article("Foxconn will cut prices for Apple next year, while Apple pays $5 a unit more for screens.")
    assert pairs(text, "competes") == set()
