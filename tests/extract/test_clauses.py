"""Where the sides of a rivalry stand in a sentence with more than one clause (issue 17): a
phrase opening the sentence holds the cue and the main clause names its subject ("Unsettled by
strong trading at rival Bloomberg, Reuters fell"); a participle clause after the rival is a
clause of its own ("took share from Intel, building credibility with cloud providers like
Microsoft"); negatives: customers named in that clause, an opening phrase of no participle."""

from tests.extract.helpers import article, pairs


def test_the_subject_after_an_opening_phrase_is_the_rival_s_rival():
    text = article(
        "Unsettled by reports of strong trading at rival Bloomberg on Wednesday, Reuters took a battering in London.",
    )
    assert pairs(text, "competes") == {frozenset(("Reuters", "Bloomberg"))}


def test_a_participle_opening_with_competition_from_a_list():
    text = article("Facing competition from Lidl and Aldi, Tesco cut its prices again.")
    assert {frozenset(("Tesco", "Lidl")), frozenset(("Tesco", "Aldi"))} <= pairs(text, "competes")


def test_customers_in_a_participle_clause_after_the_rival_are_no_rivals():
    text = article(
        "AMD captured significant market share from Intel, building credibility with cloud providers "
        "like Microsoft and Amazon."
    )
    assert pairs(text, "competes") == {frozenset(("AMD", "Intel"))}


def test_a_list_introduced_by_including_stays_on_the_cue_s_side():
    text = article("Nokia faces competition from Apple, including its iPhone, and from Samsung.")
    assert frozenset(("Nokia", "Apple")) in pairs(text, "competes")


def test_people_in_the_main_clause_are_no_company():
    text = article("Facing competition from Lidl and Aldi, shoppers at Tesco saved money this year.")
    assert frozenset(("Tesco", "Lidl")) not in pairs(text, "competes")


def test_a_participle_of_winning_after_the_subject_s_clause_names_the_loser():
    text = article("Boeing won a contract from Delta Air Lines for 100 jets, beating Airbus.")
    assert pairs(text, "competes") == {frozenset(("Boeing", "Airbus"))}


def test_beating_a_record_is_no_rivalry():
    text = article("Delta Air Lines bought 100 jets from Boeing, beating its own record.")
    assert pairs(text, "competes") == set()


def test_what_a_move_may_lead_rivals_to_do_makes_them_no_partners():
    text = article(
        "Orange has teamed up with Deutsche Telekom to share mobile towers, a move that rivals Vodafone and "
        "Telefonica may follow."
    )
    assert pairs(text, "partners") == {frozenset(("Orange", "Deutsche Telekom"))}
