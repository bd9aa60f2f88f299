"""The words news writing uses to attribute a quotation: kept apart from the code that reads them."""

from __future__ import annotations

from bot.extract.patterns import trie_pattern

# verbs that report speech or writing, in the forms news uses them (past, present)
REPORTING_VERBS = """
    said says say added adds explained explains told tells warned warns argued argues noted notes insisted insists
    claimed claims stated states commented comments admitted admits believes believed continued continues wrote
    writes asked asks suggested suggests reckons reckoned predicted predicts acknowledged acknowledges concluded
    concludes replied replies responded responds confirmed confirms maintained maintains announced announces
    declared declares stressed stresses observed observes agreed agrees thinks feels remarked recalled recalls
    cautioned cautions enthused joked jokes laughed boasted boasts urged urges countered conceded concedes
    emphasised emphasises emphasized emphasizes revealed reveals reported reports tweeted tweets quipped quips clarified
    clarifies disclosed discloses mused muses wondered wonders poses posed asserted asserts affirmed affirms
    alleged alleges answered complained complains confided confides contended contends exclaimed exclaims
    lamented laments mentioned objected opined opines protested reasoned reiterated reiterates reminded reminds
    speculated speculates testified testifies underlined underlines underscored underscores vowed vows whispered
    emailed texted assured assures recounted recounts remembered remembers recalled explained elaborated reacted
    reacts retorted retorts interjected interjects proclaimed proclaims pledged pledges vented gushed gushes
    exhorted echoed surmised pressed boomed thundered scoffed fumed marveled marvelled griped demanded implored
    shouted yelled blogged charged posted retaliated snapped sniped hinted recommends recommended
    elaborates informed
"""
# reporting phrases of several words: "pointed out", "was quoted as saying", "went on to say"
_REPORTING_PHRASES = (
    r"pointed out|points out|put it|puts it|shot back|fired back|told [Tt]he [A-Z][\w ]{0,40}?"
    r"|(?:was|is|were|been) quoted as saying"
    r"|(?:went|goes|go|going) on to (?:say|warn|add|explain|argue|note|predict|claim|insist|tell)"
    r"|(?:went|goes) on(?=[.,])"  # '"...," Trump went on.'
    # "The DNC issued a statement apologizing ...": the quotation after it is the statement's
    r"|(?:issued|issues|released|releases|put out|puts out) (?:a|an) (?:[\w-]+ )?(?:statement|memo|press release)"
)


# verbs of reporting speech, as a pattern: "said", "pointed out", "told the BBC", "went on to say"
VERBS = rf"(?:{trie_pattern(REPORTING_VERBS.split())}(?![\w-])|{_REPORTING_PHRASES})"
# verbs whose object is whom they address, not who speaks: "told the summit", "urged regulators"
_ADDRESSING = frozenset("told tells reminded reminds assured assures urged urges".split())
# the verbs that come before their speaker ('"...," said Ann Lee'): no addressing verbs
VERBS_BEFORE_SPEAKER = (
    rf"(?:{trie_pattern(set(REPORTING_VERBS.split()) - _ADDRESSING)}(?![\w-])"
    r"|pointed out|points out|(?:went|goes|go|going) on to (?:say|warn|add|explain|argue|note|predict|claim|insist))"
)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})

# "one analyst", "some users": people the article does not name
UNNAMED_PEOPLE = (
    "analysts? users? experts? observers? critics? insiders? sources? fans? gamers? people consumers? customers?"
    " readers? viewers? players? visitors? residents? commentators? researchers? officials? campaigners? executives?"
    " developers? engineers? programmers? teachers? parents? pupils? students? doctors? scientists? members?"
).split()
# the people of an organisation who speak for it unnamed: "a board director at FEMSA", "an
# official with P&W" (its customers, users or analysts do not)
MEMBERS = (
    "directors? officials? executives? advis[eo]rs? managers? officers? insiders? sources? employees? staffers?"
    " engineers? representatives? lawyers? attorneys? members? partners? heads? aides? negotiators?"
).split()
UNNAMED_DETERMINERS = "one an? another some many other several two three most the".split()

