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


def test_an_outlet_that_reports_after_the_quotation_is_its_speaker():
    text = article(
        "Orvia and Kelvo will build software for hospitals together, the companies said on Monday.",
        '"Both stand to gain revenue if they are successful in creating useful programs," the Harbour Globe reports.',
    )
    assert speakers(text) == ["Harbour Globe"]


def test_reports_as_a_noun_names_no_speaker():
    # negative: "media reports" is no said-clause's subject
    text = article(
        "Orvia's shares fell on Monday.",
        'The merger "will not happen this year," according to media reports.',
    )
    assert speakers(text) != ["media"]


def test_the_one_an_outlet_quoted_as_saying_is_the_speaker():
    text = article(
        "Orvia plans to build three battery plants in Texas, the carmaker said on Monday.",
        '"We\'re partnering with some great companies," including two battery makers, Reuters quoted '
        "Doug Marsh, Orvia's head of global product development, as telling an investor conference.",
        '"The news on the merger is a pure speculation and completely untrue", media reports quoted a '
        "Kelvo spokesperson on Tuesday as saying.",
    )
    assert speakers(text) == ["Doug Marsh", "Kelvo"]


def test_the_outlet_that_quotes_is_not_the_speaker():
    # negative: the outlet quoting someone is not the one speaking
    text = article(
        "Kelvo's chief executive Ann Lee met investors in London on Monday.",
        '"We will not sell the mobile unit this year or next," AFP quoted her as saying.',
    )
    assert speakers(text) == ["Ann Lee"]
