"""Relations on small hand-written articles: the ways news writing states rivalry and
cooperation beyond the plain cue words, and the near-misses that must stay unrelated."""

import pytest

from bot.extract import extract
from tests.extract.helpers import article, pairs

# -- rivalry: cues of overtaking and outselling ----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Nokia outsold Motorola in Europe last quarter.",
        "Nokia sales grew by a third, outstripping Motorola in every region.",
        "Last year Nokia overtook Motorola as the biggest handset maker.",
        "Nokia is now surpassing Motorola in sales of camera phones.",
        "Nokia and Motorola are in a race to sell the first music phone.",
        "It will be a contest between Nokia and Motorola this Christmas.",
    ],
)
def test_overtaking_and_outselling_are_rivalry(sentence):
    assert pairs(article(sentence), "competes") == {frozenset({"Nokia", "Motorola"})}


@pytest.mark.parametrize(
    "sentence",
    [
        "Nokia outsold its own forecasts last quarter, Motorola said.",
        "The UK overtook Germany in broadband users, while Nokia reported results.",
        "Nokia has been surpassing expectations, and Motorola has too.",
    ],
)
def test_overtaking_a_forecast_or_a_country_is_no_rivalry(sentence):
    assert pairs(article(sentence), "competes") == set()


# -- rivalry with a pronoun or a description as one side -------------------------------------


def test_a_relative_clause_after_the_rival_does_not_join_the_cue():
    text = article(
        "Oracle has launched a rental service for its databases. Oracle says demand is strong.",
        "It has not said what the service costs, but it already has a rival in SAP, "
        "which says its own offer is cheaper than that of Oracle.",
    )
    assert pairs(text, "competes") == {frozenset({"Oracle", "SAP"})}


def test_them_after_a_cue_is_the_company_named_before_the_subject():
    text = article('"This is good news for Nokia because Motorola briefly outsold them last month," he said.')
    assert pairs(text, "competes") == {frozenset({"Nokia", "Motorola"})}


def test_between_them_and_a_product():
    text = article(
        "Analysts said Nokia had gained ground.",
        "Motorola sold more phones in the spring than Nokia did.",
        "With the Razr out next week, it will be a head-to-head contest between them and Motorola.",
    )
    # "them" is the company named last that is not the other side
    assert pairs(text, "competes") == {frozenset({"Nokia", "Motorola"})}


def test_them_with_no_other_company_named_is_nobody():
    text = article("Motorola said it would compete with them on price.")
    assert pairs(text, "competes") == set()


def test_the_company_as_subject_is_the_subject_of_the_sentence_before():
    text = article(
        "Quantel Ltd struggled in the 1990s and was later bought by Initrode Corp in 2001. "
        "In its heyday the company was a fierce rival to Nintendo.",
    )
    assert pairs(text, "competes") == {frozenset({"Quantel", "Nintendo"})}


def test_the_company_is_not_resolved_when_the_sentence_before_has_no_company_subject():
    text = article(
        "Sales fell in the 1990s and Quantel Ltd was later bought by Initrode Corp in 2001. "
        "In its heyday the company was a fierce rival to Nintendo.",
    )
    assert pairs(text, "competes") == set()


def test_the_firm_signing_a_deal_is_the_company_named_before():
    text = article("Sagem makes handsets in France. The firm has signed a deal with Vodafone to supply them.")
    assert pairs(text, "partners") == {frozenset({"Sagem", "Vodafone"})}


def test_the_firm_buying_another_is_no_partnership():
    text = article("Sagem makes handsets in France. The firm has agreed a deal to buy Siemens' phone unit.")
    assert pairs(text, "partners") == set()


def test_the_firm_s_possession_is_no_side_of_a_cue():
    text = article(
        "Vodafone sells handsets in shops.",
        "The deal keeps buyers within the phone company's partner sites, which could worry Nokia.",
    )
    assert pairs(text, "partners") == set()


# -- who is no party -------------------------------------------------------------------------


def test_an_authority_the_article_names_is_no_party_anywhere_in_it():
    text = article(
        "Figures from telecoms regulator Ofcom show broadband growing fast.",
        "Ofcom has been working with BT on new rules for the market.",
    )
    assert pairs(text, "partners") == set()


# -- cooperation: companies as the joined subject of one joint action ------------------------

