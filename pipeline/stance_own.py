"""Which stance markers of a sentence are the writer's own: not a Markdown table cell's
attribution, nor an attitude marker inside a quotation; and spans asked whether one covers a range.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pipeline.quotes import quotation_spans

if TYPE_CHECKING:
    from pipeline.stance_detector import Marker

CITATION_ENTRY = -1  # Marker.entry of an author-date citation (no lexicon entry)
# A Markdown table row: a line that starts and ends with "|" ("| China (MFA) | Denied |")
TABLE_ROW_RE = re.compile(r"^[ \t]*\|[^\n]*\|[ \t]*$", re.MULTILINE)


class Spans:
    """Spans, to ask whether one of them reaches over a range (log time a question)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))

    def covers(self, a: int, b: int) -> bool:
        """Whether a span starts before ``a`` and ends after ``b``."""
        k = bisect.bisect_left(self.starts, a)  # the spans that start before a
        return k > 0 and self.reach[k - 1] > b


def writers_own(text: str, start: int, end: int, markers: list[Marker]) -> list[Marker]:
    """``markers`` of ``text[start:end]`` less those that are not the writer's stance: the
    attributions in a Markdown table row (``TABLE_ROW_RE``: a cell's "Denied" or "Welcomed" is a
    label with no subject; author-date citations stay) and the attitude markers inside a
    quotation (:func:`quotation_spans`: "called the reports "very troubling"" is the minister's
    evaluation, not the writer's)."""
    bar, attitude = text.find("|", start, end) >= 0, any(m.category == "attitude" for m in markers)
    rows = Spans(r.span() for r in TABLE_ROW_RE.finditer(text, start, end)) if bar else None
    quotes = Spans(quotation_spans(text, start, end)) if attitude else None
    return [
        m
        for m in markers
        if not (rows and m.category == "attribution" and m.entry != CITATION_ENTRY)
        or not rows.covers(m.start, m.end)
        if not (quotes and m.category == "attitude") or not quotes.covers(m.start, m.end)
    ]
