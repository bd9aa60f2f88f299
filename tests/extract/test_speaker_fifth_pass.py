"""Forms of attribution the fifth pass on speakers reads, common in political news: short articles
written for the test, negatives included (a company's office is no person's; "he said" with two
men named; "she" is no man)."""

from tests.extract.helpers import article, quotes_of, speakers


def test_a_persons_campaign_or_office_speaks_for_them():
    text = article(
        "Sen. Marco Rubio is running against Rep. Patrick Murphy for the Senate seat in Florida this year.",
        'Rubio\'s campaign said, "Murphy owes Florida an explanation for voting against the funding."',
        "Former Secretary of State Colin Powell has written a book about his years in office.",
        'Powell\'s office said in a statement: "He did write an email memo describing his use of a personal account."',
    )
    assert speakers(text) == ["Marco Rubio", "Colin Powell"]


def test_a_companys_office_or_a_campaign_of_nobody_named_is_no_person():
    text = article(
        "Apple opened a new store in London this week, its largest in Europe.",
        '"The store will employ two hundred people from the area," Apple\'s office in London said.',
        'The Vote Yes campaign said, "We will knock on every door in the county before the vote."',
    )
    assert speakers(text) == [None, None]


def test_she_is_the_woman_named_not_the_man_who_spoke_last():
    # first names of both sexes that news writing uses (Marvin, Dena): "she" skips the man
    text = article(
        "Marvin Cole, a former envoy, met Dena Price, a state senator, on Monday.",
        "Price said the meeting went well.",
        '"We talked about the budget for an hour," Cole said.',
        '"It was a good meeting, and we agreed on most of it," she said.',
        '"She was right about that," he said.',
    )
    assert speakers(text) == ["Marvin Cole", "Dena Price", "Marvin Cole"]


def test_she_after_only_men_named_is_nobody():
    text = article(
        "Denis Ross, a former envoy, met Glenn Walsh, a state senator, on Monday.",
        '"We talked about the budget for an hour," Ross said.',
        '"It was a good meeting, and we agreed on most of it," she said.',
    )
    assert speakers(text) == ["Denis Ross", None]


def test_words_someone_called_something_are_theirs():
    text = article(
        "Richard Nixon won the 1968 election with a new strategy in the South.",
        'The strategy led to what aide Kevin Phillips called "the beginning of a new Republican era" in his book.',
        "Glenn Beck spoke on his radio show on Wednesday about the campaign.",
        'Much of his ire was directed at Bannon, who Beck on Wednesday called "a horrible, despicable human being."',
        'Senator Jane Ortiz called the plan "a giveaway to the largest companies in the state."',
        'Even its friends sounded unsure: former Rep. Jane Harman called it "the least bad option we have."',
        'It is a habit that historian John Baick calls "a foundation of our political culture."',
        'Jerry Brown described the group during a Tuesday interview as "a remnant of another period."',
    )
    assert speakers(text) == ["Kevin Phillips", "Glenn Beck", "Jane Ortiz", "Jane Harman", "John Baick", "Jerry Brown"]


def test_a_thing_called_or_a_thing_being_called_is_no_caller():
    text = article(
        "A new bakery opened in Leeds last spring, on a corner of the high street.",
        'A loaf there is so-called "the best bread in the whole north" by its customers.',
        'The shop was called "the friendliest place on the high street" in a local guide.',
        'A company called "Bread and Butter of the North" supplies all of its flour.',
    )
    assert speakers(text) == [None, None, None]


def test_he_after_three_opening_phrases_is_the_subject_they_lead_to():
    # "he said" with two men named: the one the sentence made its subject, not the one quoted last
    text = article(
        "Senator Tom Harlan and Governor Ray Bixby spoke in Maine this week.",
        '"The plan is a disaster for the state," Bixby said in a statement.',
        "At a town hall in Bangor, Maine, on Thursday afternoon, Harlan listed the towns that had lost mills. "
        '"We are letting jobs go overseas for nothing," he said.',
    )
    assert speakers(text) == ["Ray Bixby", "Tom Harlan"]


def test_quoted_words_that_complete_a_said_clause_are_its_subjects():
    # "he said" in spirit with two men named: the said-clause right before the words, not the
    # sentence's first subject
    text = article(
        "Senator Tom Harlan and Governor Ray Bixby met voters in Iowa on Monday.",
        "Bixby suggested that a candidate who does not answer questions cannot lead, while Harlan said that the "
        '"stakes in this election are far too high" for anyone to stay silent.',
        'After Harlan argued that the budget should not be cut, Bixby said only that his "numbers just do not add '
        'up at all."',
    )
    assert speakers(text) == ["Tom Harlan", "Ray Bixby"]


def test_a_said_clause_of_a_company_or_of_someone_unnamed_is_no_persons():
    text = article(
        "Senator Tom Harlan met executives of Google in Iowa on Monday.",
        'Harlan praised the deal, while Google said that the "plan will be ready by the end of the month."',
        'Harlan praised the deal again, while one aide said that the "staff will need more time for it."',
    )
    assert speakers(text) == ["Google", None]


def test_she_after_a_woman_a_relative_clause_has_speak():
    text = article(
        "Peter Voss spoke on the first night of the convention about his years in business.",
        '"I am proud to be here tonight with all of you," Voss said.',
        "At center stage was the nominee's eldest daughter, Dena Voss, who spoke about her father. "
        '"I have seen him fight for his family," she said.',
    )
    assert speakers(text) == ["Peter Voss", "Dena Voss"]


