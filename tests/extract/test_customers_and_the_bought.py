"""Companies named beside a rivalry that are no rivals (issue 17): the customers a company makes
things for, listed after the article's company faces rivals it does not name; the company being
bought, beside a share of the market or a rival bid."""

from tests.extract.helpers import article, pairs

AFTER = "Samsung's share of the foundry business fell to 17 percent, Samsung said."


def test_the_customers_listed_after_unnamed_rivals_are_no_rivals():
    text = article(
        "Samsung Foundry is the second-biggest contract chipmaker, and it makes chipsets for various brands, "
        "including AMD, IBM, Nvidia and Qualcomm.",
        AFTER,
        title="Samsung foundry market share falls",
    )
    assert pairs(text, "competes") == set()


def test_the_companies_listed_after_unnamed_rivals_still_are_rivals():
    text = article(
        "Samsung Foundry is the second-biggest contract chipmaker, and AMD, IBM, Nvidia and Qualcomm are growing.",
        AFTER,
        title="Samsung foundry market share falls",
    )
    assert frozenset(("Samsung", "AMD")) in pairs(text, "competes")


def test_the_company_bought_is_no_share_holder():
    text = article(
        "Coles makes up a mere 3 percent of the grocery market, but the acquisition of Aldi will raise "
        "the figure to 15 percent."
    )
    assert pairs(text, "competes") == set()
    text = article("Coles makes up a mere 3 percent of the grocery market, while Aldi holds 15 percent.")
    assert pairs(text, "competes") == {frozenset(("Coles", "Aldi"))}


def test_a_rival_bid_is_the_buyers_rival_not_the_bought_companys():
    text = article("JetBlue announced an offer to buy Spirit, upsetting a competing bid by rival Frontier.")
    assert frozenset(("Spirit", "Frontier")) not in pairs(text, "competes")
