"""VADER's sentence scores as the sentiment stage takes them: the text it is given
(:func:`vader_text`), the analyzer with the configured lexicon changes (neutral terms, extra
valences, neutral senses; :func:`get_analyzer`, :class:`SenseAnalyzer`), the labels of VADER's
thresholds (:func:`sentiment_label`) and their agreement with hand labels
(:func:`evaluate_sign_agreement`). The per-document and per-actor aggregates are in
:mod:`pipeline.sentiment`.

References: Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for
Sentiment Analysis of Social Media Text. ICWSM-14.
"""

from __future__ import annotations

import csv
import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.lexicon import read_lexicon
from pipeline.stance_lexicon import stance_entries
from pipeline.vader import TracingAnalyzer, VaderTrace
from pipeline.voices import without_note_marks

if TYPE_CHECKING:
    from pipeline.stance_detector import StanceDetector

# VADER's documented thresholds on the compound score (vaderSentiment README).
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05
LABELS = ("positive", "negative", "neutral")

# VADER strips ASCII punctuation from a word's edges and finds negations by "n't": typographic
# marks, one character each, become their ASCII forms so that “terrible” and don’t read as
# "terrible" and don't; an em dash between words ("high—Huawei") becomes a space. Offsets hold.
VADER_ASCII = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "‹": "'", "›": "'", "′": "'",
     "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
     "…": ".", "—": " ", "―": " "}
)  # fmt: skip


def vader_text(text: str) -> str:
    """A sentence as the stage gives it to VADER, same length and offsets: typographic quotes,
    apostrophes and ellipses in ASCII (:data:`VADER_ASCII`), note marks blanked ("praised.[3]")."""
    return without_note_marks(text.translate(VADER_ASCII))


def neutral_terms_key(terms: Iterable[str]) -> tuple[str, ...]:
    """Validated, lower-cased, sorted neutral terms (the analyzer cache key)."""
    if isinstance(terms, str):
        raise ValueError("neutral_terms must be a list of words, not one string")
    out = set()
    for term in terms:
        if not isinstance(term, str) or not term.strip() or len(term.split()) != 1:
            raise ValueError(f"neutral_terms entries must be single words, got {term!r}")
        out.add(term.strip().lower())
    return tuple(sorted(out))


def extra_valences_key(paths: Iterable[str | Path]) -> tuple[tuple[str, float], ...]:
    """(word, valence) pairs from TSV files with columns term and valence (the cache key)."""
    if isinstance(paths, str | Path):
        raise ValueError("extra_valences must be a list of files, not one path")
    out: dict[str, float] = {}
    lexicon = read_lexicon(list(paths), required=("term", "valence"))
    for i, row in enumerate(lexicon.rows):
        term, where = row["term"].lower(), lexicon.where(i)
        try:
            valence = float(row["valence"])
        except ValueError:
            raise ValueError(
                f"{where}valence of {term!r} is not a number: {row['valence']!r}"
            ) from None
        if len(term.split()) != 1 or not -4.0 <= valence <= 4.0:
            raise ValueError(
                f"{where}extra valence {term!r} {valence}: one word, valence in [-4, 4]"
            )
        out[term] = valence
    return tuple(sorted(out.items()))


def sense_detector(paths: Iterable[str | Path]) -> StanceDetector | None:
    """Matcher of the neutral-sense lexicon files (None for no files)."""
    if isinstance(paths, str | Path):
        raise ValueError("extra_neutral_senses must be a list of files, not one path")
    paths = list(paths)
    if not paths:
        return None
    entries, _ = stance_entries(paths, categories=("neutral",))
    from pipeline.stance_detector import StanceDetector  # heavy: see pipeline.stance

    return StanceDetector(entries)


