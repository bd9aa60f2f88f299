"""The words that tell a person's name from the words around it: kept apart from the code."""

from __future__ import annotations

# capitalised words that start no person's name
NOT_FIRST_NAMES = frozenset(
    """
    The A An This That These Those It Its In On At For From By With As But And Or If When While After Before
    Since Until Under Over Into Through Mr Mrs Ms Dr Prof Sir Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November December Last Next
    New North South East West Many Most Some Other Such Every Each Both According Meanwhile However Although
    Despite Chief Senior Vice General Managing Executive President Director Head Professor Analyst Editor
    Internet Web World Digital British American European Japanese Chinese Korean French German Indian UK US
    EU Net Online Mobile Windows Apple Google Microsoft Sony Nintendo Intel Yahoo Broadband Wi Hi High Low
    Christmas Easter Silicon Wall Downing Capitol Hollywood Bollywood Latin Middle Asian African Australian
    Canadian Irish Scottish Welsh English Spanish Italian Russian Dutch Swedish Finnish Norwegian Danish Video
    Game Games Music Film Movie Radio Television TV Phone Cell Data Security Science Technology Tech Research
    Said Says Added Adds Told Asked Commenting Speaking Writing National Federal Royal Central Provincial
    """.split()
)
# words that open a sentence before its subject, never a name: "Additionally, Clark said",
# "Of Carson, Levine said", "Like Corker, Menendez rejected"
SENTENCE_OPENERS = frozenset(
    """
    Additionally Similarly Likewise Separately Moreover Furthermore Nevertheless Nonetheless Otherwise Finally
    Ultimately Eventually Initially Originally Previously Recently Currently Subsequently Afterwards Afterward
    Overall Again Elsewhere Privately Publicly Specifically Notably Importantly Interestingly Ironically
    Clearly Obviously Frankly Honestly Sadly Unfortunately Fortunately Surprisingly Naturally Instead Later
    Earlier Back Well Wait Please Of Like Unlike To Besides Beyond Behind Around Among Amid Against Within
    Without Outside Inside Absent Barring Given Following Pending Excluding
    """.split()
)
# words that start a sentence or a phrase but no person's name, though a company may be called by
# them (Nothing, Three, Seven & i): "Eight years ago, she said", "Nothing. He writes"
NOT_NAME_OPENERS = frozenset(
    """
    Nothing Everything Something Anything Everyone Everybody Someone Somebody Nobody Anyone Two Three Four Five
    Six Seven Eight Nine Ten Eleven Twelve Fifteen Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety Hundred
    Hundreds Thousand Thousands Millions Dozens Half Nearly Almost Roughly
    """.split()
)
# verbs of speech that open an inverted said-clause, never a name: "Stated Stone: ...", "Wrote Smith"
SPEECH_OPENERS = frozenset(
    "Said Says Stated States Added Adds Wrote Writes Tweeted Explained Noted Continued Insisted Argued Replied".split()
)
# capitalised words that are part of no person's name (a title's department or region too:
# "Nipun Marya, Director, Brand Strategy", "Ops Lead", "director of public policy, sub-Saharan Africa")
NOT_NAME_WORDS = frozenset(
    """
    Inc Corp Ltd Plc Group Software Systems Networks Technologies Technology Labs Media Entertainment Games
    Music Records Studios Pictures Computer Computers Electronics Communications Telecom Association Council
    Institute University College School Office Department Ministry Commission Agency Foundation Society Union
    Bank Fund Trust Centre Center News Website Magazine Times Post Journal Review Weekly Daily Street Road
    Square Park House Hall Court Valley Bay Island City County State Kingdom Republic Act Awards Show Festival
    Conference Expo Summit Party Service Services Network Project Programme Program Store Shop Day Week
    Year Month Online Live Player Pro Portable Edition Version Console Phone Mobile Digital Cinema Film Screen
    Christmas Internet Web Research Life Project Press Dictionary Review Corporation Industry
    Mr Mrs Ms Dr Prof Sir Detective Superintendent Inspector Sergeant Constable Supt Insp Sgt Commander
    Commissioner Officer Studies Affairs Relations Policy Sciences Health Defense Justice Commerce Treasury
    Energy Labor Labour Education Agriculture Transportation Intelligence Police Army Navy Forces Force Guard
    Committee Caucus Campaign Administration Congress Senate Assembly Parliament Tribunal Board Bureau
    Authority Capital Partners Holdings Ventures Associates Advisors Advisers Consulting Insights Analytics
    Airlines Airways Motors Bancorp Financial Securities Investments Pharmaceuticals Therapeutics
    Convention Legislature Dail Oireachtas Lok Sabha Rajya
    Strategy Operations Ops Marketing Sales Engineering Partnerships Innovation Sustainability Procurement
    Africa Asia Europe Americas Pacific Caribbean Oceania EMEA APAC MEA LATAM Nordics Benelux
    """.split()
)

