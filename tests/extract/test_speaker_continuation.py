"""A quotation with no attribution of its own carries on its speaker's words: in the same
paragraph after the rest of the sentence that attributed them, in the next paragraph (news style),
or after a colon that ends the paragraph before. Short articles written for the test."""

from bot.extract import extract
from tests.extract.helpers import article, speakers


def test_a_quote_after_the_attribution_sentence_is_the_same_speaker():
    text = article(
        '"We should work together to build an open network," Wen said in his keynote at the summit '
        'today, referring to lessons he learned abroad. "All players should focus on what they do best."'
    )
    assert speakers(text) == ["Wen", "Wen"]


def test_quotes_over_several_paragraphs_are_the_same_speaker():
    text = article(
        "Home affairs secretary Mike Pezzaro gave his account on Friday.",
        '"I have a clear recollection that she was on the line," Pezzaro said, regarding the first call.',
        '"There were officers of her team speaking in terms I would call factual updates."',
        '"They were speaking in terms that I would consider an oral briefing."',
    )
    assert speakers(text) == ["Mike Pezzaro"] * 3


def test_a_colon_at_the_end_of_a_paragraph_introduces_the_next():
    text = article(
        '"Sharing towers will cut our costs in half," he said. Airtel Africa Chief Executive Officer, '
        "Sunil Tandon, also said:",
        '"As we compete fiercely in the market we are building common infrastructure for our customers."',
    )
    assert speakers(text)[-1] == "Sunil Tandon"


def test_a_paragraph_of_reported_speech_introduces_the_quote_after_it():
    text = article(
        "MTN Group President and Chief Executive Officer, Ralph Mupeta, said operators on the continent were "
        "seeing sustained demand for data.",
        '"We continue to see strong structural demand for digital and financial services across our markets."',
    )
    assert speakers(text) == ["Ralph Mupeta"]


def test_another_speaker_between_two_quotes_takes_the_second():
    text = article(
        '"Access to film is restricted across the country," said Pete Bucknall, head of distribution at '
        'the council. Digital prints cost less than the old reels, said Ms Dean. "A copy of a print costs '
        'up to 1,500 pounds for specialist films."'
    )
    assert speakers(text) == ["Pete Bucknall", "Dean"]


def test_a_new_subject_between_two_quotes_takes_the_second():
    text = article(
        '"We plan to put a solar panel at every school," Mr Herrick says. Maciej Sundra, who designed the '
        "screens, says the aim is to level access to knowledge. "
        '"Why are students in this age still using paper textbooks when we have the internet?"'
    )
    assert speakers(text) == ["Herrick", "Maciej Sundra"]


def test_a_speaker_who_points_something_out_is_reported_speaking():
    text = article(
        'Ian Pearsall picks up the theme, pointing out there are issues to iron out before we become "cyborgs".',
        '"We are looking at electronics which are really in deep contact with your body."',
    )
    assert speakers(text)[-1] == "Ian Pearsall"


def test_according_to_a_person_is_reported_speech():
    text = article(
        "The blog grew over the months into a character of its own, according to Ms Simmons.",
        'The images came from a camera she inherited. "We often take pictures on flights or on layovers."',
    )
    assert speakers(text) == ["Simmons"]


def test_a_question_s_attribution_follows_its_question_mark():
    text = article('"Have I started writing my inauguration speech?" Sanderson replied. "Look, the answer is yes."')
    assert speakers(text) == ["Sanderson", "Sanderson"]


def test_a_new_sentence_after_a_question_introduces_the_next_quote():
    text = article(
        'In one of his posts, Heretic asks: "Have you ever seen fishing trawlers on the road?" '
        'Mr Kotamar then says: "It is simply unbelievable to me that people will come and donate."'
    )
    assert speakers(text) == ["Heretic", "Kotamar"]


def test_words_between_a_partial_quote_and_its_attribution():
    text = article(
        '"The two make a good combination," with largely complementary businesses that will ease the merger, '
        "said Patrick Moorfield, an analyst at Moor Insights and Strategy."
    )
    assert speakers(text) == ["Patrick Moorfield"]


def test_a_new_sentence_after_a_quote_ending_in_a_comma_is_no_attribution():
    text = article(
        '"Access to specialised film is restricted across the country," said Pete Bucknall. "Although a '
        'variety of films is available in London, the choice elsewhere remains limited," Digital prints cost '
        "less than old reels, said Ms Dean."
    )
    assert speakers(text) == ["Pete Bucknall", "Pete Bucknall"]


def test_a_name_and_a_title_then_a_colon():
    text = article(
        'Koen Kopp, Chief Technology Officer at Klarno: "Over the past years, we redefined the experience for '
        'millions of shoppers."'
    )
    assert speakers(text) == ["Koen Kopp"]


def test_a_time_between_the_subject_and_its_verb():
    text = article(
        "Orvel CEO Pat Gellman on Wednesday told a summit in California that the country should build chips at "
        'home, in part because "the island is not a stable place for the supply."'
    )
    assert speakers(text) == ["Pat Gellman"]


def test_a_quotation_whose_next_paragraphs_drop_their_opening_marks():
    text = article(
        "Ralph Mupeta, the group's chief executive, said demand for data was strong.",
        '"As MTN, we are driven by the vision of delivering digital services across the continent.',
        "To meet this demand, we continue to invest in coverage and capacity for our customers.",
        'That said, there are opportunities for sharing towers to improve returns," he said.',
        "Shares rose two percent on the news.",
    )
    quotes = extract(text).quotes
    assert [q.text.split()[0] for q in quotes] == ["As", "To", "That"]
    assert {q.speaker for q in quotes} == {"Ralph Mupeta"}


def test_a_name_line_closed_by_a_stray_mark_is_no_quotation():
    text = article(
        '"We are going to enter the next recession without the consensus that we need stimulus.',
        'Dean Bakerman, Center for Economic and Policy Research."',
        "Democrats went along with the narrative.",
    )
    assert [q.text.split()[0] for q in extract(text).quotes] == ["We"]


def test_two_single_marks_typed_to_close_a_quotation():
    text = article(
        "The announcement came with comment from West Wind managing director Tobi Geigler.",
        "\u201cThis is a very positive step in the right direction,\u2019\u2019 Mr Geigler said.",
    )
    assert speakers(text) == ["Tobi Geigler"]


def test_a_subject_and_a_verb_alone_after_a_full_stop():
    text = article(
        "Patrick Akin runs the bank's digital arm.",
        "\u201cThe central bank has been proactive in providing a regulatory environment.\u201d He noted.",
        "In his words, \u201cwe are not at the stage of competition yet; we gain more by collaborating.\u201d",
    )
    assert speakers(text) == ["Patrick Akin", "Patrick Akin"]


def test_a_title_with_its_field_before_the_name():
    text = article(
        "Residents have been resisting the meters since 2013.",
        "Salga Head of Energy and Electricity Distribution, Nhlanhla Ngidi, says, \u201cI think some "
        "municipalities will tell you that prepaid metering is not the entire solution.\u201d",
    )
    assert speakers(text) == ["Nhlanhla Ngidi"]
