"""Eighth pass on speakers (policy and consumer-tech news): each class of writing on a small
article written for the test, negatives included."""

from tests.extract.helpers import article, quotes_of


def speakers(text: str) -> list[str | None]:
    return [speaker for _text, speaker in quotes_of(text)]


# -- a surname that is a word of places too ("Park", "Hall") ----------------------------------


def test_a_surname_that_is_a_place_word_after_a_first_name():
    text = article(
        "Lumina chief executive Laura Park spoke to investors on Monday.",
        '"We believe we are well placed to build the watch people want," Park said.',
    )
    assert speakers(text) == ["Laura Park"]


def test_a_full_name_given_with_a_possessive_is_the_surname_s_person():
    text = article(
        "The plan came straight from chief executive Laura Park's mouth. "
        '"We will open the store to outside developers next year," Park said in a statement.',
    )
    assert speakers(text) == ["Laura Park"]


def test_a_place_word_alone_is_no_speaker():
    text = article(
        "The city reopened Central Park on Monday after a month of repairs.",
        '"We are glad to welcome visitors back to the lawns and the lake," Park said.',
    )
    assert speakers(text) == [None]
