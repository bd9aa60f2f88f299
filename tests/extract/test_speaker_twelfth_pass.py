"""Speakers, twelfth pass: a family name before a hyphenated given name is a person's name, and
"the <title> said" is the person the article last gave that title; small articles written for
the test, negatives included."""

from bot.extract.people import person_in, plausible_name
from tests.extract.helpers import article, speakers


def test_a_family_name_first_is_a_name():
    assert plausible_name("Park Chul-wan")
    assert person_in("Park Chul-wan, a battery expert at Seojeong University") == ("Park Chul-wan", False)
    # negatives: a place and a word of no name stay no person's
    assert not plausible_name("Central Park")
    assert not plausible_name("Park Avenue-style")


def test_a_korean_name_after_said_and_he_after_it():
    text = article(
        "Orvia will sell its car platform to other makers, the company said on Monday.",
        '"The supply could lower the entry barriers for startups," said Park Chul-wan, a battery expert '
        "and professor at Seojeong University.",
        '"The strategy will make the market depend on Orvia," he said.',
    )
    assert speakers(text) == ["Park Chul-wan", "Park Chul-wan"]


def test_the_title_is_the_person_the_article_gave_it():
    text = article(
        "Tanaiste Leo Varadkar visited the Orvia plant in Galway on Friday.",
        '"Orvia came to Ireland in 1982 with a small plant and now employs thousands," said the Tanaiste.',
    )
    assert speakers(text) == ["Leo Varadkar"]
    text = article(
        "When students went on strike, Stan Sclaroff, the university's dean of arts and sciences, sent faculty a note.",
        '"Classes must go on with the help of the tools we have," the dean wrote.',
    )
    assert speakers(text) == ["Stan Sclaroff"]


def test_a_title_nobody_was_given_or_an_organisation_s_noun_names_no_person():
    # negatives: "the company" stays the company, not the person named with it; a title the
    # article gave nobody reads as before
    text = article(
        "Orvia said on Monday it would sell its plant. Ann Lee, the company's founder, met investors in May.",
        '"We will keep every job at the plant in Leeds," the company said.',
    )
    assert speakers(text) == ["Orvia"]
    text = article(
        "Orvia makes software for hospitals and schools.",
        '"We trust the firm to keep the jobs it promised this year," said the minister.',
    )
    assert speakers(text) != ["Orvia"]


def test_an_organisation_through_its_chief_is_the_chief():
    text = article(
        "Orvia agreed to buy Keltron on Monday.",
        'Keltron, through its chief executive Mary Stone, said: "The deal gives us a larger network across Africa."',
    )
    assert speakers(text) == ["Mary Stone"]
    # negative: through people it does not name, the organisation speaks
    text = article(
        "Orvia agreed to buy Keltron on Monday.",
        '"We will sell the plant to whoever keeps the jobs," Orvia, through its lawyers, said.',
    )
    assert speakers(text) == ["Orvia"]


def test_a_surname_with_its_article_is_part_of_the_name():
    assert plausible_name("Yousef Nasser al-Nowais")
    text = article(
        "Orvia signed a deal with Keltron on Monday.",
        '"We are very happy to see the collaboration continue to grow," says Keltron board member Yousef '
        "Nasser al-Nowais, founder of Annex.",
    )
    assert speakers(text) == ["Yousef Nasser al-Nowais"]
    # negatives: a lower-case word of the sentence, or a particle alone, is no name
    assert not plausible_name("Yousef al-")
    assert not plausible_name("Yousef al-nasser")
