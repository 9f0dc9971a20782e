"""VADER sentiment per sentence, per document and per actor, with the words behind each score.

References: Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for
Sentiment Analysis of Social Media Text. ICWSM-14. Efron, B. & Tibshirani, R. (1993). An
Introduction to the Bootstrap, ch. 13 (percentile interval).
"""

from __future__ import annotations

import csv
import functools
import math
import re
import string
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

from pipeline.actors import DEFAULT_ACTORS, Actor, ActorMatcher, actor_sentiment_rows
from pipeline.lexicon import read_lexicon
from pipeline.types import SegmentedDocument, StageOutput

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

_NON_SPACE = re.compile(r"\S+")
_BOOTSTRAP_BLOCK = 1_000_000  # resampled values held in memory at once


@dataclass(frozen=True, slots=True)
class VaderTrace:
    """VADER's scores for one text and the non-zero word valences it summed, with offsets."""

    scores: dict[str, float]
    terms: tuple[tuple[int, int, float], ...]  # (start, end, valence), offsets into the text


class TracingAnalyzer(SentimentIntensityAnalyzer):
    """vaderSentiment's analyzer that also returns the per-word valences it summed.

    The valences are VADER's ``sentiments`` list as passed to ``score_valence``, i.e. after the
    booster, negation, idiom, "least" and "but" rules. Texts without emoji skip the (identity)
    emoji-replacement loop; all scoring rules are the package's own methods.
    """

    def __init__(self) -> None:
        super().__init__()
        self.emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)
        self._captured: list[float] | None = None

    def score_valence(self, sentiments: list[float], text: str) -> dict[str, float]:
        """VADER's own score_valence, recording the valences it is given."""
        self._captured = list(sentiments)
        return super().score_valence(sentiments, text)

    def polarity_scores(self, text: str) -> dict[str, float]:
        """Same result as vaderSentiment's ``polarity_scores``."""
        return self.trace(text).scores

    def trace(self, text: str) -> VaderTrace:
        """Scores of ``text`` plus (start, end, valence) of every word with non-zero valence."""
        has_emoji = not self.emoji_chars.isdisjoint(text)
        scores = super().polarity_scores(text) if has_emoji else self._scores_without_emoji(text)
        valences = self._captured or []
        self._captured = None
        if not any(valences):
            return VaderTrace(scores=scores, terms=())
        if has_emoji:
            spans = emoji_text_word_spans(text, self.emojis)
            terms = [(*span, float(v)) for span, v in zip(spans, valences, strict=True) if v]
            return VaderTrace(scores=scores, terms=merge_same_span(terms))
        chunks = [m.span() for m in _NON_SPACE.finditer(text)]
        if len(chunks) != len(valences):
            raise RuntimeError(f"VADER word count differs from whitespace split: {text!r}")
        terms = [
            (*vader_word_span(text, *chunks[i]), float(v)) for i, v in enumerate(valences) if v
        ]
        return VaderTrace(scores=scores, terms=tuple(terms))

    def _scores_without_emoji(self, text: str) -> dict[str, float]:
        """The body of vaderSentiment 3.3.2 ``polarity_scores`` for text with no emoji."""
        text = text.strip()
        sentitext = SentiText(text)
        sentiments: list[float] = []
        words = sentitext.words_and_emoticons
        for i, item in enumerate(words):
            if item.lower() in BOOSTER_DICT:
                sentiments.append(0)
                continue
            if i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of":
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)


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
    for row in read_lexicon(list(paths), required=("term", "valence")).rows:
        term = row["term"].lower()
        try:
            valence = float(row["valence"])
        except ValueError:
            raise ValueError(f"valence of {term!r} is not a number: {row['valence']!r}") from None
        if len(term.split()) != 1 or not -4.0 <= valence <= 4.0:
            raise ValueError(f"extra valence {term!r} {valence}: one word, valence in [-4, 4]")
        out[term] = valence
    return tuple(sorted(out.items()))


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


def vader_word_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of VADER's ``words_and_emoticons`` in ``text`` (see :func:`vader_word_span`)."""
    return [vader_word_span(text, *m.span()) for m in _NON_SPACE.finditer(text)]


def vader_word_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Span of VADER's word for the whitespace chunk ``text[start:end]``: edge punctuation is
    stripped unless that leaves two characters or fewer (then the chunk is kept whole)."""
    chunk = text[start:end]
    stripped = chunk.strip(string.punctuation)
    if len(stripped) <= 2:
        return (start, end)
    lead = len(chunk) - len(chunk.lstrip(string.punctuation))
    return (start + lead, start + lead + len(stripped))


def emoji_text_word_spans(text: str, emojis: Mapping[str, str]) -> list[tuple[int, int]]:
    """Word offsets for text with emoji: words of an emoji's description point at the emoji."""
    out_chars: list[str] = []
    sources: list[tuple[int, int]] = []
    prev_space = True
    for i, ch in enumerate(text):
        if ch in emojis:
            description = emojis[ch]
            if not prev_space:
                out_chars.append(" ")
                sources.append((i, i + 1))
            out_chars.extend(description)
            sources.extend([(i, i + 1)] * len(description))
            prev_space = False
        else:
            out_chars.append(ch)
            sources.append((i, i + 1))
            prev_space = ch == " "
    replaced = "".join(out_chars)
    return [(sources[s][0], sources[e - 1][1]) for s, e in vader_word_spans(replaced)]


