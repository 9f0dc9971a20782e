"""Whether a name after "works for" in a relative clause is a person's, not the source's
employer: a title before it ("who works with Dr Smith", "who worked for President Trump") or a
given name of ``given_names.txt`` before a surname ("who worked for Boris Johnson"). Used by
:mod:`pipeline.stance` to tell a source's affiliation ("An analyst, who works for Goldman Sachs,
said": named) from a person it worked for ("A lawyer, who worked for Boris Johnson, claimed": an
unnamed lawyer, vague), unless the two names are a firm's of ``eponymous_firms.txt`` ("who works
for John Lewis": the shop's) and nothing after them shows a person ("who worked for John Lewis
when he was mayor", "who worked with David Lloyd, the cardiologist,": the person's). 1.36.17,
1.36.18, 1.36.19, 1.36.20, 1.36.21, 1.36.22. Also whether one unnamed person or body is the
subject of a reporting verb ("A minister said", "A stylist said": vague; :func:`unnamed_one_before`,
1.36.23), its noun a person's or a body's (:func:`person_noun`, 1.36.24: "A chatbot said", "A
reply from the council said" keep their readings), or one named beside a place, a product or
an interviewer only (1.36.26: "A Bristol resident said", "An iPhone user said", "A tax adviser I
spoke to said", "A police officer knocked and said": vague; :func:`lay_source`), and the same
phrase after an inverted verb (1.36.27; 1.36.28: a place, a participle or an adverb after it,
"one", "another" or "others" alone: '"It's over," said another.', 'said a nurse quietly': vague;
:func:`unnamed_one_after`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from pipeline.figures_markers import WEEKDAYS
from pipeline.lexicon import lexicon_path, read_word_list
from pipeline.pattern_syntax import pattern_regex
from pipeline.stance_lexicon import StanceEntry
from pipeline.stance_names import (
    AFFILIATED_NOUNS,
    country_name_re,
    institution_initialism,
    names_a_source,
    names_no_one,
    place_name_re,
)
from pipeline.stance_say import MANNER_ADVERB

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
PERSON_NOUNS = (
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
    rf"(?:{PERSON_NOUNS})(?=\s*[,;.)]|\s+(?:who|of|for|at|from|in)\b)",
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


# One unnamed person (or body) as the subject of a reporting verb: "a", "an", "one" or "another"
# and up to four words of which the last is the noun, maybe a place or a body in lower case after
# "for", "of", "at", "from", "in", "on" or "with" and a "who" clause in lower case, right before
# the verb, its auxiliary or adverb or an aside between commas ("A minister said", "A shadow
# minister claimed", "A local shopkeeper noted", "One aide has since insisted", "A stylist at the
# salon said", "A woman who lives nearby said", "A minister, however, said"): vague, as "A senior
# official said" is for the nouns the lexicon lists (1.36.23). Since 1.36.24 the noun must be a
# person's or a body's (``PERSON_NOUN_RE``: a noun of ``person_nouns.txt``, "nurse", "company",
# "jury", or one with a person's suffix, "stylist", "shopkeeper", "historian", "spokeswoman"),
# none of ``thing_nouns.txt`` ("A letter from the council said", "A sign on the door said", "A
# third of voters said": as before), and no thing right before a participle ("A letter sent on
# Monday said", "A report published last week said"); a noun of neither kind keeps the verb's
# reading ("A chatbot said", "A reply from the council said", "A provision in the law says":
# 1.36.23 read any such noun as a person); since 1.36.25 the last two words decide when a list
# has them ("A style guide says", "A voice assistant said": a thing; "A town planner said": a
# person), and a place where only a thing is makes the phrase a thing's (``THING_PLACES``: "A
# trainer in the shop window says"). No name among the words
# (:func:`~pipeline.stance_names.names_no_one`: "A Reuters reporter said", "A spokesman for the
# IMF said", "A minister, Jane Smith, said": named), and the phrase must be the verb's subject: at
# the sentence's start or after a punctuation mark, a conjunction that opens a clause ("but",
# "because", "that", "as", "after"; "and", "or" only after a comma or at the start: "Smith and an
# aide said" is Smith's), a time ("On Monday a minister said") or a reporting verb ("He said a
# minister told him"); after any other word it is an object ("The man who hired a stylist said":
# the man's report). Since 1.36.26 a place, a product or an interviewer named beside the unnamed
# person names no source: a town after "in" ("A customer in Bristol said", "A shopkeeper in
# Leeds said"; not "in the Treasury", a body), any capital among the words and the place of a
# noun of ``lay_nouns.txt`` ("A Bristol resident said", "A Tesla owner said", "A customer of
# Santander said"; not its employer after "for": "A buyer for Tesco said", named), a clause
# without "who" ("A tax adviser I spoke to said", "A lawyer Reuters spoke to said";
# ``_CONTACT``); the phrase may also be the subject of a first predicate before "and" ("A police
# officer knocked on the door and said": ``COORDINATED_RE``). An employer's name before or after
# a noun of no such list still names the source, as 1.36.23 decided ("A White House official
# said", "A Reuters reporter said", "A Labour MP said", "A minister at the Treasury said":
# named), and so does the body one speaks for ("A Tesla spokesperson said").
THING_NOUNS = frozenset(read_word_list(lexicon_path("thing_nouns.txt")))
PERSON_NOUNS = frozenset(read_word_list(lexicon_path("person_nouns.txt")))


def listed_section(name: str, heading: str) -> frozenset[str]:
    """The entries of the word list ``name`` under its comment line that starts with
    ``heading``, up to the next comment line."""
    words, inside = [], False
    for line in lexicon_path(name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            inside = line.startswith(heading)
        elif inside and line.strip():
            words.append(line.strip())
    return frozenset(words)


# the bodies of ``person_nouns.txt``: a definite one is one known body, no unnamed person ("The
# council I contacted said": named; 1.36.29)
BODY_NOUNS = listed_section("person_nouns.txt", "# bodies")
_NOT_A_WORD = (
    r"the|a|an|one|another|its|their|his|her|our|my|your|this|that|these|those|of|in|at|on|for"
    r"|from|with|by|and|or|but|nor|to|who|which|whom|whose|what|are|is|was|were|am|have|has|had"
    r"|be|been|being|will|would|could|can|may|might|must|should|shall|not|also|do|does|did|as"
    r"|than|more|less|said|say|says|told|he|she|it|they|we|i|you|him|them|us|me|there|here"
    r"|when|where|while|if|so|then|no|every|each|some|any|all|such|about|into|after|before"
    r"|because|since|until|though|although|per|via|like|yesterday|today|tonight|tomorrow|ago"
)
# the adverbs between the phrase and the verb ("A minister later said", "A minister angrily
# denied"): no noun of the phrase (1.36.24; "A minister later said" read "later" as its noun)
_ADVERBS = (
    r"(?:has|have|had|also|later|then|again|since|once|earlier|recently|now|previously|publicly"
    r"|privately|reportedly|allegedly|apparently|repeatedly|even|still|too|never|always|first"
    rf"|{MANNER_ADVERB})(?![\w’'-])"
)
# an adjective after the noun, before its place ("a banker familiar with the matter")
_AFTER_NOUN = r"(?:familiar|involved|based|responsible|working|living|speaking)(?![\w’'-])"
# a word in capitals is none of those ("A US official", "an IT manager"), nor a field's initialism
# with an ampersand of ``field_initialisms.txt`` ("A Bristol A&E doctor"; 1.36.29), none of a
# firm's ("P&O", "M&S": not listed, the phrase ends before them as before)
FIELD_INITIALISMS = frozenset(read_word_list(lexicon_path("field_initialisms.txt")))
_FIELD = "|".join(re.escape(w) for w in sorted(FIELD_INITIALISMS, key=lambda w: (-len(w), w)))
_CAPITALS = rf"(?-i:[A-Z]{{2,}}(?![a-z])[\w’'.-]*|(?:{_FIELD})(?![\w’'&.-]))"
_ONE_WORD = rf"(?:{_CAPITALS}|(?!(?:{_NOT_A_WORD})(?![\w’'-]))[^\W\d_][\w’'.-]*)"
# "a 45-year-old shopkeeper", "a so-called expert"
_MODIFIER = rf"(?:{_CAPITALS}|(?!(?:{_NOT_A_WORD})(?![\w’'-]))\w[\w’'.-]*)"
LAY_NOUNS = frozenset(read_word_list(lexicon_path("lay_nouns.txt")))
# people whom only a known place beside them places; another capital may be their employer, team
# or party ("A London taxi driver", "A Kyiv man": vague; "A Stagecoach driver", "A McLaren
# driver", "An Ineos rider", "A Foreign Office man": named; 1.36.26 review)
PLACED_NOUNS = frozenset(read_word_list(lexicon_path("placed_nouns.txt")))
# anyone, a noun that says no more than one's sex or age: a capital before it places it ("A
# Bolton woman"), but "at", "for", "of" or "with" after it may name an employer ("A woman at
# Google said": named), while "from" and a capital is where one comes from ("A 45-year-old man
# from Leeds", "A woman from Salford": vague; 1.36.26 review)
ANYONE = frozenset({"man", "woman", "boy", "girl", "teenager"})
# one who belongs to a body, after which "in" and a capital name the body unless a known place
# ("A commander in Hamas", "A partner in Deloitte": named; "An official in Kabul": vague;
# 1.36.26 review): the affiliated nouns of pipeline/stance_names.py and those of
# ``body_members.txt``
BODY_MEMBERS = AFFILIATED_NOUNS | frozenset(read_word_list(lexicon_path("body_members.txt")))
PAST_TENSES = frozenset(read_word_list(lexicon_path("past_tenses.txt")))
_PERSONAL = r"(?:(?-i:I)(?:['’](?:ve|d|m))?|we|you|he|she|they)"
# a clause without "who" that says how the writer or an outlet met the source (1.36.26): a
# personal pronoun and up to six words ("A tax adviser I spoke to", "A teacher I know", "A friend
# I went to school with", "A soldier I spoke to in Kharkiv": a name there is no source's) or
# "the" and a noun, "this newspaper" or up to three capitalised words (the outlet: "the BBC",
# "Reuters", "The Guardian"), and a verb of ``contact_verbs.txt``, maybe "to" or "with" and up
# to three more words in lower case ("An official the BBC spoke to", "A lawyer Reuters
# contacted", "A resident the paper spoke to last week"); not a pronoun right after "as" or
# "like" ("As a doctor I have argued": the writer's own)
# (1.36.26 review) its words stop before "at", "for", "from", "of", "in" (unless the clause's
# last word: "An engineer the inquiry heard from") or "who": what follows is the source's
# affiliation or place, read as the phrase's own ("A source I spoke to at the
# Treasury", "A spokesman I spoke to at Tesla": named; "A soldier I spoke to in Kharkiv": vague)
_NOT_IN_CONTACT = r"(?!(?:at|for|from|of|in|who|whom|whose|which|that)(?![\w’'-]))"
_STRANDED = r"(?:\s+(?:at|for|from|of|in))?"  # a preposition with no object ("heard from")
# nor a verb in "-s" before a determiner, the phrase's own verb and another subject ("A farmer I
# know thinks the minister said it": the minister's "said", named, as "The minister said it" is;
# 1.36.29, vague since 1.36.26); the clause's own verb agrees with its pronoun ("A friend she
# knows well said"); not an adverb or a preposition in "-s", grammar's closed class ("A resident I
# spoke to towards the end said": vague)
_NEXT_SUBJECT = (
    r"(?!(?!(?:towards|besides|afterwards|always|sometimes|perhaps|upwards|downwards|backwards"
    r"|forwards|outwards|nowadays|whereas|unless|thus)(?![\w’'-]))"
    r"(?-i:[a-z])[\w’'-]*[^\W\ds_’']s\s+"
    r"(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your)(?![\w’'-]))"
)
CONTACT_VERBS = frozenset(read_word_list(lexicon_path("contact_verbs.txt")))
# a verb of ``contact_verbs.txt`` next ("spoke", "interviewed", "contacted"), for ``listed``
_LISTED_CONTACT_VERB = (
    "(?=(?:" + "|".join(sorted(CONTACT_VERBS, key=lambda w: (-len(w), w))) + r")(?![\w’'-]))"
)


def _contact(*, listed: bool = False) -> str:
    """The regex of a clause without "who" (``_CONTACT``); with ``listed``, its verb after a
    name or "the" and a noun one of ``contact_verbs.txt`` (``_LISTED_CONTACT_VERB``), built
    from the same parts (1.36.28 review: a string replacement on ``_CONTACT`` had done it)."""
    verb = (_LISTED_CONTACT_VERB if listed else "") + r"[\w’'-]+"
    return (
        rf"\s+(?:{_PERSONAL}(?:\s+{_NOT_IN_CONTACT}{_NEXT_SUBJECT}[\w’'.-]+){{1,6}}{_STRANDED}"
        r"|(?:(?:the|this|that)\s+(?-i:[a-z])[\w’'-]*|(?:the\s+)?(?-i:[A-Z])[\w’'.&-]*"
        rf"(?:\s+(?-i:[A-Z])[\w’'.&-]*){{0,2}})(?:\s+(?:has|have|had))?\s+(?P<contact_verb>{verb})"
        rf"(?:\s+(?:to|with))?(?:\s+{_NOT_IN_CONTACT}{_NEXT_SUBJECT}(?-i:[a-z])[\w’'-]*){{0,3}}"
        rf"{_STRANDED})"
    )


_CONTACT = _contact()
# a contact verb is no noun of the phrase ("A lawyer Reuters contacted": "lawyer", not
# "contacted", with "Reuters contacted" its clause; 1.36.26 review)
_NOT_CONTACT_VERB = (
    "(?!(?:" + "|".join(sorted(CONTACT_VERBS, key=lambda w: (-len(w), w))) + r")(?![\w’'-]))"
)
# no participle that introduces a name, as the phrase's noun or as the first verb of
# ``COORDINATED_RE`` ("A man named John Smith walked in and said", "A neighbour called Mary
# Evans", "A woman identified as Sarah Jones", "known as", "dubbed": the name is the phrase's and
# read; 1.36.26 review)
_NAMING = (
    r"(?!(?:named|identified|known|dubbed|nicknamed|christened|titled|styled|termed)(?![\w’'-])"
    # "called" before a number or a word in lower case but "as" is a verb ("A woman called 999
    # and said", "A neighbour called the police and said"; 1.36.27)
    r"|called(?![\w’'-])(?!\s+(?!as\s)(?-i:[a-z\d])))"
)
# the phrase: "a", "an", "one" or "another", its words, a place, a "who" clause or a clause
# without "who"; with ``lazy``, its fewest words that fit; with ``listed``, a clause's verb after
# a name or "the" and a noun is one of ``contact_verbs.txt`` in the regex itself (:func:`_contact`),
# so that other words are read another way ('said a woman in the line outside the post office':
# no clause "the post office" but a place; 1.36.28)


def _phrase(lazy: bool = False, listed: bool = False) -> str:
    """The regex of the phrase of ``UNNAMED_ONE_RE`` (and of ``COORDINATED_RE`` and
    ``INVERTED_ONE_RE``, ``lazy``; of ``INVERTED_ONE_RE``, ``listed``)."""
    contact = _contact(listed=listed)
    return (
        r"(?<![\w’'-])(?P<article>an?|one|another|my|our)\s+"
        rf"(?P<words>(?:{_MODIFIER}\s+){{0,3}}{'?' if lazy else ''}(?!{_ADVERBS}|{_AFTER_NOUN})"
        rf"{_NOT_CONTACT_VERB}{_NAMING}(?P<noun>{_ONE_WORD}))"
        rf"(?:\s+{_AFTER_NOUN}(?=\s+(?:with|in|at|on|for|from)\s))?"
        # "to" since 1.36.28 ("A visitor to Bristol", "An envoy to Kyiv")
        rf"(?P<place>\s+(?:for|of|at|from|to|in|on|with)\s+(?:(?:the|a|an)\s+)?"
        rf"(?:{_ONE_WORD}\s+){{0,2}}{_ONE_WORD})?"
        # a town after the place ("A nurse at a hospital in Leeds": 1.36.26)
        r"(?P<town>\s+in\s+(?-i:[A-Z])[\w’'.&-]*(?:\s+(?-i:[A-Z])[\w’'.&-]*){0,2})?"
        # a restrictive clause of up to six words in lower case ("A woman who lives nearby said")
        r"(?:(?P<clause>\s+who(?:\s+(?-i:[a-z])[\w’'-]*){1,6})"
        rf"|(?P<contact>{contact})"
        # the affiliation or place after a clause without "who" (1.36.26 review)
        rf"(?P<affiliation>\s+(?:at|for|from|of|in)\s+(?:(?:the|a|an)\s+)?"
        rf"(?:{_ONE_WORD}\s+){{0,2}}{_ONE_WORD})?"
        r"(?P<town2>\s+in\s+(?-i:[A-Z])[\w’'.&-]*(?:\s+(?-i:[A-Z])[\w’'.&-]*){0,2})?)?"
    )


UNNAMED_ONE_RE = re.compile(
    rf"{_phrase()}(?:\s+{_ADVERBS})*"
    # an aside between commas ("A minister, however, said")
    r"(?:\s*,\s*(?:however|though|meanwhile|too|also|then|instead|separately|in\s+turn"
    r"|for\s+(?:example|instance|(?:his|her|its|their)\s+part)|by\s+contrast|in\s+contrast)\s*,)?"
    r"\s+$",
    re.IGNORECASE,
)
# The same phrase as the subject of two predicates, the reporting verb the second after "and"
# ("A police officer knocked on the door and said", "A neighbour came out and told us", "A juror
# wept and said": 1.36.26): the first a verb in the past ("-ed" or of ``past_tenses.txt``) or in
# "-s" (not "-ss") and up to six words with no punctuation between but a comma before "and";
# the fewest words that the phrase may have before such a verb ("A volunteer handed out leaflets
# and said": not "volunteer handed out" before "leaflets")
_FIRST_VERB = (
    rf"{_NAMING}(?:(?-i:[a-z])[\w’'-]*(?:ed|(?<!s)s)|"
    + "|".join(sorted(PAST_TENSES, key=lambda w: (-len(w), w)))
    + ")"
)
COORDINATED_RE = re.compile(
    rf"{_phrase(lazy=True)}\s+(?:{_FIRST_VERB})(?![\w’'-])(?:\s+\w[\w’'-]*){{0,6}}\s*,?\s+and"
    rf"(?:\s+{_ADVERBS})*\s+$",
    re.IGNORECASE,
)
# past participles that end in no "-ed", after a thing ("A letter sent on Monday said", "A note
# left on the windscreen said", "A sign hung on the door said": the thing's; 1.36.24)
PARTICIPLES = frozenset(
    "left sent found made read written shown hung given seen taken put held kept brought bought"
    " drawn spread sold won set cut shot built known thrown chosen done heard laid led lost paid"
    " spoken stolen sworn withdrawn hidden fed taught sought spent lent burnt learnt pinned"
    " stuck".split()
)
# A person's or a body's noun: one of ``person_nouns.txt`` (after a prefix: "ex-wife",
# "co-host"), or a word of three letters or more before a person's suffix ("stylist",
# "shopkeeper", "historian", "volunteer", "spokeswoman", "locksmith"), maybe before "-of-", "-in-"
# or "-at-" ("father-of-two", "editor-in-chief"), but not in "-meter", "-ifier", "-iser" or
# "-izer" ("altimeter", "purifier", "steriliser": ``THING_SUFFIXES``; "adviser", "organiser" are
# listed); none of ``thing_nouns.txt`` ("letter", "answer",
# "sensor", "setlist", "compiler", "dishwasher"). Since 1.36.25 "-ant" and "-ent" are no person's
# suffixes ("A detergent says", "A lubricant says", "An AI assistant claimed" were read as
# persons): the people and bodies with them are listed ("tenant", "claimant", "resident",
# "student", "assistant"). The 'according to {a,an,one,another}' row of stance.tsv reads the same
# (@PERSON, @PERSONPAIR, @THING, @THINGPAIR, PERSON_SUFFIXES and THING_SUFFIXES; a test keeps them
# so).
PERSON_SUFFIXES = r"er|or|ist|ian|eer|ier|eur|ee|man|woman|person|smith"
THING_SUFFIXES = r"meter|ifier|i[sz]er"
PERSON_NOUN_RE = re.compile(
    r"(?:[\w’'-]+-)?(?:"
    + "|".join(
        re.escape(w) for w in sorted(PERSON_NOUNS, key=lambda w: (-len(w), w)) if " " not in w
    )
    + rf")|(?![\w’'-]*(?:{THING_SUFFIXES})(?![\w’'-]))[a-z][\w’'-]{{2,}}(?:{PERSON_SUFFIXES})"
    r"(?:-(?:of|in|at)-[\w’'-]+)?",
    re.IGNORECASE,
)
# the last word of a place where only a thing is, after "on" or "in" ("A trainer in the shop
# window says", "A rider in the contract says", "A cleaner on the shelf says": the thing's;
# 1.36.25)
THING_PLACES = {
    "on": frozenset(
        "shelf shelves label packet pack lid bottle tin jar carton wrapper sachet lamppost"
        " fridge dashboard".split()
    ),
    "in": frozenset(
        "catalogue catalog window drawer cupboard fridge contract lease brochure leaflet".split()
    ),
}


def person_noun(word: str) -> bool:
    """Whether ``word`` (in lower case) is a person's or a body's noun (``PERSON_NOUN_RE``), no
    thing's (``THING_NOUNS``)."""
    return word not in THING_NOUNS and PERSON_NOUN_RE.fullmatch(word) is not None


