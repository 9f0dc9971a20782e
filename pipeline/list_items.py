"""The marker that opens a list item: one grammar for the segmenter (:mod:`pipeline.segment`:
each item is a sentence) and the voices stage (:func:`pipeline.voices.lead_in_items`: the items
under an attributing lead-in). A leaf module, so that both import it without a cycle."""

from __future__ import annotations

import re

# A list item: a line starting with a bullet or a number ("- ", "• ", "2. ", "3) ") and a word.
LIST_ITEM_RE = re.compile(r"^[ \t]*(?:[-*•–]|\d{1,2}[.)])[ \t]+\S", re.MULTILINE)


def is_list_item(text: str) -> bool:
    """Whether ``text`` (a sentence, a line) opens with a list item's marker."""
    return LIST_ITEM_RE.match(text) is not None
