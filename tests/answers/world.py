"""A small store of hand-made extractions, some dated this week, some from 2004 and one with no
date: enough companies, people and roles for real questions to have real answers."""

from __future__ import annotations

import time_machine

from bot.extract.model import Entity, Quote, Relation
from storage import Store
from tests.conftest import GAMING, PHONES, make_extraction, save

NOW = "2026-12-09 12:00Z"  # a Wednesday

XBOX = make_extraction(
    "Gates shows off the next Xbox",
    [
        "Bill Gates showed the next Xbox at a Las Vegas fair.",
        '"The Xbox will be the heart of the living room," said Bill Gates, Microsoft chairman.',
        "Sony is expected to answer with a new PlayStation.",
    ],
    entities=[
        Entity("Microsoft", "company"),
        Entity("Sony", "company"),
        Entity("Xbox", "product", owner="Microsoft"),
        Entity("PlayStation", "product", owner="Sony"),
        Entity("Bill Gates", "person", role="Microsoft chairman", org="Microsoft", aliases=["Gates"]),
    ],
    quotes=[
        Quote("The Xbox will be the heart of the living room,", "Bill Gates", "Microsoft chairman", "Microsoft", 1)
    ],
    source="xbox.txt",
)

WINDOWS = make_extraction(
    "Gates on software security",
    [
        '"Security is our top priority," said Bill Gates, Microsoft chairman.',
        "Microsoft will patch Windows every month.",
    ],
    entities=[
        Entity("Microsoft", "company"),
        Entity("Windows", "product", owner="Microsoft"),
        Entity("Bill Gates", "person", role="Microsoft chairman", org="Microsoft", aliases=["Gates"]),
    ],
    quotes=[Quote("Security is our top priority,", "Bill Gates", "Microsoft chairman", "Microsoft", 0)],
    source="windows.txt",
)

IPOD = make_extraction(
    "iPod sales soar over Christmas",
    [
        "Apple sold millions of iPods over Christmas.",
        '"The iPod is the gadget of the year," said Ian Fogg, an analyst at Jupiter.',
        '"Phones will not catch up soon," said Carolina Milanesi, an analyst at Gartner.',
        "Analysys, a consultancy, expects phone makers to fight back.",
    ],
    entities=[
        Entity("Apple", "company", aliases=["Apple Computer"]),
        Entity("iPod", "product", owner="Apple"),
        Entity("Jupiter", "company"),
        Entity("Gartner", "company"),
        Entity("Analysys", "company"),
        Entity("Ian Fogg", "person", role="analyst", org="Jupiter", aliases=["Fogg"]),
        Entity("Carolina Milanesi", "person", role="analyst", org="Gartner", aliases=["Milanesi"]),
    ],
    quotes=[
        Quote("The iPod is the gadget of the year,", "Ian Fogg", "analyst", "Jupiter", 1),
        Quote("Phones will not catch up soon,", "Carolina Milanesi", "analyst", "Gartner", 2),
    ],
    source="ipod.txt",
)

THREE_G = make_extraction(
    "Operators bet on 3G",
    [
        '"3G will be vital for mobile video," said an Analysys spokesman.',
        "Vodafone and Orange are racing to sell 3G phones.",
    ],
    entities=[Entity("Analysys", "company"), Entity("Vodafone", "company"), Entity("Orange", "company")],
    quotes=[Quote("3G will be vital for mobile video,", "Analysys", "spokesman", "Analysys", 0)],
    relations=[Relation("competes", "Vodafone", "Orange", "Vodafone and Orange are racing to sell 3G phones.", 1)],
    source="3g.txt",
)

SEARCH = make_extraction(
    "Google takes on Yahoo in video search",
    [
        "Google launched a video search to compete with Yahoo.",
        "AOL, which competes with Microsoft in web mail, said nothing.",
    ],
    entities=[
        Entity("Google", "company"),
        Entity("Yahoo", "company"),
        Entity("AOL", "company"),
        Entity("Microsoft", "company"),
    ],
    relations=[
        Relation("competes", "Google", "Yahoo", "Google launched a video search to compete with Yahoo.", 0),
        Relation("competes", "AOL", "Microsoft", "AOL, which competes with Microsoft in web mail, said nothing.", 1),
    ],
    source="search.txt",
)

CHIPS = make_extraction(
    "Chip makers race for mobiles",
    [
        "Intel faces stiff competition from Texas Instruments in mobile chips.",
        "AMD and IBM agreed a partnership on chip making.",
    ],
    entities=[
        Entity("Intel", "company"),
        Entity("Texas Instruments", "company"),
        Entity("AMD", "company"),
        Entity("IBM", "company"),
    ],
    relations=[
        Relation("competes", "Intel", "Texas Instruments", "Intel faces stiff competition from Texas Instruments.", 0),
        Relation("partners", "AMD", "IBM", "AMD and IBM agreed a partnership on chip making.", 1),
    ],
    source="chips.txt",
)