def _participle(word: str) -> bool:
    """Whether ``word`` may be a past participle (in "-ed" or of ``PARTICIPLES``) and is no
    person's noun of the list ("newlywed", "accused": 1.36.25)."""
    return (word.endswith("ed") or word in PARTICIPLES) and word not in PERSON_NOUNS


def _one_person(words: list[str], who: bool) -> bool:
    """Whether the words of ``UNNAMED_ONE_RE`` (lower case) are one person or body: the last a
    person's noun (:func:`person_noun`; or, with ``who``, a "who" clause right after them, any
    noun but a thing's: "A slave who escaped in 1850 wrote"), no thing before a participle among
    them ("A letter sent on Monday", "A report published last week"); a participle after a
    person's noun is no noun ("A man arrested on Friday said"). The last two words decide before
    the last one when ``person_nouns.txt`` or ``thing_nouns.txt`` lists them ("A town planner",
    "A record label": a person or body; "A style guide", "A notice board", "A voice assistant":
    a thing; 1.36.25)."""
    if len(words) > 1 and _participle(words[-1]) and person_noun(words[-2]):
        words = words[:-1]
    if any(w in THING_NOUNS and _participle(n) for w, n in itertools.pairwise(words)):
        return False
    pair = " ".join(words[-2:]).replace("’", "'") if len(words) > 1 else ""
    if pair in PERSON_NOUNS:
        return True
    noun = words[-1]
    if pair in THING_NOUNS or noun in THING_NOUNS or _participle(noun):
        return False
    return who or person_noun(noun)