def merge_same_span(terms: Iterable[tuple[int, int, float]]) -> tuple[tuple[int, int, float], ...]:
    """Terms with valences of words sharing one span (an emoji's description) added up."""
    merged: dict[tuple[int, int], float] = {}
    for start, end, valence in terms:
        merged[(start, end)] = merged.get((start, end), 0.0) + valence
    return tuple((s, e, v) for (s, e), v in merged.items() if v)


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


def bootstrap_mean_interval(
    values: Sequence[float] | np.ndarray,
    *,
    n_samples: int,
    confidence: float,
    rng: np.random.Generator | None,
) -> tuple[float, float]:
    """Percentile bootstrap confidence interval of the mean; NaNs for no values.

    One value gives the degenerate interval (value, value) and needs no generator.

    References: Efron & Tibshirani (1993), An Introduction to the Bootstrap, section 13.3.
    """
    x = np.asarray(values, dtype=float)
    n = x.size
    if n == 0:
        return (math.nan, math.nan)
    if n == 1:
        return (float(x[0]), float(x[0]))
    if rng is None:
        raise ValueError("bootstrap_mean_interval needs a random generator for two or more values")
    rows = max(1, _BOOTSTRAP_BLOCK // n)
    means = np.empty(n_samples)
    for lo in range(0, n_samples, rows):
        hi = min(n_samples, lo + rows)
        idx = rng.integers(0, n, size=(hi - lo, n))
        means[lo:hi] = x.take(idx).sum(axis=1) / n
    means.sort()
    alpha = (1.0 - confidence) / 2.0
    return (sorted_quantile(means, alpha), sorted_quantile(means, 1.0 - alpha))


def sorted_quantile(sorted_values: np.ndarray, q: float) -> float:
    """Quantile of already sorted values with linear interpolation (numpy's default method)."""
    pos = q * (sorted_values.size - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, sorted_values.size - 1)
    frac = pos - lo
    return float(sorted_values[lo] + frac * (sorted_values[hi] - sorted_values[lo]))


def document_aggregates(
    compounds: Sequence[float],
    *,
    n_samples: int,
    confidence: float,
    rng: np.random.Generator | None,
) -> dict[str, float]:
    """Mean, median, bootstrap CI and label shares of the body sentences' compound scores."""
    x = np.asarray(compounds, dtype=float)
    if x.size == 0:
        return {c: math.nan for c in DOCUMENT_COLUMNS}
    low, high = bootstrap_mean_interval(x, n_samples=n_samples, confidence=confidence, rng=rng)
    n = float(x.size)
    return {
        "compound_mean": math.fsum(x) / n,
        "compound_median": float(np.median(x)),
        "compound_ci_low": low,
        "compound_ci_high": high,
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
        self.analyzer = get_analyzer(
            neutral_terms_key(neutral_terms), extra_valences_key(extra_valences)
        )

    def analyse(self, doc: SegmentedDocument) -> StageOutput:
        """Sentence scores, document aggregates and the three evidence tables for one document."""
        cols: dict[str, list[Any]] = {c: [] for c in SENTENCE_COLUMNS}
        terms: list[dict[str, Any]] = []
        body: list[float] = []
        for sent in doc.sentences:
            trace = self.analyzer.trace(sent.text)
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
        document = document_aggregates(
            body,
            n_samples=self.bootstrap_samples,
            confidence=self.confidence,
            rng=stable_rng(self.seed, doc.doc_id) if len(body) > 1 else None,
        )
        actor_rows, mention_rows = actor_sentiment_rows(
            doc, cols["compound"], self.matcher, interval=functools.partial(self._interval, doc)
        )
        return StageOutput(
            sentence_columns=cols,
            document_columns=document,
            tables={
                "sentiment_terms": terms,
                "actor_sentiment": actor_rows,
                "actor_mentions": mention_rows,
            },
        )

    def _interval(
        self, doc: SegmentedDocument, values: Sequence[float], actor: str
    ) -> tuple[float, float]:
        """Bootstrap CI of an actor's mean, seeded by (seed, doc_id, actor)."""
        return bootstrap_mean_interval(
            values,
            n_samples=self.bootstrap_samples,
            confidence=self.confidence,
            rng=stable_rng(self.seed, doc.doc_id, actor) if len(values) > 1 else None,
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
    analyzer: TracingAnalyzer | None = None,
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
    predicted = [sentiment_label(analyzer.polarity_scores(s)["compound"]) for s in sentences]
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
