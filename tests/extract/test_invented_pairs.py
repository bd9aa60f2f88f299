"""Pairs the relation rules used to invent on news nobody tuned them for (issue 17, precision):
each class of writing with its negative and the reading that must stay."""

from tests.extract.helpers import article, pairs


def both(a: str, b: str) -> set[frozenset]:
    return {frozenset((a, b))}


def test_a_list_holding_the_company_itself_is_no_list_of_its_unnamed_rivals():
    text = article(
        "Zomato says it will appeal, and Zomato staff agree. Zomato has faced the threat from others since its launch.",
        "Delivery apps Swiggy, Zomato and Dunzo cut their fees on Monday.",
        title="Zomato hits out at delivery apps",
    )
    assert not any("Zomato" in pair for pair in pairs(text, "competes"))


def test_a_list_beside_another_company_acting_on_it_is_no_list_of_unnamed_rivals():
    text = article(
        "Zomato says it will appeal, and Zomato staff agree. Zomato has faced the threat from others since its launch.",
        "Last year Tata Group sued Swiggy and Dunzo over a trademark.",
        title="Zomato hits out at delivery apps",
    )
    assert not any("Zomato" in pair for pair in pairs(text, "competes"))


def test_the_unnamed_rivals_listed_next_still_are_rivals():
    text = article(
        "Zomato says it will appeal, and Zomato staff agree. Zomato has faced the threat from others since its launch.",
        "Swiggy, Uber Eats and Dunzo cut their delivery fees on Monday.",
        title="Zomato hits out at delivery apps",
    )
    assert {frozenset(("Zomato", "Swiggy")), frozenset(("Zomato", "Dunzo"))} <= pairs(text, "competes")


def test_the_two_companies_rivals_only_where_the_cue_is_said_of_them():
    text = article(
        "Adobe agreed to buy Figma last year.",
        "There was no overlap between the two companies' customers, and there were no complaints from competitors.",
    )
    assert pairs(text, "competes") == set()
    text = article(
        "Grab and Gojek both run ride-hailing apps in Jakarta.",
        "Users have benefited from the two companies' fierce competition for drivers.",
    )
    assert pairs(text, "competes") == both("Grab", "Gojek")


def test_a_joint_venture_named_in_apposition_is_no_partner_of_its_owners():
    text = article("Eni is building solar farms, including Solenova, a joint venture with Sonangol, in Angola.")
    assert frozenset(("Solenova", "Sonangol")) not in pairs(text, "partners")
    text = article("Sony formed a joint venture with Honda in 2022.")
    assert pairs(text, "partners") == both("Sony", "Honda")


def test_the_firm_a_figure_comes_from_is_no_party():
    text = article("Xiaomi overtook Samsung to become the biggest phone maker for the first time, per Counterpoint.")
    assert pairs(text, "competes") == both("Xiaomi", "Samsung")
    text = "The Canalys report gave Xiaomi a 25 percent market share, followed by Samsung with 23 percent share."
    assert pairs(article(text), "competes") == both("Xiaomi", "Samsung")
    text = article("Canalys analyst Jane Roe said Xiaomi overtook Samsung in the quarter.")
    assert pairs(text, "competes") == both("Xiaomi", "Samsung")


def test_a_partnership_mulled_or_wished_for_is_none():
    assert pairs(article("Huawei is mulling smartphone chip supply deals with MediaTek."), "partners") == set()
    assert pairs(article("BYD Wants To Work With Tesla To Eliminate Petrol Cars"), "partners") == set()
    assert pairs(article("Vodacom discusses infrastructure deals with Orange across Africa."), "partners") == set()
    text = article("American Airlines was pursuing a deeper route alliance with LATAM.")  # one they have already
    assert pairs(text, "partners") == both("American Airlines", "LATAM")
    assert pairs(article("American Airlines was pursuing a route alliance with LATAM."), "partners") == set()
    assert pairs(article("BYD agreed to work with Tesla on batteries."), "partners") == both("BYD", "Tesla")


def test_the_rival_a_noun_names_is_no_company_of_a_later_phrase():
    text = article(
        "Hershey snapped up its snack rival Amplify for $1.6bn, and last month Mars bought a minority stake in Kind."
    )
    assert pairs(text, "competes") == both("Hershey", "Amplify")
    text = article("Ford's rival General Motors agreed to use a platform developed by Volkswagen.")
    assert pairs(text, "competes") == both("Ford", "General Motors")
    text = article("Ford's rivals General Motors and Toyota cut prices.")
    assert pairs(text, "competes") == {frozenset(("Ford", "General Motors")), frozenset(("Ford", "Toyota"))}


def test_between_joins_the_companies_of_its_own_phrase():
    text = article(
        "It crowns a year of bitter competition between a shrinking group of delivery giants fighting for "
        "our business: in June, Just Eat bought Grubhub."
    )
    assert pairs(text, "competes") == set()
    text = article("The deal is a rare collaboration between two of the biggest names in search: Yahoo and Microsoft.")
    assert pairs(text, "partners") == both("Yahoo", "Microsoft")


def test_a_partner_named_by_its_partner_s_name_is_that_one_s_only():
    text = article(
        "The plan is to supply Mazda, a Toyota partner on batteries, as well as Toyota subsidiary Daihatsu and Subaru."
    )
    assert pairs(text, "partners") == both("Mazda", "Toyota")
    assert pairs(article("Lyft, an Uber rival in the US, and Didi cut prices."), "competes") == both("Lyft", "Uber")


def test_the_subject_of_its_own_clause_makes_the_deal():
    text = article(
        "Major cloud providers Google and Amazon are already making their own chips, and OpenAI recently struck a "
        "$10 billion deal with Broadcom."
    )
    assert pairs(text, "partners") == both("OpenAI", "Broadcom")
    text = article("Google, Apple, and Microsoft signed deals with Nvidia.")  # a list of names: all of them
    assert len(pairs(text, "partners")) == 3


def test_a_supply_chain_is_no_supply_deal():
    text = article(
        "Maersk hopes to gain a larger share of the supply chain from existing clients such as Puma and Walmart."
    )
    assert pairs(text, "partners") == set()
    assert pairs(article("Foxconn will supply Apple with screens."), "partners") == both("Foxconn", "Apple")


def test_a_clause_after_while_has_its_own_companies():
    text = article("Google's new phone is hurting its rivals while Amazon's investment in Deliveroo keeps growing.")
    assert not any("Deliveroo" in pair or "Amazon" in pair for pair in pairs(text, "competes"))
    text = article("Aldi competes with Lidl while Tesco cuts prices.")
    assert pairs(text, "competes") == both("Aldi", "Lidl")


def test_an_authority_known_by_its_name_s_form_is_no_party():
    text = article(
        "The Information Technology Commission (Nokia) has signed a memorandum of understanding with Huawei.",
        "Huawei will become a strategic partner to Nokia in several areas.",
    )
    assert pairs(text, "partners") == set()
    assert pairs(article("Nokia has signed a memorandum of understanding with Huawei."), "partners") == both(
        "Nokia", "Huawei"
    )


def test_the_owner_in_the_apposition_of_a_company_is_no_party():
    text = article("Delta signed an agreement with Mesa Air Group, the parent company of Mesa Airlines, for 18 jets.")
    assert pairs(text, "partners") == both("Delta", "Mesa Air")


def test_a_company_named_authority_with_its_corporate_suffix_is_a_company():
    from bot.extract.relations.pairs import authority_by_name

    assert authority_by_name("Steel Authority of India Ltd signed.", 0) is False
    assert authority_by_name("The Communications Authority of Kenya (CA) dropped its plans.", 39) is True
