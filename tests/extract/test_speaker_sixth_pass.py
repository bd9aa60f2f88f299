"""Forms of attribution the sixth pass on speakers reads, common in Canadian and US news: short
articles written for the test, negatives included (an organisation's letters are no name; a
quotation standing alone keeps no speaker the next paragraph does not give)."""

from bot.extract import extract
from tests.extract.helpers import article


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract(text).quotes]


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


def test_an_organisation_with_its_letters_is_no_person():
    text = article(
        '"Every member will vote on the deal next week," the Northern Union of Public Employees (NUPE) said.',
    )
    assert speakers(text) == ["Northern Union of Public Employees"]
