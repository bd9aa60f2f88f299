"""Speakers, eleventh pass: the name of a said-clause after the quotation that no rule reads (a
handle, a name in an odd form) is one of the trained choice's candidates; small articles written
for the test, negatives included."""

from bot.extract.quotes import fallback
from bot.extract.quotes.attribution import _subject_after
from bot.extract.quotes.spans import find_spans
from tests.extract.helpers import article, speakers


def _after(tail: str, close: str = ',"') -> str:
    paragraph = '"We will grow in every market we serve this year' + close + " " + tail
    return _subject_after(paragraph, find_spans(0, paragraph)[0])


def test_a_handle_after_the_quotation_is_its_speaker():
    text = article(
        "Streaming site Vello signed two of its rival's biggest stars on Monday.",
        '"People think signing two contracts is bad, but this is the right way to do it," vQk said '
        "about the deal on his stream.",
    )
    assert speakers(text) == ["vQk"]


def test_the_said_clause_s_subject_as_written():
    assert _after("vQk said about the deal.") == "vQk"
    assert _after("Ann Lee, CEO, Orvia, said in a release.") == "Ann Lee"
    assert _after("said Park Min-ho, a professor at Seojeong University.") == "Park Min-ho"


def test_no_name_after_the_quotation_gives_no_candidate():
    # negatives: a pronoun, a description, a day, no said-clause at all
    assert _after("he said.") == ""
    assert _after("the company said in a statement.") == ""
    assert _after("said Tuesday's statement.") == ""
    assert _after("Orvia's chief executive said on Tuesday.") == "Orvia's chief executive"
    assert _after("Sales rose.", close='."') == ""


def test_a_quotation_with_nobody_around_stays_unknown():
    # negative: no said-clause after it, nobody named before: nobody's
    text = article(
        "Sales of the plant fell by a third last year.",
        '"Nobody expected the plant to close so soon after the sale went through," the note on the door read.',
    )
    assert speakers(text) == [None]
    assert fallback.same_speaker(("Mark Dwyer", None, None), ("Lt. Gen. Mark", None, None))
    assert not fallback.same_speaker(("Etsy", None, "Etsy"), ("Etsy and Depop", None, None))
