"""Whether the subject right before a reporting verb is one unnamed person or body ("A minister
said", "A Bristol resident said", "A police officer knocked on the door and said":
:func:`unnamed_one_before`) or a group the writer spoke to ("Everyone I spoke to said":
:func:`contacted_group_before`), naming no one; whether a vague match is one whose capitals only
place its person or name its interviewer (:func:`lay_source`, :func:`interviewed_group`), an
appositive after a person's name ("Jane Smith, a resident of Bristol, said": named,
:func:`name_appositive`) or a thing's object ("A letter sent to residents in Bristol said":
:func:`thing_object`). Used by :mod:`pipeline.stance_sources` and :mod:`pipeline.stance_detector`.
1.36.23 to 1.36.28.
"""

from __future__ import annotations

import re

from pipeline.lexicon import lexicon_path, read_word_list
from pipeline.stance_inverted import _people, _singular
from pipeline.stance_names import names_a_source, names_no_one
from pipeline.stance_persons import GIVEN_NAME_RE, PERSON_TITLE_RE, names_a_person
from pipeline.stance_phrase import (
    _ADVERBS,
    _AUXILIARIES,
    _CONTACT,
    _LISTED_CONTACT_VERB,
    _MODIFIER,
    _NAMING,
    _NOT_IN_CONTACT,
    _ONE_WORD,
    _PERSONAL,
    BODY_NOUNS,
    CONTACT_CUE_RE,
    ONE_LOOKBACK,
    THING_NOUNS,
    _contact_clause,
    _one_person,
    _own_body,
    _participle,
    _phrase,
    _phrase_end,
    _thing_place,
    person_noun,
)
from pipeline.stance_placing import _longer_name_after, _name_span, known_place

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
UNNAMED_ONE_RE = re.compile(
    rf"{_phrase()}(?:\s+{_ADVERBS})*"
    # an aside between commas ("A minister, however, said")
    r"(?:\s*,\s*(?:however|though|meanwhile|too|also|then|instead|separately|in\s+turn"
    r"|for\s+(?:example|instance|(?:his|her|its|their)\s+part)|by\s+contrast|in\s+contrast)\s*,)?"
    r"\s+$",
    re.IGNORECASE,
)
# the past tenses not in "-ed" ("came", "wept", "went"): ``past_tenses.txt``
PAST_TENSES = frozenset(read_word_list(lexicon_path("past_tenses.txt")))
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
    # its pronoun or listed verb first: the regex ends in "$", tried at every position
    if CONTACT_CUE_RE.search(text, lo, start) is None:
        return False
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


# "According to a nurse from Leeds" (1.36.29): the 'according to a' row of stance.tsv reads a
# capital after "from", up to four words after its article, as the source's town (vague), as it
# reads one after "in"; a name that is no known place there, or one that starts a longer name, is
# the source's employer ("according to a nurse from Tesco", "a nurse from Leeds Teaching
# Hospitals": named); a place may be up to three words ("from New York", "from Milton Keynes",
# "from South Wales": vague; 1.36.29 review, named there, its first word read alone)
ACCORDING_FROM_RE = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+\s+from\s+(?P<name>(?-i:[A-Z])[\w’'.&-]*)"
    r"(?P<more>(?:\s+(?-i:[A-Z])[\w’'.&-]*){0,2})",
    re.IGNORECASE,
)
# a compass word before a known place is still a place ("from South Wales", "from West Yorkshire";
# 1.36.29 review): grammar's closed class, no word list
_COMPASS = frozenset("north south east west northern southern eastern western central".split())
_WORD_RE = re.compile(r"\S+")


def _place_prefix(words: list[str]) -> int:
    """The number of leading ``words`` that are a known place, the longest first ("New York",
    "Milton Keynes", "South Wales"), or 0."""
    for n in range(len(words), 0, -1):
        head = words[:n]
        if known_place(" ".join(head)) or (
            n > 1 and head[0].lower() in _COMPASS and known_place(" ".join(head[1:]))
        ):
            return n
    return 0


def according_from_employer(text: str, start: int, end: int, limit: int) -> bool:
    """Whether the match ``text[start:end]`` of "according to a" is followed by its noun,
    "from" and a name that is no known place or starts a longer name (``ACCORDING_FROM_RE``,
    :func:`_place_prefix`, :func:`_longer_name_after`): the source's employer (1.36.29)."""
    if not ACCORDING_RE.match(text, start, end):
        return False
    m = ACCORDING_FROM_RE.match(text, end, limit)
    if m is None:
        return False
    spans = [w.span() for w in _WORD_RE.finditer(text, m.start("name"), m.end("more"))]
    n = _place_prefix([text[a:b] for a, b in spans])
    if n == 0:
        return True  # no known place: an employer ("from Tesco")
    # after the place's own words, a capital starting a longer name ("Leeds Teaching Hospitals")
    return _longer_name_after(text, spans[n - 1][1], limit)


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
