"""Who said it: attribution patterns of news writing, each on a small article written for the test."""

import pytest

from bot.extract import extract
from tests.extract.helpers import article, speakers

# -- people, and names that are not people ----------------------------------------------------


def test_a_title_with_and_in_it_stays_with_the_person():
    text = article(
        'Jane Okafor, president and chief operating officer at Telewest Broadband, said: "We will ship '
        'the new box in the spring."'
    )
    [quote] = extract(text).quotes
    assert quote.speaker == "Jane Okafor"
    assert quote.org == "Telewest"


def test_a_company_name_followed_by_a_capitalised_word_is_no_person():
    text = article(
        "The service could grow the way utilities did, said Sun's chief operating officer Ravi Patel.",
        '"Why build your own grid when you can rent ours by the hour?" he asked at the launch of Sun Grid.',
    )
    assert speakers(text) == ["Ravi Patel"]


def test_a_clause_word_is_no_part_of_a_name():
    text = article(
        "But Tom Hale, senior consultant at security firm Sophos, said the change was welcome.",
        '"It is good news for everyone who uses the net," he said.',
    )
    [quote] = extract(text).quotes
    assert (quote.speaker, quote.org) == ("Tom Hale", "Sophos")


def test_mr_x_is_the_full_name_given_in_passing_before():
    text = article(
        "The film is being made by Simon Vale, who has shot many films about gaming.",
        'Said Mr Vale: "This is a new game and the chance is there for a new player."',
    )
    assert speakers(text) == ["Simon Vale"]


# -- pronouns --------------------------------------------------------------------------------


def test_he_is_a_person_never_a_company_reported_speaking():
    text = article(
        "Dan Marsh from Retail Payments Research said few machines were at risk.",
        'Cash machine firm Retail Payments Research said the risk was low. "Most banks simply upgrade as '
        'part of their cycle," he said.',
    )
    assert speakers(text) == ["Dan Marsh"]


def test_he_after_an_unnamed_spokesman_is_the_spokesman_s_organisation():
    text = article(
        'Dan Marsh said the risk was real. "Viruses will come to these machines," he said.',
        "A spokesman for the Association of Payment Services (Apays) which represents the banks said the "
        'risk was minimal. "There is no concern about any virus hitting our networks," he said.',
    )
    assert speakers(text) == ["Dan Marsh", "Apays"]


def test_the_described_person_is_the_one_just_named():
    text = article(
        '"I thought it would take decades," said Lucia Ferrer, games specialist at the university.',
        '"I was the first person to be surprised at how fast they evolved," added the Spanish-born researcher.',
    )
    assert speakers(text) == ["Lucia Ferrer", "Lucia Ferrer"]


def test_a_plural_description_names_nobody():
    text = article(
        'Anna Berg led the study. "The control achieved here suggests clinical use is near," said the researchers.'
    )
    assert speakers(text) == [None]


# -- organisations that speak ----------------------------------------------------------------


def test_a_spokesman_for_an_organisation_speaks_for_it_by_its_acronym():
    text = article(
        "A spokesman for the World Forum on the Digital Society (WFDS), which meets this week, told reporters: "
        '"The divide is very much real and needs to be addressed."',
        '"The fund is voluntary and will help local projects," said the WFDS spokesman.',
    )
    assert speakers(text) == ["WFDS", "WFDS"]


def test_a_report_speaks_for_whoever_wrote_it():
    text = article(
        "The report by the US Harbor Research Center says most people find what they search for.",
        'Said the Harbor report: "This finding is ironic, since half of users would stop."',
        '"People are getting access at an incredible rate," said the report.',
        '"The divide is rapidly closing," the Globe Bank report said.',
    )
    assert speakers(text) == ["Harbor Research Center", "Harbor Research Center", "Globe Bank"]


def test_an_agency_statement_is_the_agency_named_before():
    text = article(
        "The International Nuclear Safety Agency (INSA) wants new computers for its inspectors.",
        '"Failure to replace the software will carry large risks," said an agency statement.',
    )
    assert speakers(text) == ["INSA"]


def test_the_statement_read_out_is_its_maker_s():
    text = article(
        "In a statement detailing the bans, Vortex said its system found the pirated copies.",
        '"The method used was extremely easy for us to trace and confirm," read the statement.',
    )
    assert speakers(text) == ["Vortex"]


def test_someone_s_message_read():
    text = article(
        "Kestrel, a blogger, sent text messages from the flooded towns.",
        '"She was being swept away by the water," Kestrel\'s message read.',
    )
    assert speakers(text) == ["Kestrel"]


def test_its_authors_are_the_company_the_article_is_about():
    text = article(
        'Browser maker Opera says the new version will be "the most accessible browser on the market", '
        "according to its authors."
    )
    assert speakers(text) == ["Opera"]


