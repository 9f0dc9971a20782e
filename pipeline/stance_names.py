"""Whether a stance marker's source is named: proper names, institutions' initialisms and
members around a source noun ("Pentagon officials", "An IMF official said" are named; "Wall
Street analysts", "Chinese officials", "US officials" are not), a name that ends before the
source noun ("the International Federation of Journalists said") and whether a group's capitals
name no one (:func:`names_no_one`). Used by :mod:`pipeline.stance_sources` to turn a vague
attribution into a named one; the place names it reads are :mod:`pipeline.stance_places`'.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.figures_markers import WEEKDAYS, month_words
from pipeline.language import english_common_words
from pipeline.lexicon import lexicon_path, read_word_list
from pipeline.pattern_syntax import FUNCTION_WORDS
from pipeline.stance_places import (
    PUBLISHED_NOUNS,
    city_names,
    country_name_re,
    from_a_country,
    place_name_before_re,
    place_name_re,
)

# Capitalised words that do not make a source "named": demonyms and short initialisms (and
# their plurals: MPs, MEPs, CEOs). "Guardian" is a newspaper's, no demonym ("A Guardian
# reporter said": named, as "A Reuters reporter said"; 1.36.27).
NOT_A_NAME_RE = re.compile(
    r"(?:(?!Guardian(?![a-z]))[A-Z][a-z]+(?:an|ans|ese|ish|ic|ern|ist|ists)|[A-Z]{1,3}|[A-Z]{2,4}s|U\.[SK]\.|[A-Z][a-z]?"
    rf"|{WEEKDAYS}|{'|'.join(month_words(('month',)))})"
)  # days and months say when, not who (full names: "Jan" may be a first name)
PRONOUN_I_RE = re.compile(r"I(?![\w.-])")  # the pronoun: "I'm", "I am" (not "I." nor "IMF")
CAPITAL_WORD_RE = re.compile(r"(?<![\w’'])[A-Z][\w’'.-]*")
ASCII_CAPITAL_RE = re.compile("[A-Z]")  # what every CAPITAL_WORD_RE word starts with
LAST_WORD_RE = re.compile(r"(?<![\w’'])([A-Z][\w’'-]*) $")  # a capitalised word just before
# "in" (across, throughout) and place names just before a word: "officials in Beijing and
# Washington"
PLACE_BEFORE_RE = re.compile(
    r"\b(?:[Ii]n|[Aa]cross|[Tt]hroughout)\s+(?:[A-Z][\w’'.-]*,?\s+(?:(?:and|or)\s+)?)*$"
)
# "of" and the names after it: "critics of Senator Mark Hollis's"
OF_BEFORE_RE = re.compile(r"\bof\s+(?:the\s+)?(?:[A-Z][\w’'.-]*,?\s+)*$")
# Sources who speak for an organisation, which a name just before them identifies ("Pentagon
# officials", "Goldman Sachs economists"); critics, supporters or watchers of a name are not it.
MEMBER_NOUNS = frozenset(read_word_list(lexicon_path("member_nouns.txt")))
WORD_CHAR_RE = re.compile(r"\w")
WORD_RE = re.compile(r"\w+")
POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’])$")
LONG_WORD_RE = re.compile(r"[^\W\d_]{4,}")  # words of four letters or more (title case test)
TITLE_CASE_SHARE = 0.8
# where a source works, after its words: "according to researchers at the University of Minnesota"
AFFILIATION_RE = re.compile(
    r"\s+at\s+(?:the\s+)?(?-i:[A-Z][\w’'.&-]*)(?:\s+(?:(?:of|for|and|&)\s+)?(?-i:[A-Z][\w’'.&-]*))*"
)


# a name that is an occasion, not an employer: "officials at Monday's meeting", "sources at the
# Christmas party", "analysts at the G20 summit" (review of 2026-12-04)
OCCASION_RE = re.compile(
    r"\s*(?:meeting|party|parties|summit|conference|event|dinner|lunch|hearing|forum|festival"
    r"|session|ceremony|reception|gala|convention)s?\b",  # nouns only: "Eurostat show" is a verb
    re.IGNORECASE,
)
DAY_RE = re.compile(rf"\b{WEEKDAYS}['’]s\b")


# occasion words that are also verbs ("Eurostat show", "Smith talks"): occasions only after "at"
AT_OCCASION_RE = re.compile(
    r"\s*(?:talks|rally|rallies|match|matches|show|shows|briefing|briefings|launch|fair|game|games"
    r"|march|vigil|protest)\b",
    re.IGNORECASE,
)
AT_BEFORE_RE = re.compile(r"\bat\s+(?:the\s+|a\s+|an\s+)?(?:[\w’'.&-]+\s+){0,3}$", re.IGNORECASE)


def is_occasion(name: str, text: str, end: int, limit: int | None = None) -> bool:
    """Whether ``name``, which ends at ``text[end]``, is an occasion: a weekday's ("Monday's"),
    or followed by an occasion noun ("the G20 summit", "the Christmas party"), or, after "at", by
    a word that can also be a verb ("at the Geneva talks", "at the Wembley match")."""
    stop = len(text) if limit is None else limit
    if DAY_RE.search(name) or OCCASION_RE.match(text, end, stop):
        return True
    start = end - len(name)
    return bool(AT_OCCASION_RE.match(text, end, stop) and AT_BEFORE_RE.search(text, 0, start))


# the last words of a source that works somewhere (not "fans at Wembley", "Critics said at ...")
AFFILIATED_NOUNS = MEMBER_NOUNS | {"source", "sources", "insider", "insiders"}


def affiliation_end(text: str, start: int, end: int, limit: int) -> int:
    """Where "at" and the name of the institution of the source ``text[start:end]`` end, when
    its last word is one who works for one (``AFFILIATED_NOUNS``); else ``end``."""
    last = text[start:end].rsplit(None, 1)[-1:]
    if not last or last[0].lower() not in AFFILIATED_NOUNS:
        return end
    m = AFFILIATION_RE.match(text, end, limit)
    if not m or is_occasion(m.group(), text, m.end(), limit):
        return end
    return m.end()


LOOKBACK = 200  # characters before a source noun in which the name tests look
# A party's members, nouns and adjectives, that the suffix rule of NOT_A_NAME_RE would take for a
# people's ("Republicans", "Democratic", "Socialists"): in a quantified group they name a party,
# as "Democrats", "Tories" and "Conservatives" do ("Some Republicans said", "Other Republicans
# said", "Some Democratic senators said": named, as without the quantifier; 1.36.9).
PARTY_WORD_RE = re.compile(
    r"(?:Republican|Democratic|Socialist|Communist|Nationalist|Unionist|Libertarian|Gaullist"
    r"|Peronist)s?"
)
# An initialism in a quantified group names an institution ("Some FBI agents said", "Many NHS
# trusts said", "Several GOP senators said": named, as "Some Pentagon officials said"), unless it
# is a place's or a field's ("Some US officials", "Some AI researchers": unnamed). 1.36.10. So
# does one before a source noun ("IMF officials said", "An IMF official said": 1.36.12).
# Listed ones only (1.36.14): capitals also spell places, fields, emphasis; no exception list ends
INSTITUTION_INITIALISMS = frozenset(read_word_list(lexicon_path("institution_initialisms.txt")))


def institution_initialism(word: str) -> bool:
    """Whether ``word`` is an institution's initialism ("IMF", "CDC", "FBI"): one listed in
    lexicons/institution_initialisms.txt, not a place's, a field's or a word in capitals ("US",
    "NSW", "AI", "NLP", "ALL"; 1.36.14)."""
    return word in INSTITUTION_INITIALISMS


def names_no_one(group: str) -> bool:
    """Whether the capitalised words of a group of people ("Some US officials", "European
    banks") name no one: each is a demonym, a place's or a field's initialism or a place, not a
    party's members (``PARTY_WORD_RE``) nor an institution's initialism, unless an outsider's
    noun follows it (:func:`_outsider_after`, as :func:`_initialism_member` reads it: "An IMF
    watcher", "A UN observer", "A NATO opponent" name no one; 1.36.28 review). Not
    :func:`_initialism_member` itself: the group's noun is a person's already, and its staff
    and member nouns would miss "An SNP MP", "A BBC correspondent", "a nurse from the RCN"."""
    places = [
        p.span() for p in place_name_re().finditer(group) if not in_a_longer_name(group, *p.span())
    ]

    def no_name(w: re.Match[str]) -> bool:
        if institution_initialism(w.group()):
            return _outsider_after(group, w)
        return not PARTY_WORD_RE.fullmatch(w.group()) and bool(
            NOT_A_NAME_RE.fullmatch(w.group())
            or NOT_A_NAME_RE.fullmatch(w.group().rstrip("."))
            or any(a <= w.start() < b for a, b in places)
        )

    return all(no_name(w) for w in CAPITAL_WORD_RE.finditer(group))


@cache
def common_words() -> frozenset[str]:
    """Common lower-case English words (lexicons/common_words.txt) and the function words."""
    return frozenset(read_word_list(lexicon_path("common_words.txt"))) | english_common_words()


# An initialism as the whole agent of what a source published, just before the verb that ends the
# span: "Data published on Friday by the BLS show", "Figures released by the IMF showed", "A
# study by the CDC found", "Data from the ONS show" (after "from" only a published thing's: "data
# from", not "diplomats from the US"). An agency's initialism names it, as "by the Census Bureau"
# does; before a noun it is a modifier ("by US officials showed": vague, as "A US official said").
# 1.36.9.
INITIALISM_AGENT_RE = re.compile(
    r"\b(?:(?P<by>by)|(?P<noun>[\w’'-]+)\s+from)\s+(?:the\s+)?"
    r"(?-i:[A-Z]{2,5}|[A-Z](?:\.[A-Z])+\.?)\s+"
    r"(?:show|shows|showed|shown|showing|reveal|reveals|revealed|confirm|confirms|confirmed"
    r"|demonstrate|demonstrates|demonstrated|prove|proves|proved|proven|find|finds|found|finding"
    r"|suggest|suggests|suggested|indicate|indicates|indicated|conclude|concludes|concluded"
    r"|estimate|estimates|estimated|say|says|said)(?:\s+that)?$"
)


def initialism_agent(span: str) -> bool:
    """Whether ``span`` ends in an initialism that is its published thing's agent
    (``INITIALISM_AGENT_RE``)."""
    m = INITIALISM_AGENT_RE.search(span)
    return m is not None and (
        m.group("by") is not None or m.group("noun").lower() in PUBLISHED_NOUNS
    )


# A place's name inside a longer capitalised name is part of that name, not where a source is:
# an institution "of" or "for" it ("Council of Europe", "Economic Commission for Africa",
# "Development Bank of Latin America"; not after a quantifier or a function word, "Most of
# Europe"), or one whose name goes on after it ("Africa CDC", "Asia Society"; not a day or a
# month, "from Asia on Monday", "Diplomats from Asia Monday said"). 1.36.9.
NAME_BEFORE_PLACE_RE = re.compile(
    rf"(?<![\w’'-])(?!(?:{FUNCTION_WORDS}|Much|Half|Rest|Parts?)\b)[A-Z][\w’'.&-]*"
    r"\s+(?:of|for)\s+(?:the\s+)?$"
)
NAME_AFTER_PLACE_RE = re.compile(
    rf"\s+(?!(?:{FUNCTION_WORDS}|{WEEKDAYS}"
    rf"|{'|'.join(month_words(('month',)))})\b)[A-Z]"
)


def in_a_longer_name(text: str, start: int, end: int, lo: int = 0) -> bool:
    """Whether the place's name ``text[start:end]`` is part of a longer capitalised name
    (``NAME_BEFORE_PLACE_RE``, ``NAME_AFTER_PLACE_RE``); the name before it must start at or
    after ``lo``."""
    before = NAME_BEFORE_PLACE_RE.search(text, max(lo, start - LOOKBACK), start)
    return before is not None or NAME_AFTER_PLACE_RE.match(text, end) is not None


def is_ordinary_word(word: str) -> bool:
    """Whether a capitalised word is a common English word ("Federal", "Two", "Mid-level"), not
    a name ("Pentagon", "Goldman"); a word in capitals ("NATO") is taken for a name."""
    common = common_words()
    return not word.isupper() and all(part.lower() in common for part in word.split("-"))


def names_a_source(span: str) -> bool:
    """Whether a span holds a proper name after its first word (demonyms and initialisms aside,
    and places: a name right after "in", as in "officials in Washington", a place, sector or
    people's name, as in "Wall Street analysts" or "diplomats from Southeast Asia", or a country
    after "from" (:func:`from_a_country`), says where or among whom the unnamed source is, not
    who; nor an occasion: "officials at Monday's meeting", "at the G20 summit"). A place's or
    a field's initialism names no one, an institution's before one who speaks for it does ("An
    IMF official said"). A name after "of" names the source only when the span speaks for an
    organisation ("officials of the Commerce Department"): "critics of Trump", "opponents of
    Senator Hollis's bill" are still unnamed."""
    if ASCII_CAPITAL_RE.search(span, 1) is None:  # no CAPITAL_WORD_RE word after the first
        return initialism_agent(span)  # the places and "of" only leave such words out
    members = not MEMBER_NOUNS.isdisjoint(WORD_RE.findall(span.lower()))
    places = [m.span() for m in place_name_re().finditer(span)]
    places += [
        m.span() for m in country_name_re().finditer(span) if from_a_country(span, m.start())
    ]
    # not inside a longer name ("Officials from Africa CDC said"); the span's first word, its
    # source noun, is no such name ("Leaders of Africa said")
    places = [(a, b) for a, b in places if not in_a_longer_name(span, a, b, lo=1)]
    if initialism_agent(span):
        return True
    words = [
        m
        for m in CAPITAL_WORD_RE.finditer(span)
        if m.start() > 0
        and not PLACE_BEFORE_RE.search(span, 0, m.start())
        and not any(a <= m.start() < b for a, b in places)
        and (members or not OF_BEFORE_RE.search(span, 0, m.start()))
        and not is_occasion(m.group(), span, m.end())
    ]
    return any(
        not (NOT_A_NAME_RE.fullmatch(w.group().rstrip(".,")) or _outsider_after(span, w))
        or _initialism_member(span, w)
        for w in words
    )


NEXT_WORD_RE = re.compile(r"\s+(\w+)")
# a preposition after one who speaks for an institution, before its initialism: "A spokesman for
# the IMF said", "officials at the WHO said" (1.36.23)
MEMBER_OF_RE = re.compile(
    r"(?<![\w’'-])(\w+)\s+(?:for|of|at|from|with)\s+(?:the\s+)?$", re.IGNORECASE
)


# those after an institution's initialism who are none of its staff ("An IMF observer said",
# "An IMF opponent said"): ``outsider_nouns.txt``
OUTSIDERS = frozenset(read_word_list(lexicon_path("outsider_nouns.txt")))
# a noun of one who works ("doctor", "engineer", "scientist", "nurse"), not a verb ("Experts the
# BBC spoke to": the interviewer's): a staff suffix (``STAFF_SUFFIX_RE``; not PERSON_SUFFIXES of
# stance_phrase.py: its "-ee", "-eur", "-smith", "refugee", are no staff) or a noun of
# ``staff_nouns.txt`` ("nurse", "staff"; an armed service's pilots and troops, "An RAF pilot said",
# "IDF troops said": named; 1.36.28)
STAFF_SUFFIX_RE = re.compile(r"[a-z]{2,}(?:er|or|ist|ian|eer|ier|man|woman|person)s?")
STAFF_NOUNS = frozenset(read_word_list(lexicon_path("staff_nouns.txt")))
STAFF_NOUN_RE = re.compile(
    rf"{STAFF_SUFFIX_RE.pattern}|"
    + "|".join(re.escape(w) for w in sorted(STAFF_NOUNS, key=lambda w: (-len(w), w)))
)


def _outsider_after(span: str, word: re.Match[str]) -> bool:
    """Whether the word right after ``word``, an institution's initialism, is an outsider's
    noun (``OUTSIDERS``, singular or plural: "An IMF watcher", "IMF opponents")."""
    if not institution_initialism(word.group()):
        return False
    after = NEXT_WORD_RE.match(span, word.end())
    noun = after.group(1).lower() if after else ""
    return noun in OUTSIDERS or (noun.endswith("s") and noun[:-1] in OUTSIDERS)


def _initialism_member(span: str, word: re.Match[str]) -> bool:
    """Whether ``word`` is an institution's initialism right before one who speaks for it ("An
    IMF official said", "A CIA officer said": named, as "A White House official said"; "A US
    official said" is not, :func:`institution_initialism`; 1.36.12), or before any noun but an
    outsider's (``OUTSIDERS``: "An MSF doctor said", as "A Reuters reporter said"; 1.36.27) or
    after one and "for", "of", "at", "from" or "with" ("A spokesman for the IMF said", "An
    official at the WHO said": named, as "A spokeswoman for Tideline said"; 1.36.23). An
    outsider after it is read first, whatever its ending ("An IMF opponent said", "An IMF
    critic said": no member; 1.36.28 review)."""
    if not institution_initialism(word.group()) or _outsider_after(span, word):
        return False
    after = NEXT_WORD_RE.match(span, word.end())
    noun = after.group(1).lower() if after else ""
    before = MEMBER_OF_RE.search(span, 0, word.start())
    member = before.group(1).lower() if before else ""
    if STAFF_NOUN_RE.fullmatch(noun):
        return True  # "An MSF doctor said", "A WHO scientist said": its staff (1.36.27)
    return any(w in MEMBER_NOUNS or f"{w}s" in MEMBER_NOUNS for w in (noun, member) if w)


def is_title_case(text: str) -> bool:
    """Whether ``text`` is written in title case ("Critics Argue Export Controls Backfire"):
    at least three words of four letters or more, and most of them capitalised. In such a
    heading a capital says nothing about a name (a body sentence full of names can pass the
    test too, so it is applied to headings only)."""
    words = LONG_WORD_RE.findall(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


# a capitalised word and "of" or "for" before a capitalised source noun, up to two capitalised
# words between: "the International Federation of Journalists said", "the National Union of
# Teachers said", "the Council of Economic Advisers said" (1.36.12); not after a function word or
# a word of quantity ("Dozens of Journalists"), as before a place (NAME_BEFORE_PLACE_RE)
NAME_OF_BEFORE_RE = re.compile(
    rf"(?<![\w’'-])(?!(?:{FUNCTION_WORDS}|Much|Half|Rest|Parts?|Dozens|Hundreds|Thousands"
    r"|Millions|Scores|Lots|Plenty|Majority|Minority)\b)[A-Z][\w’'.&-]*"
    r"\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'.&-]*\s+){0,2}$"
)


def ends_a_name(text: str, start: int) -> bool:
    """Whether the capitalised word at ``start`` ends a name begun before it ("Center for
    Strategic and International Studies found", "International Federation of Journalists
    said"): a capital after a capitalised word, or after one and "of" or "for"
    (``NAME_OF_BEFORE_RE``); the pronoun "I" ends none ("What I'm told is that", "Now I am
    told": 1.36.21)."""
    if not text[start : start + 1].isupper() or PRONOUN_I_RE.match(text, start):
        return False
    lo = max(0, start - LOOKBACK)
    before = LAST_WORD_RE.search(text, lo, start)
    if before is not None and not NOT_A_NAME_RE.fullmatch(before.group(1)):
        return True
    of = NAME_OF_BEFORE_RE.search(text, lo, start)
    return of is not None and not NOT_A_NAME_RE.fullmatch(of.group().split()[0])


def name_before(text: str, sentence_start: int, start: int) -> bool:
    """Whether a name stands right before a source noun at ``start`` ("as Pentagon officials
    said", "the White House officials said"): the noun is one for members of an organisation
    (MEMBER_NOUNS: "China watchers", "Trump critics" stay vague), and the word before it is
    capitalised but, as the sentence's first word, not a common word (whose capital is the
    sentence's: "Two officials said"; "Pentagon officials said" and a city's, "Washington
    officials said", are named), nor a demonym, a place's or a field's initialism ("US
    officials"; an institution's names it, "IMF officials said", "Africa CDC officials said":
    1.36.12; a listed one, 1.36.14), day or month, nor a possessive ("Beijing's
    officials"), a "-based" place ("Kyiv-based analysts"), a place after "in", or a place,
    sector or people's name ("Wall Street analysts", "Qatari officials")."""
    first = WORD_RE.match(text, start)
    if first is None or first.group() not in MEMBER_NOUNS:
        return False
    lo = max(sentence_start, start - LOOKBACK)  # the words just before: bounded
    before = LAST_WORD_RE.search(text, lo, start)
    if before is None:
        return False
    word = before.group(1)
    sentence_first = not WORD_CHAR_RE.search(text, sentence_start, before.start(1))
    return not (
        # a city is no ordinary word, first or not: "Washington officials said" (1.36.14)
        (sentence_first and is_ordinary_word(word) and word not in city_names())
        or (NOT_A_NAME_RE.fullmatch(word) and not institution_initialism(word))
        or POSSESSIVE_RE.search(word)
        or word.lower().endswith("-based")
        or PLACE_BEFORE_RE.search(text, lo, start)
        or _place_just_before(text, lo, start)
    )


def _place_just_before(text: str, lo: int, start: int) -> bool:
    """Whether a place, sector or people's name ends just before ``start`` ("Wall Street
    analysts", "Central Asia analysts") that is not part of a longer name ("Council of Europe
    officials", "Development Bank of Latin America economists": named)."""
    m = place_name_before_re().search(text, lo, start)
    return m is not None and not in_a_longer_name(
        text, m.start(), m.start() + len(m.group().rstrip()), lo
    )
