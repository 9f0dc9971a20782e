"""Sentences and word tokens with character offsets into the clean text."""

from __future__ import annotations

import re

from pipeline.types import Token

# Initialisms ("U.S.", "e.g.") stay one token; words keep inner apostrophes, hyphens and
# digit groups ("China’s", "AI-driven", "12,000", "3.5").
WORD_RE = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:[’'\-.,]\w+)*")


def word_tokens(text: str, *, offset: int = 0) -> tuple[Token, ...]:
    """Word tokens of ``text``; offsets are shifted by ``offset`` (a sentence's start)."""
    return tuple(
        Token(m.start() + offset, m.end() + offset, m.group()) for m in WORD_RE.finditer(text)
    )
