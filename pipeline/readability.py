"""Readability indices of a document's body text, headings kept apart.

The seven indices are textstat 0.7.8's formulas (unrounded), computed from counts taken once per
text the way textstat takes them, except the sentences. Words: whitespace-separated tokens once
punctuation is removed (apostrophes of English contractions kept). Sentences: a document's body
sentences as the segmenter found them (those with a word); textstat starts a sentence at every
period, twice in "the U.S. market" and in "a 3.5% rise", which would make figure-dense texts
read easier. For a bare text, textstat's count: runs of text ending in ``.``, ``!`` or ``?``
with at least three words (at least one sentence in a non-empty text). Syllables: stress
digits of a word's first CMU Pronouncing Dictionary pronunciation, else pyphen's hyphenation
points plus one. Hard words: not on textstat's Dale-Chall easy-word list (for the fog index,
also of three or more syllables). Letters: word characters (regex ``\\w``). Characters: non-space
characters, which ARI divides by all whitespace-separated tokens, punctuation-only ones included.
Where a denominator is zero textstat gives 0, and so do we.

- Flesch reading ease: 206.835 - 1.015 words/sentences - 84.6 syllables/words.
- Flesch-Kincaid grade: 0.39 words/sentences + 11.8 syllables/words - 15.59.
- Gunning fog: 0.4 (words/sentences + 100 hard words/words).
- SMOG: 1.043 sqrt(30 polysyllables/sentences) + 3.1291, polysyllables of 3+ syllables.
- Coleman-Liau: 0.058 (100 letters/words) - 0.296 (100 sentences/words) - 15.8.
- Dale-Chall: 0.1579 (100 hard words/words) + 0.0496 words/sentences, + 3.6365 above 5%.
- Automated readability index: 4.71 characters/tokens + 0.5 words/sentences - 21.43.

References: textstat (https://pypi.org/project/textstat/); Flesch (1948), J. Appl. Psychol.
32:221-233; Kincaid et al. (1975), Naval Technical Training Command, Research Branch Report
8-75; Gunning (1952), The Technique of Clear Writing; McLaughlin (1969), J. Reading 12:639-646;
Coleman & Liau (1975), J. Appl. Psychol. 60:283-284; Dale & Chall (1948), Educ. Res. Bull.
27:11-20; Senter & Smith (1967), AMRL-TR-66-220.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np

from pipeline.serial_stats import FLESCH_CONFIDENCE, serial_mean_interval, serial_summary
from pipeline.syllable_table import read_syllable_table
from pipeline.types import SegmentedDocument, StageOutput
from pipeline.voices import opening_mark_ends, without_note_marks

READABILITY_COLUMNS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "dale_chall",
    "automated_readability_index",
)
_SENTENCE_END = ".!?"
# textstat's patterns (backend/utils/constants.py, _remove_punctuation.py, _count_sentences.py).
_STRAY_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
_NON_WORD = re.compile(r"[^\w\s]")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
_CACHE_SIZE = 1 << 16  # distinct words remembered per process


class TextCounts(NamedTuple):
    """The counts the seven indices are computed from, taken as textstat takes them."""

    words: int
    sentences: int
    syllables: int
    polysyllables: int
    hard_words_fog: int
    hard_words_dale_chall: int
    letters: int
    characters: int
    tokens: int  # whitespace-separated, punctuation-only ones included (ARI's denominator)


def body_text(doc: SegmentedDocument) -> str:
    """Body sentences with a word one per line, each ending in sentence punctuation: a sentence
    without a final mark (a list item, a caption) gets a period, so that textstat's own
    functions, which find sentences by punctuation, read the text as the segmenter's sentences
    (the tests compare with them) rather than gluing it to the next one. A transcript's turn
    loses its speaker's label ("MR HALE:", "[14:02:15] Mr Hale:"), which names who speaks and
    is no word of the text (:func:`pipeline.segment.sentence_tokens`)."""
    return "\n".join(body_lines(doc))


def body_lines(doc: SegmentedDocument) -> list[str]:
    """The lines of :func:`body_text`: a line per body sentence with a word token."""
    labels = opening_mark_ends(doc.sentences)
    lines = []
    for s, tokens in zip(doc.sentences, doc.tokens, strict=True):
        if s.is_heading or not tokens:
            continue
        text = s.text[labels[s.sent_id] - s.start :] if s.sent_id in labels else s.text
        text = " ".join(without_note_marks(text).split())  # "adoption.¹": no word "adoption¹"
        stripped = text.rstrip("\"'”’)]")
        lines.append(text if stripped.endswith(tuple(_SENTENCE_END)) else text + ".")
    return lines


def flesch_interval(
    counts: Sequence[TextCounts], *, confidence: float = FLESCH_CONFIDENCE
) -> tuple[float, float, float]:
    """(low, high, effective size) of a document's Flesch reading ease as the mean of its body
    sentences' contributions (``counts``: each sentence's :func:`text_counts`), so that
    sentences of other lengths give an interval.

    The score, 206.835 - 1.015 W/S - 84.6 Y/W over S sentences of W words and Y syllables, is
    exactly the mean of each sentence's linearised contribution ``206.835 - 1.015 w - 84.6 R -
    84.6 (y - R w) / (W / S)`` (R = Y/W; the Taylor linearisation of a ratio, Woodruff 1971),
    whose spread gives :func:`pipeline.serial_stats.serial_mean_interval`: a t interval that
    counts neighbouring sentences alike in length as fewer. NaNs below its 10 sentences, for a
    text without words or syllables (whose score textstat's rule makes 0).
    References: Woodruff (1971), JASA 66:411-414; Wolter (2007), Introduction to Variance
    Estimation, ch. 6.
    """
    z = flesch_contributions(counts)
    if z is None:
        return math.nan, math.nan, math.nan
    return serial_mean_interval(z, confidence=confidence)


def flesch_contributions(counts: Sequence[TextCounts]) -> np.ndarray | None:
    """Each body sentence's linearised contribution to the document's Flesch reading ease
    (:func:`flesch_interval`), whose mean is the score; None for a text without words or
    syllables."""
    w = np.array([c.words for c in counts], dtype=np.float64)
    y = np.array([c.syllables for c in counts], dtype=np.float64)
    if not w.size or not w.sum() or not y.sum():
        return None
    ratio, per_sentence = y.sum() / w.sum(), w.sum() / w.size
    return 206.835 - 1.015 * w - 84.6 * ratio - 84.6 * (y - ratio * w) / per_sentence


def flesch_summary(counts: Sequence[TextCounts]) -> tuple[float, float, float]:
    """(standard deviation, lag-1 autocorrelation, number) of a document's body sentences'
    Flesch contributions (:func:`pipeline.serial_stats.serial_summary`): what the report needs
    to give the interval again with a correlation of neighbours pooled over the corpus. NaNs
    for a text without words or syllables, the number kept."""
    z = flesch_contributions(counts)
    if z is None:
        return math.nan, math.nan, float(len(counts))
    return (*serial_summary(z), float(z.size))


def added_counts(counts: Sequence[TextCounts]) -> TextCounts:
    """The counts of lines joined by newlines (:func:`body_text`): each count is a sum over
    the lines, the sentences a line each."""
    if not counts:
        return text_counts("")
    return TextCounts(*(sum(column) for column in zip(*counts, strict=True)))._replace(
        sentences=len(counts)
    )


def n_body_sentences(doc: SegmentedDocument) -> int:
    """Body sentences with at least one word token: the segmenter's count, which keeps "U.S.",
    "Dr." and "3.5" whole where textstat's count starts a new sentence at every period."""
    return sum(bool(words) for s, words in zip(doc.sentences, doc.tokens) if not s.is_heading)


@functools.cache
def _easy_words() -> frozenset[str]:
    from textstat.backend.utils import get_lang_easy_words

    return frozenset(get_lang_easy_words("en_US"))


@functools.cache
def _pyphen() -> Any:
    from textstat.backend.utils import get_pyphen

    return get_pyphen("en_US")


def without_punctuation(text: str) -> str:
    """``text`` less punctuation, contractions' apostrophes kept (textstat's remove_punctuation)."""
    return _PUNCTUATION.sub("", _STRAY_APOSTROPHE.sub("", text))


@functools.lru_cache(maxsize=_CACHE_SIZE)
def token_syllables(token: str) -> int:
    """Syllables of a lowercase token: first CMU pronunciation, else pyphen points + 1."""
    count = read_syllable_table().get(token)
    return count if count is not None else len(_pyphen().positions(token)) + 1


def n_syllables(text: str) -> int:
    """Syllables of ``text`` as textstat's count_syllables counts them."""
    return sum(map(token_syllables, without_punctuation(text).lower().split()))


@functools.lru_cache(maxsize=_CACHE_SIZE)
def word_classes(word: str) -> tuple[int, bool, bool, bool]:
    """(syllables, polysyllabic, hard for the fog index, hard for Dale-Chall) of a counted word.

    A counted word has no punctuation left to remove, so its syllables are those of its lower
    case as one token. Its lower case may have some ("İ".lower() has a combining dot), which
    textstat's fog index removes before counting, and so does this.
    """
    lower = word.lower()
    easy = lower in _easy_words()
    syllables = token_syllables(lower)
    return syllables, syllables >= 3, not easy and n_syllables(lower) >= 3, not easy


def n_sentences(text: str) -> int:
    """Sentences of ``text`` as textstat's count_sentences counts them."""
    if not text:
        return 0
    runs = _SENTENCE.findall(text)
    if len(runs) < 2:  # at least one whatever its words (a line: mostly one run)
        return 1
    n_short = sum(len(without_punctuation(run).split()) <= 2 for run in runs)
    return max(1, len(runs) - n_short)


def text_counts(text: str) -> TextCounts:
    """Words, sentences, syllables, hard words, letters and characters of ``text``."""
    words = without_punctuation(text).split()
    # column sums of the words' (syllables, polysyllabic, hard fog, hard Dale-Chall)
    syllables, polysyllables, hard_fog, hard_dale_chall = (
        map(sum, zip(*map(word_classes, words))) if words else (0, 0, 0, 0)
    )
    parts = text.split()  # str.split's white space is the \s of a str regex
    no_space = "".join(parts)
    return TextCounts(
        words=len(words),
        sentences=n_sentences(text),
        syllables=syllables,
        polysyllables=polysyllables,
        hard_words_fog=hard_fog,
        hard_words_dale_chall=hard_dale_chall,
        letters=len(_NON_WORD.sub("", no_space)),
        characters=len(no_space),
        tokens=len(parts),
    )


def _ratio(numerator: float, denominator: int) -> float:
    """``numerator / denominator``, 0.0 for a zero denominator (as textstat does)."""
    return numerator / denominator if denominator else 0.0


def flesch_reading_ease(c: TextCounts) -> float:
    """Flesch reading ease. References: Flesch (1948)."""
    per_sentence, per_word = _ratio(c.words, c.sentences), _ratio(c.syllables, c.words)
    if per_sentence == 0 or per_word == 0:
        return 0.0
    return 206.835 - 1.015 * per_sentence - 84.6 * per_word


def flesch_kincaid_grade(c: TextCounts) -> float:
    """Flesch-Kincaid grade level. References: Kincaid et al. (1975)."""
    per_sentence, per_word = _ratio(c.words, c.sentences), _ratio(c.syllables, c.words)
    if per_sentence == 0 or per_word == 0:
        return 0.0
    return (0.39 * per_sentence) + (11.8 * per_word) - 15.59


def gunning_fog(c: TextCounts) -> float:
    """Gunning fog index. References: Gunning (1952)."""
    if c.words == 0:
        return 0.0
    return 0.4 * (_ratio(c.words, c.sentences) + 100 * c.hard_words_fog / c.words)


def smog_index(c: TextCounts) -> float:
    """SMOG grade. References: McLaughlin (1969)."""
    if c.sentences == 0:
        return 0.0
    return (1.043 * (30 * (c.polysyllables / c.sentences)) ** 0.5) + 3.1291


def coleman_liau_index(c: TextCounts) -> float:
    """Coleman-Liau index. References: Coleman & Liau (1975)."""
    letters, sentences = _ratio(c.letters, c.words) * 100, _ratio(c.sentences, c.words) * 100
    if letters == 0 or sentences == 0:
        return 0.0
    return (0.058 * letters) - (0.296 * sentences) - 15.8


def dale_chall(c: TextCounts) -> float:
    """Dale-Chall readability score (textstat's: inflections of easy words count as hard).

    References: Dale & Chall (1948).
    """
    if c.words == 0:
        return 0.0
    percent_hard = 100 * c.hard_words_dale_chall / c.words
    score = (0.1579 * percent_hard) + (0.0496 * _ratio(c.words, c.sentences))
    return score + 3.6365 if percent_hard > 5 else score


def automated_readability_index(c: TextCounts) -> float:
    """Automated readability index. References: Senter & Smith (1967)."""
    per_token, per_sentence = _ratio(c.characters, c.tokens), _ratio(c.words, c.sentences)
    if per_token == 0 or per_sentence == 0:
        return 0.0
    return (4.71 * per_token) + (0.5 * per_sentence) - 21.43


def readability_scores(text: str, *, sentences: int | None = None) -> dict[str, float]:
    """Flesch, Flesch-Kincaid, Gunning fog, SMOG, Coleman-Liau, Dale-Chall and ARI of ``text``.

    ``sentences``: the number of sentences, when known (the segmenter's); else textstat's count.
    All NaN for a text with no words. SMOG is NaN below 3 sentences (its formula needs 30;
    textstat returns 0 there, which would read as "very easy").
    References: textstat (https://pypi.org/project/textstat/); SMOG: McLaughlin (1969).
    """
    if sentences is not None and (
        isinstance(sentences, bool) or not isinstance(sentences, int) or sentences < 0
    ):
        raise ValueError(f"sentences must be an int >= 0, got {sentences!r}")
    if not any(ch.isalpha() for ch in text):
        return dict.fromkeys(READABILITY_COLUMNS, math.nan)
    if sentences == 0:
        raise ValueError("a text with words has at least one sentence, got sentences=0")
    # Hand-counted once for speed (textstat recounts per index); tests hold it equal to textstat.
    c = text_counts(text)
    if sentences is not None:
        c = c._replace(sentences=sentences)
    return scores_of_counts(c)


def scores_of_counts(c: TextCounts) -> dict[str, float]:
    """The seven indices of a text's counts (:func:`readability_scores`)."""
    return {
        "flesch_reading_ease": flesch_reading_ease(c),
        "flesch_kincaid_grade": flesch_kincaid_grade(c),
        "gunning_fog": gunning_fog(c),
        "smog_index": smog_index(c) if c.sentences >= 3 else math.nan,
        "coleman_liau_index": coleman_liau_index(c),
        "dale_chall": dale_chall(c),
        "automated_readability_index": automated_readability_index(c),
    }


FLESCH_INTERVAL_COLUMNS = (
    "flesch_ci_low",
    "flesch_ci_high",
    "flesch_effective_n",
    "flesch_sd",
    "flesch_lag1",
    "flesch_n_sentences",
)


class ReadabilityStage:
    """Per-document stage: readability indices of the body text, and the 95% interval of its
    Flesch reading ease (:func:`flesch_interval`)."""

    name = "readability"
    sentence_columns: tuple[str, ...] = ()
    document_columns = (*READABILITY_COLUMNS, *FLESCH_INTERVAL_COLUMNS)
    tables: dict[str, tuple[str, ...]] = {}

    def analyse(self, doc: SegmentedDocument) -> StageOutput:
        """Readability columns for documents.csv, over the segmenter's body sentences."""
        # each line counted once: the document's counts are their sums (tests hold the scores
        # equal to readability_scores of body_text)
        lines = body_lines(doc)
        counts = [text_counts(line) for line in lines]
        if any(ch.isalpha() for line in lines for ch in line):  # readability_scores' rule
            scores = scores_of_counts(added_counts(counts))
            interval = (*flesch_interval(counts), *flesch_summary(counts))
        else:
            scores = dict.fromkeys(READABILITY_COLUMNS, math.nan)
            interval = (math.nan,) * len(FLESCH_INTERVAL_COLUMNS)
        return StageOutput(
            document_columns={**scores, **dict(zip(FLESCH_INTERVAL_COLUMNS, interval, strict=True))}
        )
