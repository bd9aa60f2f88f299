"""Titles written before names in political and wire news: abbreviated ranks with their full stops
and a party's bracket, offices with "of", lower-case titles and adjectives, a place and its state
in an apposition. Short articles written for the test."""

import pytest

from tests.extract.helpers import article, speakers


def test_an_abbreviated_rank_and_a_party_s_bracket():
    text = article(
        '"If it is not the first vote it should be at the very top of the list," said Sen. Chris Murtagh '
        '(D-Conn.). "If we win the Senate, there is a clear mandate to act."',
        '"It is the beginning of the end of their grip on the chamber," said Rep. Dana Whitcombe (R-Calif.), '
        "who has pushed for the bill.",
    )
    assert speakers(text) == ["Chris Murtagh", "Chris Murtagh", "Dana Whitcombe"]


def test_an_office_with_of_before_the_name():
    text = article(
        'Secretary of State Jonah Kerrigan said: "We will not accept any deal that leaves the border open."',
        '"The agreement holds for now," Chief of Staff Reina Pribus told reporters.',
    )
    assert speakers(text) == ["Jonah Kerrigan", "Reina Pribus"]


def test_lower_case_titles_and_adjectives_before_the_name_and_he_after():
    text = article(
        "Republican presidential candidate Donald Trask has repeatedly pointed to the case.",
        '"What is going on is very big for the country, and everybody knows it," he said at a rally.',
        'Former US secretary of state Madeline Albrecht, a supporter, said: "There is a special place for '
        'people who do not help each other."',
    )
    assert speakers(text) == ["Donald Trask", "Madeline Albrecht"]


def test_as_someone_put_it():
    text = article(
        'As Jon Cornell, the No. 2 in the party leadership, put it: "This person will not be confirmed, so '
        'there is no reason to go through the motions."'
    )
    assert speakers(text) == ["Jon Cornell"]


def test_a_place_and_its_state_in_the_apposition_are_no_speaker():
    text = article(
        "Hillary Clintock spoke first.",
        'Clintock, during a town hall meeting in Columbus, Ohio, said she was "going to put a lot of coal '
        'companies out of business" with her plan.',
    )
    assert speakers(text) == ["Hillary Clintock"]


def test_a_second_verb_shares_the_subject_of_the_first():
    text = article(
        "Marcel Lazard is serving a sentence in Romania.",
        "In an interview last year, Lazard said he welcomed extradition to the United States and added, "
        '"I will plead guilty, no problem at all."',
    )
    assert speakers(text) == ["Marcel Lazard"]


def test_a_title_with_of_inside_a_subject_and_a_civic_rank():
    text = article(
        "That, Party Chief of Staff Katie Walston explained, is by design.",
        '"We head into the general election with a head start on the ground," she said.',
        '"We are in a place where the usual solutions are not enough," said Alderman William D. Burnside, '
        "whose district includes Hyde Park.",
    )
    assert speakers(text) == ["Katie Walston", "William D. Burnside"]


def test_one_member_then_the_named_subject():
    text = article(
        "One superdelegate, Alabama Democratic Party chairwoman Nancy Worland, pledged her vote to the front-runner.",
        '"We really need to bring a close to this primary process," she said.',
    )
    assert speakers(text) == ["Nancy Worland"]


def test_a_sentence_that_goes_on_after_a_partial_quote():
    text = article(
        'Couple global exposure with a "candidate who is a lightning rod" and Clevelanders get nervous, said '
        "Christine Linke, executive director of the civil liberties union."
    )
    assert speakers(text) == ["Christine Linke"]


@pytest.mark.parametrize(
    ("clause", "speaker"),
    [
        ("said Maricopa County Recorder Helen Purcello", "Helen Purcello"),
        ("said City Public Advocate Trish Jameson", "Trish Jameson"),
        ("said United Auto Workers Secretary-Treasurer Gary Castell", "Gary Castell"),
        ("said the Aspen Institute Homeland Security Group", "Aspen Institute Homeland Security Group"),
    ],
)
def test_a_place_and_an_office_before_a_name_and_an_organisation_named_with_a_kind(clause, speaker):
    text = article(f'"We counted every ballot in the county twice," {clause}.')
    assert speakers(text) == [speaker]


def test_an_abbreviated_rank_does_not_end_the_sentence_a_quotation_carries_on_over():
    text = article(
        '"Everybody is looking at our state," said Democratic Rep. Dina Tituss. "We are a swing state and we '
        'are not taking anything for granted."'
    )
    assert speakers(text) == ["Dina Tituss", "Dina Tituss"]
