"""Lists of companies as wire copy writes them (issue 17): a place's possessive before a name
("Pfizer and Japan's Eisai"), a compound kind of firm ("Toyota and Chinese carmaker BYD"), a
relative clause after a company no list holds ("Veoneer, which competes with ..."), stock
tickers after names ("Aptiv (APTV.N), Bosch"); negatives: a co-mention, a customer, an
investor."""

from tests.extract.helpers import article, pairs


def test_a_place_s_possessive_keeps_two_partners_joined():
    text = article("Pfizer and Japan's Takeda will collaborate to develop cancer drugs.")
    assert pairs(text, "partners") == {frozenset(("Pfizer", "Takeda"))}


def test_a_compound_kind_of_firm_keeps_two_partners_joined():
    text = article("Toyota and Chinese carmaker BYD formed a joint venture to make electric cars.")
    assert pairs(text, "partners") == {frozenset(("Toyota", "BYD"))}


def test_a_market_list_with_a_place_s_possessive_inside_it():
    text = article("Key players include Samsung, China's Huawei and Xiaomi.")
    assert pairs(text, "competes") == {
        frozenset(("Samsung", "Huawei")),
        frozenset(("Samsung", "Xiaomi")),
        frozenset(("Huawei", "Xiaomi")),
    }


def test_a_company_no_list_holds_before_which_competes_with():
    text = article("Veoneer, which competes with Aptiv, Bosch and Intel, has been hit hard by the pandemic.")
    assert pairs(text, "competes") == {
        frozenset(("Veoneer", "Aptiv")),
        frozenset(("Veoneer", "Bosch")),
        frozenset(("Veoneer", "Intel")),
    }


def test_tickers_after_names_keep_the_list_of_rivals_joined():
    text = article(
        "Veoneer, which competes with companies such as Aptiv (APTV.N), Bosch and Continental (CONG.DE), "
        "has been hit hard by the pandemic."
    )
    assert {frozenset(("Veoneer", "Bosch")), frozenset(("Veoneer", "Continental"))} <= pairs(text, "competes")


def test_a_place_s_possessive_beside_a_co_mention_is_no_relation():
    text = article("Toyota and China's BYD both reported higher sales in March.")
    assert pairs(text, "partners") == set()
    assert pairs(text, "competes") == set()


def test_an_investor_named_with_a_place_s_possessive_is_no_partner():
    text = article("Berkshire Hathaway, an investor in China's BYD, saw its stake rise in value.")
    assert pairs(text, "partners") == set()


def test_a_customer_with_a_compound_kind_is_no_partner():
    text = article("Chinese carmaker BYD buys chips from Nvidia for its cars.")
    assert pairs(text, "partners") == set()