# words of NOT_NAME_WORDS that are common surnames too: after a first name they end a person's
# name ("James Park", "Aimee Hall"), not a place's ("Central Park", "Royal Albert Hall")
SURNAME_WORDS = frozenset("Park Hall House Day Street Court Post".split())

# words of titles and roles, in any case: "Netflix Chief Creative Officer Ted Sarandos", "Airtel
# chairman Sunil Mittal"; capitalised words next to them name the organisation or the field
TITLE_WORDS = frozenset(
    """
    president chairman chairwoman chairperson chair ceo cto cfo coo cio cmo cso cpo ciso md svp evp vp gm chief
    executive officer officers founder co-founder cofounder director directors manager head analyst analysts editor
    spokesman spokeswoman spokesperson researcher professor lecturer engineer consultant correspondent boss partner
    secretary minister leader designer developer producer architect expert evangelist strategist economist
    scientist programmer adviser advisor commissioner member senior vice deputy managing general founding acting
    former interim principal lead governor mayor senator representative congressman congresswoman judge
    justice attorney lawyer counsel prosecutor chancellor premier prime treasurer inspector superintendent
    commander sergeant detective constable trustee provost owner investor ombudsman ambassador envoy president-elect
    co-chief co-ceo co-founders chairman-elect administrator controller auditor president's
    candidate hopeful nominee front-runner frontrunner contender challenger incumbent presidential
    vice-presidential gubernatorial congressional senatorial mayoral lawmaker legislator spokesperson
    archbishop bishop cardinal rabbi imam pastor reverend admiral colonel lieutenant sheriff actress actor singer
    songwriter rapper comedian journalist reporter columnist author novelist historian scholar activist pollster
    aide staffer volunteer supporter donor billionaire businessman businesswoman entrepreneur filmmaker blogger
    podcaster influencer surgeon physician politician delegate veteran star host anchor commentator photographer
    artist musician athlete alderman alderwoman councilman councilwoman councillor councilor assemblyman
    assemblywoman
    mp mps mla mlas mpp mpps msp msps mep meps mha mlc mna td tds taoiseach tánaiste shri smt
    republican republicans democrat democrats democratic tory labour conservative liberal
    """.split()
)
# what a hyphen after a name makes of it an adjective: "the Elon Musk-led company", "Sony-made"
NAME_ADJECTIVE_ENDINGS = frozenset(
    "led run made owned based backed linked funded style era like born free wide level sized type listed traded"
    " focused controlled headquartered registered operated".split()
)
# titles written before a name (or a surname) that are no part of it: "Mr", "Dr", "Sen"
HONORIFICS = frozenset(
    """
    Mr Mrs Ms Miss Dr Prof Professor Sir Dame Lord Lady Supt Insp Sgt Cllr Gen Col Capt Cdr Rev Mr. Mrs. Ms. Dr.
    Prof. Gen. Col. Capt. Rev. Sen. Rep. Gov. Rep Judge Justice President Chancellor Premier Senator
    Governor Mayor Minister Secretary Ambassador Commissioner Chief Det Detective Acting Superintendent
    Inspector Sergeant Constable Commander Archbishop Bishop Cardinal Rabbi Imam Pastor Reverend Admiral
    Colonel Lieutenant Sheriff Lt. Adm. Sgt. Gov Sens. Reps. Speaker Alderman Alderwoman Councilman Councilwoman
    Councillor Councilor Assemblyman Assemblywoman Cr Cr. Coun Coun. Const Const. Cst Cst. Cpl Cpl. Ald Ald.
    Maj Maj. Lt Supt. Insp. Corporal Reeve
    """.split()
)
# small words inside a name: "Ursula von der Leyen", "Mohammed bin Salman"
NAME_PARTICLES = frozenset("de van von der den del della da di du le la bin ibn al el dos das do ter ten".split())
# what precedes a place or an organisation, never the speaker: "Ben Wood of Gartner", "said on Monday"
PREPOSITIONS = frozenset(
    "of at for from with by in on to through via about after before during under over into than as per".split()
)
# what web pages leave in an article's text: no person's name is made of these
PAGE_WORDS = frozenset(
    """
    Article Continued Continues Continue Below Advertisement Advert Sponsored Highlights Highlight Read More Related
    Subscribe Story Stories Share Watch Video Image Images Photo Photos Getty Click Here Sign Newsletter Updated
    Published Also Listen Podcast Comments Comment Follow Trending Recommended Loading Menu Search Home Top
    Latest Breaking Live Copyright Reserved Rights Caption Credit Source Sources Editor's Note Explainer Summary
    """.split()
)

