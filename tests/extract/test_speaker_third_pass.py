"""Forms of attribution the third pass on speakers reads, each a class of news writing: short
articles written for the test, negatives included (a quotation of a sign or an app's message
is nobody's continuation; "he said" with two men named)."""

from tests.extract.helpers import article, speakers


def test_a_said_clause_with_where_it_was_said_before_a_comma():
    text = article(
        "Streamly added two million subscribers in the quarter, it said in a letter to shareholders.",
        'In a video interview, chief executive Reed Hale said of its rivals, "great competition makes you better."',
        "Streamly does not expect the new services to hurt its growth, it said in the shareholders letter, "
        '"because the move from broadcast to streaming is so large and our catalogue so different."',
    )
    assert speakers(text) == ["Reed Hale", "Streamly"]


def test_a_relative_clause_of_speech_names_the_person_it_is_about():
    text = article(
        "On Thursday, Cruse won his first endorsement from a Senate colleague, from Mike Lenz, who declared "
        'in the spin room, "I am sending the signal that it is time to unite behind him."',
    )
    assert speakers(text) == ["Mike Lenz"]


def test_the_speaker_after_a_verb_stops_before_through_or_via():
    text = article(
        'Couriers in the city went on strike on Monday. "We will not work until we get a fair deal," '
        "said rider Omar Said.",
        '"Fees are charged on days of high demand when fewer couriers are out," clarified Deliveroo through '
        "a post on its website.",
    )
    assert speakers(text) == ["Omar Said", "Deliveroo"]


def test_the_words_of_a_sign_are_nobody_s_not_the_last_speaker_s():
    text = article(
        '"We will not resume work until we get a fair deal," said courier Omar Hadi.',
        '"Closed until further notice for staff training and repairs," was the sign on the depot door.',
        '"Riders who log in today will be paid double," is the message the app shows its couriers.',
    )
    assert speakers(text) == ["Omar Hadi", None, None]


def test_a_letter_is_the_organisation_the_sentences_are_about_not_the_company_named_last():
    text = article(
        "Shares of Streamly rose on Tuesday after it reported 149 million subscribers in its letter to shareholders.",
        "Streamly also discussed the launches from Disney and Apple, whose own services arrive later this year.",
        '"Both companies are world-class consumer brands, and we are excited to compete," the letter said.',
    )
    assert speakers(text) == ["Streamly"]


def test_a_letter_after_a_person_s_words_is_no_name_made_of_them():
    text = article(
        "Clark's comments fuel the mob mentality fostered by the campaign, the groups say.",
        '"Anything less than a crystal clear contrast will only fuel more hate crimes," the letter says.',
    )
    assert speakers(text) != ["Clark's"] and speakers(text) != ["Clark\u2019s"]


def test_the_one_person_a_sentence_names_as_its_subject_said_the_words_set_in_it():
    text = article(
        "Former secretary of state Madeleine Alder, a Carver supporter, fanned controversy this year over her "
        'remark that "there is a special place in hell for women who do not help each other."',
        "The small pink house was turned into a museum. Said Dorothy Penner, who grew up in the street, "
        '"We were all so proud of him and of what he did."',
    )
    assert speakers(text) == ["Madeleine Alder", "Dorothy Penner"]


def test_a_person_named_as_the_object_or_in_an_apposition_is_no_speaker():
    text = article(
        "In Trent's mind, attacking 2012 nominee Mitchell Rooney as having "
        '"choked like a dog in front of everyone" is an appealing strategy.',
        '"In 2030, we will all wake up speaking another language," is one common saying here.',
        '"Safety," said Grimm, a Donald Trimble supporter. "Safety for the whole country, everybody."',
    )
    assert speakers(text) == [None, None, "Grimm"]


def test_a_heading_without_a_full_stop_names_no_one():
    text = article(
        "The party's Long, Uneasy History With Race",
        'At a rally in Ohio, a voter railed against the plan. "They should speak English in public," she said.',
        'Children With Down Syndrome "deserve the same schools as everyone else in this town," the flyer said.',
        '"We won in those three elections and we will win again," said Al From, who founded the council.',
    )
    assert speakers(text) == [None, None, "Al From"]


def test_a_person_given_with_their_age_is_whom_she_means():
    text = article(
        'Ari Fleming spoke first. "We will win this state by a wide margin," he said.',
        "At a June campaign event in St. Clairsville, Ohio, 62-year-old Brenda Jonson also railed against "
        'the plan, and explained how much it upset her. "They should speak English in public," she said.',
        '56-year-old Tom Reyes shook his head at that. "I disagree with every word of it, frankly," he said.',
    )
    assert speakers(text) == ["Ari Fleming", "Brenda Jonson", "Tom Reyes"]


