"""Whether the subject after a reporting verb that follows a quotation or a clause and a comma is
one unnamed person or body, an inverted report ('"We are worried," said one resident.', "The plan
is dead, said a minister.", 'said a nurse quietly', '"It's over," said another.':
:func:`unnamed_one_after`), read by the rules of the phrase before the verb
(:mod:`pipeline.stance_phrase`, :mod:`pipeline.stance_placing`), with the tail of places,
participles, adverbs or a time after it and the appositive after its comma; not the object of a
verb after its own subject and an aside ("Mr Smith, 45, warned a friend": :func:`subject_aside`)
nor of an object verb ("told", "informed"; "urged", "advised" only right after a quotation:
:func:`quote_inverted_verbs`). Used by :mod:`pipeline.stance_sources` and
:mod:`pipeline.stance_detector`. 1.36.27, 1.36.28.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.figures_markers import WEEKDAYS
from pipeline.lexicon import lexicon_path, read_word_list
from pipeline.pattern_syntax import pattern_regex
from pipeline.stance_lexicon import StanceEntry
from pipeline.stance_names import names_no_one
from pipeline.stance_phrase import (
    _AUXILIARIES,
    _ONE_WORD,
    _PLACE_WORDS,
    ONE_LOOKBACK,
    _contact_clause,
    _one_person,
    _own_body,
    _phrase,
    _phrase_end,
    _thing_place,
    person_noun,
)
from pipeline.stance_placing import (
    _blanked,
    _name_span,
    _placing_words,
    _town,
    known_place,
    lay_noun,
)
from pipeline.stance_say import MANNER_ADVERB

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
    r"|next\s+to|close\s+to|under|beneath|through|into|in|on|at|from|for|of|with|to|after"
    r"|before|during)"
)
# the object of a tail's preposition: a pronoun, or a place's words as the phrase's own place
# has them (``_PLACE_WORDS``) after more determiners than its "the", "a", "an"
_TAIL_OBJECT = (
    r"(?:him|her|them|me|us|(?:(?:the|a|an|his|her|their|its|our|my|this|that)\s+)?"
    rf"{_PLACE_WORDS})"
)
# the adverbs of time and place of ``tail_adverbs.txt`` ('said a passenger later')
TAIL_ADVERBS = frozenset(read_word_list(lexicon_path("tail_adverbs.txt")))
_TAIL_WORD = "(?:" + "|".join(sorted(TAIL_ADVERBS, key=lambda w: (-len(w), w))) + r")(?![\w’'-])"
# since 1.36.30 a participle in "-ing" with an object of its own in lower case ('cried a woman
# holding a photograph of her son', 'said a volunteer sorting donations': vague; a capital there
# may name a client or an employer, 'said a lawyer representing Tesco': named as before), and a
# participle of ``_STUCK`` before a place ('said a lorry driver stuck on the A66')
_OWN_STOP = rf"(?:{_TAIL_PREP}|as|when|while|because|and|or|but|who|which|that)(?![\w’'-])"
_OWN_WORD = rf"(?!{_OWN_STOP})(?-i:[a-z])[\w’'-]*"
_OWN_OBJECT = (
    r"(?:(?:the|a|an|his|her|their|its|our|my|this|that|some|two|three)\s+)?"
    rf"(?:{_OWN_WORD}\s+){{0,2}}{_OWN_WORD}(?![\w’'-])"
)
_STUCK = r"(?:stuck|caught|held|trapped|stranded|left)"
_TAIL_PIECE = (
    rf"\s+(?:{_TAIL_PREP}\s+{_TAIL_OBJECT}|{MANNER_ADVERB}|{_TAIL_WORD}"
    rf"|(?:(?-i:[a-z])[\w’'-]*(?:ing|ed)|{_STUCK})(?=\s+(?:{_TAIL_PREP}\s|{_TAIL_WORD}))"
    rf"|(?-i:[a-z])[\w’'-]*ing\s+{_OWN_OBJECT}"
    # not before a capital in the rest of the phrase (a client, an employer, a source: 'said a
    # spokesman citing figures from the ONS', 'said a woman giving her name as Sarah': named)
    r"(?![^,;:.!?()\"”]{0,80}?(?<![\w’'-])(?-i:[A-Z])))"
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
# a place in the tail after "at", "for", "of", "with" or "under": maybe an employer (a commander:
# 'said an officer serving under Colonel Jones'; 1.36.30 review)
TAIL_EMPLOYER_RE = re.compile(
    rf"\s+(?P<prep>at|for|of|with|under)\s+(?P<object>{_TAIL_OBJECT})", re.IGNORECASE
)
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
        and (rule := e.rule("requires_before")) is not None
        and rule.search(AFTER_QUOTE)
        and not rule.search(AFTER_COMMA)
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
