"""Whom "he" and "she" mean (the seventh pass on speakers): of the people the last sentence naming
any names, the one heard speaking, else its subject, else the first named; never an organisation,
a name inside a quotation, nor a person the text tells is of the other sex (by a title, a first
name, or a pronoun the text gives them). Short articles written for the test, negatives included."""

from tests.extract.helpers import article, speakers


def test_the_subject_not_the_people_its_clauses_name_after_it():
    text = article(
        "The council approved the new bus routes on Tuesday.",
        "Councillor Dan Ferris said the plan had been drawn up with Tom Walsh and Peter Quinn of the transit"
        ' office. "Nobody will wait longer than ten minutes for a bus at rush hour," he said.',
    )
    assert speakers(text) == ["Dan Ferris"]


def test_the_one_heard_speaking_before_a_person_a_reported_clause_names():
    text = article(
        "The inquiry into the collapse of the warehouse roof heard from its builders this week.",
        "In an email, engineer Mark Lowe said that two of the workers had heard Gary Finch say the beams were"
        ' fine. He added that the report should "be read with the hindsight of what we know now."',
    )
    assert speakers(text) == ["Mark Lowe"]


def test_he_with_two_men_named_is_the_subject_even_when_the_other_is_named_last():
    text = article(
        "Talks on the stadium lease went on into the night.",
        'Owner Carl Jansen met Mayor Richard Boyd at city hall. "We are closer than we have been in a year," he said.',
    )
    assert speakers(text) == ["Carl Jansen"]


def test_she_skips_a_man_and_he_skips_a_woman():
    text = article(
        "Two candidates are running for the open seat on the school board.",
        'Mr Collins debated Anna Price on Monday night. "We need smaller classes before we need new gyms," she said.',
        'Price then took questions while Mr Collins listened. "I have never voted to close a school," he said.',
    )
    assert speakers(text) == ["Anna Price", "Collins"]


def test_the_sex_a_text_gives_a_person_by_their_own_pronoun():
    # neither first name tells; "Blake said she" and "Morgan told reporters he" do
    text = article(
        "Kerry Blake and Robin Morgan are running for mayor of Elmfield. Blake said she would fix the roads"
        " first, and Morgan told reporters he would cut taxes.",
        'At a debate on Monday, Blake pressed Morgan on the budget. "The budget is balanced and it will stay'
        ' balanced," he said.',
    )
    assert speakers(text) == ["Robin Morgan"]


def test_no_organisation_for_he():
    text = article(
        "Pastor Ron Meeks has turned his sermons on the town library.",
        'Meeks, who leads a church in the valley, told his radio audience that the shelves were "a danger to'
        ' children," Valley Watch first reported.',
        'He then said the library board should "resign before the next meeting, every one of them."',
    )
    assert speakers(text)[-1] == "Ron Meeks"


def test_names_inside_a_quotation_are_nobodys_cue():
    text = article(
        "A senator defended the new farm bill on Wednesday.",
        '"I think what Trump said about the bill is no worse than what Obama said years ago," Senator Joan'
        ' Hart said on a call with reporters. "Nobody complained about that at the time," she said.',
        '"I do not hear any criticism of that sort of comment," she added.',
    )
    assert speakers(text) == ["Joan Hart", "Joan Hart", "Joan Hart"]


def test_a_persons_staff_named_after_them():
    text = article(
        "The campaign is short of money, its staff say.",
        '"These are the hardest weeks we have had," former Dana Hill speechwriter Noam Berg wrote in a column.',
        "And Hill campaign chairman John Pardo offered a slogan when asked how she would recover.",
        '"She will fight for every family in this state," he said.',
    )
    assert speakers(text) == ["Noam Berg", "John Pardo"]


def test_a_woman_and_a_man_and_an_unnamed_one():
    # negatives: "one analyst" stays nobody's; "he" never goes to the woman named last
    text = article(
        "Shares in the grocer fell after the results.",
        '"The margins are simply not there any more," one analyst said.',
        'Chief executive Paul Greer spoke to investors with finance chief Maria Lund beside him. "We will'
        ' cut costs by a fifth this year," he said.',
    )
    assert speakers(text) == [None, "Paul Greer"]


