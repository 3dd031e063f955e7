"""Words that say what a source is: data for ``coreference`` and ``kinds``.

Origin: our own lists for claimkit, written by hand from English news usage
(company, club and agency names; the nouns a report uses to refer back to
them).  No list was copied from another project.
"""

from __future__ import annotations

# Last or any word of an organisation's name ("Skyreach Airways", "Fjell Capital").
ORG_NAME_WORDS = frozenset(
    """
    company co co. corp corp. corporation inc inc. ltd ltd. llc plc ag sa gmbh group holdings bank banks
    homes developments properties estates builders construction logistics freight industries enterprises
    capital partners ventures investments airways airlines air aero aerospace motors automotive foods
    seafoods farms therapeutics pharmaceuticals pharma biotech energy oil gas power systems technologies
    technology tech labs laboratories software media studios entertainment insurance securities
    university institute college school academy hospital clinic club fc rovers rangers wanderers
    athletic union association federation league party alliance foundation trust society fund front
    coalition movement network museum gallery theatre theater orchestra festival zoo library charity
    rail railway railways water utilities paints chemicals mills industries logistics shipping telecom lines ferries
    airport centre center buses coaches trains trams ferries cruises travel transport haulage express
    renewables solar wind electric electrics engineering mining minerals metals steel motors brands
    events promotions productions solutions consulting retail stores markets research
    """.split()
)
# Words of a public body's name ("Ministry of Finance", "National Weather Service").
GOVERNMENT_NAME_WORDS = frozenset(
    """
    ministry department agency authority council office commission service bureau police court
    parliament senate congress assembly government administration cabinet treasury embassy
    board inspectorate tribunal directorate constabulary superintendency ombudsman gendarmerie municipality
    """.split()
)
# A sport in a body's name makes it a sporting organisation, not a public one
# ("Women's Tennis Council", "Football Association", "Rugby Authority").
SPORT_WORDS = frozenset(
    """
    tennis football soccer rugby cricket golf athletics olympic olympics paralympic chess cycling
    sailing rowing boxing swimming hockey basketball baseball volleyball handball netball skiing
    snooker darts racing motorsport
    """.split()
)
# People words that, written before a name with a comma or none ("her opponent,
# Amara Diallo", "striker Leo Park"), make the name a person's, whatever NER says.
PERSON_ROLE_WORDS = frozenset(
    """
    opponent rival partner wife husband son daughter mother father brother sister friend colleague
    teammate neighbour neighbor widow widower client patient victim suspect witness resident
    colleague deputy assistant successor predecessor player striker goalkeeper captain coach
    """.split()
)
# Nouns a definite description uses for an organisation named before ("the company").
ORG_DESCRIPTORS = frozenset(
    """
    company firm business group airline carrier planemaker maker manufacturer automaker carmaker
    drugmaker chipmaker retailer lender insurer bank operator developer publisher studio startup
    club team side university college school institute union party alliance charity foundation
    association federation league organisation organization campaign network chain hospital
    museum gallery theatre orchestra festival zoo library utility supplier factory mill trust
    cooperative co-operative wholesaler miner producer provider consultancy builder shipbuilder
    housebuilder consortium contractor shipyard brewer brewery exporter importer distributor centre center airport
    laboratory lab observatory processor platform app
    """.split()
)
# ... and for a public body ("the ministry", "the agency").
GOVERNMENT_DESCRIPTORS = frozenset(
    """
    ministry department agency authority council government administration office regulator
    commission service police court city county state country board force inspectorate tribunal
    prefecture municipality embassy consulate province panel coastguard gendarmerie watchdog
    """.split()
)
# Nouns that name a kind of body ("Hartwell city council", "the Harbour Board"): a
# description with another noun ("the state", "the union") does not stand for it.
INSTITUTION_NOUNS = frozenset(
    """
    ministry department council court tribunal police commission committee board inspectorate
    union party university college school hospital museum club church charity foundation
    association federation league trust society coalition institute gallery theatre orchestra
    library airport army navy parliament assembly senate congress
    """.split()
)
# Descriptions that may stand for any body of their kind ("the government": any
# ministry; "the group": the Tax Foundation).
GENERIC_BODY_NOUNS = frozenset("government administration authorities group organisation organization body institution".split())
# ... and for a person named before ("the minister", "the coach").
PERSON_DESCRIPTORS = frozenset(
    """
    minister premier senator judge coach manager mayor president chairman chairwoman chair governor
    executive spokesman spokeswoman spokesperson director secretary lawyer prosecutor professor
    scientist researcher forecaster actor singer player striker captain curator inspector detective
    officer doctor nurse surgeon engineer teacher headteacher principal chancellor
    coroner sheriff commissioner ombudsman magistrate registrar warden headmaster headmistress dean bishop archbishop
    constable sergeant superintendent
    """.split()
)
# One person without a name ("One midwife at the hospital", "a passenger"): the "she" or "he" after them.
INDIVIDUAL_NOUNS = PERSON_DESCRIPTORS | frozenset(
    """
    midwife worker driver rider parent mother father woman man witness passenger customer employee volunteer
    resident farmer student patient shopper neighbour neighbor member pilot soldier officer nurse carer paramedic
    """.split()
)
# People's nouns that, with a public modifier, name a public body ("the national forecaster": the weather service).
PUBLIC_AGENTS = frozenset("forecaster statistician meteorologist".split())
PUBLIC_MODIFIERS = frozenset("national state federal government official public".split())
# ... and for a medium ("the newspaper", "the broadcaster").
MEDIA_DESCRIPTORS = frozenset("newspaper paper broadcaster magazine channel outlet daily tabloid station".split())
# Every noun a description of a body uses ("the operator", "the ministry", "the broadcaster").
BODY_NOUNS = ORG_DESCRIPTORS | GOVERNMENT_DESCRIPTORS | MEDIA_DESCRIPTORS
# Last words of a newspaper's or broadcaster's name ("the Tarvik Herald").
MEDIA_NAME_WORDS = frozenset(
    "herald times post gazette tribune journal chronicle observer courier telegraph guardian standard mirror echo"
    " radio television tv broadcasting".split()  # "SportWave Radio"
)
# Adjectives before a bare proper name that make it a country: "neighbouring Ostravia".
COUNTRY_ADJECTIVES = frozenset("neighbouring neighboring".split())
# Titles and job words that may precede a person's name in a source phrase.
HONORIFICS_MALE = frozenset("mr mr. sir lord monsieur senor señor herr signor".split())
HONORIFICS_FEMALE = frozenset("mrs mrs. ms ms. miss dame lady madam madame mme mme. senora señora frau signora".split())
# Name words a descriptor agrees with: "the airline" after "Skyreach Airways".
DESCRIPTOR_NAME_WORDS: dict[str, frozenset[str]] = {
    "airline": frozenset("airways airlines air".split()),
    "carrier": frozenset("airways airlines air".split()),
    "planemaker": frozenset("aero aerospace aircraft aviation".split()),
    "automaker": frozenset("motors motor automotive".split()),
    "carmaker": frozenset("motors motor automotive".split()),
    "drugmaker": frozenset("therapeutics pharma pharmaceuticals biotech".split()),
    "bank": frozenset("bank capital".split()),
    "lender": frozenset("bank capital".split()),
    "club": frozenset("club fc rovers rangers wanderers athletic united".split()),
    "team": frozenset("club fc rovers rangers wanderers athletic united".split()),
    "side": frozenset("club fc rovers rangers wanderers athletic united".split()),
    "school": frozenset("school academy college".split()),
    "party": frozenset("party alliance union".split()),
    "union": frozenset("union federation association".split()),  # "the Federation of Dock and Harbour Workers": the union
    "charity": frozenset("charity trust foundation society".split()),
    "agency": frozenset("agency service office bureau authority".split()),
    "regulator": frozenset("authority commission agency office".split()),
    "force": frozenset("police constabulary".split()),
    "board": frozenset("board".split()),
    "newspaper": MEDIA_NAME_WORDS,
    "paper": MEDIA_NAME_WORDS,
    "centre": frozenset("centre center institute".split()),
    # a British "local authority" is a council
    "authority": frozenset("authority council".split()),
    "institution": frozenset("university college institute school museum hospital".split()),
}
# How an article says it keeps a person unnamed ("asked not to be named", "on condition of anonymity", "asked that
# his company not be named"): a request for anonymity conveys nothing, and the person is an unnamed source.
NOT_NAMED = (
    r"(?:not\s+(?:want\s+)?to\s+be\s+(?:named|identified|quoted)|(?:his|her|their|its)\s+(?:\w+\s+)?not\s+be\s+(?:named|identified)"
    r"|(?:on\s+)?(?:the\s+)?condition\s+of\s+anonymity|anonymity|anonymously)"
)

# words that open a clause or a sentence and never a name: a subordinator or a
# sentence adverb NER may take in with the capitalised run after it
# subordinators of a time or reason clause whose subject pronoun may stand for the main clause's subject
# ("Since it announced the closure, the council ...")
SUBORDINATORS = frozenset("since after before when once while as although though because until".split())
CLAUSE_OPENERS = frozenset(
    "since after before when whenever while whilst although though because unless until till as if once whereas "
    "meanwhile however moreover furthermore nevertheless nonetheless also still then thus hence indeed instead "
    "otherwise besides later earlier so yet but and or despite unlike".split()
)
