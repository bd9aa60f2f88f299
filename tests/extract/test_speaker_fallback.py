"""The trained choice of speaker for a quotation no rule attributes (bot/extract/quotes/fallback.py):
small articles written for the test, negatives included."""

from bot.extract.quotes import fallback
from tests.extract.helpers import article, speakers


def test_the_person_the_paragraph_is_about_with_no_said_clause():
    text = article(
        "Orvia named Arne Falk its chief executive in 2023.",
        "Falk is unhappy with the share price, which fell by 40 percent last year. The man in his "
        'mid-forties also blames himself. "We have to recognise that I am a new face on the market. '
        'Trust takes time."',
    )
    assert speakers(text) == ["Arne Falk"]


def test_a_said_clause_with_no_subject_is_the_person_just_named():
    text = article(
        "Greg Pretty, the director of the fishers union, met workers in Harbour Town on Monday. They have "
        "been out of work for 15 months.",
        '"The members here tonight have sent us a strong message", said at the meeting.',
    )
    assert speakers(text) == ["Greg Pretty"]


def test_an_unnamed_voice_is_not_the_model_s():
    # negative: the words give the quotation to someone unnamed; the model does not guess
    text = article(
        "Greg Pretty, the director of the fishers union, met workers in Harbour Town on Monday.",
        "Workers waited outside the gates for hours.",
        '"Nobody told us anything all morning long," one worker said.',
    )
    assert speakers(text) == [None]


def test_nobody_named_stays_unknown():
    text = article(
        "The plant has made car parts since 1962.",
        "Sales fell by a third last year.",
        '"This is in the interest of everyone who works here, and of the town."',
    )
    assert speakers(text) == [None]


def test_the_model_is_shipped_with_its_threshold():
    model = fallback._model()
    assert 0.0 < model["threshold"] < 1.0 and model["weights"]
    assert fallback.probability([], {}) == 0.0


def test_the_sentence_s_subject_over_the_company_named_before_the_quotation():
    # the last-speaker rule took the company named just before the quotation; the model, which
    # cross-validation lets overrule that rule, takes the person the sentence is about
    text = article(
        '"We will build the strongest studio in the world," Mara Linde said in a memo to staff on Friday.',
        'Linde said Warner Bros. Discovery "can create more room for new storytellers and better films."',
    )
    assert speakers(text) == ["Mara Linde", "Mara Linde"]


def test_a_company_s_own_statement_stays_the_company_s():
    # negative: the company is the sentence's subject and says it
    text = article(
        '"We will build the strongest studio in the world," Mara Linde said in a memo to staff on Friday.',
        'Netflix said in a statement that its studio "can create more room for new storytellers and better films."',
    )
    assert speakers(text) == ["Mara Linde", "Netflix"]


def test_a_phrase_of_the_watchdog_quoted_just_before():
    # no verb of speech and no rule names anyone: the organisation heard in the paragraph before,
    # at the stricter threshold of quotations whose words the model may not read
    text = article(
        "France's data watchdog, the CNIL, fined Orvia 20 million euros on Thursday.",
        '"The collection of the faces was carried out without a legal basis," the watchdog said on Thursday.',
        'As such, Orvia was also cited for failing to "answer the requests of people for access to their data."',
    )
    assert speakers(text) == ["CNIL", "CNIL"]


def test_a_phrase_with_nobody_heard_stays_unknown():
    # negative: nobody speaks before the phrase
    text = article(
        "Sales at Orvia fell by a fifth last year.",
        'Shoppers had complained about "long queues and empty shelves" for months.',
    )
    assert speakers(text) == [None]


def test_the_overrule_is_chosen_by_cross_validation():
    model = fallback._model()
    assert set(model["overrule"]) <= fallback.WEAK | {
        "after he",
        "after it",
        "after the",
        "before he",
        "before it",
        "before the",
    }
    assert 0.0 < model["overrule_threshold"] < 1.0 and 0.0 < model["threshold_nobody"] <= 1.01