ALL_THREE = {frozenset({"Nokia", "Siemens"}), frozenset({"Nokia", "Philips"}), frozenset({"Philips", "Siemens"})}
NOKIA_SKYPE = {frozenset({"Nokia", "Skype"})}
NOKIA_PHILIPS = {frozenset({"Nokia", "Philips"})}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Nokia, Siemens and Philips, which have been developing the chip for years, will show it soon.", ALL_THREE),
        ("Nokia, Siemens and Philips are building a mobile TV network in Berlin.", ALL_THREE),
        ("Handset maker Nokia and internet phone firm Skype are rolling out a service for travellers.", NOKIA_SKYPE),
        ("In March, Nokia and Dutch electronics company Philips set up a research centre.", NOKIA_PHILIPS),
    ],
)
def test_a_joined_subject_of_one_joint_action(sentence, expected):
    assert pairs(article(sentence), "partners") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Sony and Microsoft both launched consoles last year.",
        "Sony and Microsoft are launching new consoles this year.",
        "Sony and Nintendo are each developing a handheld console.",
        "Sony and Toshiba are developing rival formats for high-definition films.",
        "Sony and Toshiba are developing competing versions of the disc.",
        "Sony and Toshiba are developing their own version of the disc.",
        "Rivals such as Nokia and Motorola are launching a phone with a camera.",
        "Sony and Microsoft reported a rise in profits for the quarter.",
        "Sony and Microsoft said they were developing a new console.",
    ],
)
def test_companies_acting_alike_are_not_partners(sentence):
    assert pairs(article(sentence), "partners") == set()


def test_working_together_on_a_product_pairs_the_subjects_not_the_product_s_owner():
    text = article("Sony, Toshiba and Intel have been working together on the Xbox chip since 2001.")
    assert pairs(text, "partners") == {
        frozenset({"Sony", "Toshiba"}),
        frozenset({"Sony", "Intel"}),
        frozenset({"Toshiba", "Intel"}),
    }


def test_teaming_up_with_a_third_pairs_all_three():
    text = article("Nokia and Sony have teamed up with Intel to build the chip.")
    assert pairs(text, "partners") == {
        frozenset({"Nokia", "Sony"}),
        frozenset({"Nokia", "Intel"}),
        frozenset({"Sony", "Intel"}),
    }


# -- companies the lexicon does not know, recognised from how the article writes them --------


def companies_of(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "company"}


def test_a_described_company_whose_name_looks_like_a_person_s():
    text = article("Vodafone and the Finnish radio company Aurora Wireless agreed to work together on faster networks.")
    assert pairs(text, "partners") == {frozenset({"Vodafone", "Aurora Wireless"})}


def test_a_name_ending_in_a_word_of_company_names():
    text = article("Drumlin Software has signed a deal with Intel to tune its compilers.")
    assert pairs(text, "partners") == {frozenset({"Drumlin Software", "Intel"})}


def test_international_after_a_name_the_article_also_uses_alone():
    text = article(
        "Brixton International made the Vega home computer.",
        "In the 1980s Brixton was a fierce rival to Atari, and the Vega outsold most machines.",
    )
    assert pairs(text, "competes") == {frozenset({"Brixton", "Atari"})}


def test_a_possessive_before_a_named_product():
    text = article(
        "IBM has built the fastest computer, and IBM says it will sell more of them. IBM expects orders.",
        "Another giant to enter the fray is Vantor Graphics' Helios supercomputer, based in Texas.",
    )
    assert pairs(text, "competes") == {frozenset({"IBM", "Vantor Graphics"})}


def test_firms_of_a_kind_listed_by_name():
    text = article("Phone services such as Talkbox and Fonix.Net route calls over the internet.")
    assert {"Talkbox", "Fonix.Net"} <= companies_of(text)


def test_the_side_of_a_rivalry_cue():
    text = article(
        "Quantel Ltd was founded in 1981. In the 1980s the company was a great rival to Zorbatron, "
        "which also made home computers."
    )
    assert pairs(text, "competes") == {frozenset({"Quantel", "Zorbatron"})}


@pytest.mark.parametrize(
    ("text", "not_companies"),
    [
        ("Japan's Earth Simulator computer was the fastest until IBM came along.", {"Japan"}),
        ("Bill Gates showed the new tablet. Gates' Windows software runs on it.", {"Gates", "Bill Gates"}),
        ("Mobile Games are booming, and Nokia wants a share.", {"Mobile Games"}),
        ("Countries such as France and Germany have fast broadband.", {"France", "Germany"}),
        ("Nokia faces stiff competition from China, where phones are cheap.", {"China"}),
        ("Microsoft faces growing competition from Linux, which is free.", {"Linux"}),
        ("The firm was a great rival to Bill Gates in the 1980s.", {"Bill Gates"}),
    ],
)
def test_places_and_people_are_not_companies(text, not_companies):
    assert not companies_of(article(text)) & not_companies
    assert pairs(article(text), "competes") == set()


