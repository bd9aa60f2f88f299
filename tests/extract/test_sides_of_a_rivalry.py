"""Who stands on the sides of a rivalry or a partnership (issue 17): a relative clause belongs to
the company before it ("a rival to Netflix, which works with partners such as Sony"); an investor
named in a description is no party ("Tencent-backed JD.com"); a verb of rivalry whose subject the
sentence names is not the article's company's act ("the regulator will challenge the merger");
buyers lost to a rival ("lost subscribers to Apple", "lost out to Samsung")."""

from tests.extract.helpers import article, pairs


def test_a_relative_clause_s_partner_is_the_partner_of_the_company_before_it():
    text = article(
        "Analysts say Disney could become a serious rival to Netflix, which has been investing in "
        "original content with partners such as Sony."
    )
    assert pairs(text, "partners") == {frozenset(("Netflix", "Sony"))}
    assert pairs(text, "competes") == {frozenset(("Disney", "Netflix"))}


def test_a_relative_clause_after_two_companies_is_both_of_theirs():
    text = article("Microsoft and OpenAI, which compete with Google in search, met regulators.")
    assert pairs(text, "competes") == {frozenset(("Microsoft", "Google")), frozenset(("OpenAI", "Google"))}


def test_an_investor_in_a_description_is_no_party():
    text = article("Tencent-backed JD.com and Alibaba are locked in a price war.")
    assert pairs(text, "competes") == {frozenset(("JD.com", "Alibaba"))}


def test_a_regulator_challenging_a_merger_makes_no_rivals_of_the_article_s_company():
    text = article(
        "Apple sells more phones than ever.",
        "Apple said its sales rose, and Apple expects more growth.",
        "The regulator will challenge the merger of Sprint and T-Mobile in court.",
    )
    assert pairs(text, "competes") == set()


def test_losing_buyers_to_a_rival_is_rivalry():
    text = article(
        "Spotify, which pays royalties to Universal Music, lost subscribers to Apple last year.",
        "Nokia, once the market leader, lost out to Apple and Samsung.",
    )
    assert pairs(text, "competes") == {
        frozenset(("Spotify", "Apple")),
        frozenset(("Nokia", "Apple")),
        frozenset(("Nokia", "Samsung")),
    }


def test_selling_a_business_to_a_company_is_no_rivalry():
    text = article("Samsung sold its chip business to Intel last year.")
    assert pairs(text, "competes") == set()


def test_a_mention_that_starts_at_no_word_is_read_without_failing():
    from bot.extract.relations.pairs import Before, _relations_of

    sentence = "(Tencent-backed) JD.com competes with Alibaba."
    found = _relations_of(sentence, [(0, "Tencent"), (17, "JD.com"), (38, "Alibaba")], None, Before("", []))
    assert any(kind == "competes" and "Alibaba" in (a, b) for kind, a, b in found)
