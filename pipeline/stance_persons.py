"""Whether a name is a person's: a title and a name ("Dr Smith", "President Trump", "Foreign
Secretary David Lammy") or a given name of ``given_names.txt`` and a surname ("Boris Johnson"),
unless the two names are a firm's of ``eponymous_firms.txt`` ("who works for John Lewis": the
shop's) and nothing after them shows a person ("who worked for John Lewis when he was mayor", "who
worked with David Lloyd, the cardiologist,": the person's). Used by
:mod:`pipeline.stance_sources` to tell a source's affiliation ("An analyst, who works for Goldman
Sachs, said": named) from a person it worked for ("A lawyer, who worked for Boris Johnson,
claimed": an unnamed lawyer, vague), and by :mod:`pipeline.stance_unnamed` to read an appositive
after a person's name ("Jane Smith, a resident of Bristol, said": named). 1.36.17, 1.36.18,
1.36.19, 1.36.20, 1.36.21, 1.36.22, 1.36.27.
"""

from __future__ import annotations

import re

from pipeline.lexicon import lexicon_path, read_word_list

GIVEN_NAMES = frozenset(read_word_list(lexicon_path("given_names.txt")))
# firms named after a person: "John Lewis", "Louis Vuitton", "Edward Jones" (1.36.19)
EPONYMOUS_FIRMS = frozenset(read_word_list(lexicon_path("eponymous_firms.txt")))
# A title and a capitalised word: honorifics (1.36.17: "the Premier League", "Judge Business
# School" are organisations, so only these) and the offices one person holds (1.36.18: "President
# Trump", "Senator Warren", "Prime Minister Starmer"; not "the Mayor of London" nor "Lord's", no
# capital after them; 1.36.19: "Chancellor Rachel Reeves"; 1.36.20: "Secretary Blinken",
# "Minister Hamilton", "Foreign Secretary David Lammy", "Leader Poilievre", "Leader of the
# Opposition Kemi Badenoch", a department's name or "Deputy", "Shadow" before the office).
# 1.36.21: not before a firm's word in the next three capitalised words ("who works for Leader
# Capital Holdings", "at Leader Homes", "for Minister Building Supplies", "at Secretary of State
# Investments": the firm's name, named again as in 1.36.19).
FIRM_WORDS = (
    r"Capital|Holdings?|Partners|Partnership|Group|Systems|Homes|Ltd|Limited|Plc|PLC|Inc|LLC|LLP"
    r"|Co|Corp|Corporation|Company|Supplies|Investments?|Building|Builders|Construction"
    r"|Propert(?:y|ies)|Estates|Management|Advis[eo]rs|Assets?|Securities|Finance|Financial"
    r"|Funds?|Insurance|Technolog(?:y|ies)|Solutions|Services|Software|Industries|Enterprises"
    r"|Ventures|Media|Consulting|Consultants|Associates|Logistics|Trading|Retail|Stores|Brands"
    r"|International|Global|Networks|Digital|Labs|Motors|Foods|Bank"
)
PERSON_TITLE_RE = re.compile(
    r"(?-i:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Baroness|President|Senator|Sen"
    r"|Rep|Governor|Mayor|Councillor|Cllr|Ambassador|Chancellor|Prime\s+Minister"
    r"|(?:(?:Foreign|Home|Health|Defence|Defense|Justice|Business|Education|Transport|Environment"
    r"|Energy|Culture|Trade|Interior|Finance|Treasury|Cabinet|Chief|Deputy|Shadow|Junior|Vice"
    r"|Press|Housing|Work\s+and\s+Pensions|Northern\s+Ireland|Scottish|Welsh)\s+){0,2}"
    r"(?:Secretary(?:\s+of\s+State|-General)?|Minister)"
    r"|Leader(?:\s+of\s+the\s+(?:Opposition|House(?:\s+of\s+(?:Commons|Lords))?))?)\.?\s+"
    rf"(?!(?:[A-Z][\w'’-]*\s+){{0,2}}(?:{FIRM_WORDS})\b)(?-i:[A-Z])[\w'’-]*(?!['’]s)"
)
# A given name, an initial or not, and one surname that ends the name: not a possessive ("Boris
# Johnson's government" is an organisation) nor a longer name ("John Lewis Partnership"), nor a
# firm's "&" ("Marks & Spencer")
GIVEN_NAME_RE = re.compile(
    r"(?-i:(?P<given>[A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?(?:[A-Z]['’])?[A-Z][A-Za-z]*[a-z]"
    r"(?:-[A-Z][A-Za-z]*[a-z])?)(?![\w'’-])(?!\s+(?-i:[A-Z]))(?!\s*&)"
)


