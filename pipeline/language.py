"""A cheap check that a text is English, since the lexicons are English (no model needed)."""

from __future__ import annotations

from functools import cache

from pipeline.lexicon import lexicon_path, read_word_list
from pipeline.types import SegmentedDocument

MIN_WORDS = 30
MIN_ENGLISH_SHARE = 0.15  # English prose: 35-55% of tokens are among these common words


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
    common = english_common_words()
    words = body_words(doc)
    return sum(w in common for w in words) / len(words) if words else 0.0


def language_warning(doc: SegmentedDocument) -> str | None:
    """A warning when a document of some length does not look like English, else None."""
    n = len(body_words(doc))
    # map() over str methods counts in C; a generator over characters was a hot spot
    latin = sum(map(str.isalpha, doc.clean.encode("ascii", "ignore").decode("ascii")))
    letters = sum(map(str.isalpha, doc.clean))
    if letters and latin / letters < 0.5:
        return (
            "the text is mostly in a non-Latin script; the lexicons are English, "
            "so sentiment, stance and frame scores may mean little"
        )
    if n >= MIN_WORDS and english_share(doc) < MIN_ENGLISH_SHARE:
        return (
            f"the text does not look like English (only {english_share(doc):.0%} of its words "
            "are common English words); the lexicons are English, so its scores may mean little"
        )
    return None
