"""Ninth pass on speakers: names in chains of titles, titles that are no one's name; each class
of writing on a small article written for the test, negatives included."""

from tests.extract.helpers import article, speakers

# -- a name, then titles and an organisation after commas or a dash, then the verb ---------------


def test_a_name_opening_a_chain_of_titles_before_an_uncommon_verb():
    text = article(
        "Orvia and Tellus agreed to link their mobile money services on Monday.",
        "Adding to the news, Tendai Mabvuto, Chief Executive Officer, Orvia Ghana, expressed: "
        '"Getting access to money by phone changes lives."',
    )
    assert speakers(text) == ["Tendai Mabvuto"]


def test_a_name_then_a_dash_and_a_title_then_a_participle_clause():
    text = article(
        "Orvia sold its snacks unit to Haldane for $400 million.",
        "Robert K. Marsh \u2013 President and CEO of Orvia Foods, commenting on the sale, said: "
        '"The snacks unit is a fine business that has done well for us."',
    )
    assert [(q.speaker, q.org) for q in _quotes(text)] == [("Robert K. Marsh", "Orvia")]


def test_a_chain_of_titles_with_no_name_names_nobody():
    text = article(
        "Orvia and Tellus agreed to link their mobile money services on Monday.",
        'Commenting on the deal, the General Manager for Tellus Money added "this makes Ghana the third market."',
    )
    assert speakers(text) == [None]


# -- an honorific's word after a given name is a surname ------------------------------------------


def test_a_surname_that_is_an_honorific_after_a_given_name():
    text = article(
        "Orvia and Tellus agreed to link their mobile money services on Monday.",
        "Commenting on the deal, Gregory Reeve, General Manager for Tellus Money added "
        '"with this step, Ghana becomes the third market to do so."',
    )
    assert speakers(text) == ["Gregory Reeve"]


def test_an_honorific_before_a_name_is_still_a_title():
    text = article(
        "The council met on Monday to discuss the new network.",
        '"We will sign the deal next week," Reeve Anna Colt said.',
    )
    assert speakers(text) == ["Anna Colt"]


# -- titles are no one's name, nor an organisation's ----------------------------------------------


def test_an_organisation_and_a_title_is_no_speaker():
    text = article(
        "Orvia and Tellus will build a hydrogen plant.",
        "Dr. Hamid Al Farsi, Minister of Industry, Tellus Managing Director and Group CEO, and Orvia Chairman, "
        'said: "This partnership is a testament to our long ties."',
    )
    assert "Orvia Chairman" not in speakers(text)


def test_a_title_s_field_after_a_comma_is_no_name():
    text = article(
        "Orvia has entered a partnership with Tellus.",
        "Amnah Ajmal, Orvia\u2019s Executive Vice President, Market Development EEMEA, who announced the "
        'partnership on Friday, said the deal would "set in motion a new era of payments."',
    )
    assert "Market Development EEMEA" not in speakers(text)


def test_a_name_then_titles_with_no_comma_between():
    text = article(
        "Orvia agreed to be bought by a search company on Friday.",
        "Meanwhile, James Park CEO, President & Co-Founder of Orvia, told users that it was an "
        '"incredibly exciting moment for us."',
        'He went on to say that "joining the family means we can do more."',
    )
    assert speakers(text) == ["James Park", "James Park"]


def test_a_company_named_after_general_is_still_a_company():
    text = article(
        "General Motors and Orvia will build batteries together in Ohio.",
        '"We expect the plant to open in 2026," General Motors said in a statement.',
    )
    assert speakers(text) == ["General Motors"]


# -- an organisation's said-clause joined to the sentence, a few words before the quoted ones ------


def test_a_public_body_s_said_clause_after_though():
    text = article(
        "Orvia and Tellam reached a $45 billion agreement to merge in 2014, though the Department of Justice "
        'said the merger would make Orvia "an unavoidable gatekeeper for internet services."',
    )
    assert speakers(text) == ["Department of Justice"]


def test_the_subject_s_own_verb_of_speech_keeps_the_quotation():
    text = article(
        'Orvia warned the merger would make prices "rise sharply for every family," though regulators disagreed.',
    )
    assert speakers(text) == ["Orvia"]


def test_a_name_of_justice_is_no_person_described():
    text = article(
        "Ann Lee, a lawyer for Tellam, spoke to reporters on Monday.",
        'Later the Ministry of Justice said it would "look closely at the deal."',
    )
    assert speakers(text) != ["Ann Lee"]


# -- a said-clause ending the sentence before, its name with an apposition ----------------------


def test_the_said_clause_ending_the_sentence_before_over_its_subject():
    text = article(
        "Orvia estimates that a useful machine would need a million qubits, far more than today, Ann Cole, "
        'Orvia Quantum COO told the Journal. "We have four orders of magnitude to go, so it is a hard problem."',
    )
    assert speakers(text) == ["Ann Cole"]


def test_a_sentence_with_no_said_clause_keeps_its_subject():
    text = article(
        "Orvia chief executive Ann Cole met investors in Boston on Monday.",
        'Orvia estimates that a useful machine would need a million qubits. "We have a long way to go."',
    )
    assert speakers(text) == ["Orvia"]


def test_a_name_and_its_apposition_before_said_is_heard_speaking():
    text = article(
        "The consortium has finished its checks of Vantair, Tellam's chief executive officer, Gideon Novak, "
        "said in a statement.",
        'He denied as "nonsense" rumours that a partner was pulling out.',
        '"We are hoping to finalise the deal soon."',
    )
    assert speakers(text) == ["Gideon Novak"]


def test_a_place_before_the_said_clause_is_no_speaker():
    text = article(
        'After talks with John Smith, Orvia said it would "keep the plant open for now."',
    )
    assert speakers(text) == ["Orvia"]


def _quotes(text: str):
    from bot.extract import extract

    return extract(text).quotes
