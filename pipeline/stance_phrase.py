"""The grammar of one unnamed person or body in a reporting clause ("a minister", "a local
shopkeeper", "a stylist at the salon", "a woman who lives nearby", "a tax adviser I spoke to"):
the regex of the phrase (:func:`_phrase`) and of its clause without "who" (:func:`_contact`),
whether its words are one person or body (:func:`person_noun`, :func:`_one_person`: "A nurse
said", "A chatbot said", "A letter sent on Monday said"), whether its clause is one
(:func:`_contact_clause`) and whether it is the writer's own body ("Our correspondent said",
:func:`_own_body`). Read by :mod:`pipeline.stance_unnamed` (the phrase before the verb) and
:mod:`pipeline.stance_inverted` (after it). 1.36.23 to 1.36.28.
"""

from __future__ import annotations

import itertools
import re

from pipeline.lexicon import lexicon_path, listed_section, read_word_list
from pipeline.stance_say import MANNER_ADVERB

# things, whose noun is no person's or body's ("letter", "sign", "report"): ``thing_nouns.txt``
THING_NOUNS = frozenset(read_word_list(lexicon_path("thing_nouns.txt")))
# people and bodies that no person's suffix shows ("nurse", "company", "jury"; two words
# too: "town planner"): ``person_nouns.txt``
PERSON_NOUNS = frozenset(read_word_list(lexicon_path("person_nouns.txt")))
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
# the words of a place or an affiliation after its preposition and article, the last a noun
# ("the Treasury", "a hospital", "the queue outside"; also the object of a tail's preposition
# in pipeline/stance_inverted.py)
_PLACE_WORDS = rf"(?:{_ONE_WORD}\s+){{0,2}}{_ONE_WORD}"
# "a 45-year-old shopkeeper", "a so-called expert"
_MODIFIER = rf"(?:{_CAPITALS}|(?!(?:{_NOT_A_WORD})(?![\w’'-]))\w[\w’'.-]*)"
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
# a word that a clause of ``_PERSONAL`` or of a ``_LISTED_CONTACT_VERB`` holds, a whole word
# after white space: a quick test before a regex that needs one of them (contacted_group_before)
CONTACT_CUE_RE = re.compile(
    r"\b(?:(?-i:I)|we|you|he|she|they|" + "|".join(sorted(CONTACT_VERBS)) + r")\b",
    re.IGNORECASE,
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
        rf"{_PLACE_WORDS})?"
        # a town after the place ("A nurse at a hospital in Leeds": 1.36.26)
        r"(?P<town>\s+in\s+(?-i:[A-Z])[\w’'.&-]*(?:\s+(?-i:[A-Z])[\w’'.&-]*){0,2})?"
        # a restrictive clause of up to six words in lower case ("A woman who lives nearby said"),
        # and numbers and places after a preposition ("who has run a café on Castle Street for 22
        # years": 2026-12-06, an analyst's article)
        r"(?:(?P<clause>\s+who(?:\s+(?-i:[a-z])[\w’'-]*|\s+\d[\d,.]*"
        r"|\s+(?:in|on|at|near|from)\s+(?-i:[A-Z])[\w’'.&-]*(?:\s+(?-i:[A-Z])[\w’'.&-]*){0,2})"
        r"{1,8})"
        rf"|(?P<contact>{contact})"
        # the affiliation or place after a clause without "who" (1.36.26 review)
        rf"(?P<affiliation>\s+(?:at|for|from|of|in)\s+(?:(?:the|a|an)\s+)?"
        rf"{_PLACE_WORDS})?"
        r"(?P<town2>\s+in\s+(?-i:[A-Z])[\w’'.&-]*(?:\s+(?-i:[A-Z])[\w’'.&-]*){0,2})?)?"
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


ONE_LOOKBACK = 160  # characters before a verb in which the phrase may start
# the last words of a clause without "who" after a pronoun that make it no clause ("A doctor I
# have argued": the pronoun is the verb's subject; 1.36.26)
_AUXILIARIES = frozenset(
    "am is are was were be been being have has had do does did can could will would shall should"
    " may might must not also then now still just".split()
)
AS_BEFORE_RE = re.compile(r"(?<![\w’'-])(?:as|like)\s*$", re.IGNORECASE)


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