def test_a_product_named_after_its_maker_stands_for_it_later():
    text = article(
        "The fastest machine today is the Hitachi Star Engine in Tokyo.",
        "IBM said its new computer had overtaken the Star Engine in tests.",
    )
    assert pairs(text, "competes") == {frozenset({"IBM", "Hitachi"})}


def test_a_role_after_a_company_is_no_product():
    text = article("Microsoft Chief Executive Steve Ballmer spoke. Sony said Chief Executive pay would rise.")
    assert pairs(text, "competes") == set() and "Chief Executive" not in {e.name for e in extract(text).entities}


# -- rivals named later in the paragraph of a company's competition -------------------------


def test_competitors_named_in_the_rest_of_the_paragraph():
    text = article(
        "BT signed up more broadband users than ever. BT said demand was strong. BT expects more.",
        "But BT faces increasing competition in phone calls. "
        "Cable & Wireless and NTL plan to offer their own lines. "
        "Millions of homes now use phone services such as Talkbox and Fonix.Net instead.",
        "Nokia and Siemens also reported growth in the quarter.",
    )
    assert pairs(text, "competes") == {
        frozenset({"BT", c}) for c in ("Cable & Wireless", "NTL", "Talkbox", "Fonix.Net")
    }


def test_competitors_are_named_after_the_company_itself_faces_competition():
    text = article(
        "BT signed up more broadband users than ever. BT said demand was strong. BT expects more.",
        '"Phone calls will have to compete with free internet calls," said one analyst. '
        "Cable & Wireless and NTL reported results on Monday. Talkbox and Fonix.Net did too.",
    )
    # the competition sentence is about phone calls, not about BT: the rest of the paragraph names no rival of BT
    assert frozenset({"BT", "Talkbox"}) not in pairs(text, "competes")


def test_a_newcomer_to_the_fray_takes_on_everyone_already_in_it():
    text = article(
        "IBM has built the fastest computer, and IBM says it will sell more of them. IBM expects orders.",
        "IBM's machine has overtaken the Hitachi Star Engine in tests.",
        "Another giant to enter the fray is Vantor Graphics' Helios supercomputer.",
    )
    assert pairs(text, "competes") == {
        frozenset({"IBM", "Hitachi"}),
        frozenset({"IBM", "Vantor Graphics"}),
        frozenset({"Hitachi", "Vantor Graphics"}),
    }


# -- near-misses of the cue words ------------------------------------------------------------


def test_giving_a_competitive_edge_to_a_firm_is_no_rivalry():
    text = article("Google's reach could mean it is giving a competitive edge to firms like Amazon.")
    assert pairs(text, "competes") == set()


def test_a_joint_study_with_another_company_named_after_it():
    text = article("Research by security firms Webroot and Symantec found that most Windows PCs carry spyware.")
    assert pairs(text, "partners") == {frozenset({"Webroot", "Symantec"})}


def test_an_acronym_in_brackets_keeps_a_list_joined():
    text = article("Sony Computer Entertainment (SCE) and IBM have been working together on the chip since 2001.")
    assert pairs(text, "partners") == {frozenset({"Sony", "IBM"})}


def test_a_partnership_that_ends_is_no_partnership():
    text = article("Last year was the final time that Sega and Eidos would work together on the game.")
    assert pairs(text, "partners") == set()


# -- more ways of stating the two relations --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "expected"),
    [
        ("The deal pits Vodafone against O2 in the race for 3G customers.", "competes", {"Vodafone", "O2"}),
        ("Apple is losing ground to Microsoft in the music player market.", "competes", {"Apple", "Microsoft"}),
        # the company goes by the name the article writes (see test_company_name_forms.py)
        ("Dell is Hewlett-Packard's biggest rival in the PC market.", "competes", {"Dell", "Hewlett-Packard"}),
        ("Sony and Microsoft are battling it out for the living room.", "competes", {"Sony", "Microsoft"}),
        ("Intel supplies chips to Dell.", "partners", {"Intel", "Dell"}),
        ("Apple has licensed its FairPlay technology to Motorola.", "partners", {"Apple", "Motorola"}),
        ("Sony and Philips agreed to cooperate on the new disc format.", "partners", {"Sony", "Philips"}),
    ],
)
def test_further_cues(sentence, kind, expected):
    assert pairs(article(sentence), kind) == {frozenset(expected)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Apple and Microsoft are launching a new version of their own software.",
        "Nokia wants to compete in it, Motorola said.",
        "Vodafone, O2 and Orange all offer 3G services.",
        "Intel invested $50m in Skype last year.",
    ],
)
def test_further_near_misses(sentence):
    assert pairs(article(sentence), "partners") | pairs(article(sentence), "competes") == set()


