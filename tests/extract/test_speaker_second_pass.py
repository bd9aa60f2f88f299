"""Forms of attribution the first pass missed or got wrong, each a class of news writing.
Short articles written for the test, negatives included."""

from bot.extract import extract
from tests.extract.helpers import article, speakers


def test_he_when_only_women_were_named_is_nobody_named():
    text = article(
        'Anna Berg said: "The results were better than we hoped for this year."',
        "Her deputy, Maria Lind, presented the figures to the board on Monday.",
        '"The board was not convinced by any of it," he said.',
    )
    assert speakers(text) == ["Anna Berg", None]


def test_went_on_ends_a_said_clause():
    text = article(
        'Sheriff Dana Holt asked Marcus Pell whether he had ever been threatened. "Not once in my life," Pell said.',
        'Holt replied: "That can happen to anyone in this town."',
        '"You know, it happens, and you have to get over it," Pell went on.',
    )
    assert speakers(text) == ["Marcus Pell", "Dana Holt", "Marcus Pell"]


def test_a_newspaper_columnist_is_the_person_not_the_paper():
    text = article(
        'Harbor Gazette columnist Mira Castell calls the plan "a triumph of hope over arithmetic and good sense".',
        'New Bexley Times columnist Owen Pardoe wrote that the mayor "did well, because it was a serious debate".',
    )
    assert speakers(text) == ["Mira Castell", "Owen Pardoe"]


def test_a_party_and_state_in_brackets_are_no_speaker():
    text = article(
        "On Tuesday, discussing the advert, Speaker of the House Rep. Paul Rowan (R-WI) said "
        '"images like these have no place in a presidential campaign."',
    )
    assert speakers(text) == ["Paul Rowan"]


def test_an_inverted_said_clause_is_no_part_of_the_name():
    text = article(
        "Roger Stane spoke to the radio host on Friday.",
        'Stated Stane: "I think the stakes are so high that we must watch every polling station."',
    )
    assert speakers(text) == ["Roger Stane"]


def test_a_role_and_a_name_before_a_colon_in_a_transcript():
    text = article(
        'Rep. Tom Greer (R-S.C.):"I have not heard anyone other than you ever cite that figure."',
        'Former secretary of state Helen Rodham Carver:"We learned that from the department and its analysis."',
    )
    assert speakers(text) == ["Tom Greer", "Helen Rodham Carver"]


def test_a_phrase_opening_the_sentence_is_no_name():
    text = article(
        "Bernard Sandler has not introduced a health plan this year.",
        "Absent Sandler's plan, Hillary Carver pointed to the times Sandler had laid one before Congress.",
        '"And it is a bit concerning to me because it would end the care we know," she went on.',
    )
    assert speakers(text) == ["Hillary Carver"]


def test_a_first_name_alone_is_the_one_person_named_with_it():
    text = article(
        '"The box under the television is still a dumb box," said Brian Wilkins of Orvia.',
        '"At the moment we have a limited form of interactive television," Brian said.',
    )
    assert speakers(text) == ["Brian Wilkins", "Brian Wilkins"]


def test_a_first_name_two_people_share_is_neither_of_them():
    text = article(
        "Doug Wilkins and Doug Farrant both spoke at the launch in Leeds.",
        '"At the moment we have a limited form of interactive television," Doug said.',
    )
    assert speakers(text) == ["Doug"]


def test_he_after_a_titled_surname_is_the_full_name_given_before():
    text = article(
        "Prof Reddy has teamed up with Eric Brennan at the University of Leeds. "
        "The answer, says Prof Brennan, is wi-fi.",
        '"We are looking at the thing you will see in any coffee shop," he says.',
    )
    assert speakers(text) == ["Eric Brennan"]


def test_she_after_a_surname_that_opened_a_said_sentence():
    text = article(
        "Innisfil residents argue against the development",
        "Masi said the amount of water needed for the development is also worrying.",
        '"It guarantees that our wells are dry and that our water source is gone."',
        'She argued the plan would turn an "incredibly rich, diverse piece of land" into housing.',
    )
    assert speakers(text) == ["Masi", "Masi"]


