"""More ways news states a rivalry or a partnership (issue 17): a duopoly, a contest ("vying"),
the few market actors counted and listed, a comparison opening the sentence, "joined hands", a
codeshare; and partnerships that are only possible, or undone."""

from tests.extract.helpers import article, pairs


def both(a: str, b: str) -> set[frozenset]:
    return {frozenset((a, b))}


def test_a_duopoly_makes_its_two_holders_rivals():
    text = article("Breaking the duopoly held by Globe Telecom and Vodafone has been championed by the president.")
    assert pairs(text, "competes") == both("Globe Telecom", "Vodafone")


def test_two_companies_vying_are_rivals():
    assert pairs(article("Aldi and Lidl are vying for the same shoppers."), "competes") == both("Aldi", "Lidl")
    text = article("Samsung is vying with Intel for the top spot in chips.")
    assert pairs(text, "competes") == both("Samsung", "Intel")


def test_the_few_market_actors_counted_and_listed_are_rivals():
    text = article(
        "The three major telecom operators, Reliance Jio, Bharti Airtel and Vodafone Idea, will raise tariffs."
    )
    assert len(pairs(text, "competes")) == 3
    text = article("Shares of two large telecom players \u2014 Bharti Airtel and Vodafone Idea \u2014 fell on Monday.")
    assert len(pairs(text, "competes")) == 1


def test_companies_counted_without_a_market_are_no_rivals():
    text = article("The two companies, Sony and Microsoft, signed a deal to share cloud servers.")
    assert pairs(text, "competes") == set()
    text = article("Three partners, Sony, Toshiba and IBM, have been working together on the chip.")
    assert pairs(text, "competes") == set()


def test_a_comparison_opening_the_sentence_sets_its_subject_against_those_compared():
    text = article("Compared to Airtel and Vodafone Idea, Jio offers better data and subscriptions.")
    assert pairs(text, "competes") == {frozenset(("Jio", "Airtel")), frozenset(("Jio", "Vodafone Idea"))}
    text = article("Unlike rival Lyft, Uber has expanded abroad.")
    assert pairs(text, "competes") == both("Uber", "Lyft")


def test_a_comparison_with_something_else_makes_no_rivals():
    text = article("Compared with last year, Apple sold fewer phones than Samsung expected.")
    assert pairs(text, "competes") == set()
    text = article("Compared with Apple, the market for phones has slowed.")
    assert pairs(text, "competes") == set()


def test_joining_hands_and_a_codeshare_are_partnerships():
    text = article("Naver and Shinsegae joined hands last week.")
    assert pairs(text, "partners") == both("Naver", "Shinsegae")
    text = article("Lufthansa and Singapore Airlines announced a codeshare agreement on Monday.")
    assert pairs(text, "partners") == both("Lufthansa", "Singapore Airlines")


def test_the_rival_partners_set_out_to_take_on_is_no_partner():
    text = article("Naver has joined hands with Shinsegae to take on Coupang.")
    assert pairs(text, "partners") == both("Naver", "Shinsegae")
    assert pairs(text, "competes") == both("Naver", "Coupang")


def test_an_alliance_entered_into_is_no_entry_into_a_market():
    text = article("Mazda and Toyota entered into a business and capital alliance last year.")
    assert pairs(text, "partners") == both("Mazda", "Toyota")
    assert pairs(text, "competes") == set()


def test_a_company_based_somewhere_stays_in_the_list():
    text = article("GoTyme is a joint venture between the Gokongwei Group and Singapore-based Tyme.")
    assert pairs(text, "partners") == both("Gokongwei", "Tyme")


def test_a_partnership_only_possible_is_none():
    text = article("Speculation swirled that Airbus could close a significant deal with AirAsia.")
    assert pairs(text, "partners") == set()
    text = article("Any potential collaboration between Hyundai and Google may be aided by a former executive.")
    assert pairs(text, "partners") == set()
    text = article("Airbus signed a deal with AirAsia that could reshape the market.")
    assert pairs(text, "partners") == both("Airbus", "AirAsia")


def test_a_deal_abandoned_is_no_partnership_but_a_license_scrapped_leaves_the_partners():
    text = article("SoftBank scrapped the sale of its chip unit, abandoning a record $80 billion deal with Nvidia.")
    assert pairs(text, "partners") == set()
    text = article("Intel abandoned its attempt to build a network in partnership with Telstra in 2016.")
    assert pairs(text, "partners") == both("Intel", "Telstra")


def test_a_partnership_that_ended_was_one():
    text = article("Intel terminated its partnership with Telstra in 2016.")
    assert pairs(text, "partners") == both("Intel", "Telstra")


def test_two_subjects_a_few_words_before_their_contest_are_rivals():
    text = article("Aldi and Lidl have recently been back in the price battle.")
    assert pairs(text, "competes") == both("Aldi", "Lidl")
    text = article("Aldi and Lidl have recently been back in the news, and Tesco is in a price battle.")
    assert frozenset(("Aldi", "Lidl")) not in pairs(text, "competes")


def test_a_figure_behind_a_rival_s_makes_rivals():
    text = article("Samsung shipped 60 million phones, behind Apple's 70 million.")
    assert pairs(text, "competes") == both("Samsung", "Apple")
    text = article("Samsung's new factory stands behind Apple's 5 buildings in the park.")
    assert pairs(text, "competes") == set()
