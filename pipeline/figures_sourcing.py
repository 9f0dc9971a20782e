"""Whose a figure is: its sourcing (:func:`figure_sourcing`), the nearest attribution or
evidential marker in the same clause. A colon after a figure that labels a list item
("- **62%**: share of ..., according to Tideline") breaks no clause; a source after a
contrasted figure of its own ("62% ..., not the 40% cited in some reports") is that figure's,
not the first's. Helpers of :mod:`pipeline.figures`; what the words around a number say it is
(an age, a distance, a ratio, money) is in :mod:`pipeline.figures_context`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.stance_detector import Marker


# --- sourcing --------------------------------------------------------------------------------
CLAUSE_BREAK_RE = re.compile(r"[;:—–]|\s-\s")
# A figure that opens its line as a list item's label, before a colon: "- **62%**: share of
# ..., according to Tideline", "2,300: civil servants reportedly named". The colon separates the
# label from its description, the rest of one clause; a list marker and Markdown's emphasis may
# stand around the figure.
LABEL_BEFORE_RE = re.compile(r"[ \t]*(?:[-*•+–][ \t]+|\d{1,2}[.)][ \t]+)?(?:\*\*|__|\*|_)?")
LABEL_AFTER_RE = re.compile(r"(?:\*\*|__|\*|_)?[ \t]*:")
MAX_LABEL_PREFIX = 12  # "  - **" and the like
# A contrast that brings in a figure of its own: the source after it is that figure's ("62% of
# the traffic, not the 40% cited in some reports"); a comma, a semicolon or a bracket after
# the contrasted figure ends its phrase ("not 40%, according to Tideline": Tideline's 62%).
CONTRAST_FIGURE_RE = re.compile(
    r"\b(?:not|rather\s+than|instead\s+of|unlike|compared\s+(?:with|to)|versus|vs\.?)\s+"
    r"(?:(?:the|a|an|some|only|just|about|around|roughly|nearly|over)\s+){0,2}[-−]?[$€£¥]?\d",
    re.IGNORECASE,
)
PHRASE_ENDS = ",;()"
# A reaction's label of what it reacts to, right after the reaction (and the rest of its name):
# "was criticised by the Sunday Herald as a waste of £40 million" (the figure is the Herald's),
# "hailed by fans as the best 90 minutes"; not the conjunction in "drew condemnation from
# Washington as the court jailed 14".
REACTION_LABEL_RE = re.compile(
    r"(?-i:(?:\s+[A-Z][\w'’.&-]*)*)\s+as\s+"
    r"(?:a|an|being|costing|worth|too|little\s+more\s+than|nothing\s+but|"
    r"the\s+(?:most|least|\w+est)|[\"“‘'])\b",
    re.IGNORECASE,
)


def label_colon(text: str, start: int, end: int) -> int | None:
    """Where the colon is after the figure ``text[start:end]`` when the figure opens its line
    as a list item's label ("- **62%**: share of ..."); None otherwise."""
    lo = max(0, start - MAX_LABEL_PREFIX)
    line = text.rfind("\n", lo, start) + 1
    if (line == 0 and lo > 0) or LABEL_BEFORE_RE.fullmatch(text, line, start) is None:
        return None
    m = LABEL_AFTER_RE.match(text, end)
    return None if m is None else m.end() - 1


def has_clause_break(text: str, lo: int, hi: int, colon: int | None = None) -> bool:
    """Whether ``text[lo:hi]`` holds a clause break (``;``, ``:``, a dash), the label's colon
    ``colon`` (see :func:`label_colon`) left out."""
    if colon is not None and lo <= colon < hi:
        return bool(
            CLAUSE_BREAK_RE.search(text, lo, colon) or CLAUSE_BREAK_RE.search(text, colon + 1, hi)
        )
    return CLAUSE_BREAK_RE.search(text, lo, hi) is not None


def is_contrasted_away(text: str, lo: int, hi: int) -> bool:
    """Whether a source at ``hi``, after a figure that ends at ``lo``, is another figure's: a
    contrast brings that figure in between ("not the 40% cited in some reports") and its phrase
    runs on to the source."""
    ends = [m.end() for m in CONTRAST_FIGURE_RE.finditer(text, lo, hi)]
    return bool(ends) and not any(text.find(c, ends[-1], hi) >= 0 for c in PHRASE_ENDS)


def figure_sourcing(
    text: str,
    start: int,
    end: int,
    markers: Sequence[Marker],
    reactions: Sequence[Marker] = (),
) -> str:
    """named / vague / none: the nearest attribution or evidential marker in the same clause
    (a list item's label and its description are one clause) that is not a contrasted
    figure's. ``reactions`` (people's responses: "drawing condemnation from Washington") are
    no figure's source but a figure in their label after them ("was criticised by the Sunday
    Herald as a waste of £40 million")."""
    best: tuple[int, int, str] | None = None
    colon = label_colon(text, start, end)
    labelling = [r for r in reactions if r.end <= start and labels_figure(text, r.end, start)]
    for m in (*markers, *labelling) if labelling else markers:
        if m.category == "attribution":
            label = m.subtype
        elif m.category == "hedge" and m.subtype == "evidential":
            label = "vague"
        else:
            continue
        key = (max(m.start - end, start - m.end, 0), m.start, label)
        if best is not None and key >= best:
            continue  # a nearer marker holds already: no need to read the text between
        lo, hi = (m.end, start) if m.end <= start else (end, m.start)
        if lo < hi and has_clause_break(text, lo, hi, colon):
            continue
        if m.start >= end and is_contrasted_away(text, end, m.start):
            continue
        best = key
    return "none" if best is None else best[2]


def labels_figure(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]``, between a reaction and a figure, opens with the reaction's label
    of what it reacts to (``REACTION_LABEL_RE``: "as a waste of"), the figure inside it."""
    return REACTION_LABEL_RE.match(text, lo, hi) is not None