MOTOROLA = make_extraction(
    "Motorola and Apple make an iTunes phone",
    ["Motorola and Apple signed a deal to make a phone that plays iTunes songs."],
    entities=[Entity("Motorola", "company"), Entity("Apple", "company")],
    relations=[
        Relation("partners", "Motorola", "Apple", "Motorola and Apple signed a deal to make a phone.", 0),
    ],
    source="motorola.txt",
)

NVIDIA = make_extraction(
    "Nvidia unveils a new graphics chip",
    [
        "Nvidia unveiled a graphics chip to compete with AMD.",
        '"This is our fastest chip," said Jensen Huang, Nvidia\'s chief executive.',
    ],
    entities=[
        Entity("Nvidia", "company"),
        Entity("AMD", "company"),
        Entity("Jensen Huang", "person", role="Nvidia's chief executive", org="Nvidia", aliases=["Huang"]),
    ],
    quotes=[Quote("This is our fastest chip,", "Jensen Huang", "Nvidia's chief executive", "Nvidia", 1)],
    relations=[Relation("competes", "Nvidia", "AMD", "Nvidia unveiled a graphics chip to compete with AMD.", 0)],
    source="nvidia.txt",
)

OLD_NVIDIA = make_extraction(
    "Nvidia chip powers new consoles",
    ["Nvidia will make the graphics chip for the next PlayStation, working with Sony."],
    entities=[Entity("Nvidia", "company"), Entity("Sony", "company"), Entity("PlayStation", "product", owner="Sony")],
    relations=[
        Relation(
            "partners",
            "Nvidia",
            "Sony",
            "Nvidia will make the graphics chip for the next PlayStation, working with Sony.",
            0,
        )
    ],
    source="old-nvidia.txt",
)

# two acquisitions, stored by the tests about them (and the golden payloads) after ARTICLES
ACTIVISION = make_extraction(
    "Microsoft agrees to buy Activision",
    [
        "Microsoft agreed to buy Activision, the maker of Call of Duty, for a record sum.",
        "Sony, which competes with Microsoft in consoles, asked regulators to look at the deal.",
    ],
    entities=[Entity("Microsoft", "company"), Entity("Activision", "company"), Entity("Sony", "company")],
    relations=[
        Relation(
            "acquires",
            "Microsoft",
            "Activision",
            "Microsoft agreed to buy Activision, the maker of Call of Duty, for a record sum.",
            0,
        ),
        Relation(
            "competes",
            "Sony",
            "Microsoft",
            "Sony, which competes with Microsoft in consoles, asked regulators to look at the deal.",
            1,
        ),
    ],
    source="activision.txt",
)
BLOGS = make_extraction(
    "Google buys the maker of Blogger",
    ["Google bought Pyra Labs, the small firm behind Blogger, to learn about web logs."],
    entities=[Entity("Google", "company"), Entity("Pyra Labs", "company", aliases=["Pyra"])],
    relations=[
        Relation(
            "acquires",
            "Google",
            "Pyra Labs",
            "Google bought Pyra Labs, the small firm behind Blogger, to learn about web logs.",
            0,
        )
    ],
    source="pyra.txt",
)

# (extraction, publication date or None): stored in this order
ARTICLES = [
    (PHONES, "2004-12-13"),
    (XBOX, "2004-12-20"),
    (WINDOWS, "2004-11-02"),
    (IPOD, "2004-12-27"),
    (THREE_G, "2004-10-05"),
    (SEARCH, "2004-12-01"),
    (CHIPS, "2004-12"),
    (MOTOROLA, "2004"),
    (OLD_NVIDIA, "2024-03-15"),
    (GAMING, "2026-12-07T10:00:00Z"),  # this week (Monday)
    (NVIDIA, "2026-12-08"),  # this week (Tuesday)
]


def build(store: Store) -> Store:
    with time_machine.travel(NOW, tick=False):
        for ex, published in ARTICLES:
            save(store, ex, published=published)
    return store


def with_acquisitions(store: Store) -> Store:
    """The world, and Microsoft buying Activision this week and Google buying Pyra Labs in 2003."""
    build(store)
    with time_machine.travel(NOW, tick=False):
        save(store, ACTIVISION, published="2026-12-08")
        save(store, BLOGS, published="2003-02-17")
    return store
