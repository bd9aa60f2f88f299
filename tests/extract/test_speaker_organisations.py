"""Organisations speak through unnamed people, documents and nouns that stand for them; and a
verb of speech earlier in the sentence attributes a partial quotation. Short articles written
for the test."""

from bot.extract import extract
from tests.extract.helpers import article


def quotes(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.org) for q in extract(text).quotes]


def test_analysts_at_a_house_speak_for_it():
    text = article(
        '"A licence cancellation would be extremely problematic for the chip maker," analysts at Berenson '
        "said in a note."
    )
    assert quotes(text) == [("Berenson", "Berenson")]


def test_the_agency_is_the_organisation_that_spoke_just_before():
    text = article(
        "Meta wants the case thrown out before a trial.",
        'In its filing Tuesday, however, the FTC said the case involves "information Meta had in its files '
        'and did not provide" during the reviews.',
        '"At Meta\'s request, the FTC undertook only a limited review" of the deals, the agency said.',
    )
    assert [speaker for speaker, _org in quotes(text)] == ["FTC", "FTC"]


def test_the_office_is_the_one_named_before():
    text = article(
        "Sime Darby got Overseas Investment Office consent to buy Gough Holdings of New Zealand.",
        '"The investment involves the acquisition of Gough Group and its subsidiaries," the office said.',
    )
    assert [speaker for speaker, _org in quotes(text)] == ["Overseas Investment Office"]


def test_a_company_s_release_and_a_statement_by_a_company():
    text = article(
        '"Customers can now choose Payvo at checkout in the Google Pay flow," Payvo\'s release said on Tuesday.',
        '"The bank has received the final approval of the central bank," a statement by Access Bank disclosed.',
    )
    assert [speaker for speaker, _org in quotes(text)] == ["Payvo", "Access Bank"]


def test_the_two_companies_are_the_two_named_last():
    text = article(
        "Nokia will take a stake in Vodafone and will become a key supplier for the carrier.",
        '"Vodafone will use Nokia radio equipment across its European networks," the companies said.',
    )
    [(speaker, _org)] = quotes(text)
    assert set(speaker.split(" and ")) == {"Nokia", "Vodafone"}


def test_one_analyst_and_users_are_nobody_in_particular():
    text = article(
        '"The software is riddled with holes," one analyst said.',
        '"It crashes every day," users say.',
    )
    assert quotes(text) == [(None, None), (None, None)]


def test_a_verb_of_speech_earlier_in_the_sentence_attributes_a_partial_quote():
    text = article(
        "Lisa Su runs the chip maker.",
        'Su noted that Xylo has a "best-in-class gross margin profile and significant free cash flow".',
        'She said the merger would create "considerable product, technology and market benefits".',
    )
    assert [speaker for speaker, _org in quotes(text)] == ["Lisa Su", "Lisa Su"]


def test_an_organisation_speaking_earlier_in_the_sentence_after_an_adjective():
    text = article(
        "The official Xandu News Agency said the crackdown was carried out to create a "
        '"safer environment for young people in the country".'
    )
    assert [speaker for speaker, _org in quotes(text)] == ["Xandu News Agency"]


def test_an_organisation_speaks_by_the_name_the_article_gives_it():
    text = article(
        '"Flipkart is a good cultural fit with us," a Walmart spokesperson said.',
        'A BT Group spokesperson said: "We will do whatever it takes to protect emergency services."',
    )
    found = [(q.speaker, q.org) for q in extract(text).quotes]
    assert [speaker for speaker, _org in found] == ["Walmart", "BT Group"]
    assert all(org for _speaker, org in found)  # the company, as the lexicon names it


def test_a_short_quotation_inside_a_straight_quoted_one():
    text = article(
        '"There has been no constructive engagement, contrary to comments in which they said they are '
        '"seriously" considering our proposal," Couche-Tard said in a letter to the board.'
    )
    [quote] = extract(text).quotes
    assert quote.speaker == "Couche-Tard"
    assert quote.text.endswith("considering our proposal,")


def test_an_unnamed_member_speaks_for_the_organisation_or_the_candidate():
    text = article(
        "Hillary Clintock held a rally in Iowa.",
        '"If I was a donor, I would want answers," said a prominent Republican National Committee member who '
        "supports the nominee.",
        '"More than 90 percent of the e-mails were sent to a government address," a Clintock campaign spokesman said.',
        '"We are not worried about the polls at all," a Democratic official said.',
    )
    assert [q.speaker for q in extract(text).quotes] == [
        "Republican National Committee",
        "Hillary Clintock",
        None,
    ]


def test_an_opening_mark_typed_to_close_a_quote():
    text = article("\u201cIt is unusual and hard to pull off,\u201c said Larry Nobel, an attorney with the centre.")
    assert [q.speaker for q in extract(text).quotes] == ["Larry Nobel"]