def test_a_participle_before_a_colon_is_of_the_person_named_with_it():
    text = article(
        'Mara Quill opened the rally. "We are here to stay," she said.',
        "At a rally in Birmingham on Saturday, some supporters punched a protester, with Donald Trent "
        'reportedly yelling: "Get him the hell out of here right now!"',
    )
    assert speakers(text) == ["Mara Quill", "Donald Trent"]


def test_a_quotation_alone_after_a_paragraph_that_ends_on_a_said_clause_is_its_speaker():
    text = article(
        "Speaking in Beijing, Foreign Ministry spokesman Lu Kwan repeated that China opposed hacking.",
        'People should bring evidence and not wave around words like "maybe" and "perhaps", he told reporters.',
        '"This is extremely irresponsible of them."',
    )
    assert speakers(text) == ["Lu Kwan"]


def test_a_title_s_initials_are_the_person_given_that_title():
    text = article(
        "The commission has a plan against fake news, with Chief Election Commissioner Rajan Kumra asserting "
        "that it will act fast.",
        'Asha Verma, a lawyer, disagreed. "It will not work without the platforms," Verma said.',
        '"We will join the issue instead of staying in the background," the CEC added.',
        '"The commission has not answered our letters for a month," the BBC said.',
    )
    assert speakers(text) == ["Asha Verma", "Rajan Kumra", "BBC"]


def test_a_spokesman_of_no_one_named_speaks_for_the_company_of_his_paragraph():
    text = article(
        "Apparently, Grab has told its investors that Gojek wants half of the combined business.",
        'This has been flatly denied by Gojek. "There are no plans for any sort of merger," a spokesman told '
        "Tech In Asia. Grab declined to comment.",
        'Dana Pruitt, the mayor, spoke first. "We will win this vote," she said.',
        'The city council met on Monday. "There are no plans for any sort of merger," a spokeswoman said.',
    )
    assert speakers(text) == ["Gojek", "Dana Pruitt", None]


def test_the_companies_are_the_two_the_lead_named_when_quotations_of_their_chiefs_came_between():
    text = article(
        "MTN and Airtel Africa have agreed to share their mobile networks in Uganda and Nigeria.",
        '"We are driven by the vision of delivering digital solutions to everyone," said Ralph Mupita, the '
        "chief executive of MTN, in a statement that ran to several paragraphs and set out the plan.",
        '"As we compete fiercely in the market on the strength of our brand, we are building common '
        'infrastructure," said Sunil Taldar, the chief executive of Airtel Africa.',
        "The companies noted that the initiative is part of a global trend. "
        '"By collaborating, operators can improve service quality while managing costs."',
    )
    last = speakers(text)[-1]
    assert last is not None and "MTN" in last and "Airtel" in last


def test_an_article_in_a_newspaper_speaks_for_the_newspaper_not_for_a_month_or_a_country():
    def speaker_of(attribution: str) -> str | None:
        return speakers(article(f'"Polish firms are buying old British companies all over the world," {attribution}.'))[
            0
        ]

    assert speaker_of("an article in the British newspaper The Telegraph argued") == "Telegraph"
    assert speaker_of("an editorial in the Harbor Gazette said") == "Harbor Gazette"
    assert speaker_of("a report in March said") is None
    assert speaker_of("an editorial in Poland said") is None


def test_reads_a_statement_from_and_the_ministry_named_with_what_it_is_of():
    text = article(
        "Shares of Microsoft rose on Monday after the results.",
        '"We remain committed to every market we serve around the world," reads a statement from Microsoft.',
        "India's Ministry of Finance announced the new rules for online games on Monday.",
        '"The tax will apply to every deposit made from the first of October," the ministry said.',
    )
    assert speakers(text) == ["Microsoft", "Ministry of Finance"]


def test_she_after_two_people_heard_by_surname_is_the_woman():
    text = article(
        "Ann Lee runs research at Orvia, and Tom Ash runs Globex.",
        '"We are going to double the size of the team this year," Lee said.',
        '"That is a bold claim," Ash countered. "I do not believe it for a second."',
        '"We will see who is right," she replied.',
    )
    assert speakers(text) == ["Ann Lee", "Tom Ash", "Tom Ash", "Ann Lee"]


def test_a_sentence_after_an_exclamation_that_reports_more_is_not_its_said_clause():
    text = article(
        "Maria Cole met David Axelrod at the State Department in 2009.",
        "That June, Axelrod emailed her his wishes, telling her, "
        '"you are an all-star player and we need you for the long run!" She replied to him that it was an honor.',
    )
    assert speakers(text) == ["David Axelrod"]
