"""Companies named in a headline written as a sentence, and a company the headline names in
another form than the body does. The small names are made up; the listed ones are real."""

from bot.extract import extract
from tests.extract.helpers import article


def companies(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "company"}


def test_a_headline_in_sentence_case_is_read_for_names():
    # "leaving" is one small-letter word, not three little ones: the headline is no title case
    text = article(
        "In third place, Quorrin was down 0.3% to 23.3% of the market.",
        title="Customers are leaving Optus, Telstra, Quorrin for smaller players",
    )
    assert "Quorrin" in companies(text)


def test_a_title_case_headline_is_still_not_read_for_names():
    text = article("Subscribers moved last quarter.", title="Customers Are Leaving Optus, Telstra And Quorrin For Good")
    assert not companies(text) & {"Quorrin For Good", "Customers Are Leaving Optus"}


def test_places_in_a_sentence_case_headline_are_no_companies():
    text = article("Prices rose in the region.", title="Shoppers in Toluca and Monterrey are leaving Optus and Telstra")
    assert not companies(text) & {"Toluca", "Monterrey", "Shoppers"}


def test_a_headline_form_of_a_listed_company_is_that_company():
    text = article(
        "Take-Two said it had agreed to buy the mobile studio Dotwise for $190 million.",
        title="TakeTwo Interactive acquires mobile studio Dotwise for $190 million",
    )
    ex = extract(text)
    assert {(r.type, r.a, r.b) for r in ex.relations} == {("acquires", "Take-Two", "Dotwise")}
    assert "TakeTwo Interactive" not in companies(text)


def test_another_company_with_the_same_first_word_is_not_merged():
    # "China Mobile" and "China Telecom" share a first word and are rivals, not one firm
    text = article("China Telecom competes with China Mobile and Quorrin Wireless for subscribers.")
    ex = extract(text)
    found = {frozenset((r.a, r.b)) for r in ex.relations if r.type == "competes"}
    assert frozenset(("China Telecom", "China Mobile")) in found


def test_a_service_or_a_line_before_a_name_describes_a_company():
    text = article("Brannock agreed to sell food delivery service Yogavo to Quillfeather Interactive.")
    assert "Yogavo" in companies(text)
    text = article("The world's largest container line Meroca continues to grow, and Meroca competes with Maersk.")
    assert "Meroca" in companies(text)


def test_initials_after_a_capitalised_word_are_no_surname():
    text = article(
        "The world's largest container line MSQ continues to grow.",
        "According to analyst Alphaliner MSQ has added 400,000 teu of capacity this year.",
    )
    assert "MSQ" in companies(text)