def test_a_title_with_its_field_in_lower_case_before_the_name():
    text = article(
        "In an interview with Fora, Movidius co-founder and chief technology officer David Molloy called the deal "
        '"a validation of decades of blood, sweat and tears".',
        '"Intel brings scale to the business and takes us to the next level," he said.',
    )
    assert speakers(text) == ["David Molloy", "David Molloy"]


def test_he_after_said_and_what_the_person_is():
    text = article(
        "Harold Howe, the chief executive of the co-op, announced the sale on Monday.",
        "The plant does not have enough milk to be competitive, said farmer Bill Rowell of Sheldon.",
        '"The fact is we all have to be competitive if we want to stay alive," he said.',
    )
    assert speakers(text) == ["Bill Rowell"]


def test_a_quotation_goes_on_past_what_the_page_left_between_paragraphs():
    text = article(
        "Dave Cassidy, president of the union local, spoke after the meeting.",
        '"From Friday to Monday my attitude has really changed," Cassidy said.',
        "Article content",
        '"They continue to tell me we are still slated for the three-shift operation."',
    )
    assert speakers(text) == ["Dave Cassidy", "Dave Cassidy"]


def test_a_participle_of_speech_is_of_the_said_clause_or_the_subject_not_a_name_near_it():
    text = article(
        "Press secretary Sean Spiller briefed reporters on Friday.",
        'Rowan and Tamsin will meet sometime next week, Spiller said, adding, "They need to sit down and talk."',
        'At the debate, Bernard Sandler compared himself to Hillary Carver, saying, "I do not get speaking fees '
        'from any bank."',
        "Republicans were quick to chime in, with Donald Trent tweeting that it was a disaster and asking, "
        '"How can someone with such bad judgement be our next president?"',
    )
    assert speakers(text) == ["Sean Spiller", "Bernard Sandler", "Donald Trent"]


def test_each_said_sentence_owns_the_quotation_it_holds():
    text = article(
        'Donald Trent said Hillary Carver "caused death and misery." Bernard Sandler called Trent a '
        '"pathological liar and a fraud." Carla Fiorano said Ted Cruse "says whatever he needs to say."',
    )
    assert speakers(text) == ["Donald Trent", "Bernard Sandler", "Carla Fiorano"]


def test_the_asker_and_the_person_a_relative_clause_is_about():
    text = article(
        "Rubino was asked by Fox Business moderator Gerard Baxter whether the plan would risk "
        '"adding another expensive entitlement program to the budget."',
        "Cruse won his first endorsement from a colleague, Mike Leigh, who declared in the spin room, "
        '"I am sending the signal that it is time to unite."',
    )
    assert speakers(text) == ["Gerard Baxter", "Mike Leigh"]


def test_a_said_clause_after_a_partial_quote_owns_the_next_quotation():
    text = article(
        'Rep. Tom Colby of Oklahoma said Thursday his biggest worry is that the candidate is "unpredictable '
        'in every way he can be." Yet Trent is also a "change agent," Colby said. "That is exactly what '
        'people want right now, so he is well placed."',
    )
    assert speakers(text) == ["Tom Colby", "Tom Colby"]


def test_he_is_the_person_a_sentence_gives_the_view_of():
    text = article(
        "Ada Fisk, a party official, spoke to the convention on Monday.",
        "To Florida consultant Rick Walden, the party line on Trent is plain silly.",
        '"This is them trying to whistle past the graveyard," he said.',
    )
    assert speakers(text) == ["Rick Walden"]


def test_he_is_the_person_a_relative_clause_opens_with():
    text = article(
        "Britain's ambassador Peter Westcott met Barack Obama on Friday.",
        "Westcott, who will retire soon after also serving in Iran, Turkey and France, praised the presidency "
        "in an interview with Obama's former aide.",
        '"I think the legacy, the balance sheet, does not look bad at all," he told the Guardian.',
    )
    assert speakers(text) == ["Peter Westcott"]


