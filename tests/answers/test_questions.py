"""Real questions, routed by what they ask for and what they are about, each to the answer it
must get: the words that ask are never searched for, and the slots (subject, relation, topic,
time, speakers' role) reach the answer."""

from __future__ import annotations

import pytest
import time_machine

from bot.answers import Answers
from tests.answers.world import NOW, build


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    from tests.conftest import open_test_store

    return Answers(build(open_test_store(tmp_path_factory.mktemp("questions") / "q.db")))


def titles(answer) -> list[str]:
    return [a.source.title for a in answer.articles]


def companies(facts) -> set[tuple[str, str]]:
    return {(f.company, f.other) for f in facts}


def speakers(answer) -> set[str]:
    return {q.speaker for q in answer.quotes}


QUESTIONS = [
    # rivals and partners: who, which relation, and pairs
    ("who competes with Sony?", "rivals", lambda r: r.company == "Sony" and r.competes and not r.partners),
    ("who are Sony's rivals?", "rivals", lambda r: r.company == "Sony" and ("Sony", "Google") in companies(r.competes)),
    ("Sony competitors", "rivals", lambda r: r.company == "Sony" and r.competes),
    ("rivals of Intel", "rivals", lambda r: companies(r.competes) == {("Intel", "Texas Instruments")}),
    ("who are the biggest rivals of Google?", "rivals", lambda r: ("Google", "Yahoo") in companies(r.competes)),
    ("who is fighting Apple?", "rivals", lambda r: companies(r.competes) == {("Apple", "Nokia")}),
    ("who are Microsoft's enemies?", "rivals", lambda r: r.company == "Microsoft" and not r.partners),
    ("who does Microsoft partner with?", "rivals", lambda r: r.partners and not r.competes),
    ("Microsoft's partners", "rivals", lambda r: companies(r.partners) == {("Microsoft", "Sony")}),
    ("who is Apple working with?", "rivals", lambda r: companies(r.partners) == {("Apple", "Motorola")}),
    ("who has Sony teamed up with?", "rivals", lambda r: ("Sony", "Microsoft") in companies(r.partners)),
    ("Apple alliances", "rivals", lambda r: companies(r.partners) == {("Apple", "Motorola")} and not r.competes),
    ("rivals and partners of AMD", "rivals", lambda r: r.competes and r.partners),
    ("who competes with whom?", "rivals", lambda r: r.company is None and r.competes),
    ("/rivals Sony", "rivals", lambda r: r.company == "Sony" and r.competes and r.partners),
    ("/rivals", "rivals", lambda r: r.company is None),
    ("/rivals Xbox", "rivals", lambda r: r.company == "Microsoft" and "Xbox is Microsoft's" in r.note),
    ("is Nokia a rival of Motorola?", "rivals", lambda r: r.between == ("Nokia", "Motorola")),
    ("do Sony and Microsoft compete?", "rivals", lambda r: r.between == ("Sony", "Microsoft") and r.competes),
    ("are Sony and Microsoft partners?", "rivals", lambda r: r.between == ("Sony", "Microsoft") and r.partners),
    ("Sony vs Microsoft", "rivals", lambda r: r.between == ("Sony", "Microsoft")),
    ("Google versus AOL", "rivals", lambda r: r.between == ("Google", "AOL") and "Nothing between" in r.note),
    ("does Google work with AOL?", "rivals", lambda r: r.between == ("Google", "AOL")),
    ("/rivals Google AOL", "rivals", lambda r: r.between == ("Google", "AOL")),
    ("/rivals Intel AMD", "rivals", lambda r: r.between == ("Intel", "AMD") and "Nothing between" in r.note),
    ("/rivals Sony since 2024-01", "rivals", lambda r: r.when == "since Jan 2024" and r.company == "Sony"),
    ("who competed with Nvidia this week?", "rivals", lambda r: companies(r.competes) == {("Nvidia", "AMD")}),
    # quotes: speakers, their role, what about, when
    ("what did Nadella say?", "quotes", lambda r: speakers(r) == {"Satya Nadella"}),
    ("what did Gates say?", "quotes", lambda r: speakers(r) == {"Bill Gates"} and len(r.quotes) == 2),
    ("what did Gates say about Xbox?", "quotes", lambda r: [q.text[:8] for q in r.quotes] == ["The Xbox"]),
    ("what did analysts say about the iPod?", "quotes", lambda r: speakers(r) == {"Ian Fogg", "Carolina Milanesi"}),
    ("what do analysts think?", "quotes", lambda r: speakers(r) == {"Ian Fogg", "Carolina Milanesi"}),
    ("what did experts say about the iPod?", "quotes", lambda r: "Ian Fogg" in speakers(r)),
    ("what did the Sony CEO say?", "quotes", lambda r: r.quotes == [] and "Sony" in r.note),
    ("what did Microsoft's CEO say?", "quotes", lambda r: speakers(r) == {"Satya Nadella"}),
    ("what did Nvidia's chief executive say this week?", "quotes", lambda r: speakers(r) == {"Jensen Huang"}),
    ("quotes from Microsoft", "quotes", lambda r: speakers(r) == {"Satya Nadella", "Bill Gates"}),
    ("what has Bill Gates said recently?", "quotes", lambda r: speakers(r) == {"Bill Gates"}),
    ("any quotes from Jensen Huang?", "quotes", lambda r: speakers(r) == {"Jensen Huang"}),
    ("what was said about the iPod?", "quotes", lambda r: "Ian Fogg" in speakers(r)),
    ("what did people say about mobile video?", "quotes", lambda r: speakers(r) == {"Analysys"}),
    ("who said anything about security?", "quotes", lambda r: speakers(r) == {"Bill Gates"}),
    ("/quotes Nadella", "quotes", lambda r: speakers(r) == {"Satya Nadella"}),
    ("/quotes Microsoft CEO", "quotes", lambda r: speakers(r) == {"Satya Nadella"}),
    # a company's own people, then quotes that name it, and the heading says which
    ("/quotes Nvidia", "quotes", lambda r: r.heading == "Quotes from Nvidia" and speakers(r) == {"Jensen Huang"}),
    ("/quotes Sony", "quotes", lambda r: r.heading == "Quotes from or about Sony" and speakers(r) == {"Satya Nadella"}),
    ("/quotes Gates about security", "quotes", lambda r: [q.text[:8] for q in r.quotes] == ["Security"]),
    ("/quotes analysts", "quotes", lambda r: speakers(r) == {"Ian Fogg", "Carolina Milanesi"}),
    ("/quotes", "quotes", lambda r: r.query is None and len(r.quotes) == 5),
    ("/quotes Acme", "quotes", lambda r: r.quotes == [] and "'Acme'" in r.note),
    # briefs: topics and times
    ("any news on Azure?", "brief", lambda r: titles(r) == ["Sony and Microsoft team up on cloud gaming"]),
    ("what's new with Apple?", "brief", lambda r: r.topic == "Apple" and r.articles),
    ("What is new with Apple?", "brief", lambda r: r.topic == "Apple" and r.articles),
    ("what\u2019s new with Apple?", "brief", lambda r: r.topic == "Apple" and r.articles),
    ("what is new this week?", "brief", lambda r: r.topic is None and r.when == "this week" and r.articles),
    ("tell me something new", "brief", lambda r: r.topic is None and len(r.articles) == 5),
    ("tell me about Nvidia", "brief", lambda r: titles(r)[0] == "Nvidia unveils a new graphics chip"),
    ("latest news", "brief", lambda r: r.topic is None and titles(r)[0] == "Nvidia unveils a new graphics chip"),
    ("what's happening?", "brief", lambda r: r.topic is None and r.articles),
    ("headlines", "brief", lambda r: r.topic is None),
    ("news from December 2004", "brief", lambda r: r.when == "in Dec 2004" and len(r.articles) == 5),
    ("summarise the news this week", "brief", lambda r: r.when == "this week" and len(r.articles) == 2),
    ("what happened yesterday?", "brief", lambda r: titles(r) == ["Nvidia unveils a new graphics chip"]),
    ("give me a recap of Sony news", "brief", lambda r: r.topic == "Sony" and r.articles),
    ("how is the iPod doing?", "brief", lambda r: titles(r)[0] == "iPod sales soar over Christmas"),
    ("stories about 3G", "brief", lambda r: titles(r) == ["Operators bet on 3G"]),
    ("show me the latest on mobile chips", "brief", lambda r: "Chip makers race for mobiles" in titles(r)),
    ("what are the top stories today?", "brief", lambda r: r.when == "today" and r.articles == []),
    ("Nokia", "brief", lambda r: titles(r) == ["Nokia takes on Apple with new music phone"]),
    ("/brief", "brief", lambda r: r.topic is None and len(r.articles) == 5),
    ("/brief Nvidia this week", "brief", lambda r: titles(r) == ["Nvidia unveils a new graphics chip"]),
    ("/brief Nvidia in 2024", "brief", lambda r: titles(r) == ["Nvidia chip powers new consoles"]),
    ("/brief Azure", "brief", lambda r: r.topic == "Azure"),
    ("Apple news before 2005", "brief", lambda r: r.when == "before 2005" and len(r.articles) == 3),
    # what the store knows
    ("which companies do you know?", "known", lambda r: r.what == "company" and r.names[0].name == "Microsoft"),
    ("what companies do you have?", "known", lambda r: r.what == "company"),
    ("list the companies you know", "known", lambda r: r.what == "company"),
    ("who do you know?", "known", lambda r: r.what == "person"),
    ("which people are in the news?", "known", lambda r: r.what == "person"),
    ("what products do you know?", "known", lambda r: r.what == "product" and r.names[0].detail),
    # help
    ("help", "help", lambda r: r.reason is None),
    ("what can you do?", "help", lambda r: r.reason is None),
    ("how do I use this?", "help", lambda r: r.reason is None),
    ("hello", "help", lambda r: r.reason.startswith("Hello")),
    ("thanks!", "help", lambda r: r.reason.startswith("Hello")),
    ("/brief help", "help", lambda r: r.topic == "brief"),
    ("/digest", "help", lambda r: r.topic == "digest"),
    ("/weather", "help", lambda r: "no /weather command" in r.reason),
    ("more", "help", lambda r: "Show more" in r.reason),
    ("Zorblax", "brief", lambda r: r.articles == [] and "'Zorblax'" in r.note),
]


def test_the_table_holds_at_least_sixty_real_questions():
    assert len({q for q, _kind, _check in QUESTIONS}) == len(QUESTIONS) >= 60


@pytest.mark.parametrize(("question", "kind", "check"), QUESTIONS, ids=[q for q, _k, _c in QUESTIONS])
def test_each_question_gets_the_answer_it_asks_for(answers, question, kind, check):
    with time_machine.travel(NOW, tick=False):
        answer = answers.ask(question)
    assert answer.kind == kind, answer
    assert check(answer), answer
