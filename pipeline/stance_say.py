"""Whether "say" after a possessive is the noun: "The public's say in this matters",
"Parliament's say on the treaty", "Members' say on the rulebook" (no source), while a firm's name
in "'s" before a plural verb reports ("Sainsbury's say the price cuts will be permanent",
"Moody's say the outlook is negative": named). Used by :mod:`pipeline.stance_detector` to veto
an attribution that ends in such a "say" (1.36.19; 1.36.18 read every "say" after a possessive as
the noun, with ``SAY_NOUN``); an adverb or a participle after it, or a possessive that names no
firm, makes the noun too ("Parliament's say dramatically", "the public's say heard", "give the
public's say real weight": 1.36.20).
"""

from __future__ import annotations

import re

from pipeline.lexicon import lexicon_path
from pipeline.stance_lexicon import lexicon_macros
from pipeline.stance_vetoes import SAY_NOUN_ADJECTIVES

LOOKBACK = 120  # characters before the end of "say" that the possessive test reads
# A possessive, singular ("the council's", "Britain's") or plural ("Members'", "The banks'"; not a
# word that opens a quotation: "'experts' say"), up to two of the adjectives a say is given
# ("the public's final say") and "say" at the end
_ADJECTIVES = rf"(?:,?\s+(?:{SAY_NOUN_ADJECTIVES})){{0,2}}\s+say$"
POSSESSIVE_SAY_RE = re.compile(
    rf"(?<![\w’'‘\"“-])\w+(?:['’]s|(?<=s)['’]){_ADJECTIVES}",
    re.IGNORECASE,
)
# A possessive that names no firm: a word in lower case after a determiner ("the public's", "the
# council's", "its members'") or a pronoun's ("everyone's", "nobody's", "people's"): the noun
# whatever follows ("give the public's say real weight"; 1.36.20)
COMMON_POSSESSIVE_SAY_RE = re.compile(
    r"(?:(?<![\w’'-])(?:the|a|an|its|their|his|her|our|your|my|this|that|every|each)\s+"
    r"(?-i:[a-z])\w*(?:['’]s|(?<=s)['’])|(?<![\w’'‘\"“-])(?:everyone|everybody|anyone|anybody"
    rf"|nobody|no\s+one|someone|somebody|one|people)['’]s){_ADJECTIVES}",
    re.IGNORECASE,
)
# A manner adverb in -ly: no noun, verb or adjective in -ly ("family", "supply", "likely",
# "early") and no adverb of degree or focus that comes before what it modifies ("only", "partly",
# "nearly", "largely"): the @MANNERLY macro of stance.tsv, read from there (one list since the
# review of 1.36.28)
MANNER_ADVERB = lexicon_macros([lexicon_path("stance.tsv")])["MANNERLY"]
# What follows the noun "say" and no speech verb: a preposition ("say in", "say over"; not "in a
# statement", a report's place), a verb of its own ("say was ignored", "say matters", "say
# counts"), a conjunction or punctuation (not "say, however, that", nor "say, in a note, that":
# 1.36.21); a verb "say" has its reported clause after it ("say the price cuts", "say
# deliveries will", "say too many shoppers"). Also a
# manner adverb or a past participle before the end, a preposition or a conjunction ("say
# dramatically.", "say equally", "say heard before the deal": 1.36.20)
NOUN_FOLLOWER_RE = re.compile(
    r"\s*(?:,(?!\s*\w+(?:\s+\w+){0,3}\s*,\s*that\b)|[.;:!?)\]\"”’—–-]|$"
    r"|in\b(?!\s+(?:a|an|its|their|the|his|her)\s+(?:\w+\s+)?(?:statement|note|report|letter"
    r"|filing|release|update|briefing|email|interview|post)\b)"
    r"|(?:on|over|about|of|at|for|with|as|into|regarding"
    r"|concerning|was|is|has|had|will|would|should|must|can|could|may|might|matters|matter"
    r"|counts|count|remains|remain|and|or|but|not|too(?!\s+(?:many|much|few|little)\b)|also"
    r"|alone|here|there|now|then)\b"
    rf"|(?:{MANNER_ADVERB}|(?-i:[a-z])\w+ed|heard|known|done|seen|held|kept|lost|shown|given"
    r"|taken|restored|upheld|overridden|overruled)(?=\s*(?:[,.;:!?)]|$)|\s+(?:in|on|at|by|for"
    r"|with|from|before|after|until|when|and|or|but|again|too|also)\b))",
    re.IGNORECASE,
)


def possessive_say_noun(text: str, start: int, end: int, limit: int) -> bool:
    """Whether ``text[:end]`` ends in "say" after a possessive (``POSSESSIVE_SAY_RE``, read from
    ``start`` on) that names no firm (``COMMON_POSSESSIVE_SAY_RE``) or that the words after it up
    to ``limit`` show to be the noun (``NOUN_FOLLOWER_RE``)."""
    lo = max(start, end - LOOKBACK)
    if POSSESSIVE_SAY_RE.search(text, lo, end) is None:
        return False
    if COMMON_POSSESSIVE_SAY_RE.search(text, lo, end) is not None:
        return True
    return NOUN_FOLLOWER_RE.match(text, end, limit) is not None
