"""Quotations in a sentence: the marks, their spans paired in one pass, and whether a sentence
quotes someone (used by the stance stage and the figures' sourcing)."""

from __future__ import annotations

import re

OPENING_QUOTES, CLOSING_QUOTES = "“«", "”»"
QUOTE_MARK_RE = re.compile(rf'[{OPENING_QUOTES}{CLOSING_QUOTES}"]')
OPENING_MARK_RE = re.compile(f'[{OPENING_QUOTES}"]')
CLOSING_MARK_RE = re.compile(f'[{CLOSING_QUOTES}"]')


def quotation_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the quotations in ``text[start:end]``, marks included: an opening mark, then
    the first closing mark after it with at least one character between them (a straight mark
    opens or closes). One pass: a regular expression for the same pairs retries every
    opening mark to the end of the text, quadratic on many unclosed marks."""
    end = len(text) if end is None else end
    spans, pos = [], start
    while (opening := OPENING_MARK_RE.search(text, pos, end)) is not None:
        closing = CLOSING_MARK_RE.search(text, opening.end(), end)
        if closing is None:  # no closing mark after this one, so none after a later one
            break
        if closing.start() > opening.end():
            spans.append((opening.start(), closing.end()))
            pos = closing.end()
        else:  # an empty quotation: a straight mark may open the next one
            pos = opening.end()
    return spans


def quoted_parts(
    text: str, start: int = 0, end: int | None = None, *, open_at_start: bool = False
) -> list[tuple[int, int]]:
    """:func:`quotation_spans` plus the open ends of a quotation that runs over sentences: the
    sentence's words up to a closing typographic mark that no mark opened in it (“Prices may
    rise. | They could fall too,” the analyst added), and from an opening typographic mark that
    nothing closes in it to the sentence's end. Straight marks have no direction, so they only
    pair, unless the sentence starts inside a quotation (``open_at_start``: an earlier sentence
    opened it), whose first straight mark closes it ("Prices may rise. | They could fall too,"
    the analyst added: the words after the mark are the writer's)."""
    end = len(text) if end is None else end
    if open_at_start:
        first = QUOTE_MARK_RE.search(text, start, end)
        if first is not None and first.group() == '"':
            return [(start, first.end()), *quoted_parts(text, first.end(), end)]
    spans = quotation_spans(text, start, end)
    first = spans[0][0] if spans else end
    closing = re.search(f"[{CLOSING_QUOTES}]", text[start:first])
    if closing is not None and not re.search(f"[{OPENING_QUOTES}]", text[start:first]):
        spans.insert(0, (start, start + closing.end()))
    last = spans[-1][1] if spans else start
    opening = re.search(f"[{OPENING_QUOTES}]", text[last:end])
    if opening is not None and not re.search(
        f"[{CLOSING_QUOTES}]", text[last + opening.end() : end]
    ):
        spans.append((last + opening.start(), end))
    return spans


def has_quotation(text: str, start: int = 0, end: int | None = None, *, min_words: int = 4) -> bool:
    """Whether ``text[start:end]`` quotes someone: a quotation of at least ``min_words`` words.

    Shorter quoted phrases (“cyber sovereignty”) are scare quotes or terms, not reported words.
    """
    spans = quotation_spans(text, start, end)
    return any(len(text[a + 1 : b - 1].split()) >= min_words for a, b in spans)
