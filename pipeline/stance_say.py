"""Whether "say" after a possessive is the noun: "The public's say in this matters",
"Parliament's say on the treaty", "Members' say on the rulebook" (no source), while a firm's name
in "'s" before a plural verb reports ("Sainsbury's say the price cuts will be permanent",
"Moody's say the outlook is negative": named). Used by :mod:`pipeline.stance` to veto an
attribution that ends in such a "say" (1.36.19; 1.36.18 read every "say" after a possessive as
the noun, with ``SAY_NOUN``).
"""

from __future__ import annotations

import re

from pipeline.stance_names import SAY_NOUN_ADJECTIVES

LOOKBACK = 120  # characters before the end of "say" that the possessive test reads
# A possessive, singular ("the council's", "Britain's") or plural ("Members'", "The banks'"; not a
# word that opens a quotation: "'experts' say"), up to two of the adjectives a say is given
# ("the public's final say") and "say" at the end
POSSESSIVE_SAY_RE = re.compile(
    r"(?<![\w’'‘\"“-])\w+(?:['’]s|(?<=s)['’])"
    rf"(?:,?\s+(?:{SAY_NOUN_ADJECTIVES})){{0,2}}\s+say$",
    re.IGNORECASE,
)
# What follows the noun "say" and no speech verb: a preposition ("say in", "say over"), a verb
# of its own ("say was ignored", "say matters", "say counts"), a conjunction or punctuation; a
# verb "say" has its reported clause after it ("say the price cuts", "say deliveries will")
NOUN_FOLLOWER_RE = re.compile(
    r"\s*(?:[,.;:!?)\]\"”’—–-]|$|(?:in|on|over|about|of|at|for|with|as|into|regarding"
    r"|concerning|was|is|has|had|will|would|should|must|can|could|may|might|matters|matter"
    r"|counts|count|remains|remain|and|or|but|not|too|also|alone|here|there|now|then)\b)",
    re.IGNORECASE,
)


def possessive_say_noun(text: str, start: int, end: int, limit: int) -> bool:
    """Whether ``text[:end]`` ends in "say" after a possessive (``POSSESSIVE_SAY_RE``, read from
    ``start`` on) that the words after it up to ``limit`` show to be the noun
    (``NOUN_FOLLOWER_RE``)."""
    if POSSESSIVE_SAY_RE.search(text, max(start, end - LOOKBACK), end) is None:
        return False
    return NOUN_FOLLOWER_RE.match(text, end, limit) is not None
