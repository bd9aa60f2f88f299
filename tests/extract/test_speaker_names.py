"""A capitalised name in the speaker's slot of a said-clause is the speaker, whether or not any
list holds it; titles and organisations around it are not the name. Each case is a short article
written for the test."""

import pytest

from bot.extract import extract
from tests.extract.helpers import article, speakers


def test_a_bare_surname_is_the_person_named_in_full_before():
    text = article(
        "Damon Greer, who has run the lab for a decade, showed the new robot arm on Tuesday.",
        '"We built every joint of it ourselves in this building," Greer said.',
    )
    assert speakers(text) == ["Damon Greer"]


def test_a_bare_surname_after_a_title_chain_is_the_person_named_in_full():
    text = article(
        "During a staff meeting, Orvia's chief executive, Tamsin Holloway, spoke about the chip unit.",
        '"The only way to lower the price of compute is to design our own chips," Holloway said.',
        '"We were lucky to find a team that could do it," said Holloway.',
    )
    assert speakers(text) == ["Tamsin Holloway", "Tamsin Holloway"]


def test_a_surname_never_given_in_full_is_still_the_speaker():
    text = article('"We should build an open network, not a walled garden," Li said in his keynote speech on Monday.')
    assert speakers(text) == ["Li"]


@pytest.mark.parametrize(
    ("clause", "name"),
    [
        ("said Brightwave Chief Creative Officer Tom Varga", "Tom Varga"),
        ("said Larkspur chairman Sunil Mehrotra", "Sunil Mehrotra"),
        ("said Group Chief Strategy and Transformation Officer Adaeze Okonkwo", "Adaeze Okonkwo"),
        ("said Quillon president and CEO Pierre Karl Péladeau in a news release", "Pierre Karl Péladeau"),
        ("said Vantor Interactive's President and CEO, Jim Rayne", "Jim Rayne"),
        ("said TM Roh, the head of the mobile unit", "TM Roh"),
        ("said C.C. Wei, the chip maker's chief executive", "C.C. Wei"),
        ("said Babatunji Farinloye, a spokesman for the ports authority", "Babatunji Farinloye"),
        ("Koen Köppen, chief technology officer at the bank, said", "Koen Köppen"),
    ],
)
def test_the_name_at_the_end_of_a_title_chain_or_before_an_apposition(clause, name):
    if clause.startswith("said"):
        text = article(f'"Our customers will see the difference within a year," {clause}.')
    else:
        text = article(f'{clause}: "Our customers will see the difference within a year."')
    assert speakers(text) == [name]


def test_a_title_and_a_double_surname_are_the_full_name_named_before():
    text = article(
        "Optella chief executive Kelly Bayer Rosmarin apologised to customers on Friday.",
        '"I am very sorry, it should not have happened," said Ms Bayer Rosmarin, who broke down at the briefing.',
    )
    assert speakers(text) == ["Kelly Bayer Rosmarin"]


def test_a_common_noun_opening_a_sentence_is_no_surname():
    text = article(
        "The jury heard the case over two weeks.",
        'Prosecutors said he was "a snake oil salesman in a new format", using mail to sell useless wares.',
    )
    assert speakers(text) == [None]


def test_page_leftovers_are_no_name():
    text = article(
        "Article Continued Below",
        '"The market will double within two years and we intend to lead it," Article Continued Below said.',
    )
    assert speakers(text) == [None]


def test_an_organisation_shaped_name_in_the_slot_is_an_organisation_not_a_person():
    text = article('"Based on this lack of engagement, we are withdrawing our proposal," Couche-Tard said.')
    [quote] = extract(text).quotes
    assert (quote.speaker, quote.org) == ("Couche-Tard", "Couche-Tard")


@pytest.mark.parametrize(
    "attribution",
    [
        "tweeted Teresa Marsh, a principal analyst at Broadline",
        "poses Teresa Marsh in an interview with the Standard",
        "clarified Teresa Marsh through a post on the company blog",
        "Teresa Marsh, head of marketing at Nokia, was quoted as saying by Reuters",
        "Teresa Marsh quipped",
    ],
)
def test_verbs_of_reporting_beyond_said(attribution):
    text = article(f'"This is our largest deal to date, in fact one of the largest ever," {attribution}.')
    assert speakers(text) == ["Teresa Marsh"]


def test_quoted_him_as_saying_is_the_man_named_before():
    text = article(
        "Regulator spokesman Tunde Ojo did not say what further sanctions the operator could face.",
        '"If the situation changes, then the government at the top will have to step in," AFP quoted him as saying.',
    )
    assert speakers(text) == ["Tunde Ojo"]


def test_a_noun_that_looks_like_a_verb_reports_nothing():
    text = article(
        "Texan Michael Chicane pleaded guilty to running the hubs.",
        'The raids were aimed at fighting "criminal copyright theft on peer-to-peer networks".',
    )
    assert speakers(text) == [None]


@pytest.mark.parametrize(
    "attribution",
    [
        "Kirsten Pfeffer from the Consumer Electronics Association, told the BBC News website",
        "Kirsten Pfeffer, an analyst at Sanford C. Bernstein & Co, told the Journal",
    ],
)
def test_a_stray_comma_or_an_initial_in_the_apposition(attribution):
    text = article(f'"Every single decision looks like it broke in their favour," {attribution}.')
    assert speakers(text) == ["Kirsten Pfeffer"]


def test_a_company_s_name_that_is_the_surname_of_a_person_named_in_full():
    text = article(
        "Former mayor Michael Bloomfield has not ruled out a run, and Bloomfield's data business is worth billions.",
        '"I am convinced that you cannot win unless you are the nominee of a major party," Bloomfield told a magazine.',
    )
    assert speakers(text) == ["Michael Bloomfield"]


def test_a_surname_that_is_also_a_page_word():
    text = article(
        "Pharma chief executive Ian Read spoke to analysts on Monday.",
        '"We believe this deal is a great deal for shareholders of both companies," Read said.',
    )
    assert speakers(text) == ["Ian Read"]


@pytest.mark.parametrize(
    "attribution",
    [
        "remembered Roy Verley, the company's former chief spokesman",
        "DoubleLine Capital portfolio manager Roy Verley said at a recent event",
    ],
)
def test_more_verbs_and_a_field_before_a_lower_case_title(attribution):
    text = article(
        f'"An awful lot of analysts said no, and she took it upon herself to prove them wrong," {attribution}.'
    )
    assert speakers(text) == ["Roy Verley"]


def test_a_closing_mark_after_a_space_still_has_its_attribution():
    text = article(
        "In both cases, Eric Trumbull said, the money paid for sponsorships.",
        "\"My father made the donation. This is why he is the 'Title Sponsor,' \" Eric Trumbull wrote of the gift.",
    )
    assert speakers(text) == ["Eric Trumbull"]


def test_a_verb_before_the_name_and_a_comma_before_the_quote():
    text = article(
        'Because of how the schedule was made, explained Rosenfeld, "with this thing being over by mid-March '
        'there is a scenario where it is hard to get airtime."'
    )
    assert speakers(text) == ["Rosenfeld"]


def test_words_that_contain_a_title_are_no_title():
    text = article(
        "In a meeting with the Daily Courier's editorial board, Trumbull said: \"I think statehood is a tough "
        'thing for the district, and I do not have a position on it yet."'
    )
    assert speakers(text) == ["Trumbull"]


def test_a_first_name_that_is_also_a_page_word():
    text = article(
        '"There were a lot more voters in 2008 who knew her than there are now," said Skip Rutherfield, a '
        "longtime loyalist and dean of the school."
    )
    assert speakers(text) == ["Skip Rutherfield"]
