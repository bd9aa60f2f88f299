"""Ways news writing attributes a quotation to a company, an official, an executive, a judge, a
union, a regulator or a worker: one short article each, written for the test (the speaker the
article names, or None where it names nobody)."""

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
    (
        'Justice Minister Amina Bello told parliament: "We will not allow platforms to ignore our courts."',
        ["Amina Bello"],
    ),
    (
        'In her ruling, US District Judge Lucy Kohl wrote: "The company misled its '
        'users about how their data was used."',
        ["Lucy Kohl"],
    ),
    (
        'US District Judge Lucy Kohl ruled against the company.\n\n"The company '
        'misled its users about how their data was used," the judge wrote.',
        ["Lucy Kohl"],
    ),
    (
        'The union\'s general secretary, Dave Warde, said: "Our members will not accept this offer from the company."',
        ["Dave Warde"],
    ),
    (
        '"Our members will not accept this offer from the company," said CWU general secretary Dave Warde.',
        ["Dave Warde"],
    ),
    (
        'Dave Warde, general secretary of the CWU, spoke on Monday.\n\n"Our members '
        'will not accept this offer from the company," Warde said.',
        ["Dave Warde"],
    ),
    (
        '"We are committed to the safety of our delivery partners," Zomato founder Deepinder Goyal said.',
        ["Deepinder Goyal"],
    ),
    (
        'Deepinder Goyal founded Zomato in 2008.\n\nGoyal tweeted: "We are committed '
        'to the safety of our delivery partners."',
        ["Deepinder Goyal"],
    ),
    (
        "Nigeria's Minister of Communications, Adebayo Shittu, said the fine would "
        'stand.\n\n"The law must be applied to every operator without exception," Shittu told journalists in Abuja.',
        ["Adebayo Shittu"],
    ),
    (
        "Nigeria's Minister of Communications, Adebayo Shittu, spoke in "
        'Abuja.\n\n"The law must be applied to every operator without exception," the minister said.',
        ["Adebayo Shittu"],
    ),
    (
        'Wang Xiaochuan, chief executive of Sogou, spoke at the fair.\n\n"Search will '
        'become a conversation with the machine," Wang said.',
        ["Wang Xiaochuan"],
    ),
    (
        "Samsung's co-chief executive Koh Dong-jin showed the phone.\n\n\"This is our "
        'most advanced device yet," Koh said.',
        ["Koh Dong-jin"],
    ),
    (
        '"We will keep investing in this market for the long term," says Amina Bello, who heads the regulator.',
        ["Amina Bello"],
    ),
    (
        'Asked whether the firm would appeal, Bello replied: "We will keep '
        'investing in this market for the long term."',
        ["Bello"],
    ),
    (
        'In an emailed statement, a Meta spokesperson said the company "continues '
        'to invest heavily in safety and security."',
        ["Meta"],
    ),
    (
        'Meta spokesperson Andy Stoner said in a statement: "We continue to invest heavily in safety and security."',
        ["Andy Stoner"],
    ),
    (
        'A Microsoft spokesperson told The Verge that "the company is reviewing the report and will take action."',
        ["Microsoft"],
    ),
    (
        "The Ministry of Electronics and Information Technology issued new "
        'rules.\n\n"The rules are meant to protect users from harm online," the ministry said in a statement.',
        ["Ministry of Electronics and Information Technology"],
    ),
    (
        '"The rules are meant to protect users from harm online," a spokesperson for the Ministry of Electronics said.',
        ["Ministry of Electronics"],
    ),
    (
        'Police spokesperson Sgt. Jane Ngata said: "Officers arrested three men at the warehouse on Tuesday."',
        ["Jane Ngata"],
    ),
    (
        '"Officers arrested three men at the warehouse on Tuesday," said Detective '
        "Inspector Raj Patel of the Metropolitan Police.",
        ["Raj Patel"],
    ),
    (
        '"We are striking because the pay is not enough to live on," said Ravi '
        "Kumar, 28, a delivery rider in Hyderabad.",
        ["Ravi Kumar"],
    ),
    (
        '"We are striking because the pay is not enough to live on," said one '
        "delivery rider, who asked not to be named.",
        [None],
    ),
    (
        '"We are striking because the pay is not enough to live on," said a rider who gave his name only as Ravi.',
        [None],
    ),
    (
        'Ravi Kumar, a rider, joined the strike.\n\n"We are striking because the pay '
        'is not enough to live on," he said.\n\n"The company must listen to us now," he added.',
        ["Ravi Kumar", "Ravi Kumar"],
    ),
    (
        '"The company must listen to us now," Kumar, who has worked for the app for three years, said.',
        ["Kumar"],
    ),
    (
        'The Competition Commission of India (CCI) opened an inquiry.\n\n"The conduct '
        'may amount to abuse of a dominant position," the CCI said.',
        ["CCI"],
    ),
    (
        'The Competition Commission of India (CCI) opened an inquiry.\n\n"The conduct '
        'may amount to abuse of a dominant position," the regulator said.',
        ["Competition Commission of India"],
    ),
    (
        'Ofcom said the broadcaster had breached its rules.\n\n"Viewers must be able '
        'to trust what they see," the regulator said.',
        ["Ofcom"],
    ),
    (
        '"Viewers must be able to trust what they see," said Ofcom\'s director of broadcasting, Adam Baxter.',
        ["Adam Baxter"],
    ),
    (
        '"We see enormous demand for our chips in every region," said the chief '
        "executive of Orvia, Jean-Pierre Dubois.",
        ["Jean-Pierre Dubois"],
    ),
    (
        '"We see enormous demand for our chips in every region," said Ngozi '
        "Okonjo-Iweala, the director-general of the WTO.",
        ["Ngozi Okonjo-Iweala"],
    ),
    (
        '"We see enormous demand for our chips in every region," Orvia\'s chairman of the board, Hiroshi Tanaka, said.',
        ["Hiroshi Tanaka"],
    ),
    (
        '"We see enormous demand for our chips in every region," Hiroshi Tanaka, '
        "chairman of the board at Orvia, told Nikkei.",
        ["Hiroshi Tanaka"],
    ),
    (
        'Orvia chief executive Dana Pruitt said in a LinkedIn post: "We see '
        'enormous demand for our chips in every region."',
        ["Dana Pruitt"],
    ),
    (
        '"We see enormous demand for our chips in every region," Pruitt posted on '
        "LinkedIn. Orvia chief executive Dana Pruitt leads the firm.",
        ["Dana Pruitt"],
    ),
    (
        'Orvia chief executive Dana Pruitt has a plan.\n\n"We see enormous demand for '
        'our chips in every region."\n\n"Our customers want more capacity."',
        ["Dana Pruitt", "Dana Pruitt"],
    ),
    ('Dana Pruitt\n\n"We see enormous demand for our chips in every region," she said.', ["Dana Pruitt"]),
    (
        '"We see enormous demand for our chips in every region," the company\'s '
        "chief executive, Dana Pruitt, said on Tuesday.",
        ["Dana Pruitt"],
    ),
    (
        '"We see enormous demand for our chips in every region," said Dana Pruitt, '
        "chief executive officer of Orvia Inc.",
        ["Dana Pruitt"],
    ),
    ('Dana Pruitt (Orvia): "We see enormous demand for our chips in every region."', ["Dana Pruitt"]),
    ('"We see enormous demand for our chips in every region" - Dana Pruitt, Orvia CEO.', ["Dana Pruitt"]),
    (
        '"We see enormous demand for our chips in every region," Pruitt said. "Our '
        'customers want more capacity," she added. "We are hiring."',
        ["Pruitt", "Pruitt"],
    ),
    (
        'Orvia, which makes chips, said in a statement that it "sees enormous '
        'demand for its products in every region."',
        ["Orvia"],
    ),
    (
        '"We see enormous demand for our chips in every region," Orvia wrote in its annual report.',
        ["Orvia"],
    ),
    ('Orvia\'s annual report said: "We see enormous demand for our chips in every region."', ["Orvia"]),
    (
        '"We see enormous demand for our chips in every region," said Sam Altman-Reyes, who runs the lab.',
        ["Sam Altman-Reyes"],
    ),
    (
        '"We see enormous demand for our chips in every region," said Orvia\'s Asia-Pacific president Li Wei.',
        ["Li Wei"],
    ),
    (
        '"We see enormous demand for our chips in every region," said Mohammed bin Rashid, the fund\'s chairman.',
        ["Mohammed bin Rashid"],
    ),
    (
        '"We see enormous demand for our chips in every region," Orvia CFO Ana María López told investors.',
        ["Ana María López"],
    ),
    (
        '"We see enormous demand for our chips in every region," said Dr. Ana López, an economist at the IMF.',
        ["Ana López"],
    ),
    (
        '"We see enormous demand for our chips in every region," said João Gonçalves, the head of research at BTG.',
        ["João Gonçalves"],
    ),
    (
        '"We see enormous demand for our chips in every region," said Andrzej Nowak-Łukasiewicz, an analyst.',
        ["Andrzej Nowak-Łukasiewicz"],
    ),
    ('"The target and its subsidiaries provide payment software to clubs," the approval said.', [None]),
    (
        'Orvia chief executive Dana Pruitt spoke to investors.\n\n"We see enormous '
        'demand for our chips in every region."\n\n— Dana Pruitt, Orvia CEO',
        ["Dana Pruitt"],
    ),
    ('Orvia, in a statement, said it "sees enormous demand for its chips in every region."', ["Orvia"]),
    (
        "Here is what Dana Pruitt, Orvia's chief executive, said:\n\n\"We see enormous "
        'demand for our chips in every region."',
        ["Dana Pruitt"],
    ),
    ('("We see enormous demand for our chips in every region," Pruitt said.)', ["Pruitt"]),
    (
        'Per Dana Pruitt, Orvia\'s chief executive, the firm "sees enormous demand for its chips in every region."',
        ["Dana Pruitt"],
    ),
    (
        '"Why would we sell now, when we see enormous demand for our chips?" asked '
        "Dana Pruitt, Orvia's chief executive.",
        ["Dana Pruitt"],
    ),
    ('Dana Pruitt responded: "We see enormous demand for our chips in every region."', ["Dana Pruitt"]),
    (
        "Dana Pruitt, Orvia's chief executive, added that the firm \"sees enormous "
        'demand for its chips in every region."',
        ["Dana Pruitt"],
    ),
    (
        '"We see enormous demand for our chips in every region," said Dana Pruitt, '
        "whose company makes chips for phones.",
        ["Dana Pruitt"],
    ),
    (
        '"We see enormous demand for our chips in every region," the company wrote in a blog post on Tuesday.',
        [None],
    ),
    (
        'Orvia makes chips, and analysts like Orvia.\n\n"We see enormous demand for '
        'our chips in every region," the company wrote in a blog post on Tuesday.',
        ["Orvia"],
    ),
    ('"We see enormous demand for our chips in every region," Pruitt, 54, said.', ["Pruitt"]),
    ('"We see enormous demand for our chips in every region," Pruitt said Tuesday.', ["Pruitt"]),
    (
        '"We see enormous demand for our chips in every region," Pruitt said '
        'Tuesday in a call with analysts. "We will hire more engineers."',
        ["Pruitt", "Pruitt"],
    ),
    (
        'The chief executive of Orvia, Dana Pruitt, said: "We see enormous demand for our chips in every region."',
        ["Dana Pruitt"],
    ),
    (
        'The chief executive of Orvia, Dana Pruitt, was upbeat.\n\n"We see enormous '
        'demand for our chips in every region," she said.',
        ["Dana Pruitt"],
    ),
    (
        'Dana Pruitt, Orvia\'s chief executive, was upbeat. "We see enormous demand for our chips in every region."',
        ["Dana Pruitt"],
    ),
    (
        "Orvia's chief executive was upbeat. \"We see enormous demand for our chips "
        'in every region," Dana Pruitt said.',
        ["Dana Pruitt"],
    ),
    (
        'In a note to clients, Jefferies analyst Mark Lipacis wrote: "We see '
        'enormous demand for chips in every region."',
        ["Mark Lipacis"],
    ),
    (
        '"We see enormous demand for chips in every region," Jefferies analysts led by Mark Lipacis wrote in a note.',
        ["Mark Lipacis"],
    ),
    (
        '"We see enormous demand for chips in every region," wrote analysts at Jefferies, led by Mark Lipacis.',
        ["Jefferies"],
    ),
    (
        "Nokia's share price fell 5 per cent.\n\n\"We see enormous demand for chips in "
        'every region," a spokesperson for the company said.',
        ["Nokia"],
    ),
    (
        '"We see enormous demand for chips in every region," Orvia\'s founder told '
        "TechCrunch. Dana Pruitt founded Orvia in 2015.",
        [None],
    ),
    (
        'Dana Pruitt founded Orvia in 2015.\n\n"We see enormous demand for chips in '
        "every region,\" Orvia's founder told TechCrunch.",
        ["Dana Pruitt"],
    ),
    (
        'Councillor Mary Jones backed the plan.\n\n"We need more housing in the centre of '
        'town," she said.\n\nBut councillor Tom Briggs disagreed.\n\n"This will ruin the '
        'character of the high street," he said.',
        ["Mary Jones", "Tom Briggs"],
    ),
    (
        '"We need more housing in the centre of town," said Mary Jones. Tom Briggs '
        'disagreed: "This will ruin the character of the high street."',
        ["Mary Jones", "Tom Briggs"],
    ),
    (
        '"We need more housing in the centre of town," said Mary Jones.\n\nResident Alan '
        'Cole, 64, was less sure. "This will ruin the character of the high street," he said.',
        ["Mary Jones", "Alan Cole"],
    ),
    (
        '"We need more housing in the centre of town," said Mary Jones.\n\nAlan Cole, who '
        'has lived on the street for 40 years, disagreed.\n\n"This will ruin the character '
        'of the high street."',
        ["Mary Jones", "Alan Cole"],
    ),
    (
        'Union leader Sharon Graham said members would strike.\n\n"Our members will not '
        'accept a real-terms pay cut," Ms Graham said.\n\nThe company said it had made a '
        'fair offer.\n\n"We have made a fair offer that is above inflation," a spokesman said.',
        ["Sharon Graham", None],
    ),
    (
        'Detective Inspector Sarah Khan led the inquiry.\n\n"The victims lost more than '
        '£2m between them," she said. "These criminals preyed on the elderly."\n\nThe '
        'judge, Recorder Paul Hart, said the scheme was cruel. "You showed no remorse," he told the men.',
        ["Sarah Khan", "Sarah Khan", "Paul Hart"],
    ),
    (
        'Headteacher Anne Ward welcomed the laptops.\n\n"It will make a huge difference to '
        'the children who have nothing at home," she said.\n\nParent Lisa Green agreed. '
        '"My son had to do his homework on my phone," she said.',
        ["Anne Ward", "Lisa Green"],
    ),
    (
        'Dr Amir Khan, a GP in Bradford, said the app was useful. "Patients can book '
        'appointments without waiting on the phone," he said. "But not everyone has a smartphone."',
        ["Amir Khan", "Amir Khan"],
    ),
    (
        'The minister, Chris Philp, said the law would protect children. "Platforms must '
        "take down illegal content quickly,\" Mr Philp said.\n\nLabour's shadow minister, "
        'Alex Davies-Jones, said the bill was too weak. "It has been watered down at every turn," she said.',
        ["Chris Philp", "Alex Davies-Jones"],
    ),
]


@pytest.mark.parametrize(("text", "speakers"), CASES)
def test_the_speaker_of_each_quotation(text, speakers):
    assert [q.speaker for q in extract(article(*text.split("\n\n"))).quotes] == speakers
