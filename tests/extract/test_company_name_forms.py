"""A listed company is named in its relations by the form the article knows it by: the
lexicon's common name where the article writes it alone, else the form the article writes
most often (without a legal suffix, and without a company's words such as Holdings or Motor).
The small names are made up; the listed ones are real."""

from bot.extract import extract
from tests.extract.helpers import article, pairs


def companies(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "company"}


def test_a_company_the_article_names_only_by_another_form_keeps_that_form():
    text = article("Citi signed a partnership with Visa to offer cards to small firms.")
    assert pairs(text, "partners") == {frozenset(("Citi", "Visa"))}


def test_the_common_name_is_kept_where_the_article_writes_it_alone():
    text = article(
        "Citigroup said profits rose.",
        "Citi signed a partnership with Visa to offer cards to small firms.",
    )
    assert pairs(text, "partners") == {frozenset(("Citigroup", "Visa"))}


def test_a_fuller_form_written_every_time_names_the_company():
    text = article("Bharti Airtel competes with Jio for India's mobile subscribers.", "Bharti Airtel added users.")
    assert pairs(text, "competes") == {frozenset(("Bharti Airtel", "Jio"))}
    text = article("Bharti Airtel competes with Jio for India's mobile subscribers.", "Airtel added users.")
    assert pairs(text, "competes") == {frozenset(("Airtel", "Jio"))}


def test_a_legal_suffix_or_company_words_make_no_other_name():
    text = article("Ford Motor Co competes with Tesla in electric pickups.", "Ford Motor Co said sales rose.")
    assert pairs(text, "competes") == {frozenset(("Ford", "Tesla"))}


def test_a_sentence_adverb_before_a_list_is_no_company():
    text = article("Overall, Shopee and Lazada held 90% of the market, while Tiki lost share.")
    assert "Overall" not in companies(text)
    assert "Shopee" in companies(text)


def test_a_unit_or_a_fuller_form_that_starts_with_the_common_name_keeps_the_common_name():
    text = article("The BBC World Service signed a partnership with Quorrin Media to make radio shows.")
    assert frozenset(("BBC", "Quorrin Media")) in pairs(text, "partners")


def test_a_name_before_the_things_bought_is_no_company():
    text = article("Millions of people buy MP3 players every year, and MP3 sales keep rising.")
    assert "MP3" not in companies(text)


def test_a_company_speaking_in_a_quotation_goes_by_the_same_name():
    text = article(
        "Citi has launched a new card for small firms.",
        '"We are proud to partner with Visa on this card for our customers," a Citi spokesperson said.',
    )
    assert pairs(text, "partners") == {frozenset(("Citi", "Visa"))}


def test_a_unit_in_a_country_is_named_so_where_the_article_never_writes_the_company_alone():
    text = article("Coupang competes with eBay Korea for shoppers.", "eBay Korea is the third-largest platform.")
    assert pairs(text, "competes") == {frozenset(("Coupang", "eBay Korea"))}
    text = article("Coupang competes with eBay Korea for shoppers.", "eBay said it would sell the unit.")
    assert pairs(text, "competes") == {frozenset(("Coupang", "eBay"))}


def test_a_short_form_of_a_listed_company_the_article_names_in_full_is_that_company():
    text = article(
        "Rogers Communications agreed to buy Shaw Communications last year.",
        "Telecoms operator Rogers competes with Telus for wireless subscribers.",
    )
    ex = extract(text)
    assert "Rogers" not in {e.name for e in ex.entities if e.type == "company"}
    assert pairs(text, "competes") == {frozenset(("Rogers Communications", "Telus"))}


def test_a_sister_company_sharing_a_first_word_is_not_merged():
    text = article("Sumitomo Forestry signed a partnership with Quorrin Timber.", "Sumitomo said it would invest.")
    assert "Sumitomo Forestry" in companies(text)
