"""Closed-form intervals the report's "what differs" items rest on: the level of the report's
intervals and its Bonferroni adjustment, the exact interval of a rate ratio (counts worth fewer
independent markers under a design effect), Welch's interval of a difference of means, a
document's interval widened for picking the lowest or highest of several, and the exact
(Clopper-Pearson) interval of a proportion and the MOVER interval of a difference of two. The
design effects and pooled correlations fed into them, read from documents.csv and frames.csv,
are in :mod:`pipeline.report_stats`."""

from __future__ import annotations

import math
from collections.abc import Mapping
from statistics import NormalDist
from typing import Any

import numpy as np

from pipeline.report_format import finite
from pipeline.serial_stats import t_quantile

CONFIDENCE = 0.95  # level of the report's intervals


def interval_levels(config: Mapping[str, Any]) -> dict[str, float]:
    """The levels of the stage tables' intervals (``sentiment.confidence``, ``frames.confidence``)
    in a run's config, CONFIDENCE where it does not say."""
    levels = {}
    for stage in ("sentiment", "frames"):
        section = config.get(stage) if isinstance(config, Mapping) else None
        value = section.get("confidence") if isinstance(section, Mapping) else None
        try:
            level = float(value)
        except (TypeError, ValueError):
            level = CONFIDENCE
        levels[stage] = level if 0 < level < 1 else CONFIDENCE
    return levels


def bonferroni(tests: int, confidence: float = CONFIDENCE) -> float:
    """The confidence level of each of ``tests`` intervals that hold ``confidence`` together
    (Bonferroni): 1 - (1 - confidence) / tests."""
    return 1 - (1 - confidence) / max(tests, 1)


def rate_ratio_interval(
    a: int, words_a: float, b: int, words_b: float, *, confidence: float = CONFIDENCE,
    deffs: tuple[float, ...] = (1.0, 1.0),
) -> tuple[float, float]:  # fmt: skip
    """Exact interval of the ratio of two rates, ``a`` markers in ``words_a`` words over ``b``
    in ``words_b`` (the upper end is inf when ``b`` is 0). With ``deffs``, each side's design
    effect (how many times its count's variance is that of independent markers,
    :func:`pipeline.report_stats.rate_design_effects`), each count is worth :func:`count_worth`
    of it in independent markers and the interval is that of the counts and words scaled so (the
    same rates, fewer markers).

    Given the total a + b, ``a`` is binomial with p = words_a R / (words_a R + words_b) for
    the rate ratio R, so the Clopper-Pearson interval of p maps onto one of R (the exact
    conditional interval for two Poisson counts). References: Clopper & Pearson (1934),
    Biometrika 26:404-413; Armitage, Berry & Matthews (2002), Statistical Methods in Medical
    Research, 4th ed., on comparing two Poisson counts; Kish (1965), Survey Sampling, 8.2 (the
    design effect).
    """
    for name, count in (("a", a), ("b", b)):
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError(f"{name} must be a count (an int >= 0), got {count!r}")
    if a + b == 0:
        raise ValueError("a and b are both 0: there is no ratio to bound")
    if not (words_a > 0 and words_b > 0):
        raise ValueError(f"word counts must be > 0, got {words_a!r} and {words_b!r}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be in (0, 1), got {confidence!r}")
    if len(deffs) != 2:
        raise ValueError(f"deffs must be two design effects, got {deffs!r}")
    ka, kb = count_worth(a, deffs[0]), count_worth(b, deffs[1])
    p_low, p_high = clopper_pearson(ka, ka + kb, confidence=confidence)
    scale = (words_b / deffs[1]) / (words_a / deffs[0])
    high = p_high / (1 - p_high) * scale if p_high < 1 else math.inf
    return float(p_low / (1 - p_low) * scale), float(high)


