"""Which capitals beside one unnamed person only place it and so name no source: a town after
"in", "from" or "to" ("A customer in Bristol", "A driver from Kyiv": :func:`_town`), the place or
product beside a lay person ("A Bristol resident", "An iPhone user": :func:`lay_noun`), a known
place before one of ``placed_nouns.txt`` ("A London taxi driver", not "A Hull FC doctor":
:func:`_placing_words`); and the phrase's words with those and its interviewer blanked, to be
read for names (:func:`_name_span`, :func:`_blanked`). Read by :mod:`pipeline.stance_unnamed`
and :mod:`pipeline.stance_inverted`. 1.36.26 to 1.36.28.
"""

from __future__ import annotations

import re

from pipeline.lexicon import lexicon_path, read_word_list
from pipeline.stance_names import AFFILIATED_NOUNS, institution_initialism
from pipeline.stance_places import country_name_re, place_name_re

# people whom a capital beside them only places or ties to a product ("resident",
# "customer", "user"; :func:`lay_noun`): ``lay_nouns.txt``
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


def lay_noun(word: str) -> bool:
    """Whether ``word`` (in lower case), or its last part after a hyphen ("car-owner"), is one of
    ``lay_nouns.txt``: a person whom a capitalised word beside it only places or ties to a
    product ("A Bristol resident", "An iPhone user"; 1.36.26); not a co-owner nor a part-owner
    ("A Chelsea co-owner": the club's principal, named; 1.36.26 review)."""
    if word.startswith(("co-", "part-", "joint-")):
        return False
    return word in LAY_NOUNS or word.rsplit("-", 1)[-1] in LAY_NOUNS


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


# a place after "in", "on" or "near" in the "who" clause of one unnamed person ("A woman who has
# run a café on Castle Street said", "who lives in Leeds"): where the person is, not who
CLAUSE_PLACE_RE = re.compile(
    r"\b(?:in|on|near)\s+(?-i:[A-Z])[\w’'.&-]*(?:\s+(?-i:[A-Z])[\w’'.&-]*){0,2}"
)


def _name_span(text: str, m: re.Match[str], end: int) -> str:
    """The words of the phrase ``m`` up to ``end`` in which a name would name its source, the
    others blanked: a clause without "who" (its name is the interviewer's: "An official the BBC
    spoke to"), a town (:func:`_town`: "A customer in Bristol"), for a noun of ``lay_nouns.txt``
    its words ("A Bristol resident"), for one of ``placed_nouns.txt`` a known place among them
    ("A London taxi driver"; 1.36.26) unless a capital follows it before the noun
    (``_longer_name_after``: "A Hull FC doctor"; 1.36.28 review), a place in a "who" clause
    (``CLAUSE_PLACE_RE``: "A woman who lives in Leeds"; 2026-12-06). The affiliation after a
    clause without "who" is read ("A source I spoke to at the Treasury": named; 1.36.26
    review)."""
    noun = m.group("noun").lower()
    blank = [m.span("contact")]
    blank += [
        m.span(g) for g in ("place", "town", "affiliation", "town2") if _town(noun, m.group(g))
    ]
    blank += _placing_words(text, noun, *m.span("words"), m.start("noun"))
    if "clause" in m.re.groupindex and m.group("clause") is not None:
        blank += [p.span() for p in CLAUSE_PLACE_RE.finditer(text, *m.span("clause"))]
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
