"""VADER sentiment per sentence, per document and per actor, with the words behind each score.

References: Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for
Sentiment Analysis of Social Media Text. ICWSM-14. Efron, B. & Tibshirani, R. (1993). An
Introduction to the Bootstrap, ch. 13 (percentile interval: the actors' sentences). A document's
interval allows for neighbouring sentences alike in tone (:mod:`pipeline.serial_stats`).
"""

from __future__ import annotations

import csv
import functools
import math
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from pipeline.actors import (
    DEFAULT_ACTORS,
    Actor,
    ActorMatcher,
    actor_mention_rows,
    actor_scores,
    actor_sentiment_rows,
)
from pipeline.lexicon import read_lexicon
from pipeline.serial_stats import serial_mean_interval, serial_summary
from pipeline.stance_detector import StanceDetector
from pipeline.stance_lexicon import stance_entries
from pipeline.types import SegmentedDocument, StageOutput
from pipeline.vader import TracingAnalyzer, VaderTrace
from pipeline.voices import without_note_marks

# VADER's documented thresholds on the compound score (vaderSentiment README).
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05
LABELS = ("positive", "negative", "neutral")

SENTENCE_COLUMNS = ("neg", "neu", "pos", "compound", "sentiment")
DOCUMENT_COLUMNS = (
    "compound_mean",
    "compound_median",
    "compound_ci_low",
    "compound_ci_high",
    "compound_effective_n",
    "compound_sd",
    "compound_lag1",
    "share_positive",
    "share_negative",
    "share_neutral",
)
TERM_COLUMNS = ("doc_id", "sent_id", "term", "start", "end", "valence")
ACTOR_COLUMNS = (
    "doc_id",
    "actor",
    "n_mentions",
    "n_sentences",
    "compound_mean",
    "compound_ci_low",
    "compound_ci_high",
)
MENTION_COLUMNS = ("doc_id", "sent_id", "actor", "start", "end", "match")

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


_BOOTSTRAP_BLOCK = 16_384  # resampled values at once: 128 KB stay in cache (2x faster than 1M)


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
        """Spans of ``text`` whose words are not scored."""
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


def stable_rng(seed: int, *keys: str) -> np.random.Generator:
    """A generator seeded from ``seed`` and crc32 of each key: the same for a key in any chunk."""
    entropy = [int(seed), *(zlib.crc32(k.encode("utf-8")) for k in keys)]
    return np.random.default_rng(np.random.SeedSequence(entropy))


