"""Eighth pass on speakers (policy and consumer-tech news): each class of writing on a small
article written for the test, negatives included."""

from tests.extract.helpers import article, speakers

# -- a surname that is a word of places too ("Park", "Hall") ----------------------------------


def test_a_surname_that_is_a_place_word_after_a_first_name():
    text = article(
        "Lumina chief executive Laura Park spoke to investors on Monday.",
        '"We believe we are well placed to build the watch people want," Park said.',
    )
    assert speakers(text) == ["Laura Park"]


def test_a_full_name_given_with_a_possessive_is_the_surname_s_person():
    text = article(
        "The plan came straight from chief executive Laura Park's mouth. "
        '"We will open the store to outside developers next year," Park said in a statement.',
    )
    assert speakers(text) == ["Laura Park"]


def test_a_place_word_alone_is_no_speaker():
    text = article(
        "The city reopened Central Park on Monday after a month of repairs.",
        '"We are glad to welcome visitors back to the lawns and the lake," Park said.',
    )
    assert speakers(text) == [None]


# -- a said-clause set inside the sentence, its verb first or a title for the person -------------


def test_said_the_title_inside_the_sentence_is_the_person_with_it():
    text = article(
        "Mayor Gary Holt said the agreement lets the provider use city poles.",
        "The network is meant to replace the older one, known as LTE. It is faster.",
        'The agreement, said the mayor, shows the city is open to "wireless and sensor technologies."',
    )
    assert speakers(text) == ["Gary Holt"]


def test_the_title_wrote_inside_the_sentence():
    text = article(
        "Governor Ann Wells sent lawmakers a letter on Monday about the new rules for drones.",
        "Nothing was decided at the meeting.",
        'Operators, the governor wrote, must "register every drone before it flies."',
    )
    assert speakers(text) == ["Ann Wells"]


def test_an_aside_with_no_person_named_stays_unknown():
    text = article(
        "The network is meant to replace the older one, known as LTE. It is faster.",
        'The agreement, said the mayor, shows the city is open to "wireless and sensor technologies."',
    )
    assert speakers(text) == [None]


# -- "the watchdog", "the regulator": the public body named before; a conjunction before "it" ----


def test_the_watchdog_is_the_authority_named_before_and_it_follows():
    text = article(
        "The Telecoms Review Authority's ruling on the takeover came after a six-month inquiry, Tech Wire writes.",
        'The watchdog said it had taken "extra time" to hear from customers.',
        'But it concluded: "The merger is not expected to harm competition in any market in the country."',
    )
    assert speakers(text) == ["Telecoms Review Authority"]


def test_the_company_after_an_authority_is_still_the_company():
    text = article(
        "The Telecoms Review Authority cleared Vodafone's purchase of the network on Friday.",
        'The company said: "We are pleased that the review found no harm to competition in any market."',
    )
    assert speakers(text) == ["Vodafone"]


# -- the next quotation after one whose own said-clause follows it -------------------------------


def test_a_quotation_after_a_said_clause_with_an_apposition_is_the_same_speaker_s():
    text = article(
        "Lumina, founded by former phone executives, is at the forefront of the launch.",
        '"Are people really loyal to the brands they carry today?" Ann Lee, a veteran of the trade and '
        'one of the leading figures behind Lumina told Reuters. "We want to be one of the key players."',
    )
    assert speakers(text) == ["Ann Lee", "Ann Lee"]


def test_a_new_sentence_about_someone_else_ends_the_run():
    text = article(
        '"Are people really loyal to the brands they carry today?" Ann Lee, a veteran of the trade, told '
        'Reuters. Bob Marsh, her rival at Initech, disagreed. "Loyalty is what keeps our customers with us."',
    )
    assert speakers(text)[1] != "Ann Lee"


# -- a statement from an organisation's spokeswoman, named -------------------------------------


def test_a_statement_from_a_named_spokeswoman_is_hers():
    text = article(
        "A judge ruled in favour of Vodafone in its planned purchase of the network.",
        '"The ruling supports our view that the deal is not anti-competitive," said a statement from '
        "Vodafone spokeswoman Kristin Hay.",
        '"We will appeal the ruling in the coming weeks," said a statement from the Justice Department.',
    )
    assert speakers(text) == ["Kristin Hay", "Justice Department"]


# -- a relative clause's said-clause: "which it said would lead to "..."" ------------------------


def test_which_it_said_is_the_organisation_the_sentence_is_about():
    text = article(
        'Lumina chief executive Ann Lee said: "We will fight this decision in every court we can."',
        "In April, Ofcom found that customers would be worse off after the merger, which it said would "
        'lead to "fewer new features that may be released more slowly."',
    )
    assert speakers(text) == ["Ann Lee", "Ofcom"]


def test_which_she_described_as_is_the_woman_just_named():
    text = article(
        "Ann Lee, the chief executive of Lumina, criticised the plan, which she described as "
        '"a step backwards for every customer we serve."',
    )
    assert speakers(text) == ["Ann Lee"]


# -- "(pictured)" in a paragraph that opens a quotation is no caption ----------------------------


def test_a_pictured_speaker_s_open_quotation_is_text_not_a_caption():
    text = article(
        "Ofcom chief executive Sharon White (pictured) said the decision would help customers. She said: "
        '"Openreach must open up its network of poles and tunnels to allow others to build their own.',
        '"This will help create more choice, while reducing the reliance on one network."',
    )
    assert speakers(text) == ["Sharon White", "Sharon White"]


def test_a_pictured_line_with_no_quotation_stays_a_caption():
    text = article(
        "Sharon White (pictured) at the launch in London",
        'Ofcom said: "The decision will help customers choose their broadband provider freely."',
    )
    assert speakers(text) == ["Ofcom"]


# -- a quotation run on from the paragraph before, its said-clause naming no one on record -------


def test_a_quotation_run_on_is_its_opener_s_with_a_title_no_one_holds():
    text = article(
        'Shrivastava said nothing had been planned. "We are in touch with five private operators.',
        'While some of them approached us, we approached the others," the chairman said.',
    )
    assert speakers(text) == ["Shrivastava", "Shrivastava"]


def test_a_closed_quotation_then_an_unnamed_voice_stays_unknown():
    text = article(
        'Shrivastava said nothing had been planned. "We are in touch with five private operators."',
        '"Some of them approached us, and we approached the others," one analyst said.',
    )
    assert speakers(text) == ["Shrivastava", None]


# -- an office of several words before an honorific and the name -------------------------------


def test_says_an_office_then_honorifics_then_the_name():
    text = article(
        "Alliances with telecom giants are necessary for the country, says Prime Minister Tun Dr Hamid Rahman.",
        '"We need partners in the field of telecommunications," he told a press conference.',
    )
    assert speakers(text) == ["Hamid Rahman"]


def test_says_a_plain_office_holder_named_without_honorific():
    text = article(
        "Alliances with telecom giants are necessary for the country, says Prime Minister Hamid Rahman.",
        '"We need partners in the field of telecommunications," he told a press conference.',
    )
    assert speakers(text) == ["Hamid Rahman"]
