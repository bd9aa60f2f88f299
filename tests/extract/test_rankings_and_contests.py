"""A place in a ranking behind a rival, and a contest between the companies of a list longer than
three (issue 17: "X leads the market, followed by Y"; "competition between A, B, C and D")."""

from tests.extract.helpers import article, pairs


def test_a_place_in_a_ranking_behind_a_rival_makes_the_two_rivals():
    text = article("In Mexico, Amazon was second place in rankings behind Argentina-based MercadoLibre.")
    assert pairs(text, "competes") == {frozenset(("Amazon", "MercadoLibre"))}
    text = article("Xiaomi is now the third-largest smartphone vendor behind Samsung in Europe.")
    assert pairs(text, "competes") == {frozenset(("Xiaomi", "Samsung"))}


def test_behind_a_schedule_or_behind_the_scenes_is_no_ranking():
    text = article(
        "Amazon's second warehouse in Mexico opened behind schedule, and MercadoLibre said nothing.",
        "Samsung's third factory was built behind closed doors, with Xiaomi as its tenant.",
    )
    assert pairs(text, "competes") == set()


def test_a_contest_between_four_companies_makes_rivals_of_all_four():
    text = article("Fierce competition between Lazada, Tokopedia, Bukalapak and Zalora is driving up costs.")
    names = ("Lazada", "Tokopedia", "Bukalapak", "Zalora")
    assert pairs(text, "competes") == {frozenset((a, b)) for i, a in enumerate(names) for b in names[i + 1 :]}


def test_a_partnership_between_four_companies_makes_no_rivals():
    text = article("A partnership between Lazada, Tokopedia, Bukalapak and Zalora will share delivery vans.")
    assert pairs(text, "competes") == set()
