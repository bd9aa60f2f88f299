"""The company a quoted person works for, named in the attribution ("X, CEO of Y, has said that
...", ", Jane Roe, director at Y, said."), is the speaker's employer, no party to what the
sentence says of other companies (issue 17: a co-mention is no relation)."""

from tests.extract.helpers import article, pairs


def test_the_employer_in_an_attribution_before_the_clause_is_no_rival():
    text = article(
        "Rumours that Lidl will open stores here are unconfirmed, but Michele Levine, CEO of Nielsen, "
        "has said that a new competitor in the discount grocery market will pose a challenge of Aldi."
    )
    assert not any("Nielsen" in pair for pair in pairs(text, "competes"))


def test_the_employer_in_a_trailing_attribution_is_no_rival():
    text = article(
        "\u201cT-Mobile, more on par with Verizon, will stay disruptive,\u201d Jane de Roe, director at Strategy "
        "Analytics, said."
    )
    assert pairs(text, "competes") == {frozenset(("T-Mobile", "Verizon"))}


def test_a_company_that_says_it_competes_is_a_party():
    # the positive beside the negatives: the employer named again in the clause is a party there
    text = article("Tim Cook, chief executive of Apple, said on Monday that Apple competes with Samsung in India.")
    assert pairs(text, "competes") == {frozenset(("Samsung", "Apple"))}
