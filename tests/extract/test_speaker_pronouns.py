"""Pronouns mean the person (or organisation) the text last made the subject of a sentence or
last heard speaking, not the last name it happened to mention. Short articles written for the test."""

from tests.extract.helpers import article, speakers


def test_he_is_the_person_the_last_sentence_is_about_not_the_last_speaker():
    text = article(
        '"This is a pivotal moment for the market," said Quillon president and CEO Pierre Dumas in a release.',
        "Rostrum CEO Tony Staffer seems confident that the agreement will keep competition healthy.",
        '"This agreement will ensure that the marketplace stays competitive," he said.',
    )
    assert speakers(text) == ["Pierre Dumas", "Tony Staffer"]


def test_a_name_in_the_object_slot_does_not_take_he():
    text = article(
        'Anna Berg said: "The results were better than we hoped."',
        "She met Tom Hale, the mayor, on Monday to discuss the plan.",
        '"We agreed on almost everything that matters to the town," she said.',
    )
    assert speakers(text) == ["Anna Berg", "Anna Berg"]


def test_a_surname_that_is_the_subject_then_he_further_noted():
    text = article(
        "Paul Smythe is head of sales at Corvid, the model maker.",
        'Smythe stated that keeping ads out of the product was a "deliberate decision made early on."',
        'He further noted, "We are not competing with our partners for traffic or revenue."',
    )
    assert speakers(text) == ["Paul Smythe", "Paul Smythe"]


def test_it_is_the_organisation_the_last_sentence_is_about():
    text = article(
        "Shares in Brennick rose on Monday after reports of a bid for Avanto.",
        "Brennick is the consumer software unit that was left when Halvard bought the enterprise arm of Ostra.",
        'It said it and Avanto have "aligned visions and highly complementary business profiles".',
    )
    assert speakers(text) == ["Brennick"]


def test_a_common_noun_opening_a_sentence_is_no_organisation_for_it():
    text = article(
        "Sony said the game would not be ready for Christmas.",
        "Fans of the series in Europe are going to have to wait.",
        '"The product is translated into 13 languages, so it takes longer than in Japan," it said.',
    )
    assert speakers(text) == ["Sony"]


def test_the_company_is_the_one_the_last_sentence_was_about():
    text = article(
        '"We are withdrawing our proposal," Halvard said in a letter to the board of Ostra.',
        "Ostra rejected the statement that it had not engaged in talks, according to a press release.",
        '"Our company will continue to create value on its own," the company said.',
    )
    assert speakers(text) == ["Halvard", "Ostra"]


def test_a_person_who_is_the_subject_of_the_sentence_owns_its_partial_quote():
    text = article(
        "Actress Julia Morrow and the president met on Tuesday.",
        'Morrow thanked him for "stepping up and taking action when Congress will not".',
    )
    assert speakers(text) == ["Julia Morrow"]


def test_a_thing_that_is_the_subject_owns_no_quote():
    text = article(
        "The Department of Justice said on Friday that the raids were over.",
        'The raids were aimed at fighting "criminal copyright theft on peer-to-peer networks" across the country.',
    )
    assert speakers(text) == [None]


def test_he_is_the_writer_not_the_end_of_his_institution_s_name():
    text = article(
        '"Building a staged thermonuclear weapon would seem to be a stretch for them," Jeffrey Lewin of the '
        "James Martin Center for Nonproliferation Studies wrote in December.",
        'But, he noted, "it is a mistake to rule out the aspiration by the regime in the long run."',
    )
    assert speakers(text) == ["Jeffrey Lewin", "Jeffrey Lewin"]


def test_an_opening_participle_is_no_part_of_a_name():
    text = article(
        "Dorothy Woodley spoke at the convention.",
        "Regarding Trump's rhetoric after the speech, Woodley shared her belief that none of it was beyond the pale.",
        '"The way I see it," she elaborated, "no one ever questioned his sacrifice or his service."',
    )
    assert speakers(text) == ["Dorothy Woodley", "Dorothy Woodley"]


def test_a_known_surname_made_the_subject_of_any_verb_is_he():
    text = article(
        '"You have to unite people," said Jeb Bashford at a town hall.',
        "John Kasimir spoke after him. Kasimir took a different tack, continuing with his positive theme.",
        '"You have to have some people in the other party," he said.',
    )
    assert speakers(text) == ["Jeb Bashford", "John Kasimir"]


def test_a_party_in_brackets_after_the_subject_s_name():
    text = article(
        '"Do not let the perfect be the enemy of the good," Debbie Wassman said.',
        'Rep. Elijah Cumming (D-Md.), chair of the committee, said that it was "committed to an open and '
        'transparent process" for every viewpoint.',
    )
    assert speakers(text) == ["Debbie Wassman", "Elijah Cumming"]


def test_the_subject_of_a_reported_clause_is_no_speaker():
    text = article(
        "Brian Murphey, the chairman of the county party, said Trumbull continued to hurt his cause locally.",
        '"I do not think it has cut well for him," he said.',
    )
    assert speakers(text) == ["Brian Murphey"]


def test_the_name_just_before_the_verb_is_the_subject_not_a_name_earlier_in_the_clause():
    text = article(
        'As for pundits who find Clinton more palatable than Trumbull, Bolton said, "I just think they do not '
        'understand what her basic philosophy is."'
    )
    assert speakers(text) == ["Bolton"]


def test_she_skips_the_man_named_last():
    text = article(
        '"We will protect the pension fund," said Sarah Whitlock, the minister.',
        "Tom Hale, the mayor, disagreed with her on the timing.",
        '"The commitments to the plants will be honoured, I was assured," she said.',
    )
    assert speakers(text) == ["Sarah Whitlock", "Sarah Whitlock"]


def test_a_title_before_a_surname_tells_the_sex():
    text = article(
        "Ms Okonjo and Mr Balewa met in Abuja on Thursday.",
        "Ngozi Okonjo spoke first; Ahmed Balewa answered.",
        '"The fine stands, and the law will be applied to every operator," he said.',
        '"We will see what the courts decide about the sanctions," she said.',
    )
    assert speakers(text) == ["Ahmed Balewa", "Ngozi Okonjo"]


def test_he_goes_to_the_last_person_when_the_sex_is_unknown():
    text = article(
        "Taylor Quinn founded the company. Robin Vale runs it now.",
        '"We will double our staff within a year," he said.',
    )
    assert speakers(text) == ["Robin Vale"]


def test_a_titled_name_that_is_the_subject_of_a_clause_is_he():
    text = article(
        "The council met on Tuesday, during which Cr Peter Hodgeson made it clear that it had a duty to residents.",
        "He explained that residents could not lodge a submission.",
        '"They only have one right and that is the belief in this council to do the right thing," he said.',
    )
    assert speakers(text) == ["Peter Hodgeson"]


def test_the_petitioners_are_the_organisation_that_brought_the_case():
    text = article(
        "The Katiba Institute challenged the roll-out of the new IDs in court.",
        '"They remain intent on building the system on data illegally collected," the petitioners told the court.',
    )
    assert speakers(text) == ["Katiba Institute"]