def _thing_place(place: str | None) -> bool:
    """Whether ``place`` (" in the shop window") is one where only a thing is (``THING_PLACES``)."""
    words = (place or "").lower().split()
    return len(words) > 1 and words[-1] in THING_PLACES.get(words[0], ())


# what may stand before the phrase for it to be the verb's subject (at the end of the words
# before it)
SUBJECT_PLACE_RE = re.compile(
    r"(?:[,;:(\[—–\"“”‘’'!?]|\s-|,\s*(?:and|or)"
    r"|(?<![\w’'-])(?:but|yet|so|that|because|when|whenever|after|before|while|since|as"
    r"|although|though|if|unless|until|once|where|whereas|then|now|meanwhile|later|earlier|also"
    r"|however|only|just|even|perhaps|least|yesterday|today|tonight|ago|\w*day|week|weekend"
    r"|month|year|morning|afternoon|evening|night"
    r"|say|says|said|claim|claims|claimed|think|thinks|thought|believe|believes|believed|hear"
    r"|hears|heard|know|knows|knew|learned|learnt|insist|insists|insisted|argue|argues|argued"
    r"|suggest|suggests|suggested|add|adds|added|note|notes|noted|recall|recalls|recalled"
    r"|feel|feels|felt|understand|understands|understood))\s*$",
    re.IGNORECASE,
)
# the marks before a sentence's first word: spaces, quotation marks, brackets, dashes (read by
# OPENING_RE and NAME_OPENING_RE, which take other conjunctions after them)
_OPENING_MARKS = r"[\s\"“‘'(\[—–-]*"
# what may stand between the sentence's start and the phrase: the marks and "And", "Or"
OPENING_RE = re.compile(rf"{_OPENING_MARKS}(?:(?:And|Or)\s+)?$")
ONE_LOOKBACK = 160  # characters before a verb in which the phrase may start


