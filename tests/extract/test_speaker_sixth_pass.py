"""Forms of attribution the sixth pass on speakers reads, common in Canadian and US news: short
articles written for the test, negatives included (an organisation's letters are no name; a
quotation standing alone keeps no speaker the next paragraph does not give)."""

from tests.extract.helpers import article, speakers


def test_an_organisations_letters_in_brackets_inside_a_title_chain():
    text = article(
        "Talks between the province and its school support staff broke down on Sunday night.",
        '"The offer is an insult to every worker in this province," said Northern Union of Public Employees'
        " (NUPE) president Mark Halloran.",
        '"We will be back at the table when there is something to talk about," Prairie Federation of Labour'
        " (PFL) secretary-treasurer Dana Whitecloud said.",
        'Riverside Nurses Association (RNA) chair Ellen Marsh called the plan "a recipe for longer waits on wards."',
    )
    assert speakers(text) == ["Mark Halloran", "Dana Whitecloud", "Ellen Marsh"]


def test_an_organisations_letters_after_its_name_stay_its_name():
    text = article(
        "A spokesman for the Northern Union of Public Employees (NUPE) which represents the cleaners said the"
        ' vote was close. "Every member will have a say on the deal next week," he said.',
    )
    assert speakers(text) == ["NUPE"]


def test_ranks_in_a_chain_and_a_service_before_them():
    text = article(
        "The base will close its training school next spring, the defence department said.",
        '"I fundamentally disagree," said retired Army Lt. Gen. Mark Dwyer, who ran the school until 2015.'
        ' "The bottom line is that the new recruits will be trained far from home."',
        '"The ship was never at risk at any point in the storm," Rear Adm. Ann Moretti said.',
        '"We found no sign of foul play in the fire at the depot," said RCMP Staff Sgt. Paul Roy.',
    )
    assert speakers(text) == ["Mark Dwyer", "Ann Moretti", "Paul Roy"]


def test_a_service_without_a_rank_is_no_speaker():
    text = article(
        '"The training school will close next spring, as planned years ago," said Army officials on Monday.',
    )
    assert speakers(text) == [None]


def test_a_nickname_in_quotation_marks_inside_a_name():
    text = article(
        '"Through this deal, we are bringing small lenders into one network," Angelito "Lito" M. Navarro,'
        " chair of the lenders' alliance, said in a statement on Wednesday.",
        '"This is the best season the club has had in a long while," said Robert "Bobby" Kerrigan, a former captain.',
        '"It was a good year for the rink, and for the whole town," Kerrigan said.',
        'Mayor Ann Ruiz wrote "Thank You" in large letters on the card, then said: "We are so proud of all of you."',
    )
    assert speakers(text) == ["Angelito M. Navarro", "Robert Kerrigan", "Robert Kerrigan", "Ann Ruiz"]


def test_a_long_title_after_the_name_before_said():
    text = article(
        '"The two banks will share one network of machines across the islands by the end of next year," Maria'
        " Santos, Island Payments Council chair and Harbour Commercial Banking Corp. executive vice-president and"
        " chief innovation officer, said in a statement on Wednesday.",
    )
    assert speakers(text) == ["Maria Santos"]


def test_a_lone_quotation_whose_speaker_the_next_words_name():
    text = article(
        "The town council voted on Tuesday to close two libraries in the east end.",
        '"We did not take this decision lightly. The budget left us no other choice."',
        "That was how Mayor Linda Okafor explained the vote to residents at a meeting on Wednesday night.",
        '"It is the worst season we have had in a decade."',
        "So said Gord Pattison, a cattle rancher near Red Deer, as he looked over his dry fields on Monday.",
        '"We just did not show up in the first period." That was the verdict of head coach Rick Tocchet.',
        '"Nobody in this town will forget what happened that winter."',
        "That's the message from Ann Ruiz, who has run the food bank for twenty years.",
    )
    assert speakers(text) == ["Linda Okafor", "Gord Pattison", "Rick Tocchet", "Ann Ruiz"]


def test_a_lone_quotation_before_words_about_what_someone_did_stays_unknown():
    text = article(
        "Hundreds of people gathered outside the legislature on Saturday.",
        '"We are tired of waiting for the government to act on this."',
        "That is what Premier Dan Holt has done to the province: nothing at all, for four years.",
        '"This is our land and our water, and we will protect it."',
        "That's the view from the shore, where the tents have stood since May.",
    )
    assert speakers(text) == [None, None]


def test_a_news_agencys_letters_before_the_quotation():
    text = article(
        "However, as Archbishop Aris Varga of the Armenian Church of Toronto told The Canadian Press (CP),"
        ' "we have waited a hundred years for these words."',
        'Ruth Olsen told the Associated Press (AP): "The fire took everything my family had in one night."',
    )
    assert speakers(text) == ["Aris Varga", "Ruth Olsen"]


def test_a_name_far_after_the_quotation_is_read_whole():
    text = article(
        'The promise to "take our country back" appeals to voters who wish for a return to an era when a'
        " diploma was not needed to earn a middle-class living in the towns of the valley and the high hills"
        " and the mills were hiring, said Alan Abramowitz, a demographer at the university.",
    )
    assert speakers(text) == ["Alan Abramowitz"]


def test_a_quotation_joined_by_and_to_the_one_its_said_clause_follows():
    text = article(
        "Mayor Akio Tanaka opened the new bridge on Monday.",
        '"The city is not really good at building things on time" and in the past was "fixated on doing every'
        ' part of the work itself," Tanaka, 60, said at a news conference.',
        'Guns are "the ultimate public health crisis in this country" and "stunt growth," Howard Dean, the'
        " former governor of Vermont, proclaimed to a cheering crowd.",
        'The plan was "a recipe for longer waits in every ward" and "a waste of money," the report said.',
    )
    assert speakers(text) == ["Akio Tanaka", "Akio Tanaka", "Howard Dean", None, None]
