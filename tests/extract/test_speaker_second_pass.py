"""Forms of attribution the first pass missed or got wrong, each a class of news writing.
Short articles written for the test, negatives included."""

from bot.extract import extract
from tests.extract.helpers import article


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract(text).quotes]


def test_he_when_only_women_were_named_is_nobody_named():
    text = article(
        'Anna Berg said: "The results were better than we hoped for this year."',
        "Her deputy, Maria Lind, presented the figures to the board on Monday.",
        '"The board was not convinced by any of it," he said.',
    )
    assert speakers(text) == ["Anna Berg", None]


def test_went_on_ends_a_said_clause():
    text = article(
        'Sheriff Dana Holt asked Marcus Pell whether he had ever been threatened. "Not once in my life," Pell said.',
        'Holt replied: "That can happen to anyone in this town."',
        '"You know, it happens, and you have to get over it," Pell went on.',
    )
    assert speakers(text) == ["Marcus Pell", "Dana Holt", "Marcus Pell"]


def test_a_newspaper_columnist_is_the_person_not_the_paper():
    text = article(
        'Harbor Gazette columnist Mira Castell calls the plan "a triumph of hope over arithmetic and good sense".',
        'New Bexley Times columnist Owen Pardoe wrote that the mayor "did well, because it was a serious debate".',
    )
    assert speakers(text) == ["Mira Castell", "Owen Pardoe"]


def test_a_party_and_state_in_brackets_are_no_speaker():
    text = article(
        "On Tuesday, discussing the advert, Speaker of the House Rep. Paul Rowan (R-WI) said "
        '"images like these have no place in a presidential campaign."',
    )
    assert speakers(text) == ["Paul Rowan"]


def test_an_inverted_said_clause_is_no_part_of_the_name():
    text = article(
        "Roger Stane spoke to the radio host on Friday.",
        'Stated Stane: "I think the stakes are so high that we must watch every polling station."',
    )
    assert speakers(text) == ["Roger Stane"]


def test_a_role_and_a_name_before_a_colon_in_a_transcript():
    text = article(
        'Rep. Tom Greer (R-S.C.):"I have not heard anyone other than you ever cite that figure."',
        'Former secretary of state Helen Rodham Carver:"We learned that from the department and its analysis."',
    )
    assert speakers(text) == ["Tom Greer", "Helen Rodham Carver"]


def test_a_phrase_opening_the_sentence_is_no_name():
    text = article(
        "Bernard Sandler has not introduced a health plan this year.",
        "Absent Sandler's plan, Hillary Carver pointed to the times Sandler had laid one before Congress.",
        '"And it is a bit concerning to me because it would end the care we know," she went on.',
    )
    assert speakers(text) == ["Hillary Carver"]
