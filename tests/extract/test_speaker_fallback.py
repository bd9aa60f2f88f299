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