def count_worth(count: float, deff: float) -> float:
    """How many independent markers ``count`` markers are worth for a rate when their count's
    variance is ``deff`` times that of independent ones
    (:func:`pipeline.report_stats.rate_design_effects`): ``count / deff``.

    Statisticians' audits (2026-12-05: 31 texts written for it and 30 wire stories, pairs of
    texts whose paragraphs are drawn from one pool, 11 pools), rerun through the report's own
    functions: a rate item "clear" in up to 5.6% of the pairs of a pool (named attributions) and
    8.1% (figures) at a nominal 5%, and one of the seven rate items in 9.5% of all pairs; with
    the lag-1 design effect, up to 2.8% and 3.9%, and 5.8%; with the window dispersion too, 2.8%
    and 3.7%, and 5.8%. A simulated list-like text (figures in runs of about 7 sentences)
    against a plain one at the same rate: "clear" 41% of the time as independent markers, 30%
    with the lag-1 design effect, 26% with the window dispersion too; one among five texts 19%,
    13% and 7%; three markers to a sentence, 15%, 14% and 9% (docs/report-statistics.md)."""
    if not (math.isfinite(deff) and deff >= 1):
        raise ValueError(f"deff must be a number >= 1, got {deff!r}")
    return count / deff


def welch_interval(
    a: np.ndarray,
    b: np.ndarray,
    *,
    confidence: float = CONFIDENCE,
    sizes: tuple[float, float] | None = None,
) -> tuple[float, float]:
    """Welch's t interval of mean(a) - mean(b) (unequal variances, Welch-Satterthwaite degrees
    of freedom); NaNs unless both groups have two or more values and some variance. ``sizes``:
    the values' worth in independent ones (:func:`pipeline.serial_stats.effective_size`) in
    place of their number.

    The same interval as ``scipy.stats.ttest_ind(a, b, equal_var=False).confidence_interval``,
    whose import (0.6 s) would be most of this job's start-up. References: Welch (1947),
    Biometrika 34:28-35.
    """
    if a.size < 2 or b.size < 2:
        return (math.nan, math.nan)
    na, nb = sizes if sizes is not None else (a.size, b.size)
    return welch_from_summaries(
        float(a.mean() - b.mean()),
        (math.sqrt(a.var(ddof=1) / na), na),
        (math.sqrt(b.var(ddof=1) / nb), nb),
        confidence=confidence,
    )


def welch_from_summaries(
    diff: float, a: tuple[float, float], b: tuple[float, float], *, confidence: float = CONFIDENCE
) -> tuple[float, float]:
    """:func:`welch_interval` of a difference ``diff`` of two means from each side's (standard
    error, size): Welch-Satterthwaite degrees of freedom with size - 1 a side; NaNs without
    spread."""
    (se_a, na), (se_b, nb) = a, b
    va, vb = se_a**2, se_b**2
    se2 = va + vb
    if not se2 > 0 or min(na, nb) <= 1:
        return (math.nan, math.nan)
    df = se2**2 / (va**2 / (na - 1) + vb**2 / (nb - 1))
    half = t_quantile(df, confidence) * math.sqrt(se2)
    return (diff - half, diff + half)


def standard_error(low: float, high: float, size: float, *, confidence: float) -> float:
    """The standard error behind a t interval ``low`` to ``high`` at ``confidence`` with size - 1
    degrees of freedom (a document's interval in documents.csv); NaN when it is missing."""
    if not (finite(low) and finite(high) and finite(size) and size > 1):
        return math.nan
    return (high - low) / 2 / t_quantile(size - 1, confidence)


def widened_for_extreme(
    mean: float,
    low: float | None,
    high: float | None,
    n: int,
    *,
    confidence: float = CONFIDENCE,
    effective_n: float | None = None,
    bounds: tuple[float, float] = (-1.0, 1.0),
) -> tuple[float, float]:
    """A document's ``confidence`` interval of its mean compound (``sentiment.confidence``)
    widened to the Bonferroni level of a CONFIDENCE family for picking the lowest (or highest)
    of ``n`` documents: each side scaled by the ratio of the t quantiles with ``effective_n`` -
    1 degrees of freedom (the interval's own, ``compound_effective_n``; the normal quantiles
    without it), clipped to ``bounds`` (VADER's -1..1). NaNs when the interval is missing."""
    if not (finite(low) and finite(high)):
        return math.nan, math.nan
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be in (0, 1), got {confidence!r}")
    levels = (bonferroni(n), confidence)
    if finite(effective_n) and effective_n > 1:
        wide, own = (t_quantile(effective_n - 1, c) for c in levels)
    else:
        wide, own = (NormalDist().inv_cdf(1 - (1 - c) / 2) for c in levels)
    scale = wide / own
    return max(bounds[0], mean - (mean - low) * scale), min(bounds[1], mean + (high - mean) * scale)