def test_a_description_naming_a_new_attribute_is_not_the_subject_before():
    text = article("IBM sold its PC unit to Lenovo last year. The Chinese firm will compete with Dell.")
    assert frozenset({"IBM", "Dell"}) not in pairs(text, "competes")


@pytest.mark.parametrize(
    "text",
    [
        "The report, by Gartner, said Nokia was ahead. It said Motorola was a rival to watch.",
        "Analysts at Gartner said Nokia was growing fast. The firm expects competition from Samsung.",
    ],
)
def test_it_is_no_company_when_the_sentence_before_starts_with_something_else(text):
    assert pairs(article(text), "competes") == set()


def test_a_company_named_after_its_country():
    text = article("Vodafone faces stiff competition from rivals such as China Mobile and Japan Telecom.")
    assert pairs(text, "competes") == {
        frozenset({"Vodafone", "China Mobile"}),
        frozenset({"Vodafone", "Japan Telecom"}),
    }


def test_it_after_it_is_still_the_company_named_first():
    text = article(
        "BT is the biggest broadband provider. It has been losing customers.",
        "It faces a challenge from cable operators such as NTL and Telewest.",
    )
    assert pairs(text, "competes") == {frozenset({"BT", "NTL"}), frozenset({"BT", "Telewest"})}


def test_companies_at_war_after_a_comma_are_not_the_article_company_s_rivals():
    text = article(
        "Apple sold more iPods. Apple said demand was high. Apple expects growth.",
        "Analysts expect a price war, with Dell and HP cutting prices.",
    )
    assert frozenset({"Apple", "Dell"}) not in pairs(text, "competes")


def test_also_doing_the_same_is_no_joint_act():
    text = article("Vodafone has launched 3G. Nokia and Siemens are also launching a 3G handset next month.")
    assert pairs(text, "partners") == set()


def test_the_three_firms_are_the_three_named_together_last():
    text = article(
        "Nokia, Siemens and Philips have shown a chip for mobile television.",
        "The chip is tiny. In a joint statement the three firms said it would ship next year.",
    )
    assert pairs(text, "partners") == ALL_THREE


def test_the_two_firms_after_three_are_named_is_anyone_s_guess():
    text = article(
        "Nokia, Siemens and Philips have shown a chip for mobile television.",
        "In a joint statement the two firms said it would ship next year.",
    )
    assert pairs(text, "partners") == set()


def test_a_joint_statement_settling_a_dispute_is_no_partnership():
    text = article("In a joint statement, Sony and Samsung said they had settled their patent dispute.")
    assert pairs(text, "partners") == set()


def test_trialling_misspelt_is_no_trailing_and_the_press_is_no_rival():
    text = article(
        "Oracle sells databases. Oracle says banks like them. Oracle expects growth.",
        "It is currently trailing its new database with UK banks. "
        "Steve Ash, from SAP, told the BBC News website that databases were the future.",
    )
    assert pairs(text, "competes") == set()


def test_trailing_a_named_rival():
    text = article("Oracle trails SAP in the market for business software.")
    assert pairs(text, "competes") == {frozenset({"Oracle", "SAP"})}


@pytest.mark.parametrize(
    "sentence",
    [
        "Dell and HP are building a presence in China.",
        "Nokia and Motorola are testing the market for music phones.",
        "Sony and Sharp have been working on the problem for months.",
    ],
)
def test_a_joint_subject_doing_something_that_is_no_product_is_no_partnership(sentence):
    assert pairs(article(sentence), "partners") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Sony is the official partner of the Olympic Games in Athens.",
        "Nokia has signed a deal with Global Positioning Systems makers.",
    ],
)
def test_capitalised_names_of_things_are_no_companies(text):
    assert pairs(article(text), "partners") == set()


def test_the_fray_is_the_contest_told_nearby():
    text = article(
        "IBM has built the fastest computer, and IBM says it will sell more of them. IBM expects orders.",
        "Microsoft's browser is losing ground to Mozilla's Firefox.",
        "Chips are getting faster. Memory is getting cheaper.",
        "Weather models need fast machines. Banks need them too.",
        "Another giant to enter the fray is Vantor Graphics' Helios supercomputer.",
    )
    assert frozenset({"Mozilla", "Vantor Graphics"}) not in pairs(text, "competes")