def bootstrap_mean_intervals(
    groups: Sequence[Sequence[float] | np.ndarray],
    *,
    n_samples: int,
    confidence: float,
    rng: np.random.Generator | None,
) -> list[tuple[float, float]]:
    """Percentile bootstrap confidence intervals of the means of several groups of values.

    Groups of two or more values are resampled in turn from the one generator, so the first
    such group gets exactly the interval :func:`bootstrap_mean_interval` gives it with the same
    generator. Fewer than two values give NaNs and need no generator: one value says nothing
    of how the mean varies (its bootstrap gives (value, value), which is not an interval).

    References: Efron & Tibshirani (1993), An Introduction to the Bootstrap, section 13.3.
    """
    arrays = [np.asarray(g, dtype=float) for g in groups]
    out = [(math.nan, math.nan)] * len(arrays)
    multi = [i for i, a in enumerate(arrays) if a.size > 1]
    if not multi:
        return out
    if rng is None:
        raise ValueError("a bootstrap of two or more values needs a random generator")
    means = np.empty((n_samples, len(multi)))
    for j, i in enumerate(multi):
        x = arrays[i]
        rows = max(1, _BOOTSTRAP_BLOCK // x.size)
        for lo in range(0, n_samples, rows):
            hi = min(n_samples, lo + rows)
            means[lo:hi, j] = (
                x.take(rng.integers(0, x.size, size=(hi - lo, x.size))).sum(axis=1) / x.size
            )
    means.sort(axis=0)  # one sort and one quantile step for all groups
    alpha = (1.0 - confidence) / 2.0
    lows, highs = sorted_quantile(means, alpha), sorted_quantile(means, 1.0 - alpha)
    for j, i in enumerate(multi):
        out[i] = (float(lows[j]), float(highs[j]))
    return out


def bootstrap_mean_interval(
    values: Sequence[float] | np.ndarray,
    *,
    n_samples: int,
    confidence: float,
    rng: np.random.Generator | None,
) -> tuple[float, float]:
    """Percentile bootstrap confidence interval of the mean of one group (see the plural)."""
    return bootstrap_mean_intervals([values], n_samples=n_samples, confidence=confidence, rng=rng)[
        0
    ]


def sorted_quantile(sorted_values: np.ndarray, q: float) -> Any:
    """Quantile along axis 0 of already sorted values, linear interpolation (numpy's default).

    A float for 1-D input, one value per column for 2-D input.
    """
    last = sorted_values.shape[0] - 1
    pos = q * last
    lo = math.floor(pos)
    hi = min(lo + 1, last)
    frac = pos - lo
    return sorted_values[lo] + frac * (sorted_values[hi] - sorted_values[lo])


def document_aggregates(compounds: Sequence[float], *, confidence: float) -> dict[str, float]:
    """Mean, median, confidence interval (:func:`pipeline.serial_stats.serial_mean_interval`,
    within VADER's -1..1) with the sentences' worth in independent ones, their standard
    deviation and lag-1 autocorrelation (for the report's correlation pooled over the corpus,
    :func:`pipeline.serial_stats.pooled_alike_correlation`), and label shares of body sentence
    scores in text order."""
    x = np.asarray(compounds, dtype=float)
    if x.size == 0:
        return {c: math.nan for c in DOCUMENT_COLUMNS}
    n = float(x.size)
    low, high, effective_n = serial_mean_interval(x, confidence=confidence)
    sd, lag1 = serial_summary(x)
    return {
        "compound_mean": math.fsum(x) / n,
        "compound_median": float(np.median(x)),
        "compound_ci_low": max(-1.0, low) if math.isfinite(low) else low,
        "compound_ci_high": min(1.0, high) if math.isfinite(high) else high,
        "compound_effective_n": effective_n,
        "compound_sd": sd,
        "compound_lag1": lag1,
        "share_positive": float((x >= POSITIVE_THRESHOLD).sum() / n),
        "share_negative": float((x <= NEGATIVE_THRESHOLD).sum() / n),
        "share_neutral": float(((x > NEGATIVE_THRESHOLD) & (x < POSITIVE_THRESHOLD)).sum() / n),
    }


class SentimentStage:
    """Per-document stage: VADER per sentence, body aggregates, evidence terms, actor sentiment."""

    name = "sentiment"
    sentence_columns = SENTENCE_COLUMNS
    document_columns = DOCUMENT_COLUMNS
    tables: ClassVar[dict[str, tuple[str, ...]]] = {
        "sentiment_terms": TERM_COLUMNS,
        "actor_sentiment": ACTOR_COLUMNS,
        "actor_mentions": MENTION_COLUMNS,
    }

    def __init__(
        self,
        *,
        actors: Iterable[Mapping[str, Any] | Actor] = DEFAULT_ACTORS,
        bootstrap_samples: int = 2000,
        seed: int = 0,
        confidence: float = 0.95,
        neutral_terms: Iterable[str] = (),
        extra_valences: Iterable[str | Path] = (),
        extra_neutral_senses: Iterable[str | Path] = (),
    ) -> None:
        if isinstance(bootstrap_samples, bool) or not isinstance(bootstrap_samples, int):
            raise ValueError(f"bootstrap_samples must be an int, got {bootstrap_samples!r}")
        if bootstrap_samples < 100:
            raise ValueError(f"bootstrap_samples must be >= 100, got {bootstrap_samples}")
        if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
            raise ValueError(f"seed must be a non-negative int, got {seed!r}")
        if isinstance(confidence, bool) or not isinstance(confidence, (int, float)):
            raise ValueError(f"confidence must be a number in (0, 1), got {confidence!r}")
        if not 0.0 < float(confidence) < 1.0:
            raise ValueError(f"confidence must be in (0, 1), got {confidence!r}")
        self.bootstrap_samples = bootstrap_samples
        self.seed = seed
        self.confidence = float(confidence)
        self.matcher = ActorMatcher(actors)
        analyzer = get_analyzer(
            neutral_terms_key(neutral_terms), extra_valences_key(extra_valences)
        )
        senses = sense_detector(extra_neutral_senses)
        self.analyzer: TracingAnalyzer | SenseAnalyzer = (
            analyzer if senses is None else SenseAnalyzer(analyzer, senses)
        )

    def analyse(self, doc: SegmentedDocument) -> StageOutput:
        """Sentence scores, document aggregates and the three evidence tables for one document."""
        cols: dict[str, list[Any]] = {c: [] for c in SENTENCE_COLUMNS}
        terms: list[dict[str, Any]] = []
        body: list[float] = []
        for sent in doc.sentences:
            trace = self.analyzer.trace(vader_text(sent.text))
            scores = trace.scores
            for key in ("neg", "neu", "pos", "compound"):
                cols[key].append(float(scores[key]))
            cols["sentiment"].append(sentiment_label(scores["compound"]))
            if not sent.is_heading:
                body.append(float(scores["compound"]))
            for start, end, valence in trace.terms:
                terms.append(
                    {
                        "doc_id": doc.doc_id,
                        "sent_id": sent.sent_id,
                        "term": sent.text[start:end],
                        "start": sent.start + start,
                        "end": sent.start + end,
                        "valence": valence,
                    }
                )
        scores = actor_scores(doc, cols["compound"], self.matcher)
        # one generator per document, seeded by its id (the same in any chunk): each actor's
        # interval in config order (the sentences naming an actor are seldom neighbours)
        groups = [values for values, _ in scores.values()]
        intervals = bootstrap_mean_intervals(
            groups,
            n_samples=self.bootstrap_samples,
            confidence=self.confidence,
            rng=stable_rng(self.seed, doc.doc_id) if any(len(g) > 1 for g in groups) else None,
        )
        return StageOutput(
            sentence_columns=cols,
            document_columns=document_aggregates(body, confidence=self.confidence),
            tables={
                "sentiment_terms": terms,
                "actor_sentiment": actor_sentiment_rows(doc.doc_id, scores, intervals),
                "actor_mentions": actor_mention_rows(doc.doc_id, scores),
            },
        )


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
