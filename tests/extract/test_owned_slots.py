"""Companies no list holds, recognised by what news writes as a company's own (issue 17): its
people ("Zorvo's regional director", "co-founder ... of Zorvo's"), its trade ("Zorvo's drivers",
"Zorvo's US-based rival"), "competition with Zorvo"; negatives: a person's possessive, a
regulator's, a co-mention."""

from bot.extract import extract
from tests.extract.helpers import article, pairs


def companies(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "company"}


def test_a_company_s_people_and_trade_make_a_name_a_company_s():
    text = article(
        "Zorvo is set to roll out electric taxis in Lagos.",
        "Zorvo's regional director said the firm would hire more staff.",
        "Zorvo's drivers earn more than before.",
    )
    assert "Zorvo" in companies(text)


def test_a_possessive_rival_is_a_rivalry_between_two_companies():
    text = article(
        "Quikly has grown fast in India.",
        "When asked about Quikly's US-based rival Uber taking customers away from Quikly, he said little.",
    )
    assert frozenset(("Quikly", "Uber")) in pairs(text, "competes")


def test_competition_with_a_company_no_list_holds():
    text = article(
        "Nikesh Arora downplayed competition with Wizzle at a conference in Tel Aviv.",
        "Wizzle has grown fast since then.",
    )
    assert "Wizzle" in companies(text)


def test_a_person_s_possessive_makes_no_company():
    text = article(
        "Maria Okafor runs the shop.",
        "Okafor's staff say she is a fair boss, and Okafor's employees stay for years.",
    )
    assert "Okafor" not in companies(text)


def test_a_co_mention_of_an_owned_name_is_no_rivalry():
    text = article("Zorvo's drivers and Uber's drivers both attended the meeting in Lagos.")
    assert pairs(text, "competes") == set()