def test_he_continues_the_he_a_sentence_was_about_not_a_man_named_in_passing():
    text = article(
        "Peter Voss spoke on the first night of the convention about his years in business.",
        '"I am proud to be here tonight with all of you," Voss said.',
        "He thanked his former partner, Tom Reyes, who founded the firm with him. "
        '"Without him none of this would have happened at all," he said.',
    )
    assert speakers(text) == ["Peter Voss", "Peter Voss"]


def test_he_after_another_man_became_the_subject_is_that_man():
    text = article(
        "Peter Voss spoke on the first night of the convention about his years in business.",
        '"I am proud to be here tonight with all of you," Voss said.',
        "He thanked his former partner, Tom Reyes. Reyes praised him in turn. "
        '"He built this company from nothing at all," he said.',
    )
    assert speakers(text) == ["Peter Voss", "Tom Reyes"]


def test_two_authors_before_a_colon_speak_together():
    text = article(
        "Polls this year were not wrong, just too early, two researchers argue.",
        'IOWA POLLS NOT WRONG, JUST TOO EARLY - Mark Blumenthal and Jon Cohen: "Although the polls failed to '
        'predict the winner, it is not because they were wrong."',
        'More from Blumenthal and Cohen: "Data collected by our firm helps confirm that both issues were in play."',
    )
    assert speakers(text) == ["Mark Blumenthal and Jon Cohen", "Mark Blumenthal and Jon Cohen"]


def test_two_things_before_a_colon_are_no_authors():
    text = article(
        "Polls this year were not wrong, just too early, two researchers argue.",
        'Questions and Answers: "What does the early vote tell us about the final result in the state?"',
    )
    assert speakers(text) == [None]


def test_a_line_that_signs_a_quotation_names_its_speaker():
    text = article(
        "Economists and voters weighed in on the budget debate this week.",
        '"I worry that we may see a resurgence of calls for balanced budgets this year.',
        'Dana Baker, Center for Economic Research."',
        '"Great speech. She is tested. She is ready. She never quits."',
        "-Senator Tom Harlan, writing after the speech.",
        '"The whole idea of it is something that we hear about all the time."',
        "-Michelle Marks, Philadelphia.",
    )
    assert speakers(text) == ["Dana Baker", "Tom Harlan", "Michelle Marks"]


def test_a_sentence_or_a_heading_after_a_quotation_signs_nothing():
    text = article(
        "Voters weighed in on the budget debate this week in Iowa.",
        '"We will not stop until the job is done for all of them."',
        "Harlan, accordingly, is counting on something dramatic.",
        '"The region is home to half of the people of the world today."',
        "REGIONAL WORRIES",
        "Some voters disagree with all of that, and say so.",
    )
    assert speakers(text) == [None, None]


def test_abbreviated_titles_of_councils_and_police_are_no_names():
    # Canadian and police news: "Coun.", "Const.", "Cpl.", "Staff Sgt." before a name
    text = article(
        "Police are asking the public for help after a crash on Highway 401 on Sunday.",
        '"We are asking anyone with dashcam footage to come forward to us," Const. Sarah Jones said.',
        '"Speed appears to have been a factor in this crash," Staff Sgt. Mike Reed said.',
        '"Please avoid the area while crews clean up the scene," Cpl. Chris Marshall said in a release.',
        '"We cannot keep raising property taxes on families every single year," said Coun. Josh Matlow.',
    )
    assert speakers(text) == ["Sarah Jones", "Mike Reed", "Chris Marshall", "Josh Matlow"]


def test_words_someone_called_a_thing_are_a_quotation_a_name_given_to_it_is_not():
    text = article(
        "The Harbour Bank agreed to buy a rival lender in Nova Scotia on Monday.",
        'The bank\'s chairman, James Evans, calls the deal a "permanent shift for the better" in the region.',
        'Analyst Mary Lee described the merger as "a bad day for every customer" on Monday.',
        'The plan, dubbed "Project Blue Sky for All", starts next year.',
        'It will use a so-called "open banking data hub" to share records.',
    )
    assert quotes_of(text) == [
        ("permanent shift for the better", "James Evans"),
        ("a bad day for every customer", "Mary Lee"),
    ]


def test_the_one_called_something_is_no_speaker_of_it():
    text = article(
        "Jeb Bush and Donald Trump spoke in Iowa on Monday.",
        'Bush was called "a low energy kind of guy who cannot win" by Donald Trump on Sunday.',
        'Bush was also called "the weakest candidate in the whole field" last year.',
    )
    assert speakers(text) == ["Donald Trump", None]


def test_an_adverb_after_an_apposition_is_no_voice_of_a_participle():
    text = article(
        "Reince Priebus spoke on Tuesday about the speech and the campaign.",
        "New Jersey Gov. Chris Christie (R), a staunch ally of the nominee, effectively acknowledged some copying "
        'even as he defended the campaign, saying, "Most of the speech is completely different from hers."',
        'Even a top party strategist said the campaign erred, saying, "Nobody checked the draft at all."',
    )
    assert speakers(text) == ["Chris Christie", None]


def test_one_of_an_organisations_sources_speaks_for_it_one_of_its_customers_does_not():
    text = article(
        "Toyota agreed to license its car platform to Kestrel, the startup said on Monday.",
        '"Old ways of building cars need to be looked at again," one of the Toyota sources stated, refusing to be '
        "identified.",
        '"This deal gives us a way to save time on every design," Dana Kim informed reporters.',
        '"The chips in my laptop have always been fine," one of the Toyota customers said.',
    )
    assert speakers(text) == ["Toyota", "Dana Kim", None]
