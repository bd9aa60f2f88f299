"""Companies a relation needs, recognised where news writes them (issue 17, fifth pass on names):
a listed name that is also an ordinary word opening a sentence and making a deal, a nationality
that is part of a firm's name, a public word opening a firm's name, the first of a deal's two
subjects, the parties of a collaboration "between" three or more, an owner of several words
before "-owned", "the likes of", a month opening a firm's name, a bank "of" a place. Negatives:
ordinary words, nationalities, public bodies, places, people, schools, months. The names are made up
but for a few listed companies."""

from bot.extract import extract
from tests.extract.helpers import article, pairs

# sentences that make an article longer than a lone sentence (where any side of a cue is taken)
FILLER = ("Officials said the plan would help.", "The city agreed.", "Work starts next year.")


def companies(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "company"}


def test_a_listed_ordinary_word_opening_a_sentence_is_a_company_when_it_deals():
    text = article("Target partnered with Orvane Labs on same-day deliveries.", *FILLER)
    assert "Target" in companies(text)
    assert pairs(text, "partners") == {frozenset({"Target", "Orvane Labs"})}
    assert "Target" not in companies(article("Target prices were set for the year.", *FILLER))


def test_a_listed_name_before_a_companys_word_opening_a_sentence():
    text = article("Honda Motor has formed an alliance with General Motors.", *FILLER)
    assert {"Honda", "General Motors"} <= companies(text)


def test_a_nationality_in_a_firms_name():
    text = article("Boston-based American Tower has acquired Eaton Towers, which owns masts.", *FILLER)
    assert "American Tower" in companies(text)
    assert "Tower" not in companies(text)
    assert pairs(text, "acquires") == {frozenset({"American Tower", "Eaton Towers"})}
    text = article("Tesla competes with Chinese carmaker BYD in Europe.", *FILLER)
    assert "BYD" in companies(text)
    text = article("The European Bank signed a loan with Ford, the Australian Securities regulator said.", *FILLER)
    assert not {"European Bank", "Australian Securities"} & companies(text)


def test_a_public_word_opening_a_firms_name():
    text = article("Staples agreed to buy its rival Office Depot in February.", *FILLER)
    assert "Office Depot" in companies(text)
    text = article("Walgreen merged with drugstore chain Alliance Boots last year.", *FILLER)
    assert "Alliance Boots" in companies(text)
    text = article(
        "The Union Ministry signed a deal with Ford.", "The Office of Fair Trading approved the deal.", *FILLER
    )
    assert companies(text) == {"Ford"}


def test_the_first_of_a_deals_two_subjects():
    text = article("Kestrel and Orvane have signed a partnership to roll out parcel lockers.", *FILLER)
    assert {"Kestrel", "Orvane"} <= companies(text)
    assert pairs(text, "partners") == {frozenset({"Kestrel", "Orvane"})}
    text = article("Paris and Lyon signed a pact on transport.", *FILLER)
    assert not {"Paris", "Lyon"} & companies(text)


def test_the_parties_of_a_collaboration_between_three_or_more():
    text = article(
        "The hub will be a collaboration between Harlow-Biggs, Vantor Glass, Pemberton and Quillon Fibre.", *FILLER
    )
    assert {"Harlow-Biggs", "Vantor Glass", "Pemberton", "Quillon Fibre"} <= companies(text)
    text = article("The study is a partnership between Stanford, Harvard and Yale.", *FILLER)
    assert not {"Stanford", "Harvard", "Yale"} & companies(text)
    text = article("The deal between Jane Moss, Tom Hale and Amy Ross was signed.", *FILLER)
    assert not {"Jane Moss", "Tom Hale", "Amy Ross"} & companies(text)


def test_an_owner_of_several_words_before_owned():
    text = article("BMW competes with the Tata Motors-owned Jaguar in Europe.", *FILLER)
    assert "Jaguar" in companies(text)
    text = article("The Saudi Arabia-backed Yemen Army said it would fight.", *FILLER)
    assert not {"Yemen Army", "Army"} & companies(text)


def test_the_likes_of_and_a_month_opening_a_firms_name():
    text = article("Uber has forged partnerships with the likes of June Robotics and Zoomtrak for rides.", *FILLER)
    assert {"June Robotics", "Zoomtrak"} <= companies(text)
    assert pairs(text, "partners") == {frozenset({"Uber", "June Robotics"}), frozenset({"Uber", "Zoomtrak"})}
    assert "June" not in companies(article("In June Uber said it would sign a deal with Zoomtrak.", *FILLER))


def test_a_bank_of_a_place():
    text = article("Punjab National Bank agreed to buy United Bank of Kestria last April.", *FILLER)
    assert "United Bank of Kestria" in companies(text)
    assert "United Bank" not in companies(text)
    text = article("The Bank of England said rates would stay. Ford said so too.", *FILLER)
    assert "Bank of England" not in companies(text)


def test_a_name_and_joins_before_its_legal_suffix():
    text = article(
        "Exxon has signed an agreement with explorer Oil and Natural Gas Corp Ltd on deepwater wells.",
        "Natural gas output will rise.",
        *FILLER,
    )
    assert "Oil and Natural Gas" in companies(text)
    assert "Natural Gas" not in companies(text)
    text = article("Apple and Samsung Electronics Co signed a deal on displays.", *FILLER)
    assert {"Apple", "Samsung"} <= companies(text)
    text = article(
        "Teletalk and Summit Towers Ltd signed a tower-sharing deal.", "Teletalk said towers cost less.", *FILLER
    )
    assert "Teletalk and Summit Towers" not in companies(text)


def test_a_bank_by_its_first_word_in_another_language():
    text = article("In Kestria, lender Banque Orvane and platform zPay have developed credit lines.", *FILLER)
    assert "Banque Orvane" in companies(text)
    text = article("The Banque de France said rates would stay. Banco Central said so too.", *FILLER)
    assert not {"Banque de France", "Banco Central"} & companies(text)


def test_a_name_no_capital_opens_as_a_deals_object():
    text = article("Microsoft signed a partnership with zVolt on chips.", *FILLER)
    assert "zVolt" in companies(text)
    assert pairs(text, "partners") == {frozenset({"Microsoft", "zVolt"})}
    text = article("Ford acquired kTravel last year.", *FILLER)
    assert pairs(text, "acquires") == {frozenset({"Ford", "kTravel"})}
    assert "eBooks" not in companies(article("Ford bought eBooks for its staff.", *FILLER))
