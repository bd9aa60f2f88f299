"""Ways news writing attributes a quotation to a company, an official or an executive: one short
article each, written for the test (the speaker the article names, or None where it names nobody)."""

import pytest

from bot.extract import extract
from tests.extract.helpers import article

CASES = [
    ('In a statement, Orvia said: "We remain committed to our customers in every market we serve."', ["Orvia"]),
    (
        '"We remain committed to our customers in every market we serve," according to a statement from Orvia.',
        ["Orvia"],
    ),
    (
        'Orvia chief executive Dana Pruitt told CNBC in an interview: "We will double our capacity next year."',
        ["Dana Pruitt"],
    ),
    (
        '"We will double our capacity next year," Pruitt told analysts on an earnings '
        "call, after Orvia chief executive Dana Pruitt took questions.",
        ["Dana Pruitt"],
    ),
    (
        'Orvia chief executive Dana Pruitt took questions from analysts.\n\n"We will '
        'double our capacity next year," Pruitt said on the call.',
        ["Dana Pruitt"],
    ),
    (
        '"We will double our capacity next year," wrote Dana Pruitt, Orvia\'s chief executive, on LinkedIn.',
        ["Dana Pruitt"],
    ),
    ('Dana Pruitt, Orvia\'s chief executive, wrote on X: "We will double our capacity next year."', ["Dana Pruitt"]),
    (
        '"We will double our capacity next year," said Dana Pruitt (pictured), Orvia\'s chief executive.',
        ["Dana Pruitt"],
    ),
    ('"We will double our capacity next year," Orvia said in a filing with the stock exchange on Monday.', ["Orvia"]),
    ('Orvia\'s filing states: "The company may not be able to continue as a going concern."', ["Orvia"]),
    ('"The deal creates a leader in chips for the cloud," the two companies said in a joint statement.', [None]),
    ('Dana Pruitt runs Orvia. "We will double our capacity next year," the chief executive said.', ["Dana Pruitt"]),
    ('Dana Pruitt runs Orvia. "We will double our capacity next year," the 54-year-old said.', ["Dana Pruitt"]),
    (
        '"We will double our capacity next year," Orvia CEO Dana Pruitt said in a press '
        'release on Tuesday. "Our customers want more."',
        ["Dana Pruitt", "Dana Pruitt"],
    ),
    ('Speaking to reporters in Nairobi, Dana Pruitt said: "We will double our capacity next year."', ["Dana Pruitt"]),
    (
        '"We will double our capacity next year," Dana Pruitt, who became chief executive in 2019, told Reuters.',
        ["Dana Pruitt"],
    ),
    (
        '"We will double our capacity next year," Ms. Pruitt said. Dana Pruitt became chief executive in 2019.',
        ["Dana Pruitt"],
    ),
    ('According to Dana Pruitt, Orvia\'s chief executive, "we will double our capacity next year."', ["Dana Pruitt"]),
    ('"We will double our capacity next year," says Dr. Dana Pruitt of the University of Leeds.', ["Dana Pruitt"]),
    (
        'Asked about the plan, Orvia spokesperson Kim Lee said the firm "will double its capacity next year."',
        ["Kim Lee"],
    ),
    (
        'The European Commission said in a statement that the merger "would reduce '
        'competition in the market for chips".',
        ["European Commission"],
    ),
    (
        '"The merger would reduce competition in the market for chips," the European Commission said.',
        ["European Commission"],
    ),
    (
        '"We will double our capacity next year," Pruitt added, noting that Orvia chief '
        "executive Dana Pruitt hired 200 engineers.",
        ["Dana Pruitt"],
    ),
    ('Mr. Pruitt, 54, said: "We will double our capacity next year."', ["Pruitt"]),
    ('"We will double our capacity next year," Orvia\'s Dana Pruitt said.', ["Dana Pruitt"]),
    (
        '"We will double our capacity next year," said Dana Pruitt, Orvia\'s senior vice '
        "president for global sales and marketing.",
        ["Dana Pruitt"],
    ),
    (
        "Dana Pruitt, senior vice president for global sales and marketing at Orvia, "
        'said: "We will double our capacity next year."',
        ["Dana Pruitt"],
    ),
    ('"We will double our capacity next year," Orvia co-founder and CEO Dana Pruitt said.', ["Dana Pruitt"]),
]


@pytest.mark.parametrize(("text", "speakers"), CASES)
def test_the_speaker_of_each_quotation(text, speakers):
    assert [q.speaker for q in extract(article(*text.split("\n\n"))).quotes] == speakers
