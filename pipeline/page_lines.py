"""Lines of a copied web page that are a paragraph of their own whatever surrounds them: a wiki's
section heading ("Background[edit]") and a social-media post's header ("Mele Tuilagi @meletuilagi
· Mar 6"). Copied without a blank line after them, they would otherwise open the paragraph of
the text under them (the heading would not be found, the header would be glued to the post)."""

from __future__ import annotations

import re

MAX_OWN_LINE_CHARS = 200
# a wiki's section heading with its edit link: "Background[edit]", "See also [edit source]"
WIKI_HEADING_RE = re.compile(r"[^\s\[\]][^\[\]]{0,150}\[\s*edit( source)?\s*\]", re.IGNORECASE)
# a post's date after its handle: "Mar 6", "6 Mar", "Mar 6, 2024", "2h", "14m", "2024-03-06"
_POST_DATE = (
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?"
    r"|\d{1,2}\s?[smhdw]|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
)
# a social-media post's header as X, Bluesky and Threads copy it: the author's display name
# (which may hold emoji), the handle and, after a middle dot, the date
POST_HEADER_RE = re.compile(rf"[^@·\s][^@·]{{0,80}}\s@[\w.-]{{1,60}}\s*·\s*{_POST_DATE}")


def is_wiki_heading(line: str) -> bool:
    """Whether a stripped line is a wiki's section heading: a short title and "[edit]"."""
    return len(line) <= MAX_OWN_LINE_CHARS and WIKI_HEADING_RE.fullmatch(line) is not None


def is_post_header(line: str) -> bool:
    """Whether a stripped line is a social-media post's header: "Name @handle · Mar 6"."""
    return (
        "@" in line
        and len(line) <= MAX_OWN_LINE_CHARS
        and POST_HEADER_RE.fullmatch(line) is not None
    )


def is_own_line(line: str) -> bool:
    """Whether a stripped line is a paragraph of its own: a wiki's section heading or a post's
    header (:func:`is_wiki_heading`, :func:`is_post_header`)."""
    if "[" in line and is_wiki_heading(line):
        return True
    return "@" in line and is_post_header(line)


def post_header_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets in ``text`` of its lines that are a post's header
    (:func:`is_post_header`), without the white space around them: one grammar for the readers
    of the clean text (the terms leave these lines out)."""
    spans = []
    start = 0
    for line in text.split("\n"):
        if "@" in line and is_post_header(line.strip()):
            lead = len(line) - len(line.lstrip())
            spans.append((start + lead, start + len(line.rstrip())))
        start += len(line) + 1
    return spans
