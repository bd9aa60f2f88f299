"""Rivalries and partnerships the trained model (bot/extract/relations/learned.py) proposes where
no rule read the pair, and those it does not: a co-mention, a customer, an investor, cooperation
read as rivalry. It proposes only in a sentence where no rule read that kind (the rules have read
its structure there), and never a pair the rules read as something else."""

from bot.extract.relations import learned
from bot.extract.relations.pairs import Before, _relations_of
from tests.extract.helpers import article, pairs


def test_rivalries_no_rule_reads_but_the_sentence_states():
    for sentence, a, b in [
        # the cue after the two, in apposition
        (
            "Samsung Electronics and LG Electronics, fiercely competing to dominate the television market, have "
            "once again clashed over market share.",
            "Samsung",
            "LG",
        ),
        # the war told in the passive: its sides after "by"
        ("The supermarket price war sparked by Aldi and Lidl has taken money out of tills.", "Aldi", "Lidl"),
    ]:
        assert pairs(article(sentence), "competes") == {frozenset((a, b))}, sentence
        assert not pairs(article(sentence), "partners"), sentence


def test_companies_named_together_without_a_word_of_rivalry_or_cooperation_are_neither():
    for sentence in [
        "Amazon and Google reported earnings on Thursday.",  # a co-mention
        "Ford and Google executives met in Detroit.",
        "Shell and BP both reported record profits.",
        "Netflix and Disney both raised subscription prices this year.",
    ]:
        text = article(sentence)
        assert not pairs(text, "competes") and not pairs(text, "partners"), sentence


def test_a_customer_and_an_investor_are_no_partners_and_no_rivals():
    for sentence in [
        "Walmart buys its chips from Intel.",  # a customer
        "SoftBank invested $2bn in Uber in 2018.",  # an investor
    ]:
        text = article(sentence)
        assert not pairs(text, "competes") and not pairs(text, "partners"), sentence


def test_working_with_is_cooperation_not_rivalry():
    text = article("Ford is working with Google on a new navigation system.")
    assert pairs(text, "partners") == {frozenset(("Ford", "Google"))}
    assert not pairs(text, "competes")


def test_nothing_is_proposed_beside_a_rivalry_a_rule_read_in_the_sentence():
    # the rule read "competes with"; the companies of the other clause are not its rivals
    text = article(
        "Nokia competes with Motorola in Europe, while in Asia the phones of Samsung, LG and Sony sell best."
    )
    assert pairs(text, "competes") == {frozenset(("Nokia", "Motorola"))}


def test_a_pair_is_proposed_only_above_the_threshold_and_likelier_than_any_other_reading():
    model = {"competes": {"keep": 0.0, "add": 0.8}, "partners": {"keep": 0.0}}
    assert learned.adds("competes", {"competes": 0.9, "partners": 0.0, "other": 0.1}, model)
    assert not learned.adds("competes", {"competes": 0.7, "partners": 0.0, "other": 0.1}, model)
    assert not learned.adds("competes", {"competes": 0.85, "partners": 0.0, "other": 0.9}, model)
    assert not learned.adds("partners", {"competes": 0.0, "partners": 0.99, "other": 0.0}, model)  # no "add"


def test_a_closed_pattern_is_spared_a_veto_a_cue_is_not():
    model = {"competes": {"keep": 0.2, "spare": ["market"]}}
    p = {"competes": 0.1, "partners": 0.0, "other": 0.0}
    assert learned.keeps("competes", p, model, source="market")
    assert not learned.keeps("competes", p, model, source="cue:rivals")


def test_the_rules_say_which_of_them_read_a_pair():
    sources: dict = {}
    sentence = (
        "Major players such as Amazon, Microsoft and Google are fighting for market share, "
        "and Oracle is a rival of SAP."
    )
    mentions = [(sentence.index(n), n) for n in ("Amazon", "Microsoft", "Google", "Oracle", "SAP")]
    found = _relations_of(sentence, mentions, None, Before("", []), sources)
    assert ("competes", "Amazon", "Microsoft") in found
    assert sources[("competes", frozenset(("Amazon", "Microsoft")))] == "market"
    assert sources[("competes", frozenset(("Oracle", "SAP")))].startswith("cue:rival")
    assert learned.source_name("cue:rivals") == "cue:rival"