# first names that tell whether "he" or "she" can mean a person (common ones only; names that are
# given to both, such as Chris, Kelly, Jordan or Jean, are in neither list)
MALE_NAMES = frozenset(
    """
    John James Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony
    Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan
    Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander
    Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle
    Ethan Walter Noah Jeremy Christian Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence
    Dylan Jesse Bryan Billy Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent
    Ralph Eugene Russell Bobby Philip Louis Bill Bob Jim Tom Mike Steve Dave Ted Ben Jeb Mitt Marco Rand
    Barack Bernie Newt Rick Reince Mitch Harry Chuck Tim Al Hugh Ian Neil Colin Graham Simon Martin Nigel
    Gordon Tony Boris Vladimir Emmanuel Satya Sundar Jeff Elon Larry Sergey Evan Travis Reed Marc Greg Ken
    Jon Dan Matt Nick Rob Phil Fred Howard Herbert Hank Ron Bernard Francis Oliver Max Leo Hans Klaus Pierre
    Jacques Francois Luis Carlos Miguel Pedro Antonio Giuseppe Marco Ahmed Mohammed Muhammad Omar Hassan
    Rahul Raj Ravi Amit Sanjay Sunil Rajesh Hiroshi Takeshi Kenji Wei Jun Ming Jae Sung Dmitry Sergei Igor
    Ivan Andrei Alexei Mikhail Lars Sven Erik Stefan Markus Thomas Jürgen Joachim Wolfgang
    Kurt Dieter Jeremy Rupert Duncan Alistair Angus Malcolm Stuart Craig Derek Trevor Clive Nigel Darren
    Luke Jake Tim Liam Owen Rhys Gareth Dylan Ewan Callum Finn Conor Declan Seamus
    Denis Glenn Lloyd Leonard Dale Stanley Norman Marvin Vernon Clarence Herman Lewis Floyd Leroy Gene Allen
    Victor Johnny Jimmy Tommy Danny Ricky Bradley Shane Corey Cory Todd Brett Chad Troy Marcus Curtis Frederick
    Alfred Edwin Harvey Milton Jerome Maurice Roland Lance Nathaniel Ernest Phillip Spencer Garrett Wesley Jared
    Josh Caleb Isaac Seth Gavin Cody Brent Mitchell Preston Reggie Reginald Cornel Lamar Darrell Darryl Jamal
    Tyrone Andre Elliot Elliott Hector Raul Ricardo Sergio Eduardo Fernando Javier Jorge Alejandro Manuel Rafael
    Ramon Enrique Mario Roberto Alberto Armando Ernesto Julio Hugo Diego Abdul Ali Mahmoud Hamid Karim Tariq
    Yusuf Bashar Recep Yitzhak Ehud Shimon Moshe Avi Eli Joel Saul Jonah Reuben Ezra Seymour Irving Sidney
    Sheldon Morton Herb Walt Rudy Rudolph Orrin Thad Trey Beto Julian Deval Rahm Heath Bart Bud Chip Duane Dwight
    Gus Hal Jeffery Lou Mel Mickey Norm Pete Randall Rodney Sam Stan Ted Vince Wendell Xavier Zack
    """.split()
)
FEMALE_NAMES = frozenset(
    """
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra
    Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura
    Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma Samantha Katherine Christine
    Debra Rachel Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria Olivia
    Christina Lauren Joan Evelyn Judith Megan Cheryl Hannah Martha Jacqueline Frances Gloria Ann Anne Teresa
    Kathryn Sara Janice Alice Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly Danielle
    Theresa Sophia Marie Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla Hillary Melania Ivanka
    Nikki Kamala Carly Condoleezza Madeleine Jacinda Ursula Marissa Sheryl Ginni Meg Indra Safra Lucy Kate
    Jane Jill Liz Megyn Hope Kellyanne Debbie Tammy Ayanna Alexandria Ilhan Rashida Kirsten Elise Joni Shelley
    Claire Maggie Jeanne Heidi Gina Patty Tina Caroline Harriet Fiona Gillian Penelope Priti Nicola Arlene
    Yvette Sylvie Ségolène Marine Christiane Brigitte Sabine Ingrid Monika Petra Annegret Birgit Greta Astrid
    Priya Sonia Indira Aiko Yuki Mei Ling Hui Soo Olga Natalia Irina Svetlana Tatiana Yulia Oksana Leila
    Fatima Aisha Amina Zainab Lucia Carmen Isabel Sofia Elena Valentina Francesca Giulia Chiara Beatriz
    Mariana Gabriela Ana Dolores Pilar Roberta Paula Ellen Edith Irene Joanne Louise Lynn Wendy Vanessa
    Veronica Sheila Rita Sally Tracy Tracey Valerie Melanie Molly Holly Emma Ella Amelia Jessica
    Dena Betsy Annette Maxine Nita Loretta Lorraine Jeanette Marsha Marcia Carla Connie Bonnie Peggy Sue Susie
    Becky Cindy Kristen Kristin Krista Stacey Stacy Kari Kara Katie Kathy Cathy Terri Sherri Sheri Gail Gayle Lynne
    Dianne Dianna Eleanor Florence Mildred Gladys Ethel Lillian Norma Pauline Thelma Esther Vera Lois Bernice
    Rosa Rosie Hazel Josephine Ida Vivian Bridget Colleen Maureen Erin Tiffany Crystal Erica Erika Monica Andrea
    Alicia Yolanda Latoya Keisha Tamika Jasmine Ebony Aretha Oprah Serena Gwen Gwendolyn Wanda Tonya Regina Sonya
    Rhonda Brooke Paige Kendra Chelsea Tulsi Nydia Kay Joanna Joann Jeannie Mazie Michele Cecile Cecilia Antonia
    Huma Omarosa Katrina Dolly Reba Ivana Marla Melinda Abby Gretchen Geraldine Rosalynn Jenna Janine Janelle
    Kristi Kirstjen Marsha Nina Roxanne Suzanne Theresa Trudy Whitney Zoe
    """.split()
)
# words of a role or a relation that tell a person's sex: "spokeswoman", "his wife, Jane"
MALE_WORDS = frozenset(
    "mr sir lord he his him himself man men spokesman chairman congressman businessman councilman alderman"
    " assemblyman husband father son brother uncle nephew grandfather king prince actor".split()
)
FEMALE_WORDS = frozenset(
    "mrs ms miss dame lady she her hers herself woman women spokeswoman chairwoman congresswoman businesswoman"
    " councilwoman alderwoman assemblywoman wife mother daughter sister aunt niece grandmother queen princess"
    " actress".split()
)
