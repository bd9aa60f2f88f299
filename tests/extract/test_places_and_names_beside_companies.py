"""Places beside companies are no companies, and names news writes around a company's title
or with a small connecting word are. The small names are made up; the listed ones are real."""

from bot.extract import extract
from tests.extract.helpers import article


def companies(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "company"}


def test_a_comma_after_and_starts_another_clause_not_the_list():
    text = article(
        "In the cities of Tolusa and Chiwara, Uber may bump into one of its major competitors.",
        "Others opened in Marbella and Quentaro, Reuters reports.",
    )
    assert not companies(text) & {"Tolusa", "Chiwara", "Marbella", "Quentaro"}


def test_a_list_with_a_comma_before_its_and_is_still_a_list():
    text = article("Uber faces Brannock, Quorrin and Lyft in every city.")
    assert {"Brannock", "Quorrin"} <= companies(text)


def test_a_place_whose_company_merges_is_no_company():
    text = article("The Ottawa company will merge with Winnipeg's Novra Technologies next year.")
    found = companies(text)
    assert "Winnipeg" not in found
    assert "Novra Technologies" in found


def test_a_company_after_a_title_in_an_apposition_is_a_company():
    text = article(
        "The MoU was signed by Lakshmi Mittal, Chairman and Chief Executive Officer, ArcelorMittal, "
        "and CS Verma, Chairman, STAIL.",
        "The new plant will be run by STAIL in Odisha.",
    )
    assert "STAIL" in companies(text)


def test_a_name_joined_by_a_small_n_is_one_name():
    text = article(
        "Pick n Mix Chief Executive Officer Richard Brasher said prices had to fall.",
        "Pick n Mix fell the most in five months.",
    )
    found = companies(text)
    assert "Pick n Mix" in found
    assert "Mix" not in found


def test_a_name_whose_director_or_lawyer_speaks_is_a_company():
    text = article(
        "Zolt is set to roll out electric taxis in Kenya.",
        '"We plan to expand to other markets," said Zolt\u2019s regional director for Africa, Paddy Moran.',
    )
    assert "Zolt" in companies(text)
    text = article("Torvex's barrister told the court the market had changed.", "Torvex began its rollout in 2016.")
    assert "Torvex" in companies(text)


def test_a_persons_lawyer_makes_no_company():
    text = article("Donald Trump's lawyers told the court the claim was false.", "Trump said he would appeal.")
    assert "Trump" not in companies(text)


def test_a_rank_or_a_newcomer_before_a_name_is_no_part_of_it():
    text = article(
        "Brannock agreed to buy No.1-ranked Woowa Labs for $4bn.",
        "Newcomer Mafab Communications signed a deal with MTN last year.",
    )
    found = companies(text)
    assert {"Woowa Labs", "Mafab Communications"} <= found
    assert not found & {"No.1-ranked Woowa Labs", "Newcomer Mafab Communications"}


def test_a_place_based_name_no_first_name_opens_is_a_company():
    text = article("Apps use taxi fleets, such as the Brazil-based Easy Cab, which claims the leading app.")
    assert "Easy Cab" in companies(text)
    text = article("The London-based Maria Lopez said the market was growing.")
    assert "Maria Lopez" not in companies(text)


def test_a_name_in_a_list_of_known_companies_is_a_company_however_it_is_built():
    text = article("Coles named independent retailers including Amazon, Bunnings, Chemist Depot, and Priceline.")
    assert "Chemist Depot" in companies(text)
    text = article("Coles thanked Amazon, Bunnings, Maria Lopez and Priceline for their support.")
    assert "Maria Lopez" not in companies(text)