# What shows that a firm's name of ``EPONYMOUS_FIRMS`` is a person's, whatever the preposition
# before it: an office the person held ("who worked for John Lewis when he was mayor", "for
# Michael Page when he was an MP", "when he sat on the council", "when he chaired the committee",
# "when he ran Gucci"), a seat in a legislature ("who worked for John Lewis in the House of
# Representatives", "for Robert Half in Congress") or an appositive that names a person's
# occupation ("who worked with David Lloyd, the cardiologist,", "Paul Smith, the Labour
# councillor,"; not "the retailer"). 1.36.20 took any personal pronoun in the rest of the clause
# and any public office after "at" or "in"; but the pronoun is most often the source's ("who
# works for John Lewis in her spare time", "who worked for Paul Weiss before he joined the
# government") and a firm works at a public office too ("who works for John Menzies at the Home
# Office", "at the Ministry of Defence site", "at the University of Leeds sports ground"), so
# since 1.36.21 those two show a person only after "with" (``COLLEAGUE_RE``). 1.36.22: also the
# person's life and career after any preposition: "his death", "her divorce", "his last campaign",
# "his time at Gucci", "during his", "after she sold", "when he was still", "when he was at YSL",
# "when she launched" ("who works for John Lewis on his weekends", "when she is not studying",
# "until he retired": still the source's)
# a person's occupations that an appositive names ("the cardiologist", "the Labour
# councillor"; "-ologist", "-ician")
OCCUPATIONS = (
    r"mp|mep|msp|peer|politician|councillor|mayor|minister|senator|congress(?:man|woman)"
    r"|judge|magistrate|barrister|solicitor|lawyer|attorney|surgeon|doctor|physician|gp|nurse"
    r"|professor|lecturer|academic|scientist|economist|historian|author|novelist|writer|poet"
    r"|journalist|columnist|presenter|actor|actress|singer|musician|artist|pianist|photographer"
    r"|architect|designer|golfer|footballer|cricketer|athlete|chef|businessman|businesswoman"
    r"|entrepreneur|tycoon|billionaire|millionaire|philanthropist|campaigner|activist|candidate"
    r"|founder|priest|vicar|bishop|rabbi|imam|detective|diplomat|ambassador|governor|dentist"
    r"|psychiatrist|therapist|\w+ologist|\w+ician"
)
# the offices one person holds ("when he was mayor", "when she was an MP", "when he was the
# Labour leader")
HELD_OFFICES = (
    r"mayor|mp|mep|msp|minister|senator|congress(?:man|woman)|councillor|governor|president"
    r"|premier|chancellor|secretary|speaker|ambassador|leader|chair(?:man|woman)?|peer|judge"
)
_CLAUSE = r"[^,;:.!?()\[\]\"“”]{0,80}?"
PERSON_AFTER_RE = re.compile(
    rf"{_CLAUSE}\b(?:when|while)\s+(?:he|she)\s+(?:(?:was|is|served\s+as)\s+(?:(?:a|an|the)\s+)?"
    rf"(?:[\w'’-]+\s+){{0,2}}?(?:{HELD_OFFICES})\b|(?:sat|served)\s+(?:in|on)\b|chaired\b"
    r"|(?:ran|led|headed)\s+(?-i:[A-Z])|was\s+(?:still|at)\b|launched\b)"
    rf"|{_CLAUSE}\b(?:(?:his|her)\s+(?:[\w'’-]+\s+){{0,2}}?(?:death|campaign|divorce)\b"
    r"|(?:his|her)\s+time\s+at\b|during\s+(?:his|her)\b|after\s+(?:he|she)\s+sold\b)"
    r"|\s+(?:at|in)\s+(?:the\s+)?(?-i:Congress|Senate|Commons|Lords|House\s+of\s+(?:Commons|Lords"
    r"|Representatives)|Parliament)\b"
    r"|\s*,\s*(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?"
    rf"(?:{OCCUPATIONS})(?=\s*[,;.)]|\s+(?:who|of|for|at|from|in)\b)",
    re.IGNORECASE,
)
# After "with" (a colleague's name, "who worked with Paul Smith"), also a personal pronoun in the
# rest of the clause ("with Paul Smith on his thesis") or a public office where the two worked
# ("with William Hill at the Treasury", "with Paul Smith at the Bank of England"): 1.36.20
COLLEAGUE_RE = re.compile(
    rf"{_CLAUSE}\b(?:he|she|him|his|her|himself|herself)\b"
    r"|\s+(?:at|in)\s+(?:the\s+)?(?-i:Treasury|Home\s+Office|Foreign\s+Office|Cabinet\s+Office"
    r"|Ministry|Department|Bank\s+of\s+England|Federal\s+Reserve|Pentagon|White\s+House|State"
    r"\s+Department|Commons|House\s+of|Senate|Congress|Parliament|Cabinet|Downing\s+Street"
    r"|Whitehall|University|NHS)\b",
    re.IGNORECASE,
)


def names_a_person(
    text: str, start: int, *, given_names: bool = True, colleague: bool = False
) -> bool:
    """Whether the name at ``text[start]`` is a person's: a title and a name
    (``PERSON_TITLE_RE``), or, with ``given_names``, a given name of ``given_names.txt`` and a
    surname (``GIVEN_NAME_RE``) that are not a firm's (``EPONYMOUS_FIRMS``) unless the words
    after them show a person (``PERSON_AFTER_RE``; with ``colleague``, after "with", also
    ``COLLEAGUE_RE``)."""
    if PERSON_TITLE_RE.match(text, start):
        return True
    m = GIVEN_NAME_RE.match(text, start) if given_names else None
    if m is None or m.group("given") not in GIVEN_NAMES:
        return False
    if " ".join(m.group(0).split()) not in EPONYMOUS_FIRMS:
        return True
    if PERSON_AFTER_RE.match(text, m.end()) is not None:
        return True
    return colleague and COLLEAGUE_RE.match(text, m.end()) is not None