def clopper_pearson(k: float, n: float, *, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """Exact (Clopper-Pearson) interval of the proportion k/n, 0 <= k <= n (NaNs when n is 0;
    callers check); k and n may be fractions, counts scaled to an effective size (the beta
    quantiles take real parameters). References: Clopper & Pearson (1934), Biometrika
    26:404-413."""
    low, high = clopper_pearson_arrays(np.asarray(k), np.asarray(n), confidence=confidence)
    return float(low), float(high)


def clopper_pearson_arrays(
    k: np.ndarray, n: np.ndarray, *, confidence: float = CONFIDENCE
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`clopper_pearson` of every k/n of two arrays of the same shape (NaN where n is 0)."""
    from scipy.special import betaincinv  # the beta quantile, without scipy.stats' import

    k, n = np.asarray(k, dtype=np.float64), np.asarray(n, dtype=np.float64)
    alpha = (1 - confidence) / 2
    some, short = k > 0, k < n  # the beta's parameters must be > 0 where it is called
    low = np.where(some, betaincinv(np.where(some, k, 1), n - k + 1, alpha), 0.0)
    high = np.where(short, betaincinv(k + 1, np.where(short, n - k, 1), 1 - alpha), 1.0)
    empty = n <= 0
    return np.where(empty, np.nan, low), np.where(empty, np.nan, high)


def proportion_difference_arrays(
    k1: np.ndarray, n1: np.ndarray, k2: np.ndarray, n2: np.ndarray, *,
    confidence: float = CONFIDENCE,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """:func:`proportion_difference_interval` of every cell of four arrays of one shape (NaN
    where a side has no sentences)."""
    k1, n1, k2, n2 = (np.asarray(x, dtype=np.float64) for x in (k1, n1, k2, n2))
    l1, u1 = clopper_pearson_arrays(k1, n1, confidence=confidence)
    l2, u2 = clopper_pearson_arrays(k2, n2, confidence=confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        p1, p2 = k1 / n1, k2 / n2
    low = p1 - p2 - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = p1 - p2 + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return np.maximum(-1.0, low), np.minimum(1.0, high)


def proportion_difference_interval(
    k1: int, n1: int, k2: int, n2: int, *, confidence: float = CONFIDENCE,
    effective: tuple[float, float] | None = None,
) -> tuple[float, float]:  # fmt: skip
    """Interval of k1/n1 - k2/n2 for two independent proportions: the MOVER combination of each
    side's exact (Clopper-Pearson) interval, the construction of Newcombe's method 10 with exact
    limits in place of Wilson's, whose lower limit is too high for few events at the levels a
    Bonferroni adjustment asks for. With ``effective`` (each side's worth in independent
    sentences, :func:`pipeline.serial_stats.effective_size`) each side's k and n are scaled to
    it (a design effect: the same share, fewer trials).

    Written here because scipy has no interval for a difference of proportions and statsmodels,
    which has Newcombe's, is not a dependency. References: Newcombe (1998), Statistics in
    Medicine 17:873-890; Zou & Donner (2008), Statistics in Medicine 27:1693-1702 (MOVER).
    """
    for name, k, n in (("1", k1, n1), ("2", k2, n2)):
        if any(isinstance(v, bool) or not isinstance(v, int) for v in (k, n)) or not 0 <= k <= n:
            raise ValueError(f"k{name} and n{name} must be ints with 0 <= k <= n, got {k}, {n}")
        if n == 0:
            raise ValueError(f"n{name} is 0: there is no proportion to bound")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be in (0, 1), got {confidence!r}")
    if effective is not None:
        (e1, e2) = effective
        k1, n1, k2, n2 = k1 * e1 / n1, e1, k2 * e2 / n2, e2
    low, high = proportion_difference_arrays(k1, n1, k2, n2, confidence=confidence)
    return float(low), float(high)
