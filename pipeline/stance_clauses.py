"""Relative clauses between commas that the stance detector reads as asides, as it reads a
parenthetical: "The Law Society's briefing, which I suspect many hon. Members have read, suggests
that" (1.36.13), and an aside on when or by whom a source was made public ("The bank's annual
report, published in March, shows that"). Used by :mod:`pipeline.stance_detector`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.stance_own import Spans
from pipeline.stance_phrase import person_noun

# an aside that says when, where or by whom a source was made public is read as a relative
# clause ("The bank's annual report, published in March, shows that": 2026-12-06)
PUBLISHED_ASIDE = (
    r"(?:(?:published|released|issued|completed|compiled|filed|presented|unveiled|posted|updated)"
    r"\s+(?:in|on|last|this|earlier|late|at|by|after|before)\b"
    # how far a post went: "One post, shared 10,000 times, accused" (1.37.14)
    r"|(?:shared|viewed|retweeted|reposted|liked|watched|circulated|forwarded)\s+"
    r"(?:(?:more\s+than|over|nearly|almost|about|some|at\s+least)\s+)?(?:\d[\d,.]*|hundreds|"
    r"thousands|millions|tens|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several)\s+"
    r"(?:hundred|thousand|million))\b)"
)
RELATIVE_CLAUSE_RE = re.compile(
    rf",\s*(?:who|whom|whose|which|(?P<published>{PUBLISHED_ASIDE}))"
    r"[^,;:()\[\]\"“”]{1,150}?,"
)
# not after people, who are released too ("The prisoners, released on Friday, said")
LAST_WORD_RE = re.compile(r"([A-Za-z][\w’'-]*)\W*$")
PEOPLE_PLURALS = frozenset({"men", "women", "people", "children", "staff", "police", "crew"})


def relative_clauses(
    text: str, start: int, end: int, brackets: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The relative clauses between commas in ``text[start:end]`` (``RELATIVE_CLAUSE_RE``, the
    commas included; also an aside on when or by whom a source was published, ``PUBLISHED_ASIDE``),
    outside the parentheticals ``brackets``: the words around one are matched as if it were not
    there, so a noun inside it is no subject of the verb after it."""
    if text.find(",", start, end) < 0:
        return []
    inside = Spans(brackets)
    return [
        m.span()
        for m in RELATIVE_CLAUSE_RE.finditer(text, start, end)
        if not any(a < m.end() and m.start() < b for a, b in brackets)
        and not inside.covers(m.start(), m.end())
        and not (
            m.group("published") and _people_before(text, max(start, m.start() - 40), m.start())
        )
    ]


def _people_before(text: str, start: int, end: int) -> bool:
    """Whether the last word of ``text[start:end]`` names people (a person's noun, or its
    plural): an aside on their release is no source's publication."""
    found = LAST_WORD_RE.search(text, start, end)
    if found is None:
        return False
    word = found.group(1).lower()
    return word in PEOPLE_PLURALS or any(
        person_noun(w) for w in {word, word.removesuffix("s"), word.removesuffix("es")} if w
    )