def mask_words(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with the letters in ``spans`` replaced by Cyrillic zhe of the same case: no
    lexicon, booster or negation word, so VADER scores those words as words it does not know
    and every other rule (capitals, distances, "but") sees the sentence it saw before."""
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            ch = chars[i]
            if ch.isalpha():
                chars[i] = "Ж" if ch.isupper() else "ж"
    return "".join(chars)


class SenseAnalyzer:
    """A VADER analyzer that does not score words where a neutral-sense entry matches them
    ("United" in "United States", "like" meaning "such as"); same ``trace`` and
    ``polarity_scores`` as :class:`TracingAnalyzer`, offsets into the unmasked text."""

    def __init__(self, analyzer: TracingAnalyzer, senses: StanceDetector) -> None:
        self.analyzer = analyzer
        self.senses = senses

    def neutral_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of ``text`` whose words are not scored. Most sentences hold no word that a sense
        entry starts with: one regex scan (:meth:`LexiconMatcher.may_match`) skips the detector,
        whose markers are its matcher's matches in the sentence and its parentheticals."""
        if not self.senses.matcher.may_match(text):
            return []
        return [(m.start, m.end) for m in self.senses.markers(text) if m.category == "neutral"]

    def trace(self, text: str) -> VaderTrace:
        """Scores and scored words of ``text`` with the neutral senses' words left out."""
        spans = self.neutral_spans(text)
        return self.analyzer.trace(mask_words(text, spans) if spans else text)

    def polarity_scores(self, text: str) -> dict[str, float]:
        """Scores of ``text`` with the neutral senses' words left out."""
        return self.trace(text).scores


@functools.cache
def get_analyzer(
    neutral_terms: tuple[str, ...] = (), extra_valences: tuple[tuple[str, float], ...] = ()
) -> TracingAnalyzer:
    """The process-wide analyzer for one lexicon adjustment (the lexicon is read once).

    ``extra_valences`` add or replace words of VADER's lexicon; ``neutral_terms`` remove words.
    """
    analyzer = TracingAnalyzer()
    analyzer.lexicon.update(extra_valences)
    for term in neutral_terms:
        analyzer.lexicon.pop(term, None)
    return analyzer


def sentiment_label(compound: float) -> str:
    """positive if compound >= 0.05, negative if <= -0.05, else neutral (VADER's thresholds)."""
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


@dataclass(frozen=True, slots=True)
class SignAgreement:
    """How often VADER's label equals a person's label on a set of sentences."""

    n: int
    n_agree: int
    rate: float
    disagreements: tuple[tuple[str, str, str], ...]  # (sentence, expected, predicted)


def read_labelled_sentences(path: str | Path) -> list[dict[str, str]]:
    """Rows of a labelled TSV (``#`` lines are comments; header with sentence and expected)."""
    lines = [
        line
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or not {"sentence", "expected"} <= set(rows[0]):
        raise ValueError(f"{path}: needs a header with 'sentence' and 'expected' columns")
    for row in rows:
        if row["expected"] not in LABELS:
            raise ValueError(f"{path}: expected must be one of {LABELS}, got {row['expected']!r}")
    return rows


def evaluate_sign_agreement(
    sentences: Sequence[str],
    expected: Sequence[str],
    *,
    analyzer: TracingAnalyzer | SenseAnalyzer | None = None,
) -> SignAgreement:
    """Agreement of VADER's sentence labels with expected labels (positive/negative/neutral).

    ``analyzer`` defaults to the authors' lexicon unchanged; pass ``SentimentStage(...).analyzer``
    to evaluate a configured one.
    """
    if len(sentences) != len(expected):
        raise ValueError("sentences and expected labels differ in length")
    bad = sorted({e for e in expected if e not in LABELS})
    if bad:
        raise ValueError(f"expected labels must be in {LABELS}, got {bad}")
    analyzer = analyzer or get_analyzer()
    predicted = [
        sentiment_label(analyzer.polarity_scores(vader_text(s))["compound"]) for s in sentences
    ]
    wrong = tuple(
        (s, e, p) for s, e, p in zip(sentences, expected, predicted, strict=True) if e != p
    )
    n = len(sentences)
    return SignAgreement(
        n=n,
        n_agree=n - len(wrong),
        rate=(n - len(wrong)) / n if n else math.nan,
        disagreements=wrong,
    )
