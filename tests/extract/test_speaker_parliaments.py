"""Titles of parliaments and parties before a name, as Canadian, British, Irish, Australian and
Indian papers write them (``Labour MP Jess Phillips``, ``BJP MLA Ramesh Kumar``, ``Tánaiste
Micheál Martin``, ``House Republican Thomas Massie``): the title is no part of the name, and a
party's convention is nobody. Short articles written for the test."""

from tests.extract.helpers import article, speakers


def test_a_member_of_parliament_is_named_without_party_and_seat():
    text = article(
        '"The rollout has been a shambles from start to finish," said Labour MP Joan Pettifer.',
        'Conservative MP Arnold Keble disagreed. "The system is working as it was designed to work," he said.',
        'BJP MLA Ramesh Kulkarni told reporters: "The farmers of this district will not be left behind."',
    )
    assert speakers(text) == ["Joan Pettifer", "Arnold Keble", "Ramesh Kulkarni"]


def test_a_party_before_a_name_is_a_title():
    text = article(
        'House Republican Thomas Massie said the bill "would hand the agency powers it never asked for".',
        '"We will fix the broadband maps before we spend another dollar," said Tánaiste Micheál Ó Briain.',
    )
    assert speakers(text) == ["Thomas Massie", "Micheál Ó Briain"]


def test_a_party_convention_is_no_speaker():
    text = article(
        "Delegates left the Democratic National Convention on Thursday night.",
        '"Another example of his dangerous and divisive rhetoric" was how one flyer put it.',
    )
    assert speakers(text) == [None]