def test_a_described_company_is_the_company_named_before():
    text = article(
        "Electronic Arts makes sports games and is casting for new ones.",
        'The California-based company says it was looking for "a wide variety of people to use as models".',
    )
    [quote] = extract(text).quotes
    assert (quote.speaker, quote.org) == ("Electronic Arts", "EA")  # as the article names it; the company


# -- attribution forms -----------------------------------------------------------------------


def test_the_name_after_a_role_and_a_comma():
    text = article(
        '"Our mission was always to give the best experience to everyone," said Opera spokeswoman, Berit Lund.'
    )
    [quote] = extract(text).quotes
    assert quote.speaker == "Berit Lund"
    assert quote.org == "Opera"


def test_quoted_as_saying():
    text = article('"He has been ripping people off for years," AP quoted prosecutor Russell Marsh as saying.')
    assert speakers(text) == ["Russell Marsh"]


def test_a_dotted_name_in_the_apposition():
    text = article(
        '"It is very encouraging for Sony this week," John Hale, editor of Gamesandconsoles.com told BBC News.'
    )
    assert speakers(text) == ["John Hale"]


@pytest.mark.parametrize("verb", ["said", "says", "added"])
def test_the_verb_before_the_speaker_and_a_colon(verb):
    text = article(f'{verb.capitalize()} Mr Okafor: "The market will double within two years."')
    assert speakers(text) == ["Okafor"]


def test_the_group_is_the_organisation_introduced_before_by_any_organisation_noun():
    text = article(
        "Access to the news site was blocked, says the media watchdog, Reporters Sans Limites.",
        "Sohu and Sina run news sites of their own in the country.",
        '"The government is censoring the news to force people onto its own sites," said the group.',
    )
    assert speakers(text) == ["Reporters Sans Limites"]


def test_the_magazine_named_before_and_not_a_lower_case_phrase():
    text = article(
        "The English-language news site first reported it; magazine Mobile Weekly followed.",
        '"It is the best phone we have tested this year," said the magazine.',
    )
    assert speakers(text) == ["Mobile Weekly"]


def test_the_name_at_the_end_of_a_chain_of_titles():
    text = article(
        "The head of the cyber crime unit, Acting Detective Chief Superintendent, Mick Dale, said: "
        '"This investigation has disrupted criminals using the internet."',
        '"Your identity is one of your most precious things," said Ms Vine. "Guard it well, and '
        "change your passwords,\" Globex's CEO, Cynthia Marsh, told the BBC.",
    )
    assert speakers(text) == ["Mick Dale", "Vine", "Cynthia Marsh"]


def test_a_police_rank_is_a_title_not_a_name():
    text = article(
        'Mick Dale led the raids. "We have disrupted organised crime online," said Mr Dale.',
        'Chief Supt Dale went on to warn: "The internet brings powerful opportunities for criminals too."',
    )
    assert speakers(text) == ["Mick Dale", "Mick Dale"]


def test_a_person_introduced_with_a_role_mid_sentence_is_he():
    text = article(
        "For Rick Marsh, director of business development for sound firm THX, high definition is exciting.",
        '"There was a time when film and video were two separate worlds," he told the BBC News website.',
    )
    [quote] = extract(text).quotes
    assert (quote.speaker, quote.org) == ("Rick Marsh", "THX")


def test_a_company_after_said_is_no_person_to_be_he():
    text = article(
        "Jim Lanz, vice president at Ask Jeeves, said the deal was not about blogs.",
        "He said Ask Jeeves was more interested in helping people find things.",
        '"The universe of readers is vastly larger than the universe of writers," he said.',
    )
    assert speakers(text) == ["Jim Lanz"]


def test_the_organisation_is_the_acronym_given_with_its_full_name():
    text = article(
        "CENTA, the Council of European Network Top Addresses, agrees. "
        '"A rush to change the browsers is an overly zealous step," the organisation said in a statement.'
    )
    assert speakers(text) == ["CENTA"]


def test_a_lawsuit_speaks_for_whoever_filed_it_and_never_for_the_company_it_is_against():
    filed = article(
        "Californian Tom Slade filed the suit in the US District Court in San Jose.",
        '"Apple has turned an open standard into an artifice that locks users in," the lawsuit states.',
    )
    [quote] = extract(filed).quotes
    assert (quote.speaker, quote.org) == ("Tom Slade", None)
    unnamed = article(
        "A woman has sued Acme over its printers, saying their chips fail on purpose.",
        '"Our chips are engineered to last as long as the printer does," Acme said in reply.',
        '"The chip is designed to make people buy more ink," the suit says.',
    )
    assert speakers(unnamed)[-1] is None