def test_a_news_agency_is_a_company_not_an_authority():
    text = article("Yahoo has signed a deal with the news agency Reuters to show its stories.")
    assert pairs(text, "partners") == {frozenset({"Yahoo", "Reuters"})}


def test_every_list_on_the_far_side_of_a_cue_is_a_party_not_just_the_first_three():
    text = article(
        "Google has faced more competition than ever as old rivals, such as Yahoo and Microsoft, and new "
        "entrants such as Amazon and Blinkx, try to grab some of its audience."
    )
    assert pairs(text, "competes") == {
        frozenset({"Google", other}) for other in ("Yahoo", "Microsoft", "Amazon", "Blinkx")
    }


def test_a_long_sentence_adds_no_stray_names_beyond_the_first_lists():
    text = article(
        "Nokia competes with Motorola in Europe, while in Asia the phones of Samsung, LG and Sony Ericsson sell best."
    )
    assert pairs(text, "competes") == {frozenset({"Nokia", "Motorola"})}


@pytest.mark.parametrize(
    "sentence",
    [
        "Until now Microsoft has left the market for PC security software to specialist firms such as Symantec "
        "and McAfee.",
        "Microsoft is moving into a market dominated by Symantec and McAfee.",
    ],
)
def test_the_firms_that_hold_a_market_compete_with_the_one_coming_in(sentence):
    assert pairs(article(sentence), "competes") == {
        frozenset({"Microsoft", "Symantec"}),
        frozenset({"Microsoft", "McAfee"}),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "The market for PC security software is dominated by Symantec and McAfee.",
        "The study was led by Symantec, with help from McAfee.",
    ],
)
def test_a_market_holder_with_nobody_coming_in_is_no_rivalry(sentence):
    assert pairs(article(sentence), "competes") == set()


def test_a_licence_makes_the_licensor_and_each_licensee_partners_but_not_the_licensees_each_other():
    text = article("Symbian's Series 60 software is licensed by Nokia, Samsung, Lenovo and Siemens.")
    assert pairs(text, "partners") == {
        frozenset({"Symbian", other}) for other in ("Nokia", "Samsung", "Lenovo", "Siemens")
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "The deal came when ESPN sold EA the exclusive rights to its TV branding.",
        "ESPN has licensed its brand to EA for fifteen years.",
    ],
)
def test_selling_or_licensing_rights_is_a_partnership(sentence):
    assert pairs(article(sentence), "partners") == {frozenset({"ESPN", "EA"})}


def test_a_product_named_with_a_company_s_possessive_is_that_company_s():
    text = article("Google's YouTube has teamed up with Sony on a music service.")
    assert pairs(text, "partners") == {frozenset({"Google", "Sony"})}


def test_developed_with_a_company_is_the_article_s_company_working_with_it():
    text = article(
        "T-Mobile will offer wi-fi on trains. T-Mobile says the trains will have fast access to the net.",
        "The service, which has been developed with Nomad Digital, begins with a free trial in March.",
        "T-Mobile hopes to extend the service to other routes.",
    )
    assert pairs(text, "partners") == {frozenset({"T-Mobile", "Nomad Digital"})}


def test_announcing_one_thing_together_is_a_partnership_and_announcing_things_each_is_not():
    joint = article("In July, Motorola and Apple announced a version of iTunes for Motorola phones.")
    assert pairs(joint, "partners") == {frozenset({"Motorola", "Apple"})}
    each = article("In July, Motorola and Apple announced new phones and new music players.")
    assert pairs(each, "partners") == set()


def test_an_event_co_hosted_by_two_firms_makes_them_partners():
    text = article("The gadget show is co-hosted by Dixons and Comet this year.")
    assert pairs(text, "partners") == {frozenset({"Dixons", "Comet"})}


@pytest.mark.parametrize(
    "sentence",
    [
        "Symbian phones produced by Sony Ericsson, Motorola and Fujitsu are unaffected by the virus.",
        "Windows XP machines made by Dell and HP sold well over Christmas.",
    ],
)
def test_makers_of_products_that_use_a_platform_are_its_customers_not_its_partners(sentence):
    assert pairs(article(sentence), "partners") == set()


def test_a_list_of_rivals_after_the_article_s_own_company_is_taken_whole():
    text = article(
        "Nokia sold more phones than ever. Nokia raised its forecast, and Nokia hired staff.",
        "It now faces rivalry from firms such as Motorola, Samsung, LG and Siemens.",
    )
    assert pairs(text, "competes") == {frozenset({"Nokia", c}) for c in ("Motorola", "Samsung", "LG", "Siemens")}
