"""A cheap check that a text is English, since the lexicons are English (no model needed)."""

from __future__ import annotations

import re
from functools import cache

from pipeline.lexicon import lexicon_path, read_word_list
from pipeline.types import SegmentedDocument

MIN_WORDS = 30
MIN_ENGLISH_SHARE = 0.15  # English prose: 35-55% of tokens are among these common words
_ASCII_RUN_RE = re.compile(r"[\x00-\x7f]+")


@cache
def english_common_words() -> frozenset[str]:
    """The most frequent English function words (pipeline/lexicons/english_common.txt)."""
    return frozenset(read_word_list(lexicon_path("english_common.txt")))


def body_words(doc: SegmentedDocument) -> list[str]:
    """The word tokens of the body sentences, in lower case: headings (a thread's post headers,
    "Sam Lee @samlee_sec · Jun 12", are headings) are names and dates, no prose. A text of
    fewer than MIN_WORDS body words (a list of unpunctuated lines, all headings) is read
    whole."""
    body = [t.text.lower() for s, toks in zip(doc.sentences, doc.tokens, strict=True)
            if not s.is_heading for t in toks]  # fmt: skip
    return body if len(body) >= MIN_WORDS else [t.text.lower() for ts in doc.tokens for t in ts]


def english_share(doc: SegmentedDocument) -> float:
    """Share of the document's body word tokens that are common English function words."""
    return _common_share(body_words(doc))


def _common_share(words: list[str]) -> float:
    """Share of ``words`` (lower case) that are common English function words."""
    # the set intersection would lose repeats: count with a C-level map over the set's lookup
    return sum(map(english_common_words().__contains__, words)) / len(words) if words else 0.0


def _mostly_non_latin(text: str) -> bool:
    """Whether fewer than half of the letters of ``text`` are ASCII (Latin) letters."""
    # map() over str methods counts in C; the letters outside ASCII runs first, as a text whose
    # non-ASCII characters hold none (curly quotes, dashes) needs no count of the rest
    other = sum(map(str.isalpha, _ASCII_RUN_RE.sub("", text)))
    if not other:
        return False
    letters = sum(map(str.isalpha, text))
    return (letters - other) / letters < 0.5


def language_warning(doc: SegmentedDocument) -> str | None:
    """A warning when a document of some length does not look like English, else None."""
    if _mostly_non_latin(doc.clean):
        return (
            "the text is mostly in a non-Latin script; the lexicons are English, "
            "so sentiment, stance and frame scores may mean little"
        )
    words = body_words(doc)  # once: the count and the share read the same words
    if len(words) >= MIN_WORDS and (share := _common_share(words)) < MIN_ENGLISH_SHARE:
        return (
            f"the text does not look like English (only {share:.0%} of its words "
            "are common English words); the lexicons are English, so its scores may mean little"
        )
    return None


NO_BODY_WORDS = (
    "the text has no words in its body sentences (only punctuation, symbols, emoji or headings): "
    "its rates per 1,000 words and its scores are empty or mean little"
)


def text_warnings(doc: SegmentedDocument) -> list[str]:
    """The warnings on what a document's text is: no body words at all (a robustness probe's
    emoji-only and dots-only files were analysed without a word), or not English."""
    if doc.n_words == 0:
        return [NO_BODY_WORDS]
    language = language_warning(doc)
    return [language] if language else []