def test_a_described_subject_is_no_name_and_he_is_the_person_it_describes():
    text = article(
        "California Gov. Jerry Browne (D) announced the deal with state lawmakers on Monday.",
        "Browne, the governor, hinted at that in a news conference. "
        '"It is quite incredible that you have so much wealth and so many people struggling," he said.',
        '"France will always be France," an angry Hollander retaliated.',
    )
    assert speakers(text) == ["Jerry Browne", "Hollander"]


def test_a_paragraph_that_leads_into_a_quotation_with_a_colon():
    text = article(
        "Of course, as Joel Pollard of the Coast Courier observed, the biggest victor was not on the stage:",
        '"The clear winner of the debate was the network, which ran two lively sessions."',
        "The Harlow Foundation describes itself in the following way:",
        '"Everywhere we go, we are trying to work ourselves out of a job."',
        'Pollsters agree - Carl Bialek: "One of the biggest lessons was a simple one: keep on calling voters."',
    )
    assert speakers(text) == ["Joel Pollard", "Harlow Foundation", "Carl Bialek"]


def test_a_said_clause_after_a_short_quotation_speaks_for_the_next_one():
    text = article(
        "For a short time, Vanessa Iampolo considered selling her car to pay for college.",
        '"I do well," said Iampolo, who graduated in 2009. "But I think most people without student loans '
        'would have two cars and a house."',
    )
    assert speakers(text) == ["Vanessa Iampolo"]


def test_said_and_a_name_that_answers_the_question_is_no_speaker():
    text = article(
        "Asked on television who leads the party, Donald Trent said Rowan. "
        '"I would say Paul for the time being and maybe for a long time," he said.',
    )
    assert speakers(text) == ["Donald Trent"]


def test_a_quotation_whose_opening_mark_the_copy_dropped():
    text = article(
        "Cabinet secretary Ken Skeats visited Ready Foods yesterday at the launch of the extension.",
        "I am delighted the government was able to support the company\u2019s extension,\u201d said Skeats.",
        "The band released Songs From The Valley Floor\u201d in 2019 after a long break.",
    )
    assert [(q.text, q.speaker) for q in extract(text).quotes] == [
        ("I am delighted the government was able to support the company\u2019s extension,", "Ken Skeats")
    ]


def test_two_people_who_share_a_surname_stay_two_people():
    text = article(
        '"We will win this state," said Hillary Clintock in Iowa on Monday.',
        "Bill Clintock's foundation raised money for the campaign in Ohio on Tuesday.",
        '"She will fight for the American people and their families," he said.',
    )
    assert speakers(text) == ["Hillary Clintock", "Bill Clintock"]


def test_an_adviser_of_a_named_candidate_speaks_for_the_candidate():
    text = article(
        "Ted Cruse finished second in the race for the nomination.",
        "Senate committee chairman Roger Wicks said he expects Cruse to play a major role this autumn.",
        '"I think politicians are practical people," said the senior Cruse adviser.',
    )
    assert speakers(text) == ["Ted Cruse"]


def test_a_participle_of_stating_makes_the_subject_the_speaker():
    text = article(
        '"We will look at every option," said spokesman Brian Fallows.',
        "Barack Obima also addressed the concerns on Thursday, stating that local authorities run elections.",
        '"We do take seriously our responsibilities to monitor the vote," he added.',
    )
    assert speakers(text) == ["Brian Fallows", "Barack Obima"]


def test_she_after_a_person_a_relative_clause_reports_speaking():
    text = article(
        '"Her position is sound," said Hillary Carver at a rally on Thursday.',
        "Carver's position was supported by Sen. Dianne Feinberg of California, the ranking Democrat on the "
        "committee, who said none of the emails had originated with Carver.",
        '"It has never made sense to me that she can be held responsible for them," she said in a statement.',
    )
    assert speakers(text) == ["Hillary Carver", "Dianne Feinberg"]