# a town after "in", "from" or "to", no article before it ("A customer in Bristol", "A shopkeeper
# in Leeds": where the unnamed person is; "A minister in the Foreign Office" names a body: 1.36.26;
# "A visitor to Bristol": 1.36.28); its name the capitals after it
IN_TOWN_RE = re.compile(
    r"\s+(?P<prep>in|from|to)\s+(?P<name>(?-i:[A-Z])[\w’'.&-]*(?:\s+[\w’'.&-]+)*)"
)


def known_place(name: str) -> bool:
    """Whether ``name`` is one of places_and_peoples.tsv, a city or a country too ("Kabul",
    "Oslo", "Lebanon", "Wall Street")."""
    name = name.strip()
    return bool(place_name_re().fullmatch(name) or country_name_re().fullmatch(name))


# "According to a nurse from Leeds" (1.36.29): the 'according to a' row of stance.tsv reads a
# capital after "from", up to four words after its article, as the source's town (vague), as it
# reads one after "in"; a name that is no known place there, or one that starts a longer name, is
# the source's employer ("according to a nurse from Tesco", "a nurse from Leeds Teaching
# Hospitals": named)
ACCORDING_FROM_RE = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+\s+from\s+(?P<name>(?-i:[A-Z])[\w’'.&-]*)", re.IGNORECASE
)


def according_from_employer(text: str, start: int, end: int, limit: int) -> bool:
    """Whether the match ``text[start:end]`` of "according to a" is followed by its noun,
    "from" and a name that is no known place or starts a longer name (``ACCORDING_FROM_RE``,
    :func:`known_place`, :func:`_longer_name_after`): the source's employer (1.36.29)."""
    if not ACCORDING_RE.match(text, start, end):
        return False
    m = ACCORDING_FROM_RE.match(text, end, limit)
    if m is None:
        return False
    return not known_place(m.group("name")) or _longer_name_after(text, m.end(), limit)


# "for" and a capital after a lay person: an employer ("A buyer for Tesco", "A collector for
# HMRC", "A cyclist for Team Sky": named; "A buyer for a major supermarket": vague); 1.36.26, its
# second review. A capital before or after an owner stays blanked ("A Tesla owner", "A Chelsea
# owner", "An owner of Chelsea": vague): by form a club cannot be told from a product, and product
# owners are far more common (the accepted miss of that review; "A Chelsea co-owner": named)
FOR_EMPLOYER_RE = re.compile(r"\s+for\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)


def _town(noun: str, place: str | None) -> bool:
    """Whether ``place`` (the phrase's place, town or affiliation) is a town that only says where
    the person of ``noun`` is (1.36.26 review): "in" and a capital, unless the noun is one who
    belongs to a body (``BODY_MEMBERS``: "A commander in Hamas", "A partner in Deloitte": the body)
    and the name no known place (:func:`known_place`: "An official in Kabul": vague); "from"
    and a capital after ``ANYONE`` ("A man from Leeds") or "from" or "to" and a known place
    after any noun ("A driver from Kyiv", "A nurse from Leeds", "An envoy to Kyiv": where one
    comes from or goes, as "diplomats from China" are; 1.36.28); and a lay person's every place
    (:func:`lay_noun`: "A customer of Santander"), but ``ANYONE``'s "at", "for", "of", "with"
    ("A woman at Google": named), and not a lay person's employer after "for"
    (``FOR_EMPLOYER_RE``: "A buyer for Tesco": named; 1.36.26, its second review)."""
    if place is None:
        return False
    if lay_noun(noun) and noun not in ANYONE:
        return FOR_EMPLOYER_RE.match(place) is None
    m = IN_TOWN_RE.match(place)
    if m is None:
        return False
    prep = m.group("prep").lower()
    if prep != "in":
        return (prep == "from" and noun in ANYONE) or known_place(m.group("name"))
    member = noun in BODY_MEMBERS or noun + "s" in BODY_MEMBERS
    return not member or known_place(m.group("name"))


# the last words of a clause without "who" after a pronoun that make it no clause ("A doctor I
# have argued": the pronoun is the verb's subject; 1.36.26)
_AUXILIARIES = frozenset(
    "am is are was were be been being have has had do does did can could will would shall should"
    " may might must not also then now still just".split()
)
AS_BEFORE_RE = re.compile(r"(?<![\w’'-])(?:as|like)\s*$", re.IGNORECASE)


def lay_noun(word: str) -> bool:
    """Whether ``word`` (in lower case), or its last part after a hyphen ("car-owner"), is one of
    ``lay_nouns.txt``: a person whom a capitalised word beside it only places or ties to a
    product ("A Bristol resident", "An iPhone user"; 1.36.26); not a co-owner nor a part-owner
    ("A Chelsea co-owner": the club's principal, named; 1.36.26 review)."""
    if word.startswith(("co-", "part-", "joint-")):
        return False
    return word in LAY_NOUNS or word.rsplit("-", 1)[-1] in LAY_NOUNS


def _contact_clause(text: str, lo: int, m: re.Match[str]) -> bool:
    """Whether the clause without "who" of ``m`` (``_CONTACT``), if any, is one: after a name or
    "the" and a noun its verb is one of ``contact_verbs.txt``; after a pronoun its last word no
    auxiliary and the phrase not after "as" or "like"."""
    if m.group("contact") is None:
        return True
    verb = m.group("contact_verb")
    if verb is not None:
        return verb.lower() in CONTACT_VERBS
    last = m.group("contact").rsplit(None, 1)[-1].lower()
    return last not in _AUXILIARIES and not AS_BEFORE_RE.search(text, lo, m.start())


# a capitalised word between a place among the phrase's words and its noun: the place is part
# of a longer name, a club's, a college's or a firm's ("A Sheffield Wednesday doctor", "A Hull FC
# doctor", "An Oldham Athletic doctor": named; "A Leeds solicitor", "A Bradford GP": vague; 1.36.28
# review); not ``in_a_longer_name``, which takes no weekday for a name. A word in capitals only
# when it is a club's suffix or an institution's initialism (``_longer_name_after``; "A Leeds IT
# worker", "A Glasgow ICU nurse": vague; 1.36.28, second review)
CAPITAL_AFTER_PLACE_RE = re.compile(r"\s+(?P<word>(?-i:[A-Z])[\w’'&.-]*)")
# ``club_suffixes.txt``
CLUB_SUFFIXES = frozenset(read_word_list(lexicon_path("club_suffixes.txt")))


def _longer_name_after(text: str, pos: int, end: int) -> bool:
    """Whether a capitalised word starts at ``pos`` (after spaces) before ``end`` that makes the
    place before it part of a longer name (``CAPITAL_AFTER_PLACE_RE``): one with a letter in lower
    case ("Wednesday", "Athletic", "Police"), or in capitals a club's suffix (``CLUB_SUFFIXES``:
    "FC", "CCC") or an institution's initialism ("NHS"); not a trade's or a field's ("IT", "PE",
    "HGV", "ICU", "A&E")."""
    m = CAPITAL_AFTER_PLACE_RE.match(text, pos, end)
    if m is None:
        return False
    word = m.group("word").rstrip(".’'-")
    return word != word.upper() or word in CLUB_SUFFIXES or institution_initialism(word)


def _name_span(text: str, m: re.Match[str], end: int) -> str:
    """The words of the phrase ``m`` up to ``end`` in which a name would name its source, the
    others blanked: a clause without "who" (its name is the interviewer's: "An official the BBC
    spoke to"), a town (:func:`_town`: "A customer in Bristol"), for a noun of ``lay_nouns.txt``
    its words ("A Bristol resident"), for one of ``placed_nouns.txt`` a known place among them
    ("A London taxi driver"; 1.36.26) unless a capital follows it before the noun
    (``_longer_name_after``: "A Hull FC doctor"; 1.36.28 review). The affiliation after a
    clause without "who" is read ("A source I spoke to at the Treasury": named; 1.36.26
    review)."""
    noun = m.group("noun").lower()
    blank = [m.span("contact")]
    blank += [
        m.span(g) for g in ("place", "town", "affiliation", "town2") if _town(noun, m.group(g))
    ]
    blank += _placing_words(text, noun, *m.span("words"), m.start("noun"))
    return _blanked(text, m.start("words"), end, blank)


def _placing_words(text: str, noun: str, a: int, b: int, noun_start: int) -> list[tuple[int, int]]:
    """The spans of the words ``text[a:b]`` of a phrase or a group whose noun is ``noun`` (lower
    case, singular; it starts at ``noun_start``) that only place its person: all of them for a
    noun of ``lay_nouns.txt`` ("A Bristol resident", "one of the Arsenal fans"), a known place
    not followed by a capital before the noun for one of ``placed_nouns.txt`` ("A London taxi
    driver"; not "A Hull FC doctor": ``_longer_name_after``)."""
    if lay_noun(noun):
        return [(a, b)]
    if noun not in PLACED_NOUNS:
        return []
    return [
        (a + p.start(), a + p.end())
        for r in (place_name_re(), country_name_re())
        for p in r.finditer(text[a:b])
        if not _longer_name_after(text, a + p.end(), noun_start)
    ]


def _blanked(text: str, start: int, end: int, blank: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with the spans ``blank`` (those that matched, ``a >= 0``) blanked."""
    chars = list(text[start:end])
    for a, b in blank:
        if a >= 0:
            chars[a - start : b - start] = " " * (b - a)
    return "".join(chars)


def _phrase_end(m: re.Match[str]) -> int:
    """Where the phrase of ``m`` ends: after its words, place, town, clause or affiliation."""
    groups = ("words", "place", "town", "clause", "contact", "affiliation", "town2")
    return max(m.end(g) for g in groups)


# after "my" or "our" the writer's own body or outlet, no unnamed person ("Our correspondent
# said", "Our company said"; "My neighbour in Bristol said", "My colleague said": vague; 1.36.27)
OWN_NOUNS = frozenset(read_word_list(lexicon_path("own_nouns.txt")))


def _own_body(m: re.Match[str]) -> bool:
    """Whether the phrase ``m`` is "my" or "our" and a noun of ``own_nouns.txt``."""
    return m.group("article").lower() in ("my", "our") and m.group("noun").lower() in OWN_NOUNS


def _unnamed_one(
    text: str, sentence_start: int, lo: int, m: re.Match[str], names: str | None, end: int
) -> bool:
    """Whether the phrase ``m`` of ``UNNAMED_ONE_RE`` or ``COORDINATED_RE`` is one unnamed person
    or body, the subject of the verb (see :func:`unnamed_one_before`); its words up to ``end``
    are read for names."""
    who = m.group("clause") is not None and m.group("place") is None
    if not _contact_clause(text, lo, m) or _own_body(m):
        return False
    if not _one_person(m.group("words").lower().split(), who) or _thing_place(m.group("place")):
        return False
    if not (
        OPENING_RE.match(text, sentence_start, m.start())
        or SUBJECT_PLACE_RE.search(text, lo, m.start())
    ):
        return False
    return names_no_one(_name_span(text if names is None else names, m, end))


def unnamed_one_before(
    text: str, sentence_start: int, start: int, names: str | None = None
) -> bool:
    """Whether the words right before ``start`` are one unnamed person or body, the subject of
    the verb there (``UNNAMED_ONE_RE``, ``SUBJECT_PLACE_RE``), or of a first predicate before
    "and" and the verb (``COORDINATED_RE``: "A police officer knocked on the door and said";
    1.36.26): its noun a person's or a body's (:func:`person_noun`), no thing before a participle
    among its words ("A letter sent on Monday said", "A report published last week said"; "A
    film critic said" is a person), and no word names anyone
    (:func:`~pipeline.stance_names.names_no_one`, read in ``names`` when given: the same text with
    only the asides that name no affiliation blanked) but a town, a place or a product beside a
    lay person and an interviewer (:func:`_name_span`)."""
    lo = max(sentence_start, start - ONE_LOOKBACK)
    m = UNNAMED_ONE_RE.search(text, lo, start)
    if m is not None and _unnamed_one(text, sentence_start, lo, m, names, start):
        return True
    if " and " not in text[lo:start].lower():
        return False
    m = COORDINATED_RE.search(text, lo, start)
    return m is not None and _unnamed_one(text, sentence_start, lo, m, names, _phrase_end(m))


# "Everyone", "every" and a noun, "those" or a share "of those" and a clause without "who" after
# a pronoun, right before the verb ("Everyone I spoke to said", "Every shopkeeper I spoke to
# complained", "Those we talked to stressed", "Some of those I spoke to said"): vague, as
# "Everyone said", "People I spoke to said" and "A farmer I spoke to warned" are (1.36.28
# review: named, the reporting rows' guards before the verb no longer saw the subject); the
# clause up to four words in lower case, no determiner among them, maybe a town after "in"
# ("Everyone I spoke to in Leeds said"; "Everyone I know thinks the minister said": the
# minister's). 1.36.29: also a negated group ("Nobody I spoke to said", "None of those I spoke to
# said": the writer's unnamed interviewees, whatever they did not say), "people", "the" and a
# person's noun or a plural of people (:func:`person_noun`, :func:`_people`, none of
# ``BODY_NOUNS``; "The man I spoke to denied it", "The officers I spoke to said": one
# unnamed person, as "A man I spoke to" is; "The report I read said", "The council I contacted
# said": a thing's, a known body's, named as before), an interviewer
# instead of the pronoun ("Everyone the BBC spoke to", "All those the paper interviewed": its
# verb one of ``contact_verbs.txt``) and a place in lower case after the clause ("Everyone I
# spoke to in the village", "at the market", "outside the hospital").
_GROUP_CONTACT_WORD = (
    r"(?!(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your)(?![\w’'-]))"
)
_GROUP_PLACE = (
    r"(?:\s+in\s+(?-i:[A-Z])[\w’'.&-]*(?:\s+(?-i:[A-Z])[\w’'.&-]*){0,2}"
    r"|\s+(?:in|at|on|outside|near|around|across|by)\s+"
    r"(?:(?:the|a|an|this|that|our|their|his|her|my)\s+)?(?-i:[a-z])[\w’'-]*"
    r"(?:\s+(?-i:[a-z])[\w’'-]*)?)"
)
CONTACTED_GROUP_RE = re.compile(
    r"(?<![\w’'-])(?P<group>every(?:one|body)|any(?:one|body)|no(?:body|\s+one)|people"
    r"|(?:all\s+)?those"
    r"|(?:some|many|most|all|several|a\s+few|few|half|each|one|both|two|three|four|five|none|\d+)"
    rf"\s+of\s+those|every\s+(?P<words>(?:(?:{_MODIFIER})\s+){{0,2}}{_ONE_WORD})"
    rf"|the\s+(?P<one>(?:(?:{_MODIFIER})\s+){{0,2}}{_ONE_WORD}))"
    rf"(?:\s+{_PERSONAL}(?P<clause>(?:\s+{_GROUP_CONTACT_WORD}{_NOT_IN_CONTACT}(?-i:[a-z])[\w’'-]*){{1,4}}?)"
    r"|\s+(?:the\s+(?-i:[a-z])[\w’'-]*|(?:the\s+)?(?-i:[A-Z])[\w’'.&-]*(?:\s+(?-i:[A-Z])[\w’'.&-]*){0,2})"
    rf"\s+{_LISTED_CONTACT_VERB}[\w’'-]+(?:\s+(?:to|with))?)"
    rf"{_GROUP_PLACE}?(?:\s+{_ADVERBS})*\s+$",
    re.IGNORECASE,
)


def contacted_group_before(text: str, sentence_start: int, start: int) -> bool:
    """Whether the words right before ``start`` are a group that the writer or an outlet spoke
    to (``CONTACTED_GROUP_RE``), the subject of the verb there (``OPENING_RE``,
    ``SUBJECT_PLACE_RE``), its words naming no one ("Every Tesco worker I spoke to said":
    named), its clause ending in no auxiliary (1.36.28 review) and, after "the", its noun a
    person's (1.36.29)."""
    lo = max(sentence_start, start - ONE_LOOKBACK)
    m = CONTACTED_GROUP_RE.search(text, lo, start)
    if m is None:
        return False
    clause = m.group("clause")
    if clause is not None and clause.rsplit(None, 1)[-1].lower() in _AUXILIARIES:
        return False
    one = m.group("one")
    noun = one.rsplit(None, 1)[-1].lower() if one is not None else ""
    if one is not None and (
        not (person_noun(noun) or _people(noun)) or _singular(noun) in BODY_NOUNS
    ):
        return False  # "The report I read said", "The council I contacted said": named
    if not (
        OPENING_RE.match(text, sentence_start, m.start())
        or SUBJECT_PLACE_RE.search(text, lo, m.start())
    ):
        return False
    return names_no_one(m.group("words") or one or "")


def before_verb(text: str, start: int, end: int) -> int:
    """Where the words of a reporting match ``text[start:end]`` end before its verb, or before
    its verb and "that" ("A Bristol resident said that" -> after "resident")."""
    words = text[start:end].rsplit(None, 2)
    drop = 2 if len(words) > 2 and words[-1].lower() == "that" else 1
    return start + len(text[start:end].rsplit(None, drop)[0])


# a vague match of one person: "according to" maybe, the phrase and its adverbs (lay_source)
ACCORDING_RE = re.compile(r"according\s+to\s", re.IGNORECASE)
ONE_SPAN_RE = re.compile(rf"(?:according\s+to\s+)?{_phrase()}(?:\s+{_ADVERBS})*\s*$", re.IGNORECASE)


def lay_source(text: str, start: int, end: int) -> bool:
    """Whether the vague match ``text[start:end]`` ("A Bristol resident said", "According to a
    Bristol resident", "A lawyer Reuters spoke to said") is one unnamed person whose capitals
    only place it, tie it to a product or name its interviewer (:func:`_name_span`), where
    :func:`~pipeline.stance_names.names_no_one` alone would have read a name: the match stays
    vague (1.36.26)."""
    if not ACCORDING_RE.match(text, start, end):  # the verb (and "that") is no word of the phrase
        end = before_verb(text, start, end)
    m = ONE_SPAN_RE.match(text, start, end)
    if m is None or not _contact_clause(text, start, m):
        return False
    end_phrase = _phrase_end(m)
    return not names_no_one(text[m.start("words") : end_phrase]) and names_no_one(
        _name_span(text, m, end_phrase)
    )


# a group and a clause without "who" that names its interviewer ("People the Guardian
# interviewed", "Experts Reuters spoke to"): its capitals the interviewer's (1.36.27 review)
GROUP_CONTACT_RE = re.compile(
    rf"(?P<words>[\w’'-]+(?:\s+[\w’'-]+){{0,3}}?)(?P<contact>{_CONTACT})\s*$", re.IGNORECASE
)


def interviewed_group(text: str, start: int, end: int) -> bool:
    """Whether the vague match ``text[start:end]`` of a group ("People the Guardian interviewed
    said", "Voters the Guardian contacted said") is words that name no one and a clause without
    "who" (``_CONTACT``) in which only the interviewer is named
    (:func:`~pipeline.stance_names.names_a_source`, its first word aside): the match stays vague, as
    "Experts the BBC spoke to said" and "A source the Guardian spoke to said" (:func:`lay_source`;
    1.36.27 review: "Guardian" is no demonym since 1.36.27)."""
    end = before_verb(text, start, end)
    m = GROUP_CONTACT_RE.match(text, start, end)
    if m is None or m.group("contact_verb") is None or not _contact_clause(text, start, m):
        return False
    a, b = m.span("contact")
    blanked = text[start:a] + " " * (b - a) + text[b:end]
    return not names_a_source(blanked) and names_a_source(text[start:end])


# An inverted report (1.36.27): the reporting verb after a quotation or a clause and a comma,
# its subject the phrase after it, up to the sentence's punctuation ('"We are worried," said one
# resident.', '"It\'s a disgrace," said a customer in Bristol.', "The plan is dead, said a
# minister."), read by the rules of the phrase before the verb; not an object ("He said a
# minister had lied", "She told a customer to leave": no comma or quotation before the verb; "said
# a prayer": no person). A name in an appositive after it names the source ('said a spokesman,
# Jane Smith.', 'said one resident, 62-year-old Jane Smith.'), a clause after the comma is no
# appositive ('said a resident, who asked not to be named').
# a time after the inverted phrase ('said a senior minister last night'; 1.36.27 review)
_WHEN = (
    r"(?:\s+(?:last\s+(?:night|week|month|year)|yesterday|today|tonight|earlier"
    rf"|this\s+(?:morning|afternoon|evening|week)|on\s+{WEEKDAYS}))"
)
# What may follow the inverted phrase before its punctuation (1.36.28): a manner adverb or
# "later", "nearby" ('said a nurse quietly', 'said a passenger later'), a place after a
# preposition ('said a farmer near Tewkesbury', 'said a customer in the queue outside the branch',
# 'said a fan outside the ground'), a participle before one ('said a man living nearby', 'said a
# student waiting at the stop'), a time after "after", "before", "during" ('said a season-ticket
# holder after the match'); up to three of them. They say where or when the person spoke, and
# their capitals name no one, but after "at", "for", "of" or "with" any capitalised name that is
# no known place is read as an employer (:func:`_tail_employer`: 'said a nurse on the ward at St
# James's Hospital', 'said a man working for Tesco': named), a landmark, a shop or an illness too
# ('said a woman queuing at Greggs', 'said a man with Parkinson's': named; 1.36.28 review).
# the prepositions before a tail's place or time: grammar, a closed class as _NOT_A_WORD's, no list
_TAIL_PREP = (
    r"(?:outside|near|behind|beside|opposite|across|inside|by|around|along|among|amongst|beyond"
    r"|next\s+to|close\s+to|in|on|at|from|for|of|with|to|after|before|during)"
)
_TAIL_OBJECT = (
    r"(?:him|her|them|me|us|(?:(?:the|a|an|his|her|their|its|our|my|this|that)\s+)?"
    rf"(?:{_ONE_WORD}\s+){{0,2}}{_ONE_WORD})"
)
# the adverbs of time and place of ``tail_adverbs.txt`` ('said a passenger later')
TAIL_ADVERBS = frozenset(read_word_list(lexicon_path("tail_adverbs.txt")))
_TAIL_WORD = "(?:" + "|".join(sorted(TAIL_ADVERBS, key=lambda w: (-len(w), w))) + r")(?![\w’'-])"
_TAIL_PIECE = (
    rf"\s+(?:{_TAIL_PREP}\s+{_TAIL_OBJECT}|{MANNER_ADVERB}|{_TAIL_WORD}"
    rf"|(?-i:[a-z])[\w’'-]*(?:ing|ed)(?=\s+(?:{_TAIL_PREP}\s|{_TAIL_WORD})))"
)
_TAIL = rf"(?P<tail>(?:{_TAIL_PIECE}){{0,3}})"
# What ends the inverted phrase: a punctuation mark, the sentence's end or, since 1.36.29, a
# clause of the person's own ('shouted a steward as the crowd surged forward', 'answered a
# teenager when asked', 'added one fan and walked off'; not "and" before a capital, a second
# subject: 'said a spokesman and Jane Smith')
_REST = (
    r"(?P<rest>\s*(?:[.!?;:)\"”’—–]|,|$)"
    r"|\s+(?:(?:as|when|while|because)(?=\s)|and(?=\s+(?-i:[a-z]))))"
)
INVERTED_BEFORE_RE = re.compile(r"(?:[,;:—–]|[,!?]\s*[\"”’'])\s*$")
INVERTED_ONE_RE = re.compile(
    rf"\s+{_phrase(lazy=True, listed=True)}{_TAIL}{_WHEN}?{_REST}",
    re.IGNORECASE,
)
# "one", "another" or "others" alone as the subject, maybe "of" a group ('"It\'s over," said
# another.', '"...," added another', 'said one, shrugging', 'said others', 'said one of the
# children'; 1.36.28): vague, as 'said one resident' is; a name in the group or in an appositive
# names the source ('said one of the Chelsea players', 'said another of the directors, Jane
# Bell': named); the group the fewest words that fit, so that a participle after it is the tail's
# ('said one of the drivers waiting in the queue': vague; 1.36.28 review)
INVERTED_PRONOUN_RE = re.compile(
    r"\s+(?:one|another|others)(?![\w’'-])"
    r"(?P<of>\s+of\s+(?:them|us|those|(?:the|his|her|their|its|our|my|your)\s+"
    rf"(?:{_ONE_WORD}\s+){{0,2}}?(?P<group>{_ONE_WORD})))?{_TAIL}{_WHEN}?{_REST}",
    re.IGNORECASE,
)
# a place in the tail after "at", "for", "of" or "with": maybe an employer
TAIL_EMPLOYER_RE = re.compile(rf"\s+(?P<prep>at|for|of|with)\s+(?P<object>{_TAIL_OBJECT})", re.I)
# plurals of people that no person's noun shows ('said one of the children'):
# ``people_plurals.txt``
PEOPLE_PLURALS = frozenset(read_word_list(lexicon_path("people_plurals.txt")))
# the appositive after the phrase's comma: up to the next punctuation mark
APPOSITIVE_RE = re.compile(r"[^,;:.!?()\[\]\"“”]{0,80}")
# quadratic on a long run of spaces with search(): used with match() at one place only
NO_APPOSITIVE_RE = re.compile(
    r"\s*(?:who|whom|whose|which|as|but|and|before|after|while|when|though|although|because"
    r"|since|if|then|adding|saying|[a-z][\w’'-]*ing)(?![\w’'-])",
    re.IGNORECASE,
)


# Since the 1.36.27 review the verb must follow a quotation or a complete clause: not "told",
# "informed", "reminded", "assured" or the like, whose object follows them ('"...," told a
# resident' is no English; "Sir Keir, speaking in Berlin, told a reporter": named), nor any verb
# after its own subject and an aside ("Mr Smith, 45, warned a friend", "The council, in a letter,
# warned a resident", "The company, however, warned a customer", "Trump, in a post on Truth
# Social, warned a judge": the phrase is the object, named as before); "The plan, said a
# minister, is dead" (a subject alone before the verb) and "The plan, which cost millions, is
# dead, said a minister" (a clause after the aside) are inverted. The verbs, each form written
# out, are those of ``object_verbs.txt``.
OBJECT_VERBS = frozenset(read_word_list(lexicon_path("object_verbs.txt")))
OBJECT_VERB_RE = re.compile(
    "(?:"
    + "|".join(re.escape(w) for w in sorted(OBJECT_VERBS, key=lambda w: (-len(w), w)))
    + r")(?![\w’'-])",
    re.IGNORECASE,
)
QUOTE_BEFORE_RE = re.compile(r"[,!?]\s*[\"”’']")
# Right after a closing quotation an object verb that may be inverted has its subject after it
# ('"Stay indoors," urged a police officer.', '"Rest is vital," advised one doctor.': vague;
# 1.36.28); "The council urged a resident to leave" (no quotation) has its object there. Which
# verbs may be is the lexicon's to say, not the code's (:func:`quote_inverted_verbs`; 1.36.28
# review): a text right after a closing quotation and one after a plain comma tell its rows apart.
AFTER_QUOTE = '"We will," '
AFTER_COMMA = "We will, "


def quote_inverted_verbs(entries: Sequence[StanceEntry]) -> frozenset[str]:
    """The forms of ``object_verbs.txt`` (lower case) that an attribution row of ``entries``
    read only right after a closing quotation matches alone (its ``requires_before`` holds after
    ``AFTER_QUOTE``, not after ``AFTER_COMMA``): the inverted rows of stance.tsv, whose
    "urged", "urges", "advised" and "advises" are thus inverted after a quotation."""
    rows = [
        re.compile(pattern_regex(e.pattern), re.IGNORECASE)
        for e in entries
        if e.category == "attribution"
        and e.requires_before is not None
        and e.requires_before.search(AFTER_QUOTE)
        and not e.requires_before.search(AFTER_COMMA)
    ]
    return frozenset(v for v in OBJECT_VERBS if any(rx.fullmatch(v) for rx in rows))


# split() only within ONE_LOOKBACK characters (quadratic on a long run of spaces)
SEGMENT_SPLIT_RE = re.compile(r"\s*(?:[,;:—–(\[)\]]|\s-\s)\s*")
SEGMENT_OPENING_RE = re.compile(r"[\s\"“‘']*(?:(?:and|but|or|so|yet|then)\s+)?", re.IGNORECASE)
_PRONOUNS = frozenset("he she they we it i you".split())
_DETERMINERS = frozenset(
    "the a an this that these those its his her their our my your one another".split()
)
_NAME_PARTICLES = frozenset("of the de del da di van von der al bin el la le".split())
# words after which a segment is a clause, not a noun phrase ("The plan is dead", "The kids
# love it"): an auxiliary, a pronoun as object, a negation
_CLAUSE_WORDS = (
    _AUXILIARIES
    | frozenset(
        "it them us him me her not never no isn't wasn't aren't weren't won't can't don't doesn't"
        " didn't hasn't haven't hadn't".split()
    )
) - frozenset("also then now still just".split())  # adverbs of an aside: "Mr Smith, now 45,"
# a segment after the subject that is an aside even with an auxiliary: a relative clause or "as"
_ASIDE_START = frozenset("who whom whose which as where when like".split())


def _subject_segment(segment: str) -> bool:
    """Whether ``segment`` (no punctuation inside) is a subject alone, no clause: a pronoun, a
    name in capitals ("Sir Keir", "Mr Johnson", "Trump") or a determiner and up to four words
    with no auxiliary, object pronoun or negation and, of two or more, not ending in "-ed" ("The
    council", "The defendant", "The retired teacher"; not "The plan failed", "The kids love
    it")."""
    words = segment[SEGMENT_OPENING_RE.match(segment).end() :].split()
    if not words:
        return False
    low = [w.lower().strip("’'") for w in words]
    if len(words) == 1 and low[0] in _PRONOUNS:
        return True
    if low[0] in _DETERMINERS:
        rest = low[1:]
        return (
            0 < len(rest) <= 4
            and not any(w in _CLAUSE_WORDS or w in _PRONOUNS for w in rest)
            and not (len(rest) > 1 and rest[-1].endswith("ed"))
        )
    return (
        len(words) <= 5
        and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)
        and words[0][:1].isupper()
    )


def _aside_segment(segment: str) -> bool:
    """Whether ``segment`` after a subject is an aside, no clause of its own: an age, an adverb,
    a participle's or a preposition's phrase ("45", "however", "speaking in Berlin", "in a
    letter"), a relative clause ("who is 45"); not a predicate with an auxiliary, an object
    pronoun or a negation ("is dead", "has failed", "did not act")."""
    low = [w.lower().strip("’'") for w in segment.split()]
    if not low or low[0] in _ASIDE_START:
        return True
    return not any(w in _CLAUSE_WORDS for w in low) and not (len(low) > 1 and low[0] in _PRONOUNS)


def subject_aside(text: str, sentence_start: int, comma: int) -> bool:
    """Whether the text of the sentence before the punctuation mark at ``comma`` ends in a
    subject and one aside or more (:func:`_subject_segment`, :func:`_aside_segment`: "Mr Smith,
    45", "The council, in a letter", "After the vote, the minister, visibly angry"), so that the
    verb after it is the subject's and the phrase after the verb its object (1.36.27 review);
    bounded by ``ONE_LOOKBACK`` characters."""
    lo = max(sentence_start, comma - ONE_LOOKBACK)
    segments = SEGMENT_SPLIT_RE.split(text[lo:comma])
    for i in range(len(segments) - 2, -1, -1):
        if not _aside_segment(segments[i + 1]):
            return False
        if _subject_segment(segments[i]):
            return True
    return False


def unnamed_one_after(
    text: str,
    sentence_start: int,
    start: int,
    end: int,
    sentence_end: int,
    names: str | None = None,
    *,
    quote_inverted: frozenset[str] = frozenset(),
) -> bool:
    """Whether the reporting verb at ``text[start:end]`` stands after a quotation or a clause
    and a comma (``INVERTED_BEFORE_RE``) and its subject, after it, is one unnamed person or body
    as :func:`unnamed_one_before` reads one (``INVERTED_ONE_RE``; 1.36.27), maybe with a place,
    a participle or an adverb after it (``_TAIL``), or "one", "another", "others" alone
    (:func:`_one_of_them`; 1.36.28); an object verb only when a quotation stands right before it
    and it may be inverted (one of ``quote_inverted``, :func:`quote_inverted_verbs`: "urged",
    "advised"); bounded by ``ONE_LOOKBACK`` characters each way."""
    before = INVERTED_BEFORE_RE.search(text, max(sentence_start, start - 4), start)
    if before is None:
        return False
    quoted = QUOTE_BEFORE_RE.search(text, before.start(), start) is not None
    verb = OBJECT_VERB_RE.match(text, start, end)
    if verb is not None and not (quoted and verb.group().lower() in quote_inverted):
        return False
    if not quoted and subject_aside(text, sentence_start, before.start()):
        return False  # "Mr Smith, 45, warned a friend": the subject and an aside before the verb
    hi = min(sentence_end, end + ONE_LOOKBACK)
    # the sentence's last stop is no word's (a word of the phrase may hold a dot: "St.")
    hi = end + len(text[end:hi].rstrip(" \t\n\"”’'.!?)"))
    source = text if names is None else names
    m = INVERTED_ONE_RE.match(text, end, hi)
    if m is None:
        return _one_of_them(text, end, hi, source)
    if not _contact_clause(text, m.start("article"), m) or _own_body(m):
        return False
    who = m.group("clause") is not None and m.group("place") is None
    if not _one_person(m.group("words").lower().split(), who) or _thing_place(m.group("place")):
        return False
    if _named_after(text, m, hi, m.group("noun").lower()):
        return False
    return names_no_one(_name_span(source, m, _phrase_end(m)))


def _tail_employer(m: re.Match[str], noun: str) -> bool:
    """Whether the tail of the inverted phrase ``m`` (``_TAIL``) names an employer: a name that
    is no known place after "at", "for", "of" or "with" ('said a nurse on the ward at St James's
    Hospital'), after a lay person's noun only "for" and a capital (1.36.28). The lay person's
    rule is :func:`_town`'s for the phrase's own place (one function since the 1.36.28 review);
    the known place is the tail's own: after a participle or a place, "at" and a town is where
    the person was ('said a fan outside the ground at Leeds', 'said a nurse waiting at Leeds':
    vague), while right after the phrase's noun it may be a club's or a university's name, read
    so since 1.36.26 ("A player at Leeds said": named)."""
    for piece in TAIL_EMPLOYER_RE.finditer(m.group("tail")):
        if _town(noun, piece.group()):
            continue  # a lay person's place ('said a fan at Anfield'), not "for" and a capital
        name = piece.group("object")
        if not names_no_one(name) and not known_place(name):
            return True
    return False


def _named_after(text: str, m: re.Match[str], hi: int, noun: str) -> bool:
    """Whether the words after the inverted phrase ``m`` name its source: an employer in its
    tail (:func:`_tail_employer`) or a name in an appositive after its comma ('said a spokesman,
    Jane Smith.'; a clause is none: 'said a resident, who asked not to be named')."""
    if _tail_employer(m, noun):
        return True
    if m.group("rest").strip() != ",":
        return False
    appositive = APPOSITIVE_RE.match(text, m.end(), hi)
    return not NO_APPOSITIVE_RE.match(text, m.end(), hi) and not names_no_one(appositive.group())


def _singular(word: str) -> str:
    """The singular of ``word`` (lower case), a plural of people ("fans" -> "fan", "women" ->
    "woman", "deputies" -> "deputy", "children" -> "child"): English plurals, grammar rather
    than a word list."""
    if word.endswith("men"):
        return word[:-3] + "man"
    if word in ("children", "people"):
        return "child" if word == "children" else "person"
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def _people(word: str) -> bool:
    """Whether ``word`` (lower case), the last of a group after "of", is people: a pronoun, a
    plural of ``PEOPLE_PLURALS`` or of a person's noun ("directors", "residents", "fans")."""
    if word in PEOPLE_PLURALS or word in ("them", "us", "those"):
        return True
    singular = _singular(word)
    return person_noun(singular) or lay_noun(singular)


def _one_of_them(text: str, end: int, hi: int, source: str) -> bool:
    """Whether "one", "another" or "others", maybe "of" a group of people, is the inverted
    verb's subject after ``end`` (``INVERTED_PRONOUN_RE``), naming no one (1.36.28); the group's
    noun read as the phrase's is (1.36.28 review: 'said one of the Arsenal fans', 'said one of
    the fans at Anfield': vague, as "An Arsenal fan said", 'said a fan at Anfield'; 'said one of
    the Chelsea players': named, the club)."""
    m = INVERTED_PRONOUN_RE.match(text, end, hi)
    if m is None or (m.group("group") is not None and not _people(m.group("group").lower())):
        return False
    noun = _singular(m.group("group").lower()) if m.group("group") is not None else ""
    if _named_after(text, m, hi, noun):
        return False
    if m.group("of") is None:
        return True
    a, b = m.span("of")
    return names_no_one(
        _blanked(source, a, b, _placing_words(source, noun, a, b, m.start("group")))
    )


# a person's name right before the comma of an appositive ("Jane Smith, a resident of Bristol,
# said": the vague row's phrase is the named person's; 1.36.27)
APPOSITIVE_NAME_RE = re.compile(
    r"(?<![\w’'-])(?-i:[A-Z])[\w’'.-]*(?=(?:\s+[\w’'.-]+){0,3}\s*,\s*$)"
)
# the name is the sentence's subject: nothing before it but an opening (the sentence's start, a
# quotation mark, "And", "But") or a quotation and its comma ('"...," Jane Smith, a resident,
# said'); not a name after a preposition or a participle ("After meeting Jane Smith, a resident
# said", "Like Mr Patel, a neighbour said": the resident's, vague; 1.36.27 review)
NAME_OPENING_RE = re.compile(
    rf"(?P<quote>[,!?]\s*[\"”’']\s*$)|{_OPENING_MARKS}(?:(?:and|but|or|so|yet)\s+)?$",
    re.IGNORECASE,
)


def _opens_sentence(text: str, sentence_start: int, start: int) -> bool:
    """Whether nothing but an opening or a quotation and its comma stands before ``start`` in
    its sentence (``NAME_OPENING_RE``), looking back 20 characters."""
    m = NAME_OPENING_RE.search(text, max(sentence_start, start - 20), start)
    return m is not None and (m.group("quote") is not None or m.start() == sentence_start)


ARTICLE_START_RE = re.compile(r"(?:an?|one|another)\s", re.IGNORECASE)


def name_appositive(text: str, sentence_start: int, start: int, end: int) -> bool:
    """Whether the phrase of the match ``text[start:end]`` ("a resident of Bristol, said") is an
    appositive after a person's name and a comma, closed by a comma before the verb
    (:func:`names_a_person`: "Jane Smith, a resident of Bristol, said": named; "Jane Smith, a
    neighbour said, had lived there": the neighbour's, vague; 1.36.27)."""
    if not ARTICLE_START_RE.match(text, start) or "," not in text[start:end]:
        return False
    lo = max(sentence_start, start - 60)
    for m in APPOSITIVE_NAME_RE.finditer(text, lo, start):
        if names_a_person(text, m.start()) and _opens_sentence(
            text, sentence_start, m.start()
        ):  # APPOSITIVE_NAME_RE ends in the name, its comma and spaces before ``start``
            name = text[m.start() : start].split(",", 1)[0].strip()
            if GIVEN_NAME_RE.fullmatch(name) or PERSON_TITLE_RE.match(name):
                return True
    return False


# a thing, a participle and a preposition before a vague row's match: its object, no source ("A
# letter sent to residents in Bristol said": the letter's; 1.36.27, as 1.36.24 read "A letter
# sent on Monday said")
THING_OBJECT_RE = re.compile(
    r"(?<![\w’'-])(?P<noun>[\w’'-]+)\s*,?\s+(?P<part>[\w’'-]+)\s+(?:to|for|by|from|at|on|in|with"
    r"|among)\s+(?:(?:the|all|some|local|many)\s+)?$",
    re.IGNORECASE,
)
OBJECT_LOOKBACK = 60  # characters before a match in which the thing and its participle stand


def thing_object(text: str, sentence_start: int, start: int) -> bool:
    """Whether the match at ``start`` is the object of a thing's participle
    (``THING_OBJECT_RE``): the noun one of ``thing_nouns.txt``, the participle in "-ed" or of
    ``PARTICIPLES``."""
    m = THING_OBJECT_RE.search(text, max(sentence_start, start - OBJECT_LOOKBACK), start)
    return (
        m is not None
        and m.group("noun").lower() in THING_NOUNS
        and _participle(m.group("part").lower())
    )
