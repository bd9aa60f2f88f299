"""Companies named by a trade's own last word (issue 17, eighth pass on names): "X Energy",
"X Pharmaceuticals", "X Solar", "X Materials", "X Gaming", "X Electric" name a firm wherever news
writes them, with no description or slot. Negatives: a market named that way ("the Cloud Gaming
market"), a public body, a generic opening word, a place, a trade word alone as a firm's short
name. The model's role feature: the object of a deal, a purchase or a rivalry. The names are
made up."""

from bot.extract import extract
from bot.extract.company_model import name_features
from bot.extract.lexicon import default_lexicon
from tests.extract.helpers import article

FILLER = ("Officials said the plan would help.", "The city agreed.", "Work starts next year.")


def companies(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "company"}


def test_a_name_a_trades_word_ends_is_a_company():
    text = article(
        "The driller grew after buying the Omani assets of Halvern Energy for $600m.",
        "Its suppliers include Torvik Solar, which builds panels in Spain.",
        "Brenna Materials recycles battery metals.",
        "Ostrow Gaming runs tournaments in Leeds.",
        *FILLER,
    )
    assert {"Halvern Energy", "Torvik Solar", "Brenna Materials", "Ostrow Gaming"} <= companies(text)


def test_a_market_a_body_or_a_generic_word_before_a_trades_word_is_no_company():
    text = article(
        "Regulators feared the deal would hurt competition in the Cloud Gaming market.",
        "The Minister of Energy met the Clean Energy council.",
        *FILLER,
    )
    found = companies(text)
    assert not {"Cloud Gaming", "Clean Energy", "Energy"} & found


def test_a_trades_word_alone_is_no_short_name():
    text = article("Kestrel has signed a deal with Entertainment France to show its films.", *FILLER)
    assert "Entertainment" not in companies(text)


def test_the_object_of_a_deal_is_marked_for_the_model():
    lex = default_lexicon()
    feats = name_features("Kestrel signed a partnership with Ovani to sell phones.", lex)
    assert "b:deal_slot" in feats["Ovani"]
    feats = name_features("Kestrel acquired Ovani last year in a $2bn deal.", lex)
    assert "b:deal_slot" in feats["Ovani"]
    feats = name_features("Kestrel met Ovani officials in Lagos after the deal.", lex)
    assert "b:deal_slot" not in feats.get("Ovani", set())
