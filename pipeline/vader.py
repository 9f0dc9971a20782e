"""vaderSentiment's analyzer with the word valences behind each score, and a faster exact path.

Reference: Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for
Sentiment Analysis of Social Media Text. ICWSM-14. Scores are those of the authors' package
(vaderSentiment 3.3.2, pinned); tests compare every score and valence with its
``polarity_scores`` on the default corpus, the labelled sentences and generated texts.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    scalar_inc_dec,
)

_NON_SPACE = re.compile(r"\S+")
_PUNCTUATION = string.punctuation
_NEGATE = frozenset(NEGATE)
_DAMPING = (1.0, 0.95, 0.9)  # VADER's scaling of a modifier 1, 2 or 3 words before the word


@dataclass(frozen=True, slots=True)
class VaderTrace:
    """VADER's scores for one text and the non-zero word valences it summed, with offsets."""

    scores: dict[str, float]
    terms: tuple[tuple[int, int, float], ...]  # (start, end, valence), offsets into the text


def is_negation(word_lower: str) -> bool:
    """VADER's ``negated([word])`` for one lower-cased word."""
    return word_lower in _NEGATE or "n't" in word_lower


class TracingAnalyzer(SentimentIntensityAnalyzer):
    """vaderSentiment's analyzer that also returns the per-word valences it summed.

    The valences are VADER's ``sentiments`` list as passed to ``score_valence``, i.e. after the
    booster, negation, idiom, "least" and "but" rules. Text with emoji goes through the
    package's own ``polarity_scores``. Text without emoji (nearly all news text) takes an exact
    re-statement of its word loop: the package re-lower-cases the whole sentence up to five
    times per sentiment word, which made VADER the slowest part of the stage; here each
    sentence is lower-cased once and words outside the lexicon (always valence 0) skip the rules.
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
        scores = super().polarity_scores(text) if has_emoji else self.scores_without_emoji(text)
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

    def scores_without_emoji(self, text: str) -> dict[str, float]:
        """vaderSentiment 3.3.2 ``polarity_scores`` for text with no emoji."""
        text = text.strip()
        # SentiText's words: edge punctuation stripped unless <= 2 characters would remain
        words = [w if len(s := w.strip(_PUNCTUATION)) <= 2 else s for w in text.split()]
        lowered = [w.lower() for w in words]
        lexicon = self.lexicon
        last = len(words) - 1
        cap_diff: bool | None = None  # SentiText.is_cap_diff, computed when first needed
        sentiments: list[float] = []
        for i, low in enumerate(lowered):
            if (
                low in BOOSTER_DICT
                or low not in lexicon
                or (i < last and low == "kind" and lowered[i + 1] == "of")
            ):
                sentiments.append(0)
            else:
                if cap_diff is None:
                    cap_diff = 0 < len(words) - sum(map(str.isupper, words)) < len(words)
                sentiments.append(self.word_valence(words, lowered, i, cap_diff))
        if "but" in lowered:
            sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)

    def word_valence(self, words: list[str], lowered: list[str], i: int, cap_diff: bool) -> float:
        """``sentiment_valence`` of the lexicon word ``words[i]`` (same rules, same order)."""
        lexicon = self.lexicon
        item_lowercase = lowered[i]
        valence = lexicon[item_lowercase]
        if item_lowercase == "no" and i != len(words) - 1 and lowered[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lowered[i - 1] == "no")
            or (i > 1 and lowered[i - 2] == "no")
            or (i > 2 and lowered[i - 3] == "no" and lowered[i - 1] in ("or", "nor"))
        ):
            valence = lexicon[item_lowercase] * N_SCALAR
        if words[i].isupper() and cap_diff:
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for start_i in range(3):
            if i > start_i and lowered[i - (start_i + 1)] not in lexicon:
                s = scalar_inc_dec(words[i - (start_i + 1)], valence, cap_diff)
                if start_i and s != 0:
                    s = s * _DAMPING[start_i]
                valence = valence + s
                valence = negation_check(valence, lowered, start_i, i)
                if start_i == 2:
                    valence = special_idioms_check(valence, lowered, i)
        return self._least_check(valence, words, i)


def negation_check(valence: float, lowered: list[str], start_i: int, i: int) -> float:
    """VADER's ``_negation_check`` on already lower-cased words."""
    if start_i == 0:
        if is_negation(lowered[i - 1]):
            valence = valence * N_SCALAR
    elif start_i == 1:
        if lowered[i - 2] == "never" and lowered[i - 1] in ("so", "this"):
            valence = valence * 1.25
        elif lowered[i - 2] == "without" and lowered[i - 1] == "doubt":
            pass
        elif is_negation(lowered[i - 2]):
            valence = valence * N_SCALAR
    elif start_i == 2:
        if (lowered[i - 3] == "never" and lowered[i - 2] in ("so", "this")) or lowered[i - 1] in (
            "so",
            "this",
        ):
            valence = valence * 1.25
        elif lowered[i - 3] == "without" and "doubt" in (lowered[i - 2], lowered[i - 1]):
            pass
        elif is_negation(lowered[i - 3]):
            valence = valence * N_SCALAR
    return valence


def special_idioms_check(valence: float, lowered: list[str], i: int) -> float:
    """VADER's ``_special_idioms_check`` on already lower-cased words (called with i >= 3)."""
    onezero = f"{lowered[i - 1]} {lowered[i]}"
    twoonezero = f"{lowered[i - 2]} {lowered[i - 1]} {lowered[i]}"
    twoone = f"{lowered[i - 2]} {lowered[i - 1]}"
    threetwoone = f"{lowered[i - 3]} {lowered[i - 2]} {lowered[i - 1]}"
    threetwo = f"{lowered[i - 3]} {lowered[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(lowered) - 1 > i:
        zeroone = f"{lowered[i]} {lowered[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if len(lowered) - 1 > i + 1:
        zeroonetwo = f"{lowered[i]} {lowered[i + 1]} {lowered[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


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