def test_a_name_after_the_in_a_said_clause_is_an_organisations():
    text = article(
        "The Valley Courier reported on Monday that the plant would close in March.",
        '"The decision was made after two years of losses at the site," the Courier reported.',
        '"Our first priority is to keep every job in the valley," the Mill Workers Federation union said.',
        '"The Blaze counted every vote twice before it called the race," The Blaze reported.',
    )
    assert speakers(text) == ["Valley Courier", "Mill Workers Federation", "Blaze"]


def test_a_title_after_the_is_no_organisation():
    text = article(
        "The cabinet met late on Sunday.",
        '"We will not go back on this promise to the voters," the Prime Minister said.',
        '"Nobody in this house wants another election this year," the Speaker said.',
    )
    assert speakers(text) == [None, None]


def test_a_chain_of_titles_with_commas_in_it_ends_at_the_person():
    text = article(
        "Northfield Power agreed to buy a solar developer on Monday.",
        '"The purchase supports our growth plan for the next decade," said Northfield Chair, President and CEO'
        " Dana Whitlock.",
        # (the name first, the chain after it, as before)
        '"The plant will be running by the spring," said Lee Okafor, President and CEO of Northfield Solar.',
    )
    assert speakers(text) == ["Dana Whitlock", "Lee Okafor"]


def test_a_statement_issued_speaks_for_its_issuer():
    text = article(
        "The Harbour Ferry Company issued a statement on Friday apologising for the cancelled crossings.",
        '"We are deeply sorry for the disruption this has caused to every one of our passengers."',
        "Councillor Joan Pike released a statement after the vote.",
        '"The harbour deserves a ferry that runs on time, every day of the year."',
        '"We will not be commenting on the report until it is published," a spokesman for Pike would only say.',
    )
    found = speakers(text)
    assert found[:2] == ["Harbour Ferry Company", "Joan Pike"]
    assert found[2] is not None and found[2].endswith("Pike")


def test_a_statement_read_out_names_no_earlier_speaker():
    # negative: words a sentence reports about a statement are not carried to a later quotation
    text = article(
        "Shares in the ferry company fell on Friday.",
        '"We expect the crossings to resume next week," chief executive Tom Hale said.',
        "Passengers waited on the pier for hours.",
        '"Nobody told us anything all morning long," one passenger said.',
    )
    assert speakers(text) == ["Tom Hale", None]


def test_a_quoted_phrase_the_sentence_goes_on_after_is_its_subjects():
    text = article(
        "The senator has run a campaign about work and pay.",
        "Senator Ruth Alder now talks freely of her own years on the factory floor. She often speaks of breaking"
        ' "the oldest and hardest rules of this chamber" by being elected, and she jokes about it.',
    )
    assert speakers(text) == ["Ruth Alder"]


def test_an_adjective_made_of_a_name_after_the_is_no_organisation():
    text = article(
        "The Dana Whitlock-led company said it would open a plant in Ohio next year.",
        '"We will hire five hundred people in the first year alone," the Whitlock-backed firm said.',
    )
    assert speakers(text) != ["Whitlock-backed"]


def test_a_field_joined_to_the_field_before_a_title_is_no_name():
    text = article(
        "The port will be expanded with a new container terminal.",
        "Transport and Infrastructure Deputy Minister Omar Faruk Celik attended the signing on Monday.",
        '"The port has been a gateway for this region for a hundred years," he said.',
        # negative: two people joined by "and" stay the first of them
        '"We are thrilled with the results of this quarter," Jane Ruiz and Tom Ng said.',
    )
    assert speakers(text) == ["Omar Faruk Celik", "Jane Ruiz"]


def test_the_said_clause_of_the_quotations_own_clause():
    text = article(
        "Two carmakers will build robotaxis together.",
        'Northfield CEO Dara Kovac said the venture "brings together two of the oldest firms in the trade,"'
        ' while Eastway chief Robin Lau said it represents "a major milestone for our technology."',
    )
    assert speakers(text) == ["Dara Kovac", "Robin Lau"]


def test_with_someone_saying_is_theirs_not_the_subjects():
    text = article(
        "Two chipmakers are said to be in talks over a supply deal.",
        "Both Northfield and Eastway declined to comment on the reports, with a Northfield spokesperson stating"
        ' they "do not comment on rumours or speculation about the company."',
    )
    assert speakers(text) == ["Northfield"]