# who or what speaks for an organisation: "a Sony spokesman", "the company's statement"
ORG_VOICES = (
    "spokes(?:man|woman|person) representative statement spokespeople press.officer blog website report survey"
    " study magazine firm company group organisation organization association"
).split()
# documents and go-betweens an organisation speaks through ("the report says", "a spokesman for X")
VOICE_NOUNS = (
    "spokes(?:man|woman|person) spokespeople representative statement report study survey letter message"
    " lawsuit suit complaint petition filing notice announcement press.release news.release release memo blog"
    " website paper research"
).split()
# the last word of a newspaper's or a magazine's name ("an editorial in the Harbor Gazette")
PUBLICATION_WORDS = (
    "Times Post Journal News Gazette Herald Telegraph Guardian Tribune Review Magazine Daily Observer Standard"
    " Chronicle Express Mirror Independent Economist Star Sun Mail Globe Inquirer Record Register Bulletin"
).split()
# small words a headline capitalises and a person's name never holds ("Uneasy History With Race")
HEADLINE_WORDS = frozenset(
    "With On In Into For From To About How Why What When Is Are Was Were Than Over Against".split()
)
# things whose words are quoted without anyone saying them: "was the message that greeted customers"
THINGS_WRITTEN = (
    "message sign notice banner placard poster slogan headline caption inscription text note warning alert saying"
    " motto refrain"
).split()
LEGAL_DOCUMENTS = frozenset({"lawsuit", "suit", "complaint", "petition", "filing"})
# a document's maker: "Thomas Slattery filed the suit"
MADE = "filed brought lodged wrote sent issued published released signed".split()
SAME_DOCUMENT = {"lawsuit": "suit", "suit": "lawsuit"}
# the makers of a thing, who speak for it ("according to its authors")
MAKERS = "authors makers developers creators designers owners".split()

# nouns that stand for an organisation that is no company ("the group said", "the watchdog")
ORGANISATION_NOUNS = (
    "group watchdog organisation organization body charity association campaigners union regulator"
    " petitioners plaintiffs applicants complainants appellants"
).split()
# nouns that stand for a company ("the firm")
FIRM_WORDS = frozenset(
    "firm company group maker giant operator provider bank carrier retailer airline insurer lender chain startup"
    " start-up studio publisher broadcaster network app".split()
)
# every noun an organisation is named by ("the magazine", "the agency")
ORG_KINDS = (
    "firm company group maker giant operator provider magazine newspaper paper website site journal watchdog"
    " regulator agency body organisation organization association institute charity consortium union office"
    " commission ministry department authority council board court tribunal committee government bank carrier"
    " retailer airline insurer lender chain startup start-up studio publisher broadcaster network app petitioners"
    " plaintiffs applicants complainants appellants"
).split()

# capitalised words that start sentences rather than names of organisations
FUNCTION_WORDS = frozenset(
    """
    The A An This That These Those It Its In On At For From By With As But And Or If When While He She They We I
    """.split()
)


def alternatives(words: list[str] | tuple[str, ...]) -> str:
    """A pattern for any one of ``words`` (each may be a small pattern itself; "." stands for a space)."""
    return "(?:" + "|".join(w.replace(".", " ") for w in words) + ")"


# words written with a full stop that ends no sentence: titles, company forms, AP's US states
# ("said Sen. Chris Murphy (D-Conn.)", "Sanford C. Bernstein & Co.")
ABBREVIATED = frozenset(
    """
    Mr Mrs Ms Dr Prof Sen Sens Rep Reps Gov Lt Gen Col Capt Sgt Adm Cmdr Rev St Jr Sr Inc Co Corp Ltd No Nos Mt Ft
    Coun Const Cst Cpl Ald Maj
    Supt Insp Det Atty Hon Gov Pres Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich
    Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo Jan Feb Mar Apr Aug Sept Oct Nov Dec
    """.split()
)
